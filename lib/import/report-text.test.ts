// The report reader on the published Wiltshire report and on variants of it the
// tests make: an older report without resettlement (2018 standards), a
// re-inspection, a service with a long combined name, a ratings table whose rows
// wrap, and reports with parts missing or garbled (which must be listed as
// unread, never guessed).
import { beforeAll, describe, expect, it } from "vitest";
import { WILTSHIRE_KEY_QUESTIONS, WILTSHIRE_RATINGS } from "../domain/wiltshire.fixture";
import { readReportText, type ReportReading } from "./report-text";
import { wiltshireReportText } from "./testing/seed-report";

let report: string;
beforeAll(() => {
  report = wiltshireReportText();
});

/** Replaces exactly one occurrence, so that a variant fails loudly if the report text changes. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags.replace("g", "")}g`)) ?? []).length;
  if (count !== 1) throw new Error(`expected one occurrence of ${String(from)}, found ${count}`);
  return text.replace(from, to);
}

const unreadFields = (r: ReportReading) => r.unread.map((u) => u.field);

describe("the Wiltshire report, as published", () => {
  let reading: ReportReading;
  beforeAll(() => {
    reading = readReportText(report);
  });

  it("reads every field, leaving nothing unread", () => {
    expect(reading.unread).toEqual([]);
    expect(reading.row.warnings).toEqual([]);
  });

  it("finds the service, the type, the dates and the framework", () => {
    expect(reading.row).toMatchObject({
      serviceName: "Wiltshire Youth Justice Service",
      kind: "FULL",
      fieldworkStart: { iso: "2024-02-26", precision: "DAY" },
      publishedOn: { iso: "2024-05-01", precision: "MONTH" },
      frameworkCode: "2021",
    });
    // No visibility is read: a new inspection from the report is a draft, an update leaves it as it is.
    expect(reading.row.visibility).toBeUndefined();
  });

  it("reads the ratings table: 20/36, Good, and all 13 standards (3.3 is Good, 4.1 Outstanding)", () => {
    expect(reading.row.score).toBe(20);
    expect(reading.row.scoreMax).toBe(36);
    expect(reading.row.overallRating).toBe("GOOD");
    expect(reading.row.ratings).toEqual(WILTSHIRE_RATINGS);
    expect(reading.row.ratings["3.3"]).toBe("GOOD");
    expect(Object.keys(reading.row.ratings)).toHaveLength(13);
  });

  it("reads the 21 key-question figures", () => {
    expect(reading.row.keyQuestions).toEqual(WILTSHIRE_KEY_QUESTIONS);
    expect(Object.values(reading.row.keyQuestions).flatMap((f) => Object.values(f!))).toHaveLength(21);
  });

  it("reads the three recommendations, in order", () => {
    expect(reading.row.recommendations).toHaveLength(3);
    expect(reading.row.recommendations![0]).toMatch(/^improve the quality of assessment and planning work/);
    expect(reading.row.recommendations![2]).toMatch(/contingency plans/);
  });

  it("says where each field was found", () => {
    const found = Object.fromEntries(reading.found.map((f) => [f.field, f]));
    expect(found["score"]).toMatchObject({ value: "20/36", line: 105 });
    expect(found["ratings.3.3"]).toMatchObject({ value: "Good", line: 120 });
    expect(found["keyQuestions.3.1.SAFETY_OF_OTHERS"]).toMatchObject({ value: "42%", line: 416 });
    expect(reading.row.locations["ratings.4.1"]).toEqual({ line: 123, column: null, columnName: "ratings table" });
  });
});

describe("variants of the report", () => {
  it("an older report without resettlement, with 3.4 joint working: the 2018 standards", () => {
    let text = replaceOnce(report, "3.4\tOut-of-court disposal policy and provision\tGood", "3.4\tJoint working\tGood");
    text = replaceOnce(text, /4\. Resettlement¹\t*\n4\.1\tResettlement policy and provision\tOutstanding\t*\n/, "");
    text = replaceOnce(text, "¹ The rating for Resettlement does not influence the overall YJS rating.", "");
    const reading = readReportText(text);
    expect(reading.row.frameworkCode).toBe("2018");
    expect(reading.unread).toEqual([]);
    expect(reading.row.ratings["3.4"]).toBe("GOOD");
    expect(reading.row.ratings["4.1"]).toBeUndefined();
    expect(Object.keys(reading.row.ratings)).toHaveLength(12);
    expect(reading.row.score).toBe(20);
    expect(reading.row.keyQuestions).toEqual(WILTSHIRE_KEY_QUESTIONS);
  });

  it("a report rating 4.1 'Not rated' keeps the 2021 standards and records no rating for it", () => {
    const text = replaceOnce(report, "4.1\tResettlement policy and provision\tOutstanding", "4.1\tResettlement policy and provision\tNot rated");
    const reading = readReportText(text);
    expect(reading.row.frameworkCode).toBe("2021");
    expect(reading.row.ratings["4.1"]).toBeUndefined();
    expect(reading.found.find((f) => f.field === "ratings.4.1")!.value).toBe("not rated (as the report says)");
    expect(reading.unread).toEqual([]);
  });

  it("a re-inspection", () => {
    const text = replaceOnce(report, "An inspection of youth justice services in", "A re-inspection of youth justice services in");
    const reading = readReportText(text);
    expect(reading.row.kind).toBe("REINSPECTION");
    expect(reading.unread).toEqual([]);
  });

  it("a service with a long combined name that wraps over lines in the table and the title", () => {
    const long = "Cheshire East, Cheshire West and Chester, Halton and Warrington Youth Justice Service";
    let text = replaceOnce(report, "Wiltshire Youth Justice Service Fieldwork started February 2024", "Cheshire East, Cheshire West and\nChester, Halton and Warrington\nYouth Justice Service Fieldwork started February 2024");
    text = replaceOnce(text, "An inspection of youth justice services in\nWiltshire", "A joint inspection of youth justice services in\nCheshire East, Cheshire West and Chester, Halton and Warrington");
    const reading = readReportText(text);
    expect(reading.row.serviceName).toBe(long);
    expect(reading.row.score).toBe(20);
    expect(reading.row.ratings).toEqual(WILTSHIRE_RATINGS);
    expect(reading.unread).toEqual([]);
  });

  it("a ratings table whose rows wrap: long names, ratings on the next line, a rating split in two", () => {
    let text = replaceOnce(report, "3.4\tOut-of-court disposal policy and provision\tGood", "3.4\tOut-of-court disposal policy and\nprovision\tGood");
    text = replaceOnce(text, "2.3\tImplementation and delivery\tRequires improvement", "2.3\tImplementation and\ndelivery\tRequires\nimprovement");
    text = replaceOnce(text, "4.1\tResettlement policy and provision\tOutstanding", "4.1\tResettlement policy and provision\n\tOutstanding");
    text = replaceOnce(text, "1.2\tStaff\tGood", "1.2\tStaff\n\n\tGood");
    text = replaceOnce(text, "Overall rating\t\tGood", "Overall rating\n\nGood");
    const reading = readReportText(text);
    expect(reading.row.ratings).toEqual(WILTSHIRE_RATINGS);
    expect(reading.row.overallRating).toBe("GOOD");
    expect(reading.row.frameworkCode).toBe("2021");
    expect(reading.unread).toEqual([]);
  });

  it("key questions whose text wraps before the figure", () => {
    const text = replaceOnce(report, "Does assessment sufficiently analyse how to keep other people safe?\t56%", "Does assessment sufficiently analyse how to keep\nother people safe?\n56%");
    const reading = readReportText(text);
    expect(reading.row.keyQuestions["2.1"]).toEqual(WILTSHIRE_KEY_QUESTIONS["2.1"]);
    expect(reading.unread).toEqual([]);
  });

  it("lists what it could not read, and guesses none of it", () => {
    let text = replaceOnce(report, "3.3\tImplementation and delivery\tGood", "3.3\tImplementation and delivery\tGoood");
    text = replaceOnce(text, /Our rating⁴ for planning is based on the following key questions:\n\n\t% 'Yes'\n/, "");
    text = replaceOnce(text, "Score\t20/36", "Score\t");
    text = replaceOnce(text, "3. ensure that robust contingency plans are in place for all children that address their safety and wellbeing, and risk of harm to others.\n", "");
    text = replaceOnce(text, /beginning on 26 February 2024/, "beginning soon after");
    const reading = readReportText(text);
    expect(unreadFields(reading).sort()).toEqual(
      ["keyQuestions.2.2.DESISTANCE", "keyQuestions.2.2.SAFETY_OF_CHILD", "keyQuestions.2.2.SAFETY_OF_OTHERS", "ratings.3.3", "recommendations", "score"].sort(),
    );
    expect(reading.unread.find((u) => u.field === "recommendations")!.why).toContain("makes 3 recommendations, but 2 numbered ones were read");
    expect(reading.row.ratings["3.3"]).toBeUndefined();
    expect(reading.row.keyQuestions["2.2"]).toBeUndefined();
    expect(reading.row.score).toBeUndefined();
    expect(reading.row.recommendations).toBeUndefined();
    // Fieldwork falls back to the month the ratings table gives, and says so.
    expect(reading.row.fieldworkStart).toEqual({ iso: "2024-02-01", precision: "MONTH" });
    expect(reading.found.find((f) => f.field === "fieldworkStart")!.value).toContain("month only");
  });

  it("refuses a standard whose name in the table is not the standard's", () => {
    const text = replaceOnce(report, "2.1\tAssessment\tRequires improvement", "2.1\tPlanning\tRequires improvement");
    const reading = readReportText(text);
    expect(reading.unread).toEqual([expect.objectContaining({ field: "ratings.2.1", why: expect.stringContaining('names standard 2.1 "Planning", not "Assessment"') })]);
    expect(reading.row.ratings["2.1"]).toBeUndefined();
  });

  it("without 4.1 or a named 3.4, leaves the framework unread", () => {
    let text = replaceOnce(report, "3.4\tOut-of-court disposal policy and provision\tGood", "3.4\tPolicy and provision\tGood");
    text = replaceOnce(text, /4\.1\tResettlement policy and provision\tOutstanding/, "");
    const reading = readReportText(text);
    expect(reading.row.frameworkCode).toBeUndefined();
    expect(reading.unread.find((u) => u.field === "frameworkCode")!.why).toContain("neither standard 4.1");
  });

  it("text that is not a report: every field unread, nothing invented", () => {
    const reading = readReportText("Minutes of the youth justice board meeting.\nApologies were received.\n");
    expect(reading.row.ratings).toEqual({});
    expect(reading.row.keyQuestions).toEqual({});
    expect(reading.row.overallRating).toBeUndefined();
    expect(unreadFields(reading)).toEqual(expect.arrayContaining(["service", "kind", "publishedOn", "ratings", "score", "overallRating", "fieldworkStart", "frameworkCode", "recommendations"]));
  });
});
