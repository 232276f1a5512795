// Step 1 of an import: the uploaded bytes → inspection rows, with every problem
// located. No database: matching services and comparing with what is recorded
// is step 2 (import-plan.ts).
import { parseCsvTable } from "./csv-table";
import { readImportCsv } from "./csv-format";
import { issueAt, NOWHERE, type ImportIssue } from "./issues";
import type { ImportRow, RejectedRow } from "./import-row";
import { readImportJson } from "./json-format";
import { parseJsonWithPositions } from "./json-positions";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "./limits";
import { isScrapeHeader, readScrapeCsv, type UnusedColumn } from "./scrape-format";
import { decodeText, type TextEncodingName } from "./text-encoding";

export type ImportFormat = "csv" | "json" | "data-to-insight-csv" | "report";

export type ParsedImport = {
  format: ImportFormat | null;
  encoding: TextEncodingName | null;
  /** Problems with the file as a whole (encoding, header, syntax): nothing in it is imported. */
  fileIssues: ImportIssue[];
  rows: ImportRow[];
  rejected: RejectedRow[];
  /** Columns read but not used, each with why. */
  unusedColumns: UnusedColumn[];
};

const refused = (issues: ImportIssue[], format: ImportFormat | null = null, encoding: TextEncodingName | null = null): ParsedImport => ({
  format,
  encoding,
  fileIssues: issues,
  rows: [],
  rejected: [],
  unusedColumns: [],
});

/**
 * Reads an uploaded CSV or JSON file. The format is told from the content (a
 * file starting with "[" or "{" is JSON; a CSV whose header has la_name and
 * score_% is the Data to Insight scrape), so a wrong file extension does not matter.
 */
export function parseImportFile(bytes: Uint8Array, options: { maxBytes?: number } = {}): ParsedImport {
  const decoded = decodeText(bytes, { maxBytes: options.maxBytes ?? MAX_IMPORT_FILE_BYTES });
  if (!decoded.ok) return refused([decoded.issue]);
  return parseImportText(decoded.text, decoded.encoding);
}

export function parseImportText(text: string, encoding: TextEncodingName | null = null): ParsedImport {
  if (text.trim() === "") return refused([issueAt(NOWHERE, null, "The file is empty.")], null, encoding);
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "[" || first === "{") {
    const json = parseJsonWithPositions(text);
    if (!json.ok) return refused([json.issue], "json", encoding);
    const read = readImportJson(json.root);
    if (!read.ok) return refused(read.issues, "json", encoding);
    return limitRows({ format: "json", encoding, fileIssues: [], rows: read.rows, rejected: read.rejected, unusedColumns: [] });
  }
  const csv = parseCsvTable(text);
  if (!csv.ok) return refused([csv.issue], "csv", encoding);
  const header = csv.table.rows[0]?.cells.map((c) => c.value) ?? [];
  if (isScrapeHeader(header)) {
    const read = readScrapeCsv(csv.table);
    if (!read.ok) return refused(read.issues, "data-to-insight-csv", encoding);
    return limitRows({ format: "data-to-insight-csv", encoding, fileIssues: [], rows: read.rows, rejected: read.rejected, unusedColumns: read.unusedColumns });
  }
  const read = readImportCsv(csv.table);
  if (!read.ok) return refused(read.issues, "csv", encoding);
  return limitRows({ format: "csv", encoding, fileIssues: [], rows: read.rows, rejected: read.rejected, unusedColumns: [] });
}

function limitRows(parsed: ParsedImport): ParsedImport {
  const count = parsed.rows.length + parsed.rejected.length;
  if (count <= MAX_IMPORT_ROWS) return parsed;
  return refused(
    [issueAt(NOWHERE, null, `The file holds ${count} inspections; one import takes at most ${MAX_IMPORT_ROWS}. Split it into smaller files.`)],
    parsed.format,
    parsed.encoding,
  );
}
