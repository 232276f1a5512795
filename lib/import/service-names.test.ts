import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "./dataset";
import { describeUnmatched, editDistance, serviceNameKey, ServiceCatalogue, stripTitleWords, type ServiceEntry } from "./service-names";
import { loadServiceVariants } from "./service-variants";

// The real list of services, the names they were inspected under and the
// variants file, as the database holds them after seeding.
let catalogue: ServiceCatalogue;
beforeAll(async () => {
  const data = await loadDataset();
  const services: ServiceEntry[] = data.services.map((s, i) => ({
    id: i + 1,
    slug: s.slug,
    name: s.name,
    current: s.current,
    localAuthorities: s.localAuthorities,
    inspectionNames: data.inspections.filter((d) => d.serviceSlug === s.slug).map((d) => d.serviceNameAtInspection),
  }));
  catalogue = new ServiceCatalogue(services, await loadServiceVariants());
});

function matchName(name: string) {
  const m = catalogue.match(name);
  return m.ok ? { service: m.service.name, by: m.layer } : { problem: m.problem, candidates: m.candidates.map((c) => c.name) };
}

describe("normalising names", () => {
  it.each([
    ["Wiltshire Youth Justice Service", "wiltshire"],
    ["Dorset Combined YJS", "dorset combined"],
    ["Conwy & Denbighshire", "conwy and denbighshire"],
    ["Gwynedd and Ynys Môn Youth Justice Service", "gwynedd and ynys mon"],
    ["youth offending services in Dorset - Joint_Inspection", "dorset"],
    ["A joint inspection of youth offending services in Hackney", "hackney"],
    ["An inspection of youth offending in Blaenau Gwent and Caerphilly", "blaenau gwent and caerphilly"],
    ["St. Helens", "st helens"],
  ])("%j → %j", (name, key) => expect(serviceNameKey(name)).toBe(key));

  it("strips a report title's words", () => {
    expect(stripTitleWords("An inspection of youth justice services in Wiltshire")).toBe("Wiltshire");
    expect(stripTitleWords("A re-inspection of youth offending services in Surrey")).toBe("Surrey");
  });

  it("counts edits", () => {
    expect(editDistance("wiltshire", "wiltshre")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("matching a name to one service", () => {
  it.each([
    ["Dorset Combined YJS", "Dorset Combined YOS", "name"],
    ["Dorset", "Dorset Combined YOS", "variant"],
    ["BCP and Dorset", "Dorset Combined YOS", "variant"],
    ["youth offending services in Dorset - Joint_Inspection", "Dorset Combined YOS", "variant"],
    ["Wiltshire Youth Justice Service", "Wiltshire", "name"],
    ["Hull", "Kingston upon Hull", "variant"],
    ["Southend-on-Sea", "Southend on Sea", "name"],
    ["Royal Borough of Greenwich", "Greenwich", "variant"],
    ["Cheshire East, Cheshire West and Chester, Halton and Warrington Youth Justice Service", "Cheshire East Cheshire West Halton and Warrington", "words of its name"],
    ["City of York Council Youth Justice Service", "York", "words of its name"],
    ["North East Lincolnshire Council YOT", "North East Lincolnshire", "words of its name"],
    ["Darlington Young People’s Engagement and Justice Service", "Darlington", "earlier name"],
    ["Western Bay Youth Justice and Early Intervention Service", "Western Bay Youth Justice and Early Intervention Service", "name"],
    ["Rutland", "Leicestershire", "local authority"],
    ["Middlesbrough", "South Tees", "local authority"],
    ["Gwynedd & Ynys Mon", "Gwynedd and Ynys Mon", "name"],
  ])("%j → %j (by %s)", (name, service, by) => {
    expect(matchName(name)).toEqual({ service, by });
  });

  it("refuses an unknown name, suggesting the closest services", () => {
    const m = catalogue.match("Wiltshre YJS");
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.problem).toBe("unknown");
    expect(m.candidates[0]!.name).toBe("Wiltshire");
    const message = describeUnmatched("Wiltshre YJS", m);
    expect(message).toContain('"Wiltshre YJS" is not a known service');
    expect(message).toContain('"Wiltshire"');
    expect(message).toContain("no new service is created");
  });

  it("suggests by shared words as well as by spelling", () => {
    const m = catalogue.match("Cumbria Youth Justice Service");
    expect(m.ok).toBe(false);
    expect(!m.ok && m.candidates.map((c) => c.name)).toEqual(["Cumberland"]);
    const tees = catalogue.match("Tees Valley");
    expect(!tees.ok && tees.candidates.map((c) => c.name)).toEqual(["South Tees", "Stockton on Tees"]);
  });

  it("refuses a name that holds two services' names, naming both", () => {
    expect(matchName("Kent and Medway")).toEqual({ problem: "ambiguous", candidates: ["Kent", "Medway"] });
    const m = catalogue.match("Wiltshire and Swindon");
    expect(!m.ok && describeUnmatched("Wiltshire and Swindon", m)).toMatch(/could be any of .*"Swindon".*"Wiltshire"/);
  });

  it("offers nothing for a name like no service", () => {
    const m = catalogue.match("Atlantis");
    expect(m).toEqual({ ok: false, problem: "unknown", candidates: [] });
  });

  it("refuses a name that is only kind-of-body words", () => {
    expect(matchName("Youth Justice Service")).toEqual({ problem: "empty", candidates: [] });
  });
});
