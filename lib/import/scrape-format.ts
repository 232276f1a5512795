// The Data to Insight scrape of the inspectorate's youth justice ratings
// (github.com/data-to-insight/hmi-probation-youth-justice-scrape,
// hmi_youth_justice_inspection_ratings.csv), read as analysts download it.
//
// Its header (two published versions differ in column order, so columns are
// read by name): la_name, la_ref, score_%, overall_rating, publication_date,
// report_url, then one column per standard *name*: governance_and_leadership,
// staff, partnerships_and_services (once spelt partners_hips_and_services),
// information_and_facilities, assessment, planning, implementation_and_delivery,
// reviewing, outofcourt_disposal_policy_and_provision,
// resettlement_policy_and_provision, policy_and_provision, joint_working.
//
// The scraper keys each standard by its name, so the court (2.x) and
// out-of-court (3.x) standards called assessment, planning and implementation
// and delivery share one column holding whichever it read last: those columns
// are not used. It also keeps only one-word ratings, so "Requires improvement"
// never appears in a standard column (a blank cell is "not recorded").
import { parseDateCell, parseRatingCell, parseUrlList } from "./cell-values";
import type { CsvTable } from "./csv-table";
import { issueAt, type ImportIssue, type SourceLocation } from "./issues";
import { checkCellCount, headerOnlyIssue, RowBuilder, sortRows, type ImportRow, type RejectedRow } from "./import-row";
import { stripTitleWords } from "./service-names";

type ScrapeColumn =
  | { use: "service" | "score" | "overall" | "published" | "url" }
  | { use: "rating"; code: string; framework?: "2018" | "2021" }
  | { use: "framework-only"; framework: "2021" }
  | { use: "unused"; reason: string };

const MIXED =
  "The scrape keeps one rating for the court (2.x) and the out-of-court (3.x) standard of this name, whichever it read last, so it cannot be told which standard the rating belongs to.";

const COLUMNS: Record<string, ScrapeColumn> = {
  la_name: { use: "service" },
  la_ref: { use: "unused", reason: "The inspectorate's page reference; report_url holds the same link." },
  "score_%": { use: "score" },
  overall_rating: { use: "overall" },
  publication_date: { use: "published" },
  report_url: { use: "url" },
  governance_and_leadership: { use: "rating", code: "1.1" },
  staff: { use: "rating", code: "1.2" },
  partnerships_and_services: { use: "rating", code: "1.3" },
  partners_hips_and_services: { use: "rating", code: "1.3" },
  information_and_facilities: { use: "rating", code: "1.4" },
  reviewing: { use: "rating", code: "2.4" },
  outofcourt_disposal_policy_and_provision: { use: "rating", code: "3.4", framework: "2021" },
  joint_working: { use: "rating", code: "3.4", framework: "2018" },
  resettlement_policy_and_provision: { use: "rating", code: "4.1", framework: "2021" },
  assessment: { use: "unused", reason: MIXED },
  planning: { use: "unused", reason: MIXED },
  implementation_and_delivery: { use: "unused", reason: MIXED },
  policy_and_provision: {
    use: "framework-only",
    framework: "2021",
  },
};

const POLICY_REASON =
  "The scrape's policy_and_provision could be 3.4 out-of-court disposal policy and provision or 4.1 resettlement policy and provision, so its rating is not used; both exist only in the 2021 standards, so a rating here does show the framework.";

function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, "_").replace(/-/g, "");
}

/** Whether a header row is the scrape's: it has la_name and score_%. */
export function isScrapeHeader(cells: readonly string[]): boolean {
  const names = new Set(cells.map(normaliseHeader));
  return names.has("la_name") && names.has("score_%");
}

export type UnusedColumn = SourceLocation & { reason: string };

export type ScrapeResult = { ok: true; rows: ImportRow[]; rejected: RejectedRow[]; unusedColumns: UnusedColumn[] } | { ok: false; issues: ImportIssue[] };

/** score_% × 36 / 100, when that is a whole number (the scrape rounds to two decimals). */
export function scoreFromPercent(percent: number): number | null {
  const points = (percent * 36) / 100;
  const whole = Math.round(points);
  return Math.abs(points - whole) < 0.02 && whole >= 0 && whole <= 36 ? whole : null;
}

export function readScrapeCsv(table: CsvTable): ScrapeResult {
  const [header, ...body] = table.rows;
  if (!header) return { ok: false, issues: [issueAt({ line: 1, column: null, columnName: null }, null, "The file is empty.")] };
  const columns: ScrapeColumn[] = [];
  const unusedColumns: UnusedColumn[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const cell of header.cells) {
    const name = normaliseHeader(cell.value);
    const where: SourceLocation = { line: cell.line, column: cell.column, columnName: cell.value.trim() };
    const column = COLUMNS[name] ?? { use: "unused", reason: "Not a column of the Data to Insight scrape that this import knows." };
    if (seen.has(name)) issues.push(issueAt(where, null, `"${cell.value.trim()}" repeats column ${seen.get(name)}.`));
    seen.set(name, cell.column);
    if (column.use === "unused") unusedColumns.push({ ...where, reason: column.reason });
    if (column.use === "framework-only") unusedColumns.push({ ...where, reason: POLICY_REASON });
    columns.push(column);
  }
  if (issues.length > 0) return { ok: false, issues };
  if (body.length === 0) return { ok: false, issues: [headerOnlyIssue(header.line)] };

  const results = body.map((csvRow, i) => {
    const b = new RowBuilder(i + 1, csvRow.line, `line ${csvRow.line}`);
    const serviceIndex = columns.findIndex((c) => c.use === "service");
    b.row.serviceName = stripTitleWords(csvRow.cells[serviceIndex]?.value ?? "");
    if (!checkCellCount(b, csvRow, columns.length)) return b.result();
    const frameworks = new Map<string, SourceLocation>();
    csvRow.cells.forEach((cell, c) => {
      const column = columns[c]!;
      const where: SourceLocation = { line: cell.line, column: cell.column, columnName: header.cells[c]!.value.trim() };
      const text = cell.value;
      switch (column.use) {
        case "service":
          b.row.locations.service = where;
          break;
        case "score": {
          if (text.trim() === "" || /^n\/?a$/i.test(text.trim())) break;
          const percent = Number(text.trim());
          if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
            b.problem(where, "score", `"${text.trim()}" is not a percentage from 0 to 100.`);
            break;
          }
          const score = scoreFromPercent(percent);
          if (score === null) {
            b.row.warnings.push(issueAt(where, "score", `${percent}% of 36 is ${((percent * 36) / 100).toFixed(2)}, not a whole score, so no score is taken from this row.`));
          } else {
            b.set("score", score, where);
            b.row.scoreMax = 36;
          }
          break;
        }
        case "overall":
          b.set("overallRating", b.take(where, "overallRating", parseRatingCell(text)), where);
          break;
        case "published":
          b.set("publishedOn", b.take(where, "publishedOn", parseDateCell(text)), where);
          break;
        case "url":
          b.set("sourceUrls", b.take(where, "sourceUrls", parseUrlList([text])), where);
          break;
        case "rating": {
          const rating = b.take(where, `ratings.${column.code}`, parseRatingCell(text));
          b.setRating(column.code, rating, where);
          if (rating && column.framework) frameworks.set(column.framework, where);
          break;
        }
        case "framework-only":
          if (parseRatingCell(text).value) frameworks.set(column.framework, where);
          break;
        case "unused":
          break;
      }
    });
    if (frameworks.size > 1) {
      b.problem(frameworks.get("2018")!, "frameworkCode", "The row rates joint working (2018 standards) and a standard that exists only in the 2021 standards.");
    } else if (frameworks.size === 1) {
      const [[code, where]] = [...frameworks] as [[string, SourceLocation]];
      b.set("frameworkCode", code, where);
      b.row.frameworkConfirmed = true;
    } else {
      // The scrape covers the inspectorate's 2018-onwards programme, so a new
      // inspection is recorded as "2018 or 2021, not confirmed which".
      b.row.frameworkIfNew = { code: "2018-or-2021", confirmed: false };
    }
    return b.result();
  });
  return { ok: true, ...sortRows(results), unusedColumns };
}

