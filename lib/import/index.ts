// The import API: what the staff upload page (/admin/import) and
// `npm run import` call. See docs/IMPORT.md.
//
// Bulk files (CSV in the import format, the same as JSON, or the Data to Insight
// ratings scrape):
//
//   const parsed = parseImportFile(bytes);                    // 1. read: no database
//   const preview = await planImport(db, parsed, { duplicates }); // 2. preview: reads only
//   // show preview.toAdd, .toUpdate (field-by-field .changes), .needsDecision,
//   // .rejected (each issue with line, column and why), .unusedColumns, .blockers
//   const result = await applyImport(db, parsed, {            // 3. apply: one transaction
//     duplicates, decisions, expectedFingerprint: preview.fingerprint,
//   });
//
// applyImport plans again inside its transaction and throws ImportRefusedError
// (nothing written) when any row is refused or undecided, or when the plan no
// longer matches the fingerprint staff confirmed; ImportConflictError when a
// matched inspection changed meanwhile. New inspections are drafts unless the
// file gives a visibility; every one is checked with lib/domain checkInspection.
//
// Reports:
//
//   const report = await readReport({ bytes }) // or { text }
//   // show report.reading.found and report.reading.unread; staff may correct report.reading.row
//   const parsed = reportImport(report.reading);  // then plan and apply as above
export { parseImportFile, parseImportText, type ImportFormat, type ParsedImport } from "./import-file";
export {
  planImport,
  sameDate,
  type DuplicateChoice,
  type ImportPreview,
  type InspectionMatch,
  type InspectionToAdd,
  type MatchedService,
  type PlanOptions,
} from "./import-plan";
export { applyImport, ImportConflictError, ImportRefusedError, type ApplyOptions, type ImportResult } from "./import-apply";
export { formatPreview } from "./preview-text";
export { readReport, reportImport, type ReportInput, type ReportResult } from "./report-reading";
export { readReportText, type ReadField, type ReportReading, type UnreadField } from "./report-text";
export { extractPdfText } from "./report-pdf";
export { importColumns, importColumnDocs, importTemplateCsv } from "./csv-format";
export { describeIssue, describeLocation, type ImportIssue, type SourceLocation } from "./issues";
export type { ImportRow, RejectedRow } from "./import-row";
export type { FieldChange, InspectionState } from "./inspection-state";
export * from "./limits";
