// The dashboard's own CSV import format: one row per inspection, one column per
// standard, one column per key question. docs/IMPORT.md documents it and
// public/import-template.csv is its template (written by `importTemplateCsv`).
import type { KeyQuestionArea } from "../db/generated/enums";
import { FRAMEWORKS, KEY_QUESTION_AREAS, keyQuestionAreaLabel } from "../domain/frameworks";
import {
  parseDateCell,
  parseFrameworkCell,
  parseInstantCell,
  parseKindCell,
  parsePercentCell,
  parseRatingCell,
  parseRecommendationLines,
  parseScoreCell,
  parseTextCell,
  parseUrlList,
  parseVisibilityCell,
} from "./cell-values";
import { csvLine, type CsvRow, type CsvTable } from "./csv-table";
import { issueAt, type ImportIssue, type SourceLocation } from "./issues";
import { checkCellCount, checkRowShape, headerOnlyIssue, RowBuilder, sortRows, type ImportRow, type RejectedRow } from "./import-row";
import { editDistance } from "./service-names";

type FieldColumn =
  | "service"
  | "published"
  | "fieldworkStart"
  | "framework"
  | "kind"
  | "overallRating"
  | "score"
  | "scoreMax"
  | "recommendations"
  | "sourceUrls"
  | "notes"
  | "visibility"
  | "embargoUntil"
  | "discrepancyNote";

export type ColumnMeaning =
  | { field: FieldColumn }
  | { field: "rating"; code: string }
  | { field: "keyQuestion"; code: string; area: KeyQuestionArea };

type FieldColumnSpec = { header: string; field: FieldColumn; aliases: string[]; description: string };

/** The named columns, in template order (the standards and key questions follow overall_rating…score_max). */
const FIELD_COLUMNS: FieldColumnSpec[] = [
  { header: "service", field: "service", aliases: ["service name", "yjs"], description: "The service's name: its current name, a name it was inspected under, a known variant, or the local authority it serves. Required." },
  { header: "published", field: "published", aliases: ["publication date", "published on", "date of publication"], description: "Publication date: 2024-05-14, 14/05/2024 or 14 May 2024; 2024-05 or 2024 when only the month or year is known." },
  { header: "fieldwork_start", field: "fieldworkStart", aliases: ["fieldwork", "fieldwork started", "fieldwork start date"], description: "The day fieldwork began, in the same forms as published." },
  { header: "framework", field: "framework", aliases: ["standards"], description: "2018, 2021, 2018-or-2021 (not confirmed which), 2025-IYJWCV or 2025-IYJS. Blank: 2021 when 4.1 is rated; otherwise required for a new inspection." },
  { header: "inspection_type", field: "kind", aliases: ["type", "kind"], description: "full, reinspection, thematic or other. Blank: full for a new inspection." },
  { header: "overall_rating", field: "overallRating", aliases: ["overall"], description: "Outstanding, Good, Requires improvement or Inadequate (or O, G, RI, I)." },
  { header: "score", field: "score", aliases: ["total score"], description: "The published score: 20, or 20/36." },
  { header: "score_max", field: "scoreMax", aliases: ["maximum score", "max score"], description: "The maximum score as published; blank means the framework's (36)." },
];

const TRAILING_COLUMNS: FieldColumnSpec[] = [
  { header: "recommendations", field: "recommendations", aliases: [], description: "One recommendation per line inside the cell (a leading number such as \"1.\" is dropped)." },
  { header: "source_urls", field: "sourceUrls", aliases: ["sources", "source url", "source", "report url"], description: "Links to the report and other sources, separated by spaces. Required before an inspection is published." },
  { header: "notes", field: "notes", aliases: ["note"], description: "Short notes on provenance." },
  { header: "visibility", field: "visibility", aliases: ["status"], description: "draft, published or embargoed. Blank: draft for a new inspection; unchanged for an update." },
  { header: "embargo_until", field: "embargoUntil", aliases: ["embargo", "embargoed until"], description: "For embargoed: when it becomes public, 2026-05-01 09:30 (London time)." },
  { header: "discrepancy_note", field: "discrepancyNote", aliases: ["discrepancy"], description: "Why the published figures disagree with the rating rules, when they do (see docs/RATING-RULES.md)." },
];

/** Lower case, "_" and runs of spaces as one space, no "%". */
function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/%/g, " ").replace(/[_\s]+/g, " ").trim();
}

/** Every standard code of the 2018 and 2021 frameworks, in order, with the names it has had. */
export function standardColumns(): { code: string; names: string[]; caseBased: boolean }[] {
  const byCode = new Map<string, { code: string; names: string[]; caseBased: boolean }>();
  for (const framework of FRAMEWORKS) {
    for (const s of framework.standards) {
      const entry = byCode.get(s.code) ?? { code: s.code, names: [], caseBased: s.caseBased };
      if (framework.code !== "2018-or-2021" && !entry.names.includes(s.name)) entry.names.push(s.name);
      byCode.set(s.code, entry);
    }
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}

function standardHeader(code: string, names: string[]): string {
  const [first, ...others] = names;
  if (others.length === 0) return `${code} ${first ?? ""}`.trim();
  // 3.4: Joint working (2018) became out-of-court disposal policy and provision (2021).
  return `${code} ${first} (2018) or ${others.map((n) => n.charAt(0).toLowerCase() + n.slice(1)).join(" or ")} (2021)`;
}

const AREA_WORDS: { area: KeyQuestionArea; pattern: RegExp }[] = [
  { area: "DESISTANCE", pattern: /^desistance$/ },
  { area: "SAFETY_OF_CHILD", pattern: /^(?:safety of (?:the )?child|child safety|keeping the child safe)$/ },
  { area: "SAFETY_OF_OTHERS", pattern: /^(?:safety of other(?:s| people)|others safety|other people safety|keeping other people safe)$/ },
];

function keyQuestionHeader(code: string, area: KeyQuestionArea): string {
  return `${code} ${keyQuestionAreaLabel(area)} %`;
}

/** The template's header, in order. */
export function importColumns(): string[] {
  const standards = standardColumns();
  return [
    ...FIELD_COLUMNS.map((c) => c.header),
    ...standards.map((s) => standardHeader(s.code, s.names)),
    ...standards.filter((s) => s.caseBased).flatMap((s) => KEY_QUESTION_AREAS.map((area) => keyQuestionHeader(s.code, area))),
    ...TRAILING_COLUMNS.map((c) => c.header),
  ];
}

/** Column documentation for docs/IMPORT.md: [header, meaning]. */
export function importColumnDocs(): [string, string][] {
  return [...FIELD_COLUMNS, ...TRAILING_COLUMNS].map((c) => [c.header, c.description]);
}

/** What a header cell means, or why it is not a column of the format. */
export function columnMeaning(header: string): ColumnMeaning | { error: string } {
  const norm = normaliseHeader(header);
  const all = [...FIELD_COLUMNS, ...TRAILING_COLUMNS];
  const named = all.find((c) => normaliseHeader(c.header) === norm || c.aliases.includes(norm));
  if (named) return { field: named.field };

  const m = /^(\d+\.\d+)\.?(?:\s+(.*))?$/.exec(norm);
  if (m) {
    const code = m[1]!;
    const rest = (m[2] ?? "").replace(/\brating\b/, "").trim();
    const standard = standardColumns().find((s) => s.code === code);
    if (!standard) return { error: `"${header}": there is no standard ${code} in any framework (the standards are 1.1–1.4, 2.1–2.4, 3.1–3.4 and 4.1).` };
    const area = AREA_WORDS.find((a) => a.pattern.test(rest));
    if (area) {
      if (!standard.caseBased) return { error: `"${header}": standard ${code} is not case-based, so it has no key-question figures.` };
      return { field: "keyQuestion", code, area: area.area };
    }
    const names = standard.names.map(normaliseHeader);
    const nameOk = rest === "" || normaliseHeader(standardHeader(code, standard.names)) === `${code} ${rest}` || names.some((n) => n.startsWith(rest) || rest.startsWith(n));
    if (!nameOk) {
      const written = header.trim().replace(/^\d+\.\d+\.?[\s_]*/, "");
      return { error: `"${header}": standard ${code} is ${standard.names.join(" or ")}, not "${written}". Check that the columns are not swapped.` };
    }
    return { field: "rating", code };
  }

  const known = importColumns();
  const closest = known
    .map((k) => ({ k, d: editDistance(normaliseHeader(k), norm) }))
    .sort((a, b) => a.d - b.d)[0];
  const hint = closest && closest.d <= Math.max(3, closest.k.length / 3) ? ` Did you mean "${closest.k}"?` : "";
  return { error: `"${header}" is not a column of the import format.${hint} The columns are listed in docs/IMPORT.md and the template.` };
}

export type CsvFormatResult =
  | { ok: true; rows: ImportRow[]; rejected: RejectedRow[] }
  | { ok: false; issues: ImportIssue[] };

const MAX_TEXT = 4000;

/** Reads a table in the import format. Header problems refuse the file; row problems reject the row. */
export function readImportCsv(table: CsvTable): CsvFormatResult {
  const [header, ...body] = table.rows;
  if (!header) return { ok: false, issues: [issueAt({ line: 1, column: null, columnName: null }, null, "The file is empty.")] };

  const issues: ImportIssue[] = [];
  const meanings: (ColumnMeaning | null)[] = [];
  const seen = new Map<string, number>();
  for (const cell of header.cells) {
    const where: SourceLocation = { line: cell.line, column: cell.column, columnName: cell.value.trim() || null };
    if (cell.value.trim() === "") {
      issues.push(issueAt(where, null, `Column ${cell.column} has no header.`));
      meanings.push(null);
      continue;
    }
    const meaning = columnMeaning(cell.value);
    if ("error" in meaning) {
      issues.push(issueAt(where, null, meaning.error));
      meanings.push(null);
      continue;
    }
    const key = JSON.stringify(meaning);
    const first = seen.get(key);
    if (first !== undefined) issues.push(issueAt(where, null, `"${cell.value.trim()}" repeats column ${first}.`));
    seen.set(key, cell.column);
    meanings.push(meaning);
  }
  if (!meanings.some((m) => m?.field === "service")) {
    issues.push(issueAt({ line: header.line, column: null, columnName: null }, "service", 'The header has no "service" column: every row must name its service.'));
  }
  if (issues.length > 0) return { ok: false, issues };
  if (body.length === 0) return { ok: false, issues: [headerOnlyIssue(header.line)] };
  const headers = header.cells.map((c) => c.value.trim());
  return { ok: true, ...sortRows(body.map((csvRow, i) => readRow(csvRow, i + 1, headers, meanings as ColumnMeaning[]))) };
}

function readRow(csvRow: CsvRow, index: number, headers: string[], meanings: ColumnMeaning[]) {
  const b = new RowBuilder(index, csvRow.line, `line ${csvRow.line}`);
  const serviceColumn = meanings.findIndex((m) => m.field === "service");
  b.row.serviceName = csvRow.cells[serviceColumn]?.value.trim() ?? "";
  if (!checkCellCount(b, csvRow, headers.length)) return b.result();

  csvRow.cells.forEach((cell, c) => {
    const meaning = meanings[c]!;
    const where: SourceLocation = { line: cell.line, column: cell.column, columnName: headers[c] ?? null };
    const text = cell.value;
    switch (meaning.field) {
      case "service":
        b.row.locations.service = where;
        return;
      case "published":
        return b.set("publishedOn", b.take(where, "publishedOn", parseDateCell(text)), where);
      case "fieldworkStart":
        return b.set("fieldworkStart", b.take(where, "fieldworkStart", parseDateCell(text)), where);
      case "framework": {
        const f = b.take(where, "frameworkCode", parseFrameworkCell(text));
        if (f) {
          b.set("frameworkCode", f.code, where);
          b.row.frameworkConfirmed = f.confirmed;
        }
        return;
      }
      case "kind":
        return b.set("kind", b.take(where, "kind", parseKindCell(text)), where);
      case "overallRating":
        return b.set("overallRating", b.take(where, "overallRating", parseRatingCell(text)), where);
      case "score": {
        const s = b.take(where, "score", parseScoreCell(text));
        if (s) {
          b.set("score", s.score, where);
          if (s.scoreMax !== null) b.set("scoreMax", s.scoreMax, where);
        }
        return;
      }
      case "scoreMax": {
        const s = b.take(where, "scoreMax", parseScoreCell(text));
        if (s && s.scoreMax !== null) b.problem(where, "scoreMax", "Write the maximum score alone, such as 36.");
        else if (s) b.set("scoreMax", s.score, where);
        return;
      }
      case "rating":
        return b.setRating(meaning.code, b.take(where, `ratings.${meaning.code}`, parseRatingCell(text)), where);
      case "keyQuestion": {
        const field = `keyQuestions.${meaning.code}.${meaning.area}`;
        return b.setKeyQuestion(meaning.code, meaning.area, b.take(where, field, parsePercentCell(text)), where);
      }
      case "recommendations":
        return b.set("recommendations", b.take(where, "recommendations", parseRecommendationLines(text)), where);
      case "sourceUrls":
        return b.set("sourceUrls", b.take(where, "sourceUrls", parseUrlList([text])), where);
      case "notes":
        return b.set("notes", b.take(where, "notes", parseTextCell(text, MAX_TEXT)), where);
      case "visibility":
        return b.set("visibility", b.take(where, "visibility", parseVisibilityCell(text)), where);
      case "embargoUntil":
        return b.set("embargoUntil", b.take(where, "embargoUntil", parseInstantCell(text)), where);
      case "discrepancyNote":
        return b.set("discrepancyNote", b.take(where, "discrepancyNote", parseTextCell(text, MAX_TEXT)), where);
    }
  });
  inferFramework(b);
  checkRowShape(b);
  return b.result();
}

/** With no framework given, a rated 4.1 says 2021 (no other framework has it). Nothing else is inferred. */
export function inferFramework(b: RowBuilder): void {
  if (b.row.frameworkCode !== undefined) return;
  if (b.row.ratings["4.1"] !== undefined) {
    b.row.frameworkCode = "2021";
    b.row.frameworkConfirmed = true;
    b.row.locations.frameworkCode = b.row.locations["ratings.4.1"]!;
  }
}

/** public/import-template.csv: the header and one example row (Wiltshire 2024, from the published report). */
export function importTemplateCsv(example: ImportRow | null): string {
  const columns = importColumns();
  const lines = [csvLine(columns)];
  if (example) lines.push(csvLine(columns.map((header) => exampleCell(header, example))));
  return lines.join("\r\n") + "\r\n";
}

function exampleCell(header: string, row: ImportRow): string {
  const meaning = columnMeaning(header);
  if ("error" in meaning) return "";
  const rating = (r: string | undefined) => (r ? r.charAt(0) + r.slice(1).toLowerCase().replace(/_/g, " ") : "");
  switch (meaning.field) {
    case "service":
      return row.serviceName;
    case "published":
      return row.publishedOn?.precision === "DAY" ? row.publishedOn.iso : (row.publishedOn?.iso.slice(0, row.publishedOn.precision === "MONTH" ? 7 : 4) ?? "");
    case "fieldworkStart":
      return row.fieldworkStart?.iso ?? "";
    case "framework":
      return row.frameworkCode ?? "";
    case "kind":
      return row.kind?.toLowerCase() ?? "";
    case "overallRating":
      return rating(row.overallRating);
    case "score":
      return row.score === undefined ? "" : String(row.score);
    case "scoreMax":
      return row.scoreMax === undefined ? "" : String(row.scoreMax);
    case "rating":
      return rating(row.ratings[meaning.code]);
    case "keyQuestion": {
      const v = row.keyQuestions[meaning.code]?.[meaning.area];
      return v === undefined ? "" : String(v);
    }
    case "recommendations":
      return (row.recommendations ?? []).join("\n");
    case "sourceUrls":
      return (row.sourceUrls ?? []).join(" ");
    case "notes":
      return row.notes ?? "";
    case "visibility":
      return row.visibility?.toLowerCase() ?? "";
    case "embargoUntil":
      return row.embargoUntil ?? "";
    case "discrepancyNote":
      return row.discrepancyNote ?? "";
  }
}

