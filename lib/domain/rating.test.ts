import { describe, expect, it } from "vitest";
import {
  RATINGS,
  compareRatings,
  isRating,
  parseRatingAbbreviation,
  parseRatingWord,
  ratingAbbreviation,
  ratingLabel,
  ratingPoints,
  type Rating,
} from "./rating";

describe("RATINGS", () => {
  it("lists the four ratings best first, spelled as the Prisma enum", () => {
    expect(RATINGS).toEqual(["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"]);
  });
});

describe.each<[Rating, number, string, string]>([
  ["OUTSTANDING", 3, "Outstanding", "O"],
  ["GOOD", 2, "Good", "G"],
  ["REQUIRES_IMPROVEMENT", 1, "Requires improvement", "RI"],
  ["INADEQUATE", 0, "Inadequate", "I"],
])("%s", (rating, points, label, abbreviation) => {
  it(`earns ${points} points`, () => expect(ratingPoints(rating)).toBe(points));
  it(`is labelled "${label}"`, () => expect(ratingLabel(rating)).toBe(label));
  it(`is abbreviated "${abbreviation}"`, () => expect(ratingAbbreviation(rating)).toBe(abbreviation));
  it("round-trips through its label and its enum name", () => {
    expect(parseRatingWord(label)).toBe(rating);
    expect(parseRatingWord(rating)).toBe(rating);
  });
  it("round-trips through its abbreviation", () => expect(parseRatingAbbreviation(abbreviation)).toBe(rating));
});

describe("parseRatingWord", () => {
  it.each<[string, Rating | null]>([
    ["Outstanding", "OUTSTANDING"],
    ["  good  ", "GOOD"],
    ["GOOD", "GOOD"],
    ["Requires Improvement", "REQUIRES_IMPROVEMENT"],
    ["requires  improvement", "REQUIRES_IMPROVEMENT"],
    ["REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"],
    ["requires-improvement", "REQUIRES_IMPROVEMENT"],
    ["Requires improvement.", "REQUIRES_IMPROVEMENT"],
    ["RI", "REQUIRES_IMPROVEMENT"],
    ["ri", "REQUIRES_IMPROVEMENT"],
    ["Inadequate", "INADEQUATE"],
    ["Good¹", "GOOD"],
    ["", null],
    ["   ", null],
    ["Not good", null],
    ["Improvement", null],
    ["Excellent", null],
    ["G", null],
    ["I", null],
    ["O", null],
    ["Good or Outstanding", null],
  ])("%j → %s", (text, expected) => {
    expect(parseRatingWord(text)).toBe(expected);
  });
});

describe("parseRatingAbbreviation", () => {
  it.each<[string, Rating | null]>([
    ["o", "OUTSTANDING"],
    [" G ", "GOOD"],
    ["R.I.", "REQUIRES_IMPROVEMENT"],
    ["i", "INADEQUATE"],
    ["Good", "GOOD"],
    ["X", null],
    ["GI", null],
  ])("%j → %s", (text, expected) => {
    expect(parseRatingAbbreviation(text)).toBe(expected);
  });
});

describe("isRating", () => {
  it.each<[unknown, boolean]>([
    ["OUTSTANDING", true],
    ["GOOD", true],
    ["REQUIRES_IMPROVEMENT", true],
    ["INADEQUATE", true],
    ["Good", false],
    ["good", false],
    ["RI", false],
    ["", false],
    [null, false],
    [undefined, false],
    [2, false],
    [{}, false],
  ])("%j → %s", (value, expected) => {
    expect(isRating(value)).toBe(expected);
  });
});

describe("compareRatings", () => {
  it("sorts best first", () => {
    const shuffled: Rating[] = ["INADEQUATE", "GOOD", "OUTSTANDING", "REQUIRES_IMPROVEMENT"];
    expect([...shuffled].sort(compareRatings)).toEqual([...RATINGS]);
  });
});
