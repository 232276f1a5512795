import { describe, expect, it } from "vitest";
import { addToDistribution, distributionOf, emptyDistribution, figureSummary, percentOf, percentileOfCounts, sharesOf } from "./national-distribution";
import { parseAreaFilters, areaQuery } from "./national-filters";
import { parseCompareSlugs } from "./compare-limits";

describe("distributions", () => {
  it("keeps not recorded apart from every rating", () => {
    const d = distributionOf([
      { rating: "GOOD", count: 3 },
      { rating: null, count: 4 },
      { rating: "INADEQUATE", count: 1 },
    ]);
    expect(d).toEqual({ counts: { OUTSTANDING: 0, GOOD: 3, REQUIRES_IMPROVEMENT: 0, INADEQUATE: 1 }, rated: 4, notRecorded: 4 });
  });

  it("gives shares that add up to exactly 100, and none from fewer than five", () => {
    const d = emptyDistribution();
    addToDistribution(d, "OUTSTANDING", 1);
    addToDistribution(d, "GOOD", 1);
    addToDistribution(d, "REQUIRES_IMPROVEMENT", 1);
    expect(sharesOf(d)).toBeNull();
    addToDistribution(d, "INADEQUATE", 3);
    const shares = sharesOf(d)!;
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBe(100);
    expect(shares.INADEQUATE).toBe(50);
    expect(percentOf(1, 4)).toBeNull();
    expect(percentOf(1, 8)).toBe(13);
  });

  it("draws no median or quartiles from fewer than five figures", () => {
    expect(figureSummary(4, 70, 60, 80)).toEqual({ n: 4, median: null, lowerQuartile: null, upperQuartile: null });
    expect(figureSummary(5, 70.25, 60, 80)).toEqual({ n: 5, median: 70.3, lowerQuartile: 60, upperQuartile: 80 });
  });
});

describe("area filters", () => {
  it("reads nation, region and basis, a region implying England", () => {
    expect(parseAreaFilters({ region: "north east", nation: "wales", basis: "all" })).toEqual({ nation: "ENGLAND", region: "North East", basis: "all" });
    expect(parseAreaFilters({ nation: "Wales" })).toEqual({ nation: "WALES", region: null, basis: "latest" });
    expect(parseAreaFilters({ region: "Mordor", basis: "some" })).toEqual({ nation: null, region: null, basis: "latest" });
    expect(areaQuery({ nation: "ENGLAND", region: "London", basis: "all" }).toString()).toBe("region=London&basis=all");
  });
});

describe("parseCompareSlugs", () => {
  it.each<[string | string[] | undefined, string[], RegExp | null]>([
    [undefined, [], /No services were chosen/],
    ["wiltshire", ["wiltshire"], /Only one service/],
    ["Wiltshire, dorset,,wiltshire", ["wiltshire", "dorset"], null],
    [["a", "b,c"], ["a", "b", "c"], null],
    ["a,b,c,d,e,f,g", ["a", "b", "c", "d", "e", "f", "g"], /7 services were chosen; at most 6/],
  ])("%j", (value, slugs, problem) => {
    const request = parseCompareSlugs(value);
    expect(request.slugs).toEqual(slugs);
    if (problem) expect(request.problem).toMatch(problem);
    else expect(request.problem).toBeNull();
  });
});

describe("percentiles from a histogram", () => {
  /** percentile_cont over the values themselves, as PostgreSQL defines it. */
  function percentileOfValues(values: number[], fraction: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    const position = fraction * (sorted.length - 1);
    const lower = sorted[Math.floor(position)]!;
    const upper = sorted[Math.ceil(position)]!;
    return lower + (upper - lower) * (position - Math.floor(position));
  }
  function histogram(values: number[]): { value: number; n: number }[] {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].map(([value, n]) => ({ value, n }));
  }

  it("matches percentile_cont over the values, for odd and even counts and repeated values", () => {
    const lists = [[50], [10, 90], [0, 0, 100], [33, 71, 71, 12, 99, 45, 45, 45, 8, 60], [5, 80, 80, 80, 81, 100, 3, 62, 62, 14, 77]];
    for (const values of lists) {
      for (const fraction of [0.25, 0.5, 0.75]) {
        expect(percentileOfCounts(histogram(values), fraction)).toBeCloseTo(percentileOfValues(values, fraction), 10);
      }
    }
  });

  it("is null for no values and ignores empty bins", () => {
    expect(percentileOfCounts([], 0.5)).toBeNull();
    expect(percentileOfCounts([{ value: 40, n: 0 }, { value: 60, n: 2 }], 0.5)).toBe(60);
  });
});
