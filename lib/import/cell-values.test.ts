import { describe, expect, it } from "vitest";
import {
  parseDateCell,
  parseFrameworkCell,
  parseInstantCell,
  parseKindCell,
  parsePercentCell,
  parseRatingCell,
  parseScoreCell,
  parseUrlList,
  readRating,
} from "./cell-values";

describe("rating cells", () => {
  it.each([
    ["Good", "GOOD"],
    ["  outstanding ", "OUTSTANDING"],
    ["Requires improvement", "REQUIRES_IMPROVEMENT"],
    ["REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT"],
    ["RI", "REQUIRES_IMPROVEMENT"],
    ["I", "INADEQUATE"],
    ["G", "GOOD"],
    ["Requires i mprovement", "REQUIRES_IMPROVEMENT"],
    ["Inadeq uate", "INADEQUATE"],
    ["Requires i mprov ement", "REQUIRES_IMPROVEMENT"],
  ])("%j is %s", (text, rating) => {
    expect(parseRatingCell(text)).toEqual({ value: rating });
  });

  it.each(["", "  ", "-", "n/a", "Not rated", "not recorded"])("%j is blank (not recorded)", (text) => {
    expect(parseRatingCell(text)).toEqual({ value: undefined });
  });

  it.each(["Rating", "Goodish", "Satisfactory", "3", "Good Good"])("%j is refused, naming the words", (text) => {
    const parsed = parseRatingCell(text);
    expect(parsed.error).toContain(`"${text}" is not a rating`);
    expect(parsed.error).toContain("Requires improvement");
  });

  it("does not join letters of words that are not ratings", () => {
    expect(readRating("G o o d")).toBe("GOOD");
    expect(readRating("Go odness")).toBeNull();
  });
});

describe("percentages", () => {
  it.each([
    ["63", 63],
    ["63%", 63],
    [" 0 ", 0],
    ["100 %", 100],
    ["94.0", 94],
  ])("%j is %d", (text, n) => expect(parsePercentCell(text)).toEqual({ value: n }));

  it.each([
    ["101", "outside 0–100"],
    ["-5", "outside 0–100"],
    ["63.5", "not a whole percentage"],
    ["sixty", "not a percentage"],
    ["6 3", "not a percentage"],
  ])("%j is refused (%s)", (text, why) => expect(parsePercentCell(text).error).toContain(why));
});

describe("dates", () => {
  it.each([
    ["2024-02-26", "2024-02-26", "DAY"],
    ["2024-02", "2024-02-01", "MONTH"],
    ["2024", "2024-01-01", "YEAR"],
    ["26/02/2024", "2024-02-26", "DAY"],
    ["14/05/2024", "2024-05-14", "DAY"],
    ["02/2024", "2024-02-01", "MONTH"],
    ["26 February 2024", "2024-02-26", "DAY"],
    ["Monday 26th Feb 2024", "2024-02-26", "DAY"],
    ["May 2024", "2024-05-01", "MONTH"],
    ["2024-02-26 00:00:00", "2024-02-26", "DAY"],
  ])("%j is %s (%s)", (text, iso, precision) => expect(parseDateCell(text)).toEqual({ value: { iso, precision } }));

  it.each([
    ["31/02/2024", "not a calendar date"],
    ["2024-13", "no month 13"],
    ["1899-01-01", "from 2000 to 2100"],
    ["26 Febtober 2024", "is not a date"],
    ["02/26/2024", "no month 26"],
    ["yesterday", "is not a date"],
  ])("%j is refused (%s)", (text, why) => expect(parseDateCell(text).error).toContain(why));
});

describe("scores, frameworks, types, instants, links", () => {
  it("reads 20 and 20/36", () => {
    expect(parseScoreCell("20")).toEqual({ value: { score: 20, scoreMax: null } });
    expect(parseScoreCell("20 / 36")).toEqual({ value: { score: 20, scoreMax: 36 } });
    expect(parseScoreCell("40/36").error).toContain("above the maximum");
    expect(parseScoreCell("20/48").error).toContain("not from 1 to 36");
    expect(parseScoreCell("twenty").error).toContain("not a score");
  });

  it("reads framework codes and the seed dataset's labels", () => {
    expect(parseFrameworkCell("2021")).toEqual({ value: { code: "2021", confirmed: true } });
    expect(parseFrameworkCell("2018-or-2021")).toEqual({ value: { code: "2018-or-2021", confirmed: false } });
    expect(parseFrameworkCell("2018/2021 (not confirmed)")).toEqual({ value: { code: "2018-or-2021", confirmed: false } });
    expect(parseFrameworkCell("2025 (IYJWCV)")).toEqual({ value: { code: "2025-IYJWCV", confirmed: true } });
    expect(parseFrameworkCell("2019").error).toContain("not a framework");
  });

  it("reads inspection types", () => {
    expect(parseKindCell("Re-inspection")).toEqual({ value: "REINSPECTION" });
    expect(parseKindCell("full")).toEqual({ value: "FULL" });
    expect(parseKindCell("annual").error).toContain("not an inspection type");
  });

  it("reads embargo times as London time unless an offset is given", () => {
    expect(parseInstantCell("2026-07-01 09:30")).toEqual({ value: "2026-07-01T08:30:00.000Z" }); // BST
    expect(parseInstantCell("2026-01-15 09:30")).toEqual({ value: "2026-01-15T09:30:00.000Z" }); // GMT
    expect(parseInstantCell("2026-07-01T09:30+02:00")).toEqual({ value: "2026-07-01T07:30:00.000Z" });
    expect(parseInstantCell("2026-07-01").error).toContain("not a date and time");
    expect(parseInstantCell("2026-02-30 09:00").error).toContain("not a calendar date");
  });

  it("reads links separated by spaces", () => {
    expect(parseUrlList(["https://a.example/x  http://b.example"])).toEqual({ value: ["https://a.example/x", "http://b.example"] });
    expect(parseUrlList(["www.example.org"]).error).toContain("not a web address");
    expect(parseUrlList([" "])).toEqual({ value: undefined });
  });
});
