// Writes a small, valid PDF (PDF 1.4, Helvetica, WinAnsi text) for tests: each
// page is a list of lines, each line a list of cells placed at fixed columns,
// so a table reads back as cells on one line.

export type PdfLine = string | string[];

const CELL_X = [56, 96, 400];

function escapePdfString(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)");
}

/** Windows-1252 bytes of a string; characters outside it become "?". */
function winAnsi(text: string): number[] {
  const extra: Record<string, number> = { "€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "•": 0x95 };
  return [...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    return extra[c] ?? 0x3f;
  });
}

export function minimalPdf(pages: PdfLine[][], options: { lineHeight?: number; fontSize?: number } = {}): Uint8Array {
  const fontSize = options.fontSize ?? 9;
  const lineHeight = options.lineHeight ?? 12;
  const objects: number[][] = [];
  const add = (content: number[]) => {
    objects.push(content);
    return objects.length;
  };
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

  const catalogId = add([]); // filled below
  const pagesId = add([]);
  const fontId = add(ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
  const pageIds: number[] = [];
  for (const lines of pages) {
    const stream: number[] = [];
    let y = 800;
    for (const line of lines) {
      const cells = typeof line === "string" ? [line] : line;
      cells.forEach((cell, i) => {
        if (cell === "") return;
        stream.push(...ascii(`BT /F1 ${fontSize} Tf ${CELL_X[Math.min(i, CELL_X.length - 1)]! + (i >= CELL_X.length ? (i - CELL_X.length + 1) * 60 : 0)} ${y} Td (`));
        stream.push(...winAnsi(escapePdfString(cell)));
        stream.push(...ascii(") Tj ET\n"));
      });
      y -= lineHeight;
    }
    const contentId = add([...ascii(`<< /Length ${stream.length} >>\nstream\n`), ...stream, ...ascii("\nendstream")]);
    pageIds.push(
      add(ascii(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${contentId} 0 R >>`)),
    );
  }
  objects[catalogId - 1] = ascii(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  objects[pagesId - 1] = ascii(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`);

  const out: number[] = [...ascii("%PDF-1.4\n%"), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a];
  const offsets: number[] = [];
  objects.forEach((content, i) => {
    offsets.push(out.length);
    out.push(...ascii(`${i + 1} 0 obj\n`), ...content, ...ascii("\nendobj\n"));
  });
  const xref = out.length;
  out.push(...ascii(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`));
  for (const offset of offsets) out.push(...ascii(`${String(offset).padStart(10, "0")} 00000 n \n`));
  out.push(...ascii(`trailer\n<< /Size ${objects.length + 1} /Root ${catalogId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Uint8Array.from(out);
}

/** Splits text into pages of lines; a line's tabs separate its cells. */
export function textToPdfPages(text: string, linesPerPage = 60, wrapAt = 110): PdfLine[][] {
  const lines: PdfLine[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (raw.includes("\t")) {
      lines.push(raw.split("\t").map((c) => c.trim()));
      continue;
    }
    let rest = raw;
    while (rest.length > wrapAt) {
      const cut = rest.lastIndexOf(" ", wrapAt);
      const at = cut > 20 ? cut : wrapAt;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    lines.push(rest);
  }
  const pages: PdfLine[][] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push(lines.slice(i, i + linesPerPage));
  return pages;
}
