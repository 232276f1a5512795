import { describe, expect, it } from "vitest";
import { frameworkByCode } from "./frameworks";
import { bandFor, overallFromScore, possibleOverallRatings, type ScoreBand } from "./overall";
import type { Rating } from "./rating";

const BANDS: readonly ScoreBand[] = frameworkByCode("2021")?.scoreBands ?? [];

describe("overallFromScore with the recorded 2021 bands", () => {
  it.each<[number, Rating | null]>([
    [0, "INADEQUATE"],
    [5, "INADEQUATE"],
    [6, "INADEQUATE"],
    [7, "REQUIRES_IMPROVEMENT"],
    [18, "REQUIRES_IMPROVEMENT"],
    [19, "GOOD"],
    [20, "GOOD"], // Wiltshire 2024
    [30, "GOOD"],
    [31, "OUTSTANDING"],
    [36, "OUTSTANDING"],
    [-1, null],
    [37, null],
    [18.5, null],
    [Number.NaN, null],
  ])("%d → %s", (score, expected) => {
    expect(overallFromScore(score, BANDS)).toBe(expected);
  });
});

describe("overallFromScore without bands", () => {
  it.each([0, 20, 36])("%i → null", (score) => {
    expect(overallFromScore(score, [])).toBeNull();
  });
});

describe("overallFromScore with other bands", () => {
  const custom: ScoreBand[] = [
    { rating: "GOOD", minScore: 10, maxScore: 20 },
    { rating: "INADEQUATE", minScore: 0, maxScore: 9 },
  ];
  it.each<[number, Rating | null]>([
    [9, "INADEQUATE"],
    [10, "GOOD"],
    [21, null],
  ])("%i → %s", (score, expected) => {
    expect(overallFromScore(score, custom)).toBe(expected);
  });
});

describe("possibleOverallRatings", () => {
  it.each<[string, { min: number; max: number }, readonly ScoreBand[], Rating[]]>([
    ["whole range", { min: 0, max: 36 }, BANDS, ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"]],
    ["exact score 20", { min: 20, max: 20 }, BANDS, ["GOOD"]],
    ["straddling 18/19", { min: 15, max: 19 }, BANDS, ["GOOD", "REQUIRES_IMPROVEMENT"]],
    ["6 to 7", { min: 6, max: 7 }, BANDS, ["REQUIRES_IMPROVEMENT", "INADEQUATE"]],
    ["30 to 36", { min: 30, max: 36 }, BANDS, ["OUTSTANDING", "GOOD"]],
    ["outside every band", { min: 40, max: 50 }, BANDS, []],
    ["no bands", { min: 0, max: 36 }, [], []],
    ["empty range", { min: 10, max: 9 }, BANDS, []],
  ])("%s", (_name, range, bands, expected) => {
    expect(possibleOverallRatings(range, bands)).toEqual(expected);
  });
});

describe("bandFor", () => {
  it("finds the band of a rating", () => {
    expect(bandFor("REQUIRES_IMPROVEMENT", BANDS)).toMatchObject({ minScore: 7, maxScore: 18 });
    expect(bandFor("GOOD", [])).toBeUndefined();
  });
});
