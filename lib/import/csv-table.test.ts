import { describe, expect, it } from "vitest";
import { csvLine, parseCsvTable } from "./csv-table";

function table(text: string) {
  const result = parseCsvTable(text);
  if (!result.ok) throw new Error(result.issue.message);
  return result.table;
}

describe("CSV with positions", () => {
  it("keeps each cell's line and column, through quoted line breaks", () => {
    const t = table('a,b\r\n"x, y","line one\nline two"\r\nlast,"say ""hi"""\r\n');
    expect(t.rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(t.rows[1]!.cells).toEqual([
      { value: "x, y", line: 2, column: 1 },
      { value: "line one\nline two", line: 2, column: 2 },
    ]);
    expect(t.rows[2]!.cells[1]).toEqual({ value: 'say "hi"', line: 4, column: 2 });
  });

  it("skips blank rows, including rows of empty cells", () => {
    expect(table("a,b\n\n,\n1,2\n").rows.map((r) => r.line)).toEqual([1, 4]);
  });

  it("reads semicolon- and tab-separated files by their header", () => {
    expect(table("a;b\n1;2,5\n").rows[1]!.cells.map((c) => c.value)).toEqual(["1", "2,5"]);
    expect(table("a\tb\n1\t2\n").delimiter).toBe("\t");
  });

  it("reports an unclosed quote at the line where it opened", () => {
    const result = parseCsvTable('a,b\n1,"open\n2,3\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue).toMatchObject({ line: 2, message: expect.stringContaining("never closed") });
  });

  it("reports text after a closing quote", () => {
    const result = parseCsvTable('a,b\n"x"y,2\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue).toMatchObject({ line: 2, column: 1 });
  });

  it("writes cells that round-trip", () => {
    const line = csvLine(["plain", "a, b", 'say "x"', "two\nlines"]);
    expect(table(`${line}\n`).rows[0]!.cells.map((c) => c.value)).toEqual(["plain", "a, b", 'say "x"', "two\nlines"]);
  });
});
