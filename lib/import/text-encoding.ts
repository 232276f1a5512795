// Turns uploaded bytes into text. Read: UTF-8 with or without a byte-order mark,
// and Windows-1252 (what Excel on Windows writes for "CSV (Comma delimited)").
// Refused, with a message saying what the file looks like: UTF-16, other binary
// files (spreadsheets, PDFs, images), empty files and files over the size limit.
import { issueAt, lineAndColumn, NOWHERE, type ImportIssue } from "./issues";
import { describeBytes } from "./limits";

export type TextEncodingName = "UTF-8" | "UTF-8 with BOM" | "Windows-1252";

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; issue: ImportIssue };

const refuse = (message: string, where = NOWHERE): DecodedText => ({ ok: false, issue: issueAt(where, null, message) });

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** What a binary file most likely is, from its first bytes. */
function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "a PDF";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "a ZIP archive (an Excel .xlsx workbook is one)";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "an old Excel (.xls) or Word (.doc) file";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "a PNG image";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "a JPEG image";
  return null;
}

/**
 * A character that has no place in a text file: C0 controls other than tab,
 * line feed and carriage return, DEL, and the C1 controls (U+0080–U+009F, which
 * Windows-1252 decoding yields for its five undefined bytes).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Decodes an upload; `what` names it in messages ("The file", "The report"). */
export function decodeText(bytes: Uint8Array, options: { maxBytes: number; what?: string }): DecodedText {
  const what = options.what ?? "The file";
  if (bytes.length > options.maxBytes) {
    return refuse(`${what} is ${describeBytes(bytes.length)}; the limit is ${describeBytes(options.maxBytes)}. Split it into smaller files.`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return refuse(
      `${what} is in UTF-16 ("Unicode text"), which is not read. Save it as "CSV UTF-8 (Comma delimited)" or as UTF-8 text.`,
    );
  }
  const kind = binaryKind(bytes);
  if (kind) return refuse(`${what} is ${kind}, not text. Save it as "CSV UTF-8 (Comma delimited)" or as JSON.`);

  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: TextEncodingName;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    encoding = bom ? "UTF-8 with BOM" : "UTF-8";
  } catch {
    if (bom) return refuse(`${what} starts with a UTF-8 byte-order mark but is not valid UTF-8.`);
    text = new TextDecoder("windows-1252").decode(body);
    encoding = "Windows-1252";
  }

  const nul = text.indexOf("\u0000");
  const control = nul >= 0 ? nul : text.search(CONTROL);
  if (control >= 0) {
    const { line, column } = lineAndColumn(text, control);
    const code = text.charCodeAt(control).toString(16).padStart(4, "0").toUpperCase();
    const looksUtf16 = nul >= 0 && countNuls(body) > body.length / 4;
    return refuse(
      looksUtf16
        ? `${what} looks like UTF-16 text without a byte-order mark (every other byte is zero), which is not read. Save it as UTF-8.`
        : `${what} is not a text file: it holds the control character U+${code}. Only UTF-8 and Windows-1252 text is read.`,
      { line, column, columnName: null },
    );
  }
  if (text.trim() === "") return refuse(`${what} is empty.`);
  return { ok: true, text, encoding };
}

function countNuls(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n;
}
