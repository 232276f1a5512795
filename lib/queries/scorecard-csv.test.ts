import { describe, expect, it } from "vitest";
import { csvText, isDownloadTable } from "./scorecard-csv";

describe("csvText", () => {
  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    expect(csvText([["a", "b,c", 'say "hi"', "two\nlines"]])).toBe('a,"b,c","say ""hi""","two\nlines"\r\n');
  });

  it("writes numbers and booleans plainly, and null as an empty cell (not recorded, never zero)", () => {
    expect(csvText([[20, 0, true, false, null, undefined]])).toBe("20,0,yes,no,,\r\n");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvText([["=SUM(A1)", "+1", "-x", "@cmd", "Good"]])).toBe("'=SUM(A1),'+1,'-x,'@cmd,Good\r\n");
  });
});

describe("isDownloadTable", () => {
  it.each(["inspections", "key-questions", "comparison", "score-distribution"])("accepts %s", (t) => {
    expect(isDownloadTable(t)).toBe(true);
  });
  it.each(["ratings", "", null, "INSPECTIONS"])("rejects %s", (t) => {
    expect(isDownloadTable(t)).toBe(false);
  });
});
