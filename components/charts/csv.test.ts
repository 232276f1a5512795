import { describe, expect, it } from "vitest";
import { csvDataUrl, csvText } from "./csv";

describe("csvText", () => {
  it("quotes commas, quotes and line breaks, and leaves blanks for null", () => {
    expect(csvText(["a", "b"], [["x, y", 'say "hi"'], [null, 3]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n,3\r\n');
  });
  it("round-trips through a data URL", () => {
    const url = csvDataUrl(["n"], [[5]]);
    expect(url.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(url.split(",").slice(1).join(","))).toBe("n\r\n5\r\n");
  });
});
