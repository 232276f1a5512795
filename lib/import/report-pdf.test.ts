// The report reader on PDFs the test writes itself (lib/import/testing/minimal-pdf.ts):
// the Wiltshire report's text laid out as a PDF, with the ratings table as cells.
import { beforeAll, describe, expect, it } from "vitest";
import { WILTSHIRE_KEY_QUESTIONS, WILTSHIRE_RATINGS } from "../domain/wiltshire.fixture";
import { extractPdfText } from "./report-pdf";
import { readReport } from "./report-reading";
import { minimalPdf, textToPdfPages } from "./testing/minimal-pdf";
import { wiltshireReportText } from "./testing/seed-report";

let pdf: Uint8Array;
beforeAll(() => {
  pdf = minimalPdf(textToPdfPages(wiltshireReportText()));
});

describe("reading a report PDF", () => {
  it("reads the Wiltshire report from its PDF exactly as from its text", async () => {
    const result = await readReport({ bytes: pdf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source).toBe("pdf");
    expect(result.pages).toBeGreaterThan(5);
    const { row, unread } = result.reading;
    expect(unread).toEqual([]);
    expect(row).toMatchObject({
      serviceName: "Wiltshire Youth Justice Service",
      frameworkCode: "2021",
      score: 20,
      scoreMax: 36,
      overallRating: "GOOD",
      fieldworkStart: { iso: "2024-02-26", precision: "DAY" },
    });
    expect(row.ratings).toEqual(WILTSHIRE_RATINGS);
    expect(row.keyQuestions).toEqual(WILTSHIRE_KEY_QUESTIONS);
    expect(row.recommendations).toHaveLength(3);
  });

  it("keeps table cells apart on one line", async () => {
    const text = await extractPdfText(minimalPdf([[["1.1", "Governance and leadership", "Good"], "Next line"]]));
    expect(text).toMatchObject({ ok: true, text: "1.1\tGovernance and leadership\tGood\nNext line" });
  });

  it("reads only the first pages when there are more than the limit, and says so", async () => {
    const result = await extractPdfText(pdf, { maxPages: 2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pagesRead).toBe(2);
    expect(result.notes[0]).toMatch(/^Only the first 2 of \d+ pages were read\.$/);
    expect(result.text).toContain("HM Inspectorate");
    expect(result.text).not.toContain("Resettlement policy and provision\tOutstanding");
  });

  it("refuses a PDF over the size limit", async () => {
    const result = await extractPdfText(pdf, { maxBytes: 1000 });
    expect(result).toMatchObject({ ok: false, issue: { message: expect.stringMatching(/^The PDF is \d+ KB; the limit is 1000 bytes\.$/) } });
  });

  it("refuses a file that is not a PDF, a damaged PDF and a PDF with no text", async () => {
    const notPdf = await extractPdfText(new TextEncoder().encode("just some text"));
    expect(notPdf).toMatchObject({ ok: false, issue: { message: expect.stringContaining("not a PDF file") } });
    const damaged = await extractPdfText(pdf.slice(0, 400));
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.issue.message).toMatch(/could not be read|no text/);
    const blank = await extractPdfText(minimalPdf([[""]]));
    expect(blank).toMatchObject({ ok: false, issue: { message: expect.stringContaining("no text to read") } });
  });

  it("reads pasted text and text files the same way", async () => {
    const text = wiltshireReportText();
    const pasted = await readReport({ text });
    const file = await readReport({ bytes: new TextEncoder().encode(text) });
    expect(pasted.ok && file.ok).toBe(true);
    if (pasted.ok && file.ok) expect(file.reading.row).toEqual(pasted.reading.row);
    const utf16 = await readReport({ bytes: Uint8Array.from([0xff, 0xfe, 0x41, 0x00]) });
    expect(utf16).toMatchObject({ ok: false, issue: { message: expect.stringContaining("The report is in UTF-16") } });
  });
});
