import { describe, expect, it } from "vitest";
import type { ComparisonRow, KeyQuestionStandard, RatingDistribution, ScoreDistribution } from "@/lib/queries/scorecard";
import {
  comparisonHeadline,
  keyQuestionHeadline,
  publishedPhrase,
  recordedSentence,
  scoreHeadline,
  shareCell,
  signed,
} from "./scorecard-text";

const england = (overrides: Partial<RatingDistribution>): RatingDistribution => ({
  level: "nation",
  label: "England",
  n: 38,
  enough: true,
  counts: { OUTSTANDING: 5, GOOD: 23, REQUIRES_IMPROVEMENT: 8, INADEQUATE: 2 },
  sameAsService: 23,
  ...overrides,
});

describe("publishedPhrase", () => {
  it.each([
    [{ publishedOn: new Date("2024-05-14T00:00:00Z"), publishedOnPrecision: "DAY" as const, undatedFromYear: null }, "published 14 May 2024"],
    [{ publishedOn: new Date("2024-05-01T00:00:00Z"), publishedOnPrecision: "MONTH" as const, undatedFromYear: null }, "published May 2024"],
    [{ publishedOn: null, publishedOnPrecision: null, undatedFromYear: 2025 }, "publication date not recorded (2025 or later)"],
    [{ publishedOn: null, publishedOnPrecision: null, undatedFromYear: null }, "publication date not recorded"],
  ])("%j → %s", (input, expected) => {
    expect(publishedPhrase(input)).toBe(expected);
  });
});

describe("shareCell", () => {
  it("gives the share with its n", () => {
    expect(shareCell(england({}), "GOOD")).toBe("Good, like 61% (23 of 38)");
  });
  it("says too few below the minimum, with the n", () => {
    expect(shareCell(england({ label: "South West", n: 3, enough: false, counts: null, sameAsService: null }), "GOOD")).toBe(
      "Too few to compare (n = 3)",
    );
  });
  it("says when nobody has the rating recorded", () => {
    expect(shareCell(england({ n: 0, enough: false, counts: null, sameAsService: null }), "GOOD")).toBe("None recorded");
  });
});

describe("comparisonHeadline", () => {
  const row = (rating: ComparisonRow["rating"], d: RatingDistribution): ComparisonRow => ({ code: null, name: "Overall rating", rating, levels: [d] });
  it("states the overall share nationally", () => {
    expect(comparisonHeadline(row("GOOD", england({})), 5)).toBe("Rated Good overall, like 61% of services in England (23 of 38).");
  });
  it("says a former service is not among the services counted", () => {
    expect(comparisonHeadline(row("INADEQUATE", england({ label: "Wales", n: 16, sameAsService: 1 })), 5, false)).toBe(
      "Rated Inadequate overall, like 6% of current services in Wales (1 of 16; this former service is not counted).",
    );
  });
  it("never compares a rating that is not recorded", () => {
    expect(comparisonHeadline(row(null, england({ sameAsService: null })), 5)).toMatch(/not recorded, so it is not compared/);
  });
  it("says too few", () => {
    expect(comparisonHeadline(row("GOOD", england({ n: 4, enough: false, counts: null, sameAsService: null })), 5)).toMatch(/Too few.*\(4, fewer than 5\)/);
  });
});

describe("scoreHeadline", () => {
  const d: ScoreDistribution = { level: "nation", label: "England", n: 40, enough: true, counts: [], median: 24, below: 10, same: 2, above: 28 };
  it("places the score against the median with every count", () => {
    expect(scoreHeadline(20, 36, d, 5)).toBe(
      "20 / 36 is below the median of 24 for services in England: 10 scored lower, 2 the same (this service included) and 28 higher, of 40.",
    );
    expect(scoreHeadline(24, 36, d, 5)).toMatch(/is at the median/);
    expect(scoreHeadline(30, 36, d, 5)).toMatch(/is above the median of 24/);
  });
  it("draws nothing from fewer than five", () => {
    expect(scoreHeadline(20, 36, { ...d, n: 2, enough: false, median: null, below: null, same: null, above: null }, 5)).toBe(
      "Too few services in England have a recorded score to draw a distribution (2, fewer than 5).",
    );
  });
});

describe("keyQuestionHeadline", () => {
  const standard = (code: string, name: string, percents: (number | null)[], rating: KeyQuestionStandard["rating"]): KeyQuestionStandard => ({
    code,
    name,
    domainName: "Out-of-court disposals",
    rating,
    figures: percents.map((percent, index) => ({
      area: (["DESISTANCE", "SAFETY_OF_CHILD", "SAFETY_OF_OTHERS"] as const)[index]!,
      label: ["Desistance", "Safety of the child", "Safety of other people"][index]!,
      text: "",
      percent,
      nationalN: 1,
      nationalMedian: null,
    })),
    lowest: null,
    band: null,
    differsFromBand: false,
  });
  it("names the lowest figure and where it is", () => {
    expect(keyQuestionHeadline([standard("3.2", "Planning", [83, 71, 63], "GOOD"), standard("3.1", "Assessment", [83, 67, 42], "INADEQUATE")])).toBe(
      "The lowest figure is 42% of cases, for safety of other people in 3.1 assessment (out-of-court disposals, rated Inadequate).",
    );
  });
  it("is null when no figure is recorded", () => {
    expect(keyQuestionHeadline([standard("2.1", "Assessment", [null, null, null], null)])).toBeNull();
  });
});

describe("recordedSentence", () => {
  const base = { score: 20, kind: "FULL" as const, overallRating: "GOOD" as const, frameworkScored: true };
  it.each([
    [{ ...base, recordedStandards: 13, standardCount: 13 }, "All 13 standard ratings are recorded."],
    [{ ...base, recordedStandards: 0, standardCount: 12, score: null }, "None of the 12 standard ratings is recorded: only the overall rating is known. The score is not recorded."],
    [{ ...base, recordedStandards: 0, standardCount: 12, score: null, overallRating: null }, "Neither the overall rating nor any of the 12 standard ratings is recorded. The score is not recorded."],
    [{ ...base, recordedStandards: 2, standardCount: 13 }, "2 of the 13 standard ratings are recorded; the other 11 are not."],
    [{ ...base, recordedStandards: 0, standardCount: 0, score: null, kind: "OTHER" as const, frameworkScored: false }, "Standard ratings are not recorded for this framework: only the overall rating is compared."],
    [{ ...base, recordedStandards: 0, standardCount: 0, kind: "THEMATIC" as const }, "Thematic inspections are not rated."],
  ])("%j", (input, expected) => {
    expect(recordedSentence(input)).toBe(expected);
  });
});

describe("signed", () => {
  it.each([
    [5, "+5"],
    [-5, "−5"],
    [0, "±0"],
  ])("%i → %s", (n, s) => expect(signed(n)).toBe(s));
});
