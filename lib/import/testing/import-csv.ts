// Builds files in the CSV import format for tests: give the cells by header
// (or by standard code, e.g. "2.1"), the rest stay blank.
import { importColumns } from "../csv-format";
import { csvLine } from "../csv-table";

export function importCsv(...rows: Record<string, string>[]): string {
  const columns = importColumns();
  const pick = (row: Record<string, string>, header: string) => {
    if (header in row) return row[header]!;
    const standard = Object.keys(row).find((k) => /^\d\.\d$/.test(k) && header.startsWith(`${k} `) && !header.endsWith("%"));
    return standard === undefined ? "" : row[standard]!;
  };
  return [csvLine(columns), ...rows.map((row) => csvLine(columns.map((h) => pick(row, h))))].join("\n") + "\n";
}
