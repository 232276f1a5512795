// An Excel workbook (exceljs) of a table: one sheet with the rows, a frozen
// header row and sensible widths, and an "About" sheet with the licence,
// attribution and what the download holds.
import ExcelJS from "exceljs";
import { ATTRIBUTION, LICENCE_URL } from "./licence";

export type XlsxCell = string | number | null;

export async function toXlsx(options: {
  sheetName: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  about: readonly [string, string][];
}): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Youth justice inspection outcomes";
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...options.header]);
  sheet.getRow(1).font = { bold: true };
  for (const row of options.rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
  options.header.forEach((h, i) => {
    const longest = Math.max(h.length, ...options.rows.map((r) => String(r[i] ?? "").length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });

  const about = workbook.addWorksheet("About");
  about.addRow(["Attribution", ATTRIBUTION]);
  about.addRow(["Licence", LICENCE_URL]);
  for (const [k, v] of options.about) about.addRow([k, v]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 100;
  about.getColumn(1).font = { bold: true };

  const buffer = await workbook.xlsx.writeBuffer();
  return Uint8Array.from(buffer as unknown as Uint8Array).buffer;
}
