// More than 200 malformed imports, made by mutating two valid files (CSV and
// JSON): dropped cells and columns, swapped fields, truncation, random bytes,
// bad values, duplicates and wrong encodings. For each: a clear error (a message
// and, for a row, its line) and a database exactly as before (a dump of every
// table compared).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { seed } from "../db/seed";
import { importColumns } from "./csv-format";
import { parseCsvTable } from "./csv-table";
import { applyImport, ImportRefusedError } from "./import-apply";
import { parseImportFile } from "./import-file";
import { planImport } from "./import-plan";
import { dumpDatabase } from "./testing/db-dump";
import { importCsv } from "./testing/import-csv";

// ---------------------------------------------------------------------------
// The valid files

const STANDARDS = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"];
const CASE_BASED = ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"];

function record(service: string, published: string, fieldwork: string, n: number): Record<string, string> {
  const row: Record<string, string> = {
    service,
    published,
    fieldwork_start: fieldwork,
    framework: "2021",
    inspection_type: "full",
    overall_rating: "Good",
    score: "24",
    score_max: "36",
    "4.1": "Outstanding",
    source_urls: `https://example.org/report-${n}`,
  };
  for (const code of STANDARDS) row[code] = "Good";
  for (const code of CASE_BASED) {
    row[`${code} Desistance %`] = String(70 + n);
    row[`${code} Safety of the child %`] = String(66 + n);
    row[`${code} Safety of other people %`] = String(60 + n);
  }
  return row;
}

const ROWS = [
  record("Swindon", "2050-03-12", "2049-12-02", 1),
  record("Kent Youth Justice Service", "2050-06-18", "2050-03-09", 2),
  record("Gwynedd and Ynys Môn", "2051-01-20", "2050-10-06", 3),
];
const VALID_CSV = importCsv(...ROWS);

function jsonRecord(row: Record<string, string>) {
  return {
    service: row.service,
    published: row.published,
    fieldworkStart: row.fieldwork_start,
    framework: row.framework,
    inspectionType: row.inspection_type,
    overallRating: row.overall_rating,
    score: Number(row.score),
    ratings: Object.fromEntries([...STANDARDS, "4.1"].map((c) => [c, row[c]])),
    keyQuestions: Object.fromEntries(
      CASE_BASED.map((c) => [c, { desistance: Number(row[`${c} Desistance %`]), safetyOfChild: Number(row[`${c} Safety of the child %`]), safetyOfOthers: Number(row[`${c} Safety of other people %`]) }]),
    ),
    sources: [row.source_urls],
  };
}
const VALID_JSON_RECORDS = ROWS.map(jsonRecord);
const VALID_JSON = JSON.stringify(VALID_JSON_RECORDS, null, 2);

// ---------------------------------------------------------------------------
// Mutations

/** A small seeded random generator (mulberry32), so every run makes the same files. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
type Case = { name: string; bytes: Uint8Array };

const table = () => {
  const t = parseCsvTable(VALID_CSV);
  if (!t.ok) throw new Error("the valid CSV does not parse");
  return t.table.rows.map((r) => r.cells.map((c) => c.value));
};
const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n") + "\n";

/** Which cells may be swapped: values of one group are never valid in another (framework codes are years, so never into dates). */
function group(header: string): string | null {
  if (header === "service") return "service";
  if (header === "published" || header === "fieldwork_start") return "date";
  if (header === "framework") return "framework";
  if (header === "inspection_type") return "kind";
  if (header === "overall_rating" || /^\d\.\d [A-Z]/.test(header) && !header.endsWith("%")) return "rating";
  if (header === "score" || header === "score_max" || header.endsWith("%")) return "number";
  if (header === "source_urls") return "url";
  return null;
}

function mutations(): Case[] {
  const r = random(20260507);
  const cases: Case[] = [];
  const seen = new Set<string>();
  const header = importColumns();
  // The same file twice (two cuts at one place) counts once.
  const add = (name: string, content: string | Uint8Array) => {
    const bytes = typeof content === "string" ? utf8(content) : content;
    const key = Buffer.from(bytes).toString("base64");
    if (seen.has(key)) return;
    seen.add(key);
    cases.push({ name, bytes });
  };

  // Dropped cells, extra cells, dropped header cells, the service column dropped.
  for (let i = 0; i < 30; i++) {
    const rows = table();
    const row = 1 + r.int(rows.length - 1);
    const col = r.int(header.length);
    rows[row]!.splice(col, 1);
    add(`CSV: cell ${col + 1} (${header[col]}) dropped from data row ${row}`, toCsv(rows));
  }
  for (let i = 0; i < 10; i++) {
    const rows = table();
    const col = r.int(header.length);
    rows[0]!.splice(col, 1);
    add(`CSV: header cell ${col + 1} (${header[col]}) dropped`, toCsv(rows));
  }
  for (let i = 0; i < 5; i++) {
    const rows = table();
    const row = 1 + r.int(rows.length - 1);
    rows[row]!.splice(r.int(header.length), 0, "Good");
    add(`CSV: extra cell in data row ${row}`, toCsv(rows));
  }
  add("CSV: the service column dropped", toCsv(table().map((row) => row.slice(1))));

  // Swapped fields of different kinds.
  const swappable = header.map((h, i) => ({ i, g: group(h) })).filter((c) => c.g !== null);
  for (let made = 0; made < 40; ) {
    const a = r.pick(swappable);
    const b = r.pick(swappable);
    if (a.g === b.g || (a.g === "framework" && b.g === "date") || (b.g === "framework" && a.g === "date")) continue;
    const rows = table();
    const row = 1 + r.int(rows.length - 1);
    const cells = rows[row]!;
    [cells[a.i], cells[b.i]] = [cells[b.i]!, cells[a.i]!];
    add(`CSV: ${header[a.i]} and ${header[b.i]} swapped in data row ${row}`, toCsv(rows));
    made++;
  }

  // Truncation inside a data row, before its last cell.
  for (let i = 0; i < 30; i++) {
    const lines = VALID_CSV.split("\n");
    const row = 1 + r.int(3);
    const before = lines.slice(0, row).join("\n").length + 1;
    const lastComma = lines[row]!.lastIndexOf(",");
    const cut = before + 1 + r.int(lastComma - 1); // at least one character of the row, not all its cells
    add(`CSV: cut at byte ${cut} (data row ${row})`, VALID_CSV.slice(0, cut));
  }
  for (let i = 0; i < 25; i++) {
    const cut = 1 + r.int(VALID_JSON.length - 2);
    add(`JSON: cut at byte ${cut}`, VALID_JSON.slice(0, cut));
  }

  // Random bytes: whole files, and bytes put into a valid file.
  for (let i = 0; i < 20; i++) {
    const bytes = Uint8Array.from({ length: 1 + r.int(3000) }, () => r.int(256));
    bytes[r.int(bytes.length)] = r.int(9); // at least one control byte
    add(`random bytes (${bytes.length})`, bytes);
  }
  for (let i = 0; i < 20; i++) {
    const valid = utf8(i % 2 === 0 ? VALID_CSV : VALID_JSON);
    const at = r.int(valid.length);
    const noise = Uint8Array.from({ length: 1 + r.int(16) }, () => r.int(256));
    noise[0] = 1 + r.int(8);
    add(`${i % 2 === 0 ? "CSV" : "JSON"}: ${noise.length} random bytes at byte ${at}`, Uint8Array.from([...valid.subarray(0, at), ...noise, ...valid.subarray(at)]));
  }

  // Bad values.
  const withCell = (row: number, headerName: string, value: string) => {
    const rows = table();
    rows[row]![header.indexOf(headerName)] = value;
    return toCsv(rows);
  };
  const ratingHeaders = header.filter((h) => group(h) === "rating");
  const percentHeaders = header.filter((h) => h.endsWith("%"));
  for (const word of ["Goood", "Excellent", "Satisfactory", "Rating", "Requires", "Goodd", "Adequate", "5", "Outstandingly", "N/A/Good"]) {
    const h = r.pick(ratingHeaders);
    add(`CSV: "${word}" as ${h}`, withCell(1 + r.int(3), h, word));
  }
  for (const value of ["101", "150", "-1", "-40", "999", "63.5", "1000%", "200 %", "110", "100.5"]) {
    const h = r.pick(percentHeaders);
    add(`CSV: ${value} as ${h}`, withCell(1 + r.int(3), h, value));
  }
  for (const value of ["31/02/2050", "2050-13-01", "2050-02-30", "30 Febtober 2050", "next week", "1999-01-01", "2050/03", "12.13.2050", "2050-00", "32 May 2050"]) {
    add(`CSV: date ${value}`, withCell(1 + r.int(3), r.pick(["published", "fieldwork_start"]), value));
  }
  for (let i = 0; i < 5; i++) {
    add(`CSV: framework 2018 with 4.1 rated (row ${i % 3 + 1})`, withCell((i % 3) + 1, "framework", "2018"));
  }
  for (const name of ["Atlantis", "Narnia YJS", "Swindonshire", "Kent and Medway", "Youth Justice Service"]) {
    add(`CSV: service "${name}"`, withCell(1 + r.int(3), "service", name));
  }
  // A row that is an inspection already recorded, with a different figure: a duplicate needing a decision.
  for (let i = 0; i < 5; i++) {
    const wiltshire = { service: "Wiltshire", published: "2024-05-14", "2.1 Desistance %": String(10 + i) };
    add(`CSV: duplicate of the recorded Wiltshire inspection (${i})`, importCsv(...ROWS, wiltshire));
  }
  for (let i = 0; i < 3; i++) {
    add(`CSV: data row ${i + 1} twice`, importCsv(...ROWS, ROWS[i]!));
  }

  // JSON with wrong types and keys.
  const jsonWith = (change: (records: Record<string, unknown>[]) => unknown) => JSON.stringify(change(structuredClone(VALID_JSON_RECORDS) as Record<string, unknown>[]), null, 2);
  add("JSON: score as words", jsonWith((rs) => ((rs[0]!.score = "twenty"), rs)));
  add("JSON: ratings as a list", jsonWith((rs) => ((rs[1]!.ratings = ["Good"]), rs)));
  add("JSON: overall rating as a number", jsonWith((rs) => ((rs[2]!.overallRating = 2), rs)));
  add("JSON: an unknown key", jsonWith((rs) => ((rs[0]!.colour = "blue"), rs)));
  add("JSON: published in month 13", jsonWith((rs) => ((rs[1]!.published = "2050-13-01"), rs)));
  add("JSON: a figure of 150%", jsonWith((rs) => (((rs[0]!.keyQuestions as Record<string, Record<string, number>>)["2.1"]!.desistance = 150), rs)));
  add("JSON: a record that is a number", jsonWith((rs) => [...rs, 42]));
  add("JSON: an object without inspections", jsonWith((rs) => ({ records: rs })));
  add("JSON: sources not a list", jsonWith((rs) => ((rs[2]!.sources = "https://example.org"), rs)));
  add("JSON: an empty list", "[]");
  add("JSON: standard 7.1", jsonWith((rs) => (((rs[0]!.ratings as Record<string, string>)["7.1"] = "Good"), rs)));

  // Encodings and sizes.
  const utf16le = (s: string, bom: boolean) => {
    const out: number[] = bom ? [0xff, 0xfe] : [];
    for (const c of s) {
      const code = c.charCodeAt(0);
      out.push(code & 0xff, code >> 8);
    }
    return Uint8Array.from(out);
  };
  add("UTF-16LE with BOM", utf16le(VALID_CSV, true));
  add("UTF-16LE without BOM", utf16le(VALID_CSV, false));
  add("UTF-16BE with BOM", Uint8Array.from([0xfe, 0xff, ...[...utf16le(VALID_CSV, false)].map((_, i, a) => a[i ^ 1]!)]));
  add("empty file", new Uint8Array(0));
  add("only blank lines", "\n\n  \n");
  add("header only", `${VALID_CSV.split("\n")[0]}\n`);
  add("6 MB file", new Uint8Array(6 * 1024 * 1024).fill(0x61));
  return cases;
}

// ---------------------------------------------------------------------------

let test: TestDatabase;
let before: Record<string, string[]>;
beforeAll(async () => {
  test = await createTestDatabase();
  await seed(test.db);
  before = await dumpDatabase(test.url);
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

const CASES = mutations();

describe("the valid files the mutations start from", () => {
  it.each([
    ["CSV", VALID_CSV],
    ["JSON", VALID_JSON],
  ])("%s would import three new inspections", async (_, text) => {
    const preview = await planImport(test.db, parseImportFile(utf8(text)));
    expect(preview.rejected.flatMap((r) => r.issues)).toEqual([]);
    expect(preview.toAdd).toHaveLength(3);
    expect(preview.canApply).toBe(true);
  });

  it(`makes ${CASES.length} malformed files, each different`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CASES.map((c) => Buffer.from(c.bytes).toString("base64"))).size).toBe(CASES.length);
  });
});

describe("each malformed file is refused clearly and writes nothing", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const parsed = parseImportFile(c.bytes);
    const error = await applyImport(test.db, parsed).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRefusedError);
    const preview = (error as ImportRefusedError).preview;
    const rowIssues = preview.rejected.flatMap((r) => r.issues);
    expect(preview.fileIssues.length + rowIssues.length + preview.needsDecision.length).toBeGreaterThan(0);
    for (const issue of [...preview.fileIssues, ...rowIssues]) {
      expect(issue.message.length).toBeGreaterThan(15);
      expect(issue.message).not.toMatch(/undefined|\[object|NaN/);
    }
    for (const issue of rowIssues) expect(issue.line).not.toBeNull();
    for (const match of preview.needsDecision) expect(match.changes.length).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(/^Nothing was imported\./);
    expect(await dumpDatabase(test.url)).toEqual(before);
  });
});
