// CSV as a table whose every cell knows its line and column, so that an error
// can say exactly where it is. RFC 4180: quoted fields may hold the delimiter,
// doubled quotes and line breaks. The delimiter is read from the header: a
// comma, or a semicolon or tab where a spreadsheet wrote one of those instead.
import { issueAt, type ImportIssue } from "./issues";

export type CsvCell = { value: string; line: number; column: number };
export type CsvRow = { line: number; cells: CsvCell[] };
export type CsvTable = { delimiter: "," | ";" | "\t"; rows: CsvRow[] };

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; issue: ImportIssue };

/** The delimiter most used in the first line, outside quotes; a comma when there is none. */
function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

export function parseCsvTable(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const rows: CsvRow[] = [];
  let cells: CsvCell[] = [];
  let value = "";
  let line = 1;
  let column = 1; // 1-based cell number
  let rowLine = 1;
  let cellLine = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let afterQuote = false;

  const endCell = () => {
    cells.push({ value, line: cellLine, column });
    value = "";
    column++;
    afterQuote = false;
  };
  const endRow = () => {
    endCell();
    rows.push({ line: rowLine, cells });
    cells = [];
    column = 1;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          value += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        value += c;
      }
      continue;
    }
    if (c === delimiter) {
      endCell();
      cellLine = line;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
      cellLine = line;
    } else if (afterQuote) {
      if (c === " " || c === "\t") continue; // spaces between a closing quote and the delimiter
      return {
        ok: false,
        issue: issueAt({ line, column, columnName: null }, null, `Text follows the closing quote of a quoted cell ("…"${c}): put the whole cell in quotes, with any quote inside doubled ("").`),
      };
    } else if (c === '"' && value.trim() === "") {
      quoted = true;
      quoteOpenedAt = line;
      value = "";
    } else {
      value += c;
    }
  }
  if (quoted) {
    return {
      ok: false,
      issue: issueAt(
        { line: quoteOpenedAt, column, columnName: null },
        null,
        "A quoted cell opened here is never closed: the file may be cut short, or a quote inside a cell is not doubled.",
      ),
    };
  }
  if (value !== "" || cells.length > 0 || afterQuote) endRow();

  // Blank lines, and rows whose every cell is empty (spreadsheets write ",,,,"), carry nothing.
  const kept = rows.filter((r) => r.cells.some((cell) => cell.value.trim() !== ""));
  return { ok: true, table: { delimiter, rows: kept } };
}

/** Quotes a cell for CSV output when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(",");
}
