import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UserFacingError } from "../errors";
import {
  DATA_DIR,
  DatasetError,
  INSPECTIONS_FILE,
  SERVICES_FILE,
  loadDataset,
  parseCsv,
  parseDataset,
  parsePartialDate,
  type ParsedDataset,
} from "./dataset";

const realJson = readFileSync(path.join(DATA_DIR, INSPECTIONS_FILE), "utf8");
const realCsv = readFileSync(path.join(DATA_DIR, SERVICES_FILE), "utf8");

const HEADER = "service,local_authorities,nation,region,source_url";
const URL_A = "https://example.org/yjb-list.csv";
const miniCsv = [
  HEADER,
  `Wiltshire,Wiltshire,England,South West,${URL_A}`,
  `Luton,Luton,England,Eastern,${URL_A}`,
  `Bridgend,Bridgend,Wales,Wales,${URL_A}`,
  `Neath Port Talbot,Neath Port Talbot,Wales,Wales,${URL_A}`,
  `Swansea,Swansea,Wales,Wales,${URL_A}`,
  `Dorset Combined YOS,"Bournemouth, Christchurch and Poole;Dorset",England,South West,${URL_A} https://example.org/dorset`,
].join("\n");

const nullRatings = Object.fromEntries(
  ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1"].map((k) => [k, null]),
);

function record(overrides: Record<string, unknown> = {}) {
  return {
    service: "Wiltshire Youth Justice Service",
    serviceKey: "Wiltshire",
    localAuthorities: ["Wiltshire"],
    nation: "England",
    region: "South West",
    fieldworkStart: "2024-02-26",
    published: "2024-05-14",
    overallRating: "Good",
    score: null,
    ratings: { ...nullRatings },
    inspectionType: "full",
    framework: "2021",
    sources: ["https://example.org/report"],
    notes: null,
    ...overrides,
  };
}

function parse(records: unknown[], csv = miniCsv): ParsedDataset {
  return parseDataset({ inspectionsJson: JSON.stringify(records), servicesCsv: csv });
}

function errorOf(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error("expected a DatasetError");
}

describe("the real dataset in prisma/data", () => {
  const data = parseDataset({ inspectionsJson: realJson, servicesCsv: realCsv });

  it("has 155 current services and the former Western Bay", () => {
    expect(data.services.filter((s) => s.current)).toHaveLength(155);
    const westernBay = data.services.find((s) => s.slug === "western-bay");
    expect(westernBay).toMatchObject({
      current: false,
      nation: "WALES",
      region: null,
      name: "Western Bay Youth Justice and Early Intervention Service",
      successorSlugs: ["bridgend", "neath-port-talbot", "swansea"],
    });
    expect([...westernBay!.localAuthorities].sort()).toEqual(["Bridgend", "Neath Port Talbot", "Swansea"]);
    expect(new Set(data.services.map((s) => s.slug)).size).toBe(156);
  });

  it("maps regions to ONS names and Wales to null", () => {
    const regions = new Set(data.services.filter((s) => s.nation === "ENGLAND").map((s) => s.region));
    expect(regions).toContain("East of England");
    expect(regions).toContain("Yorkshire and The Humber");
    expect(regions).not.toContain("Eastern");
    expect(regions).not.toContain("Yorkshire");
    expect(data.services.filter((s) => s.nation === "WALES").every((s) => s.region === null)).toBe(true);
    expect(data.services.filter((s) => s.nation === "WALES")).toHaveLength(18);
  });

  it("splits local authorities and source URLs", () => {
    const dorset = data.services.find((s) => s.name === "Dorset Combined YOS")!;
    expect(dorset.slug).toBe("dorset-combined-yos");
    expect(dorset.localAuthorities).toEqual(["Bournemouth, Christchurch and Poole", "Dorset"]);
    expect(dorset.sourceUrls).toHaveLength(2);
    expect(dorset.sourceUrls.every((u) => u.startsWith("https://"))).toBe(true);
  });

  it("has 171 inspections with unique, stable import keys", () => {
    expect(data.inspections).toHaveLength(171);
    const keys = data.inspections.map((i) => i.importKey);
    expect(new Set(keys).size).toBe(171);
    expect(keys).toContain("hmip-dataset:wiltshire:2024-05-14:full");
    expect(keys).toContain("hmip-dataset:western-bay:2019-03:full");
    const again = parseDataset({ inspectionsJson: realJson, servicesCsv: realCsv });
    expect(again.inspections.map((i) => i.importKey)).toEqual(keys);
  });

  it("reads Wiltshire's 2024 inspection in full", () => {
    const w = data.inspections.find((i) => i.importKey === "hmip-dataset:wiltshire:2024-05-14:full")!;
    expect(w).toMatchObject({
      serviceSlug: "wiltshire",
      serviceNameAtInspection: "Wiltshire Youth Justice Service",
      frameworkCode: "2021",
      frameworkConfirmed: true,
      kind: "FULL",
      overallRating: "GOOD",
      score: 20,
      scoreMax: 36,
      fieldworkStart: new Date(Date.UTC(2024, 1, 26)),
      fieldworkStartPrecision: "DAY",
      publishedOn: new Date(Date.UTC(2024, 4, 14)),
      publishedOnPrecision: "DAY",
    });
    expect(Object.keys(w.ratings)).toHaveLength(13);
    expect(w.ratings["3.1"]).toBe("INADEQUATE");
    expect(w.ratings["4.1"]).toBe("OUTSTANDING");
    expect(w.keyQuestions["3.1"]).toEqual({ DESISTANCE: 83, SAFETY_OF_CHILD: 67, SAFETY_OF_OTHERS: 42 });
    expect(Object.values(w.keyQuestions).flatMap((k) => Object.values(k!))).toHaveLength(21);
  });

  it("keeps unknown ratings out and gives no score maximum without a score", () => {
    const overallOnly = data.inspections.filter((i) => Object.keys(i.ratings).length === 0 && i.frameworkCode.length === 4);
    expect(overallOnly.length).toBeGreaterThan(0);
    for (const i of data.inspections) {
      expect(Object.values(i.ratings).every((r) => r !== null && r !== undefined)).toBe(true);
      expect(i.scoreMax).toBe(i.score === null ? null : 36);
    }
    expect(data.inspections.filter((i) => i.overallRating === null)).toHaveLength(3);
  });

  it("maps frameworks, types and confirmation", () => {
    const count = (f: (i: ParsedDataset["inspections"][number]) => string) =>
      data.inspections.reduce<Record<string, number>>((m, i) => ({ ...m, [f(i)]: (m[f(i)] ?? 0) + 1 }), {});
    expect(count((i) => i.frameworkCode)).toEqual({
      "2018": 57,
      "2021": 88,
      "2018-or-2021": 9,
      "2025-IYJWCV": 16,
      "2025-IYJS": 1,
    });
    expect(data.inspections.filter((i) => !i.frameworkConfirmed)).toHaveLength(10);
    expect(count((i) => i.kind)).toEqual({ FULL: 149, REINSPECTION: 4, OTHER: 18 });
    for (const i of data.inspections.filter((x) => x.frameworkCode.startsWith("2025"))) {
      expect(i.score).toBeNull();
      expect(i.ratings).toEqual({});
    }
  });

  it("parses date precision", () => {
    const byPrecision = (p: string | null) => data.inspections.filter((i) => i.publishedOnPrecision === p).length;
    expect(byPrecision("DAY")).toBe(94);
    expect(byPrecision("MONTH")).toBe(39);
    expect(byPrecision(null) + byPrecision("YEAR")).toBe(38);
  });

  it("loads from disk the same as from text", async () => {
    const loaded = await loadDataset();
    expect(loaded.inspections.map((i) => i.importKey)).toEqual(data.inspections.map((i) => i.importKey));
  });
});

describe("parsePartialDate", () => {
  it("gives the first day of the period in UTC and its precision", () => {
    expect(parsePartialDate("2019")).toEqual({ date: new Date("2019-01-01T00:00:00Z"), precision: "YEAR" });
    expect(parsePartialDate("2019-03")).toEqual({ date: new Date("2019-03-01T00:00:00Z"), precision: "MONTH" });
    expect(parsePartialDate("2024-02-29")).toEqual({ date: new Date("2024-02-29T00:00:00Z"), precision: "DAY" });
    expect(parsePartialDate(null)).toBeNull();
  });

  it("describes invalid dates", () => {
    for (const bad of ["2023-02-29", "2024-13", "2024-00-10", "24-01-01", "2024/01/01", "March 2024", "2024-1-5"]) {
      expect(typeof parsePartialDate(bad)).toBe("string");
    }
    expect(typeof parsePartialDate(2024)).toBe("string");
  });
});

describe("parseCsv", () => {
  it("handles quotes, doubled quotes, CRLF and a trailing newline", () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["1", "2", "3"],
    ]);
  });
});

describe("broken inputs", () => {
  it("accepts a small valid dataset", () => {
    const data = parse([record()]);
    expect(data.services).toHaveLength(6);
    expect(data.services.find((s) => s.slug === "luton")!.region).toBe("East of England");
    expect(data.inspections[0]!.ratings).toEqual({});
  });

  it("rejects an unknown service key, naming the record", () => {
    const error = errorOf(() => parse([record(), record({ service: "Nowhere YOT", serviceKey: "Nowhere" })]));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain("inspection record 1 (Nowhere YOT)");
    expect(error.message).toContain('"serviceKey"');
    expect(error.message).toContain('"Nowhere"');
    expect(error).toBeInstanceOf(UserFacingError);
  });

  it("rejects invalid dates, naming service and field", () => {
    const error = errorOf(() => parse([record({ published: "2024-02-30" }), record({ fieldworkStart: "Feb 2024" })]));
    expect(error.issues).toEqual([
      expect.objectContaining({ record: "inspection record 0 (Wiltshire Youth Justice Service)", field: "published" }),
      expect.objectContaining({ record: "inspection record 1 (Wiltshire Youth Justice Service)", field: "fieldworkStart" }),
    ]);
  });

  it("rejects unknown rating words, naming the field", () => {
    const error = errorOf(() =>
      parse([record({ overallRating: "Excellent", ratings: { ...nullRatings, "2.1": "Sufficient" } })]),
    );
    expect(error.issues.map((i) => i.field)).toEqual(["overallRating", "ratings.2.1"]);
    expect(error.message).toContain("Wiltshire Youth Justice Service");
    expect(error.message).toContain('"Excellent" is not a rating word');
  });

  it("rejects unknown frameworks, types, bad scores and bad key questions", () => {
    const error = errorOf(() =>
      parse([
        record({
          framework: "2030",
          inspectionType: "surprise",
          score: 37,
          keyQuestions: { "2.1": { desistance: 101, safetyOfPublic: 50 } },
        }),
      ]),
    );
    expect(error.issues.map((i) => i.field).sort()).toEqual(
      ["framework", "inspectionType", "keyQuestions.2.1.desistance", "keyQuestions.2.1.safetyOfPublic", "score"].sort(),
    );
  });

  it("collects every problem from every record before failing", () => {
    const error = errorOf(() =>
      parse([
        record({ serviceKey: "Atlantis" }),
        record({ published: "2024-99" }),
        record({ sources: [] }),
        record({ nation: "Scotland" }),
      ]),
    );
    expect(error.issues.map((i) => i.record)).toEqual([
      "inspection record 0 (Wiltshire Youth Justice Service)",
      "inspection record 1 (Wiltshire Youth Justice Service)",
      "inspection record 2 (Wiltshire Youth Justice Service)",
      "inspection record 3 (Wiltshire Youth Justice Service)",
    ]);
    expect(error.message.split("\n")[0]).toBe("The seed dataset has 4 problems:");
  });

  it("maps the framework wording and confirmation", () => {
    const data = parse([
      record({ framework: "2018/2021 (not confirmed)", published: "2021-07" }),
      record({ framework: "2021 (not confirmed)", published: "2021-08" }),
      record({ framework: "2025 (IYJWCV)", published: "2025-09", inspectionType: "other" }),
      record({ framework: "2025 (IYJS)", published: "2025-10" }),
      record({ framework: "2018", published: "2019", inspectionType: "reinspection" }),
      record({ framework: "2021", published: null, fieldworkStart: null, inspectionType: "thematic" }),
    ]);
    expect(data.inspections.map((i) => [i.frameworkCode, i.frameworkConfirmed, i.kind])).toEqual([
      ["2018-or-2021", false, "FULL"],
      ["2021", false, "FULL"],
      ["2025-IYJWCV", true, "OTHER"],
      ["2025-IYJS", true, "FULL"],
      ["2018", true, "REINSPECTION"],
      ["2021", true, "THEMATIC"],
    ]);
    expect(data.inspections[4]!.publishedOnPrecision).toBe("YEAR");
    expect(data.inspections[5]!.importKey).toBe("hmip-dataset:wiltshire:undated:thematic");
  });

  it("keys by publication, else fieldwork, and disambiguates only true duplicates", () => {
    const data = parse([
      record({ published: null, fieldworkStart: "2018" }),
      record({ published: "2024-05-14" }),
      record({ published: "2024-05-14", notes: "a second record with the same key" }),
    ]);
    expect(data.inspections.map((i) => i.importKey)).toEqual([
      "hmip-dataset:wiltshire:2018:full",
      "hmip-dataset:wiltshire:2024-05-14:full",
      "hmip-dataset:wiltshire:2024-05-14:full:2",
    ]);
  });

  it("makes a null service key the former Western Bay service", () => {
    const data = parse([
      record({
        service: "Western Bay Youth Justice and Early Intervention Service",
        serviceKey: null,
        localAuthorities: ["Swansea", "Neath Port Talbot", "Bridgend"],
        nation: "Wales",
        region: null,
        published: "2019-03",
      }),
    ]);
    const westernBay = data.services.find((s) => s.slug === "western-bay")!;
    expect(westernBay.current).toBe(false);
    expect(westernBay.successorSlugs).toEqual(["bridgend", "neath-port-talbot", "swansea"]);
    expect(data.inspections[0]!.serviceSlug).toBe("western-bay");
  });

  it("rejects a null service key that is not a known former service", () => {
    const error = errorOf(() => parse([record({ service: "Somewhere YOT", serviceKey: null })]));
    expect(error.issues[0]).toMatchObject({ record: "inspection record 0 (Somewhere YOT)", field: "serviceKey" });
  });

  it("rejects a record whose nation or region disagrees with its service", () => {
    const error = errorOf(() => parse([record({ region: "London" })]));
    expect(error.issues[0]!.field).toBe("region");
  });

  it("reports broken services CSV rows by line", () => {
    const csv = [
      HEADER,
      `Wiltshire,Wiltshire,England,South West,${URL_A}`,
      `Narnia,Narnia,Scotland,Narnia,${URL_A}`,
      `Luton,Luton,England,Eastern,not-a-url`,
      `Wiltshire,Wiltshire,England,South West,${URL_A}`,
    ].join("\n");
    const error = errorOf(() => parse([], csv));
    expect(error.issues.map((i) => `${i.record} ${i.field}`)).toEqual([
      "services CSV line 3 (Narnia) nation",
      "services CSV line 3 (Narnia) region",
      "services CSV line 4 (Luton) source_url",
      "services CSV line 5 (Wiltshire) service",
    ]);
  });

  it("rejects a services CSV with the wrong header and invalid JSON", () => {
    expect(errorOf(() => parse([], "name,nation\nA,England")).issues[0]!.field).toBe("(header)");
    expect(
      errorOf(() => parseDataset({ inspectionsJson: "{not json", servicesCsv: miniCsv })).issues[0]!.field,
    ).toBe("(file)");
  });
});
