import { describe, expect, it } from "vitest";
import { decodeText } from "./text-encoding";

const limit = { maxBytes: 1000 };
const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decoding uploads", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeText(utf8("service\nYnys Môn"), limit)).toEqual({ ok: true, text: "service\nYnys Môn", encoding: "UTF-8" });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8("Môn")), limit)).toEqual({ ok: true, text: "Môn", encoding: "UTF-8 with BOM" });
  });

  it("reads Windows-1252 (Excel's CSV on Windows), curly quotes and all", () => {
    // "Young People’s – Môn" in Windows-1252
    const text = bytes(...utf8("Young People"), 0x92, ...utf8("s "), 0x96, ...utf8(" M"), 0xf4, ...utf8("n"));
    expect(decodeText(text, limit)).toEqual({ ok: true, text: "Young People’s – Môn", encoding: "Windows-1252" });
  });

  it("refuses UTF-16 with a byte-order mark, saying how to save the file", () => {
    const result = decodeText(bytes(0xff, 0xfe, 0x73, 0x00, 0x65, 0x00), limit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toMatch(/UTF-16.*not read.*CSV UTF-8/);
  });

  it("refuses UTF-16 without a byte-order mark", () => {
    const result = decodeText(bytes(0x73, 0x00, 0x65, 0x00, 0x72, 0x00, 0x76, 0x00), limit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toContain("UTF-16");
  });

  it("refuses binary files and says where the first control character is", () => {
    const result = decodeText(utf8("service,score\nWiltshire,2\u00010\n"), limit);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.message).toContain("U+0001");
      expect(result.issue).toMatchObject({ line: 2, column: 12 });
    }
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 1, 2], "Excel .xlsx"],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF"],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d], "PNG"],
  ])("names the kind of binary file %#", (b, kind) => {
    const result = decodeText(bytes(...b), limit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toContain(kind);
  });

  it("refuses empty files and files over the limit", () => {
    const empty = decodeText(bytes(), limit);
    expect(!empty.ok && empty.issue.message).toBe("The file is empty.");
    const blank = decodeText(utf8(" \n \n"), limit);
    expect(!blank.ok && blank.issue.message).toBe("The file is empty.");
    const big = decodeText(new Uint8Array(1001).fill(0x41), limit);
    expect(!big.ok && big.issue.message).toMatch(/is 1001 bytes; the limit is 1000 bytes/);
  });
});
