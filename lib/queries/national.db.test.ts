// The national overview's aggregate SQL against the real seeded dataset and
// against complete synthetic data, checked against a plain TypeScript
// computation from Prisma reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/test-database";
import { RATINGS } from "../domain/rating";
import { nationalOverview, programmeStandards } from "./national";
import { emptyDistribution, type Distribution } from "./national-distribution";
import type { AreaFilters } from "./national-filters";
import {
  expectedDistribution,
  latestPerServiceAndProgramme,
  median,
  realDatabase,
  syntheticDatabase,
  visibleInspections,
  type PlainInspection,
} from "./national-test-support";

const ALL: AreaFilters = { nation: null, region: null, basis: "all" };
const LATEST: AreaFilters = { nation: null, region: null, basis: "latest" };

function sumCounts(d: Distribution): number {
  return RATINGS.reduce((sum, r) => sum + d.counts[r], 0);
}

function overallOf(rows: readonly PlainInspection[]): Distribution {
  const d = emptyDistribution();
  for (const row of rows) {
    if (row.overall === null) d.notRecorded++;
    else {
      d.counts[row.overall]++;
      d.rated++;
    }
  }
  return d;
}

describe("nationalOverview on the real dataset", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await realDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("counts every inspection once, the two programmes apart, with the dataset's coverage", async () => {
    const o = await nationalOverview(ALL, test.db);
    expect(o.inspections).toEqual({ STANDARDS_2018_2021: 154, PROGRAMME_2025: 17 });
    expect(o.coverage).toEqual({ all: 5, some: 97, none: 52 });
    expect(o.keyQuestionInspections).toBe(1);
    expect(o.services).toEqual({ total: 156, inspected: 149, everywhere: 156 });
    const [standards, programme2025] = o.overall;
    expect(standards!.distribution).toEqual({ counts: { OUTSTANDING: 18, GOOD: 75, REQUIRES_IMPROVEMENT: 51, INADEQUATE: 7 }, rated: 151, notRecorded: 3 });
    expect(programme2025!.distribution).toEqual({ counts: { OUTSTANDING: 3, GOOD: 7, REQUIRES_IMPROVEMENT: 7, INADEQUATE: 0 }, rated: 17, notRecorded: 0 });
  });

  it("gives each standard the dataset's number of ratings, and counts the rest as not recorded, never as a rating", async () => {
    const o = await nationalOverview(ALL, test.db);
    const rated = Object.fromEntries(o.standards.map((s) => [s.code, s.distribution.rated]));
    expect(rated).toEqual({
      "1.1": 54, "1.2": 76, "1.3": 66, "1.4": 72, "2.1": 11, "2.2": 11, "2.3": 10, "2.4": 65,
      "3.1": 14, "3.2": 12, "3.3": 11, "3.4": 33, "4.1": 52,
    });
    for (const s of o.standards) {
      expect(sumCounts(s.distribution)).toBe(s.distribution.rated);
      // 4.1 exists only under the 2021 standards (88 inspections); the others under all 154.
      expect(s.distribution.rated + s.distribution.notRecorded).toBe(s.code === "4.1" ? 88 : 154);
    }
  });

  it("matches a plain computation for every standard, latest per service and every inspection alike", async () => {
    const rows = (await visibleInspections(test.db)).filter((r) => r.programme === "STANDARDS_2018_2021");
    const latest = latestPerServiceAndProgramme(rows);
    const standards = await programmeStandards(test.db);
    for (const [filters, expected] of [[ALL, rows], [LATEST, latest]] as const) {
      const o = await nationalOverview(filters, test.db);
      expect(o.inspections.STANDARDS_2018_2021).toBe(expected.length);
      for (const s of standards) {
        expect(o.standards.find((x) => x.code === s.code)!.distribution).toEqual(expectedDistribution(expected, s.code, s.frameworks));
      }
      expect(o.overall[0]!.distribution).toEqual(overallOf(expected));
    }
  });

  it("draws no key-question median from the one inspection that has figures", async () => {
    const o = await nationalOverview(ALL, test.db);
    for (const k of o.keyQuestions) {
      for (const a of k.areas) expect(a).toMatchObject({ n: 1, median: null, lowerQuartile: null, upperQuartile: null });
    }
  });

  it("filters by region and nation, and the region rows add up to the whole", async () => {
    const london = await nationalOverview({ nation: "ENGLAND", region: "London", basis: "latest" }, test.db);
    const wales = await nationalOverview({ nation: "WALES", region: null, basis: "latest" }, test.db);
    const all = await nationalOverview(LATEST, test.db);
    expect(london.services.total).toBe(31);
    expect(wales.services.total).toBe(18);
    expect(london.regions.map((r) => r.label)).toEqual(["London"]);
    expect(wales.regions.map((r) => r.label)).toEqual(["Wales"]);
    const regionTotal = all.regions.reduce((sum, r) => sum + r.distribution.rated + r.distribution.notRecorded, 0);
    expect(regionTotal + all.regionsExcluded2025).toBe(all.inspections.STANDARDS_2018_2021 + all.inspections.PROGRAMME_2025);
    expect(all.regionsExcluded2025).toBe(17);
    const londonRow = all.regions.find((r) => r.label === "London")!;
    expect(london.overall[0]!.distribution).toEqual(londonRow.distribution);
  });

  it("keeps the 2025 programme's years apart from the 2018/2021 standards'", async () => {
    const o = await nationalOverview(ALL, test.db);
    const y2025 = o.years.filter((y) => y.year === 2025);
    expect(y2025.map((y) => y.programme).sort()).toEqual(["PROGRAMME_2025", "STANDARDS_2018_2021"]);
    const total = o.years.reduce((sum, y) => sum + y.distribution.rated + y.distribution.notRecorded, 0);
    expect(total).toBe(171);
    // 37 undated records, as the dataset's README says.
    expect(o.years.filter((y) => y.year === null).reduce((s, y) => s + y.distribution.rated + y.distribution.notRecorded, 0)).toBe(37);
  });
});

describe("nationalOverview on complete synthetic data", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await syntheticDatabase({ services: 300, inspectionsPerService: 4, seed: 21 });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("has every counting standard recorded for every 2018/2021 inspection, and nothing not recorded", async () => {
    for (const filters of [ALL, LATEST]) {
      const o = await nationalOverview(filters, test.db);
      const n = o.inspections.STANDARDS_2018_2021;
      expect(o.coverage).toEqual({ all: n, some: 0, none: 0 });
      expect(o.keyQuestionInspections).toBe(n);
      for (const s of o.standards) {
        expect(s.distribution.notRecorded).toBe(0);
        expect(sumCounts(s.distribution)).toBe(s.distribution.rated);
      }
    }
  });

  it("takes each service's latest inspection per programme, and matches a plain computation", async () => {
    const rows = await visibleInspections(test.db);
    const latest = latestPerServiceAndProgramme(rows);
    const o = await nationalOverview(LATEST, test.db);
    expect(o.inspections.STANDARDS_2018_2021).toBe(300);
    expect(o.inspections.PROGRAMME_2025).toBe(latest.filter((r) => r.programme === "PROGRAMME_2025").length);
    const standards = await programmeStandards(test.db);
    const latestStandards = latest.filter((r) => r.programme === "STANDARDS_2018_2021");
    for (const s of standards) {
      expect(o.standards.find((x) => x.code === s.code)!.distribution).toEqual(expectedDistribution(latestStandards, s.code, s.frameworks));
    }
    expect(o.overall[1]!.distribution).toEqual(overallOf(latest.filter((r) => r.programme === "PROGRAMME_2025")));
  });

  it("gives key-question medians that match a plain computation and show safety lagging desistance", async () => {
    const rows = (await visibleInspections(test.db)).filter((r) => r.programme === "STANDARDS_2018_2021");
    const o = await nationalOverview(ALL, test.db);
    for (const k of o.keyQuestions) {
      const [d, c, other] = k.areas;
      for (const a of k.areas) {
        const values = rows.map((r) => r.figures[k.code]?.[a.area]).filter((v): v is number => v !== undefined);
        expect(a.n).toBe(values.length);
        expect(a.median).toBeCloseTo(median(values), 5);
      }
      expect(c!.median!).toBeLessThan(d!.median!);
      expect(other!.median!).toBeLessThan(d!.median!);
    }
  });

  it("never pools the 2025 programme into standards, regions or the 2018/2021 years", async () => {
    const o = await nationalOverview(ALL, test.db);
    const rows = await visibleInspections(test.db);
    const n2025 = rows.filter((r) => r.programme === "PROGRAMME_2025").length;
    expect(n2025).toBeGreaterThan(0);
    expect(o.regionsExcluded2025).toBe(n2025);
    for (const s of o.standards) expect(s.ratedFrameworks.every((f) => !f.startsWith("2025"))).toBe(true);
    const years2025 = o.years.filter((y) => y.programme === "PROGRAMME_2025");
    expect(years2025.reduce((s, y) => s + y.distribution.rated + y.distribution.notRecorded, 0)).toBe(n2025);
    expect(years2025.every((y) => y.label.includes("2025 programme"))).toBe(true);
  });
});
