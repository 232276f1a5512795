// The standards read models against the real dataset and complete synthetic data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/test-database";
import { RATINGS } from "../domain/rating";
import type { AreaFilters } from "./national-filters";
import { expectedDistribution, latestPerServiceAndProgramme, realDatabase, syntheticDatabase, visibleInspections } from "./national-test-support";
import { LOW_FIGURE, standardsIndex, standardView } from "./standards";

const LATEST: AreaFilters = { nation: null, region: null, basis: "latest" };
const ALL: AreaFilters = { nation: null, region: null, basis: "all" };

describe("standards on the real dataset", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await realDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("lists the thirteen standards with how many inspections rate each", async () => {
    const index = await standardsIndex(test.db);
    expect(index.map((s) => `${s.code}:${s.rated}/${s.inspections}`)).toEqual([
      "1.1:54/154", "1.2:76/154", "1.3:66/154", "1.4:72/154", "2.1:11/154", "2.2:11/154", "2.3:10/154",
      "2.4:65/154", "3.1:14/154", "3.2:12/154", "3.3:11/154", "3.4:33/154", "4.1:52/88",
    ]);
    expect(index.find((s) => s.code === "3.4")!.name).toMatch(/Joint working \(2018\)/);
  });

  it("lists Wiltshire under Inadequate for 3.1, with its low key-question figure", async () => {
    const view = (await standardView("3.1", LATEST, test.db))!;
    const inadequate = view.bands.find((b) => b.rating === "INADEQUATE")!;
    expect(inadequate.entries.map((e) => e.slug)).toContain("wiltshire");
    expect(inadequate.total).toBe(inadequate.entries.length);
    for (const band of view.bands) if (band.rating) expect(band.entries.every((e) => e.rating === band.rating)).toBe(true);
    expect(view.keyQuestions!.inspectionsWithFigures).toBe(1);
    expect(view.keyQuestions!.low).toEqual([
      { inspectionId: expect.any(Number), slug: "wiltshire", name: "Wiltshire", published: "14 May 2024", figures: [83, 67, 42] },
    ]);
    // One inspection: no distribution drawn.
    for (const a of view.keyQuestions!.areas) expect(a).toMatchObject({ n: 1, median: null, histogram: null });
  });

  it("splits 3.1 by framework, the parts adding up to the whole, matching a plain computation", async () => {
    const view = (await standardView("3.1", LATEST, test.db))!;
    const rows = latestPerServiceAndProgramme(await visibleInspections(test.db)).filter((r) => r.programme === "STANDARDS_2018_2021");
    expect(view.overall).toEqual(expectedDistribution(rows, "3.1", ["2018", "2021", "2018-or-2021"]));
    for (const f of view.byFramework) expect(f.distribution).toEqual(expectedDistribution(rows, "3.1", [f.frameworkCode]));
    const yearTotal = view.byYear.reduce((s, y) => s + y.distribution.rated + y.distribution.notRecorded, 0);
    expect(yearTotal).toBe(view.inspections);
    expect(view.bands.reduce((s, b) => s + b.total, 0)).toBe(view.inspections);
  });

  it("counts 4.1 only under the 2021 standards, and gives no key questions to an organisational standard", async () => {
    const view = (await standardView("4.1", ALL, test.db))!;
    expect(view.byFramework.map((f) => f.frameworkCode)).toEqual(["2021"]);
    expect(view.inspections).toBe(88);
    expect(view.overall.rated).toBe(52);
    expect(view.keyQuestions).toBeNull();
    expect(view.definitions.map((d) => d.frameworkCode)).toEqual(["2021"]);
  });

  it("words 3.4 differently by framework and says when the wording is not known", async () => {
    const view = (await standardView("3.4", ALL, test.db))!;
    const names = Object.fromEntries(view.definitions.map((d) => [d.frameworkCode, d.name]));
    expect(names["2018"]).toBe("Joint working");
    expect(names["2021"]).toMatch(/policy and provision/i);
    expect(view.definitions.find((d) => d.frameworkCode === "2018-or-2021")!.statement).toBeNull();
  });

  it("returns null for a code that is not a standard", async () => {
    expect(await standardView("5.1", LATEST, test.db)).toBeNull();
    expect(await standardView("1.9", LATEST, test.db)).toBeNull();
  });
});

describe("standards on complete synthetic data", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await syntheticDatabase({ services: 250, inspectionsPerService: 4, seed: 8 });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("draws a key-question distribution whose bands add up to n, and lists every inspection below 50%", async () => {
    const view = (await standardView("2.4", ALL, test.db))!;
    const rows = (await visibleInspections(test.db)).filter((r) => r.programme === "STANDARDS_2018_2021");
    const kq = view.keyQuestions!;
    expect(kq.inspectionsWithFigures).toBe(rows.length);
    for (const a of kq.areas) {
      expect(a.n).toBe(rows.length);
      expect(a.histogram!.reduce((s, x) => s + x, 0)).toBe(a.n);
      expect(a.median).not.toBeNull();
    }
    const low = rows.filter((r) => Math.min(...Object.values(r.figures["2.4"]!)) < LOW_FIGURE);
    expect(kq.lowTotal).toBe(low.length);
    expect(kq.low.length).toBe(Math.min(low.length, 200));
    for (const e of kq.low) expect(Math.min(...e.figures.map((f) => f ?? 100))).toBeLessThan(LOW_FIGURE);
  });

  it("has no inspection not recorded, and bands that add up to every inspection counted", async () => {
    const view = (await standardView("1.2", LATEST, test.db))!;
    expect(view.inspections).toBe(250);
    expect(view.overall.notRecorded).toBe(0);
    const notRecorded = view.bands.find((b) => b.rating === null)!;
    expect(notRecorded.total).toBe(0);
    expect(RATINGS.reduce((s, r) => s + view.overall.counts[r], 0)).toBe(250);
    expect(view.bands.filter((b) => b.rating).reduce((s, b) => s + b.total, 0)).toBe(250);
  });
});
