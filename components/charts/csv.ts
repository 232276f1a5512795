// CSV (RFC 4180) of a chart's numbers, as a data: URL for a download link that
// works without JavaScript.

export type Cell = string | number | null;

function quote(cell: Cell): string {
  if (cell === null) return "";
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}

export function csvDataUrl(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csvText(header, rows))}`;
}
