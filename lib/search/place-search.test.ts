import { describe, expect, it } from "vitest";
import { foldForSearch, matchesPlace, placeMatchSql, searchWords } from "./place-search";

describe("foldForSearch", () => {
  it.each([
    ["Ynys Môn", "ynysmon"],
    ["Pen-y-bont ar Ogwr", "penybontarogwr"],
    ["Bournemouth, Christchurch and Poole", "bournemouthchristchurchandpoole"],
    ["KING'S LYNN", "kingslynn"],
    ["Rhondda Cynon Tâf", "rhonddacynontaf"],
    ["  ", ""],
  ])("%s → %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe("searchWords", () => {
  it("splits on spaces, folds each word and drops empties and repeats", () => {
    expect(searchWords("  Poole,  poole  Dorset ")).toEqual(["poole", "dorset"]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords(" - ")).toEqual([]);
  });
});

describe("matchesPlace", () => {
  const dorset = ["Dorset Combined YOS", "Bournemouth, Christchurch and Poole", "Dorset"];
  it("matches a place the service covers, in any case, in part", () => {
    expect(matchesPlace("Poole", dorset)).toBe(true);
    expect(matchesPlace("POOLE", dorset)).toBe(true);
    expect(matchesPlace("christch", dorset)).toBe(true);
    expect(matchesPlace("poole dorset", dorset)).toBe(true);
  });
  it("needs every word", () => {
    expect(matchesPlace("poole cardiff", dorset)).toBe(false);
  });
  it("ignores accents on either side", () => {
    expect(matchesPlace("ynys mon", ["Gwynedd and Ynys Mon", "Ynys Môn"])).toBe(true);
    expect(matchesPlace("Môn", ["Ynys Mon (Isle of Anglesey)"])).toBe(true);
  });
});

describe("placeMatchSql", () => {
  it("gives one positional LIKE per word, numbered from the first parameter", () => {
    expect(placeMatchSql(["poole", "dorset"], 3, "p.places")).toEqual({
      sql: "p.places like $3 and p.places like $4",
      params: ["%poole%", "%dorset%"],
    });
    expect(placeMatchSql([], 1, "x").sql).toBe("true");
  });
});
