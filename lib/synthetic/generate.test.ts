// The synthetic generator without a database: deterministic, complete and
// consistent with lib/domain's rules.
import { describe, expect, it } from "vitest";
import { countingStandards, frameworkByCode } from "../domain/frameworks";
import { overallFromScore } from "../domain/overall";
import { scoreOf } from "../domain/score";
import { buildSyntheticDataset, checkSyntheticDataset } from "./generate";
import { placeNames } from "./names";
import { seededRandom } from "./random";

describe("seededRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe("placeNames", () => {
  it("gives distinct names, joint names beyond the single ones", () => {
    const names = placeNames(2000, seededRandom(1));
    expect(new Set(names).size).toBe(2000);
    expect(names.some((n) => n.includes(" and "))).toBe(true);
  });
});

describe("buildSyntheticDataset", () => {
  const dataset = buildSyntheticDataset({ services: 400, inspectionsPerService: 4, seed: 11 });

  it("is deterministic: the same seed gives the same data", () => {
    expect(buildSyntheticDataset({ services: 400, inspectionsPerService: 4, seed: 11 })).toEqual(dataset);
    expect(buildSyntheticDataset({ services: 400, inspectionsPerService: 4, seed: 12 })).not.toEqual(dataset);
  });

  it("makes N services with M inspections each, with unique slugs and import keys", () => {
    expect(dataset.services).toHaveLength(400);
    expect(dataset.inspections).toHaveLength(1600);
    expect(new Set(dataset.services.map((s) => s.slug)).size).toBe(400);
    expect(new Set(dataset.inspections.map((i) => i.importKey)).size).toBe(1600);
  });

  it("breaks none of lib/domain's rules and leaves no 2018/2021 standard unrated", () => {
    expect(checkSyntheticDataset(dataset)).toEqual([]);
  });

  it("scores each 2018/2021 inspection from its twelve standards and bands its overall rating", () => {
    for (const inspection of dataset.inspections.filter((i) => i.score !== null)) {
      const framework = frameworkByCode(inspection.frameworkCode)!;
      const result = scoreOf(countingStandards(framework), inspection.ratings);
      expect(result.ratedCount).toBe(12);
      expect(inspection.score).toBe(result.score);
      expect(inspection.scoreMax).toBe(36);
      expect(inspection.overallRating).toBe(overallFromScore(result.score, framework.scoreBands));
      expect(Object.keys(inspection.keyQuestions).sort()).toEqual(["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]);
      if (inspection.frameworkCode === "2021") expect(inspection.ratings["4.1"]).toBeDefined();
      else expect(inspection.ratings["4.1"]).toBeUndefined();
    }
  });

  it("gives the 2025 programme's inspections an overall rating only", () => {
    const programme2025 = dataset.inspections.filter((i) => i.frameworkCode.startsWith("2025"));
    expect(programme2025.length).toBeGreaterThan(0);
    for (const i of programme2025) {
      expect(i.score).toBeNull();
      expect(i.ratings).toEqual({});
      expect(i.keyQuestions).toEqual({});
      expect(i.publishedOn.getTime()).toBeGreaterThanOrEqual(Date.UTC(2025, 3, 1));
    }
  });

  it("spreads ratings, regions and years plausibly", () => {
    const count = <T,>(xs: T[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>());
    const overall = count(dataset.inspections.filter((i) => i.score !== null).map((i) => i.overallRating));
    // Good is the most common, every rating occurs.
    expect(Math.max(...overall.values())).toBe(overall.get("GOOD"));
    for (const r of ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"] as const) expect(overall.get(r) ?? 0).toBeGreaterThan(0);
    const areas = count(dataset.services.map((s) => s.region ?? s.nation));
    expect(areas.size).toBe(10);
    const years = count(dataset.inspections.map((i) => i.publishedOn.getUTCFullYear()));
    expect(Math.min(...years.keys())).toBe(2018);
    expect(Math.max(...years.keys())).toBeGreaterThanOrEqual(2025);
  });

  it("has safety work lag desistance, on average, for every case-based standard", () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const code of ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) {
      const figures = dataset.inspections.flatMap((i) => (i.keyQuestions[code] ? [i.keyQuestions[code]!] : []));
      const d = mean(figures.map((f) => f.DESISTANCE));
      expect(mean(figures.map((f) => f.SAFETY_OF_CHILD))).toBeLessThan(d);
      expect(mean(figures.map((f) => f.SAFETY_OF_OTHERS))).toBeLessThan(d);
    }
  });

  it("refuses nonsense sizes with a clear message", () => {
    expect(() => buildSyntheticDataset({ services: 0 })).toThrow(/at least 1/);
    expect(() => buildSyntheticDataset({ services: 2, inspectionsPerService: 0 })).toThrow(/from 1 to 12/);
  });
});
