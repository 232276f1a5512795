// The text of a report PDF, page by page, for the report reader. Limited in size
// and pages (see limits.ts). Lines are rebuilt from the positions of the text on
// the page, with a tab between cells that stand apart (as in the ratings table).
import { getDocumentProxy } from "unpdf";
import { issueAt, NOWHERE, type ImportIssue } from "./issues";
import { describeBytes, MAX_REPORT_PDF_BYTES, MAX_REPORT_PDF_PAGES, MAX_REPORT_TEXT_CHARS } from "./limits";

export type PdfText =
  | { ok: true; text: string; pages: number; pagesRead: number; notes: string[] }
  | { ok: false; issue: ImportIssue };

type Item = { str: string; x: number; y: number; width: number; size: number };

function pageLines(items: Item[]): string[] {
  // Items on (nearly) the same baseline make one line, read left to right.
  const rows: { y: number; items: Item[] }[] = [];
  for (const item of items) {
    const row = rows.find((r) => Math.abs(r.y - item.y) <= Math.max(2, item.size * 0.3));
    if (row) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((row) => {
    const sorted = row.items.sort((a, b) => a.x - b.x);
    let line = "";
    let end: number | null = null;
    for (const item of sorted) {
      if (end !== null) {
        const gap = item.x - end;
        if (gap > item.size * 1.5) line += "\t";
        else if (gap > item.size * 0.15 && !line.endsWith(" ") && !item.str.startsWith(" ")) line += " ";
      }
      line += item.str;
      end = item.x + item.width;
    }
    return line.replace(/\s+$/, "");
  });
}

export async function extractPdfText(bytes: Uint8Array, options: { maxBytes?: number; maxPages?: number } = {}): Promise<PdfText> {
  const maxBytes = options.maxBytes ?? MAX_REPORT_PDF_BYTES;
  const maxPages = options.maxPages ?? MAX_REPORT_PDF_PAGES;
  const refuse = (message: string): PdfText => ({ ok: false, issue: issueAt(NOWHERE, null, message) });
  if (bytes.length === 0) return refuse("The PDF is empty.");
  if (bytes.length > maxBytes) return refuse(`The PDF is ${describeBytes(bytes.length)}; the limit is ${describeBytes(maxBytes)}.`);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes("%PDF-")) return refuse("This is not a PDF file (it does not start with %PDF-). Upload the report's PDF, or paste its text.");

  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take ownership of the buffer it is given: pass a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/password/i.test(reason)) return refuse("The PDF is protected by a password, so its text cannot be read. Paste the report's text instead.");
    return refuse(`The PDF could not be read (${reason}). Paste the report's text instead.`);
  }
  try {
    const pages = pdf.numPages;
    const pagesRead = Math.min(pages, maxPages);
    const out: string[] = [];
    let length = 0;
    for (let p = 1; p <= pagesRead; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items) {
        // pdf.js fills gaps with items of spaces; the gap itself says whether it is a space or a tab.
        if (!("str" in item) || item.str.trim() === "") continue;
        const t = item.transform as number[];
        items.push({ str: item.str, x: t[4]!, y: t[5]!, width: item.width, size: Math.abs(t[3]!) || Math.abs(t[0]!) || 10 });
      }
      const text = pageLines(items).join("\n");
      length += text.length;
      if (length > MAX_REPORT_TEXT_CHARS) {
        return refuse(`The PDF holds more than ${describeBytes(MAX_REPORT_TEXT_CHARS)} of text in its first ${p} pages; a report is far shorter.`);
      }
      out.push(text);
      page.cleanup();
    }
    const notes = pages > pagesRead ? [`Only the first ${pagesRead} of ${pages} pages were read.`] : [];
    const text = out.join("\n\n");
    if (text.trim() === "") {
      return refuse("The PDF has no text to read (it may be scanned images). Paste the report's text instead.");
    }
    return { ok: true, text, pages, pagesRead, notes };
  } catch (error) {
    return refuse(`The PDF could not be read (${error instanceof Error ? error.message : String(error)}). Paste the report's text instead.`);
  } finally {
    await pdf.destroy();
  }
}
