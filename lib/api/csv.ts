// CSV text (RFC 4180): a header row, then one row per item; null is an empty
// cell ("not recorded"), never 0. Lines end in CRLF, as the RFC says.
export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text. `bom` starts it with a byte-order mark, so spreadsheet programs read it as UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","));
  return (options.bom ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}
