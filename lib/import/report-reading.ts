// A report as staff hand it over (pasted text, a .txt file or the PDF) → the
// reading and a one-row import, ready for planImport/applyImport like any file.
import type { ParsedImport } from "./import-file";
import { issueAt, NOWHERE, type ImportIssue } from "./issues";
import { MAX_REPORT_PDF_BYTES, MAX_REPORT_TEXT_CHARS } from "./limits";
import { extractPdfText } from "./report-pdf";
import { readReportText, type ReportReading } from "./report-text";
import { decodeText } from "./text-encoding";

export type ReportInput = { text: string } | { bytes: Uint8Array };

export type ReportResult =
  | { ok: true; reading: ReportReading; source: "text" | "pdf"; pages: number | null; notes: string[] }
  | { ok: false; issue: ImportIssue };

const isPdf = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-");

/** Reads pasted text, a text file's bytes, or a PDF's bytes (told apart by content). */
export async function readReport(input: ReportInput): Promise<ReportResult> {
  let text: string;
  let source: "text" | "pdf" = "text";
  let pages: number | null = null;
  const notes: string[] = [];
  if ("text" in input) {
    text = input.text;
  } else if (isPdf(input.bytes)) {
    const pdf = await extractPdfText(input.bytes, { maxBytes: MAX_REPORT_PDF_BYTES });
    if (!pdf.ok) return pdf;
    text = pdf.text;
    source = "pdf";
    pages = pdf.pages;
    notes.push(...pdf.notes);
  } else {
    const decoded = decodeText(input.bytes, { maxBytes: MAX_REPORT_TEXT_CHARS * 2, what: "The report" });
    if (!decoded.ok) return decoded;
    text = decoded.text;
  }
  if (text.trim() === "") return { ok: false, issue: issueAt(NOWHERE, null, "The report is empty.") };
  if (text.length > MAX_REPORT_TEXT_CHARS) {
    return { ok: false, issue: issueAt(NOWHERE, null, `The text is ${text.length} characters long; a report is read up to ${MAX_REPORT_TEXT_CHARS}.`) };
  }
  return { ok: true, reading: readReportText(text), source, pages, notes };
}

/** The reading as an import of one row (a draft unless staff change its visibility). */
export function reportImport(reading: ReportReading): ParsedImport {
  return { format: "report", encoding: null, fileIssues: [], rows: [reading.row], rejected: [], unusedColumns: [] };
}
