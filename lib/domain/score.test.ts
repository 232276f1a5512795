import { describe, expect, it } from "vitest";
import { frameworkByCode } from "./frameworks";
import type { Rating } from "./rating";
import { fullScore, possibleScoreRange, scoreOf, type ScoreResult, type StandardRule } from "./score";
import { WILTSHIRE_RATINGS } from "./wiltshire.fixture";

const STANDARDS_2021: StandardRule[] = frameworkByCode("2021")?.standards ?? [];
const STANDARDS_2025: StandardRule[] = frameworkByCode("2025-IYJS")?.standards ?? [];

const ALL_GOOD: Record<string, Rating> = Object.fromEntries(
  ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"].map((c) => [c, "GOOD" as Rating]),
);

describe("scoreOf", () => {
  it.each<[string, readonly StandardRule[], Partial<Record<string, Rating>>, ScoreResult]>([
    [
      "Wiltshire 2024: 20 out of 36, resettlement (Outstanding) not counted",
      STANDARDS_2021,
      WILTSHIRE_RATINGS,
      { score: 20, maxScore: 36, ratedCount: 12, countingCount: 12, complete: true },
    ],
    [
      "all twelve Good",
      STANDARDS_2021,
      ALL_GOOD,
      { score: 24, maxScore: 36, ratedCount: 12, countingCount: 12, complete: true },
    ],
    [
      "resettlement alone rated: it adds nothing",
      STANDARDS_2021,
      { "4.1": "OUTSTANDING" },
      { score: 0, maxScore: 0, ratedCount: 0, countingCount: 12, complete: false },
    ],
    [
      "three standards known: lower maximum",
      STANDARDS_2021,
      { "1.1": "OUTSTANDING", "1.2": "GOOD", "2.4": "REQUIRES_IMPROVEMENT" },
      { score: 6, maxScore: 9, ratedCount: 3, countingCount: 12, complete: false },
    ],
    [
      "nothing known",
      STANDARDS_2021,
      {},
      { score: 0, maxScore: 0, ratedCount: 0, countingCount: 12, complete: false },
    ],
    [
      "ratings for codes not in the list are ignored",
      [{ code: "1.1", countsTowardOverall: true }],
      { "1.1": "INADEQUATE", "9.9": "OUTSTANDING" },
      { score: 0, maxScore: 3, ratedCount: 1, countingCount: 1, complete: true },
    ],
    [
      "no standards at all (2025 frameworks)",
      STANDARDS_2025,
      { "1.1": "GOOD" },
      { score: 0, maxScore: 0, ratedCount: 0, countingCount: 0, complete: true },
    ],
  ])("%s", (_name, standards, ratings, expected) => {
    expect(scoreOf(standards, ratings)).toEqual(expected);
  });

  it("changes when resettlement is moved into the count (so the exclusion is real)", () => {
    const counted = STANDARDS_2021.map((s) => ({ ...s, countsTowardOverall: true }));
    expect(scoreOf(counted, WILTSHIRE_RATINGS).score).toBe(23);
  });
});

describe("fullScore", () => {
  it.each<[string, readonly StandardRule[], number]>([
    ["2021 (4.1 not counted)", STANDARDS_2021, 36],
    ["2018", frameworkByCode("2018")?.standards ?? [], 36],
    ["2025", STANDARDS_2025, 0],
  ])("%s → %i", (_name, standards, expected) => {
    expect(fullScore(standards)).toBe(expected);
  });
});

describe("possibleScoreRange", () => {
  it.each<[string, Partial<Record<string, Rating>>, { min: number; max: number }]>([
    ["all known (Wiltshire): a single value", WILTSHIRE_RATINGS, { min: 20, max: 20 }],
    ["nothing known: 0 to 36", {}, { min: 0, max: 36 }],
    ["only resettlement known: still 0 to 36", { "4.1": "INADEQUATE" }, { min: 0, max: 36 }],
    ["three known scoring 6: 6 to 33", { "1.1": "OUTSTANDING", "1.2": "GOOD", "2.4": "REQUIRES_IMPROVEMENT" }, { min: 6, max: 33 }],
    ["one Inadequate known: 0 to 33", { "3.1": "INADEQUATE" }, { min: 0, max: 33 }],
  ])("%s", (_name, ratings, expected) => {
    expect(possibleScoreRange(STANDARDS_2021, ratings)).toEqual(expected);
  });
});
