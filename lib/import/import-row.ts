// One inspection as read from an import file or a report, before it is matched
// to a service or compared with the database. Plain data (no Date objects), so
// a page can hold it, show it, let staff correct it and send it back.
//
// A field that is absent (undefined) was not in the file or its cell was blank:
// a new inspection records it as "not recorded", and an update leaves the
// inspection's current value as it is.
import type { InspectionKind, KeyQuestionArea, Visibility } from "../db/generated/enums";
import type { Rating } from "../domain/rating";
import type { PartialDateValue, Parsed } from "./cell-values";
import type { CsvRow } from "./csv-table";
import { issueAt, type ImportIssue, type SourceLocation } from "./issues";

export type ImportRow = {
  /** 1-based position among the inspections of the file. */
  index: number;
  /** Line of the file where the inspection starts (null for a pasted report). */
  line: number | null;
  /** How messages name the row: "line 5", "record 3 (line 12)", "the report". */
  label: string;
  /** The service's name as the file writes it (kept as the name at inspection). */
  serviceName: string;
  /** The service's current name, where the file gives it apart (the seed dataset's `serviceKey`). */
  serviceKey?: string;
  frameworkCode?: string;
  /** The framework a new inspection gets when the row gives none (only the Data to Insight scrape sets it). */
  frameworkIfNew?: { code: string; confirmed: boolean };
  /** False when the framework is "2018 or 2021" or the file says it is not confirmed. */
  frameworkConfirmed?: boolean;
  kind?: InspectionKind;
  fieldworkStart?: PartialDateValue;
  publishedOn?: PartialDateValue;
  overallRating?: Rating;
  score?: number;
  scoreMax?: number;
  /** Standard code → rating; only the standards the file rates. */
  ratings: Partial<Record<string, Rating>>;
  /** Standard code → area → % of cases answered "Yes". */
  keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>;
  recommendations?: string[];
  sourceUrls?: string[];
  notes?: string;
  visibility?: Visibility;
  /** ISO instant, for EMBARGOED. */
  embargoUntil?: string;
  /** Why the published figures disagree with the rules, when they do. */
  discrepancyNote?: string;
  /** What was read but not used, or read with a caveat: shown in the preview, never blocking. */
  warnings: ImportIssue[];
  /** Where each field was read ("overallRating", "ratings.2.1", "keyQuestions.2.1.DESISTANCE"), for messages. */
  locations: Record<string, SourceLocation>;
};

/** A row that was not read, with every reason. */
export type RejectedRow = { index: number; line: number | null; label: string; serviceName: string; issues: ImportIssue[] };

/** Collects a row's fields and problems while its cells are read. */
export class RowBuilder {
  readonly row: ImportRow;
  readonly issues: ImportIssue[] = [];

  constructor(index: number, line: number | null, label: string) {
    this.row = { index, line, label, serviceName: "", ratings: {}, keyQuestions: {}, warnings: [], locations: {} };
  }

  problem(where: SourceLocation, field: string | null, message: string): void {
    this.issues.push(issueAt(where, field, message));
  }

  /** The value read, or undefined after recording why it could not be read. */
  take<T>(where: SourceLocation, field: string, parsed: Parsed<T>): T | undefined {
    if (parsed.error !== undefined) {
      this.problem(where, field, parsed.error);
      return undefined;
    }
    return parsed.value;
  }

  /** Sets a field and where it was read; the same field twice in one row is a problem. */
  set<K extends keyof ImportRow>(field: K, value: ImportRow[K] | undefined, where: SourceLocation, fieldName: string = field): void {
    if (value === undefined) return;
    if (fieldName in this.row.locations) {
      this.problem(where, fieldName, `The ${fieldName} is given twice in this row.`);
      return;
    }
    this.row[field] = value;
    this.row.locations[fieldName] = where;
  }

  setRating(code: string, rating: Rating | undefined, where: SourceLocation): void {
    if (rating === undefined) return;
    const field = `ratings.${code}`;
    if (this.row.ratings[code] !== undefined) {
      this.problem(where, field, `Standard ${code} is rated twice in this row.`);
      return;
    }
    this.row.ratings[code] = rating;
    this.row.locations[field] = where;
  }

  setKeyQuestion(code: string, area: KeyQuestionArea, percent: number | undefined, where: SourceLocation): void {
    if (percent === undefined) return;
    const field = `keyQuestions.${code}.${area}`;
    const figures = (this.row.keyQuestions[code] ??= {});
    if (figures[area] !== undefined) {
      this.problem(where, field, `The ${area} figure of standard ${code} is given twice in this row.`);
      return;
    }
    figures[area] = percent;
    this.row.locations[field] = where;
  }

  result(): { row: ImportRow } | { rejected: RejectedRow } {
    if (!this.row.serviceName) {
      this.problem({ line: this.row.line, column: null, columnName: null }, "service", "The row names no service.");
    }
    if (this.issues.length > 0) {
      const { index, line, label, serviceName } = this.row;
      return { rejected: { index, line, label, serviceName, issues: this.issues } };
    }
    return { row: this.row };
  }
}

/** Checks that apply to every format once a row is read. */
export function checkRowShape(builder: RowBuilder): void {
  const { row } = builder;
  const at = (field: string): SourceLocation => row.locations[field] ?? { line: row.line, column: null, columnName: null };
  if (row.visibility === "EMBARGOED" && row.embargoUntil === undefined) {
    builder.problem(at("visibility"), "embargoUntil", "An embargoed inspection needs the date and time its embargo ends (embargo_until).");
  }
  if (row.embargoUntil !== undefined && row.visibility !== "EMBARGOED") {
    builder.problem(
      at("embargoUntil"),
      "embargoUntil",
      `An embargo end is given, but the visibility is ${row.visibility ? row.visibility.toLowerCase() : "not given"}: write embargoed in the visibility column.`,
    );
  }
}

/** Sorts rows read into those read and those refused. */
export function sortRows(results: readonly ({ row: ImportRow } | { rejected: RejectedRow })[]): { rows: ImportRow[]; rejected: RejectedRow[] } {
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const r of results) {
    if ("row" in r) rows.push(r.row);
    else rejected.push(r.rejected);
  }
  return { rows, rejected };
}

/** The problem of a CSV with a header and nothing below it. */
export function headerOnlyIssue(line: number): ImportIssue {
  return issueAt({ line, column: null, columnName: null }, null, "The file has a header but no inspections below it.");
}

/** False, after recording why, when a CSV row has more or fewer cells than the header. */
export function checkCellCount(b: RowBuilder, csvRow: CsvRow, columns: number): boolean {
  const cells = csvRow.cells.length;
  if (cells === columns) return true;
  b.problem(
    { line: csvRow.line, column: null, columnName: null },
    null,
    `The row has ${cells} cell${cells === 1 ? "" : "s"} but the header has ${columns} columns: ${
      cells < columns
        ? "the row may be cut short, or cells are missing"
        : "a comma inside a cell needs the whole cell in double quotes, or the header lacks a column"
    }.`,
  );
  return false;
}
