import { describe, expect, it } from "vitest";
import { frameworkByCode } from "./frameworks";
import { figureBand, keyQuestionBand, lowestFigure, type KeyQuestionThreshold } from "./key-questions";
import type { Rating } from "./rating";
import { WILTSHIRE_KEY_QUESTIONS } from "./wiltshire.fixture";

// Made-up thresholds for testing the mechanics only. They are deliberately
// NOT the inspectorate's (whose edges are not confirmed and are not recorded).
const TEST_THRESHOLDS: KeyQuestionThreshold[] = [
  { rating: "GOOD", minPercent: 60 },
  { rating: "INADEQUATE", minPercent: 0 },
  { rating: "OUTSTANDING", minPercent: 90 },
  { rating: "REQUIRES_IMPROVEMENT", minPercent: 40 },
];

const RECORDED_THRESHOLDS = frameworkByCode("2021")?.keyQuestionThresholds ?? [];

describe("keyQuestionBand", () => {
  it.each<[number, Rating | null]>([
    [0, "INADEQUATE"],
    [39, "INADEQUATE"],
    [40, "REQUIRES_IMPROVEMENT"],
    [59, "REQUIRES_IMPROVEMENT"],
    [60, "GOOD"],
    [89, "GOOD"],
    [90, "OUTSTANDING"],
    [100, "OUTSTANDING"],
    [-1, null],
    [101, null],
    [Number.NaN, null],
  ])("%d with test thresholds → %s", (percent, expected) => {
    expect(keyQuestionBand(percent, TEST_THRESHOLDS)).toBe(expected);
  });

  it.each([0, 50, 80, 100])("%i with no thresholds → null", (percent) => {
    expect(keyQuestionBand(percent, [])).toBeNull();
  });

  it("returns null below the lowest threshold", () => {
    expect(keyQuestionBand(10, [{ rating: "GOOD", minPercent: 50 }])).toBeNull();
  });
});

describe("lowestFigure", () => {
  it.each<[readonly number[], number | null]>([
    [[94, 63, 56], 56],
    [[42], 42],
    [[0, 100], 0],
    [[], null],
    [[Number.NaN, 70], 70],
    [[Number.NaN], null],
  ])("%j → %s", (figures, expected) => {
    expect(lowestFigure(figures)).toBe(expected);
  });
});

describe("figureBand", () => {
  it.each<[readonly number[], Rating | null]>([
    [[94, 63, 56], "REQUIRES_IMPROVEMENT"], // lowest 56
    [[95, 91, 92], "OUTSTANDING"],
    [[95, 91, 12], "INADEQUATE"], // one low figure drags the band down
    [[61, 99, 100], "GOOD"],
    [[], null],
  ])("%j with test thresholds → %s", (figures, expected) => {
    expect(figureBand(figures, TEST_THRESHOLDS)).toBe(expected);
  });

  it("returns null with no thresholds", () => {
    expect(figureBand([94, 63, 56], [])).toBeNull();
  });
});

describe("Wiltshire 2024 key questions", () => {
  const standards = Object.entries(WILTSHIRE_KEY_QUESTIONS);

  it("records no thresholds for the 2021 framework", () => {
    expect(RECORDED_THRESHOLDS).toEqual([]);
  });

  it.each(standards)("%s has no band with the recorded thresholds", (_code, figures) => {
    expect(figureBand(Object.values(figures), RECORDED_THRESHOLDS)).toBeNull();
  });

  it.each<[string, number, Rating]>([
    ["2.1", 56, "REQUIRES_IMPROVEMENT"],
    ["2.2", 56, "REQUIRES_IMPROVEMENT"],
    ["2.3", 50, "REQUIRES_IMPROVEMENT"],
    ["2.4", 63, "GOOD"],
    ["3.1", 42, "REQUIRES_IMPROVEMENT"],
    ["3.2", 63, "GOOD"],
    ["3.3", 67, "GOOD"],
  ])("%s: lowest figure %i, band %s with the test thresholds", (code, lowest, band) => {
    const figures = Object.values(WILTSHIRE_KEY_QUESTIONS[code] ?? {});
    expect(lowestFigure(figures)).toBe(lowest);
    expect(figureBand(figures, TEST_THRESHOLDS)).toBe(band);
  });
});
