import { describe, expect, it } from "vitest";
import { addToDistribution, distributionOf, emptyDistribution, figureSummary, percentOf, sharesOf } from "./national-distribution";
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
