import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_DIR, INSPECTIONS_FILE } from "./dataset";
import { importColumnDocs, importColumns } from "./csv-format";
import { parseImportText } from "./import-file";
import type { ImportRow } from "./import-row";
import { IMPORT_TEMPLATE_FILE, importTemplate, templateExampleRow } from "./import-template";
import { scrapeCsv } from "./testing/scrape-sample";

const facts = (row: ImportRow) => {
  const { index, line, label, locations, warnings, ...rest } = row;
  return rest;
};

function csv(header: string[], ...rows: string[][]): string {
  return [header, ...rows].map((r) => r.join(",")).join("\n") + "\n";
}

describe("the CSV import format", () => {
  it("reads its own template back to the example row", () => {
    const parsed = parseImportText(importTemplate());
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.format).toBe("csv");
    expect(parsed.rows).toHaveLength(1);
    expect(facts(parsed.rows[0]!)).toEqual({ ...facts(templateExampleRow()), frameworkConfirmed: true });
  });

  it("ships public/import-template.csv as the code writes it", async () => {
    const shipped = await readFile(IMPORT_TEMPLATE_FILE, "utf8");
    expect(shipped, "public/import-template.csv is out of date: run `node --import tsx lib/import/import-template.ts`").toBe(importTemplate());
  });

  it("is documented in docs/IMPORT.md, column by column", async () => {
    const doc = await readFile(path.resolve(import.meta.dirname, "..", "..", "docs", "IMPORT.md"), "utf8");
    for (const [header, description] of importColumnDocs()) expect(doc).toContain(`| \`${header}\` | ${description} |`);
  });

  it("has one column per standard (1.1–4.1) and one per key question of the seven case-based standards", () => {
    const columns = importColumns();
    expect(columns.filter((c) => /^\d\.\d [A-Z]/.test(c) && !c.endsWith("%"))).toHaveLength(13);
    expect(columns.filter((c) => c.endsWith("%"))).toHaveLength(21);
  });

  it("reads a row with the words spreadsheets use, and tells the framework from a rated 4.1", () => {
    const parsed = parseImportText(
      csv(["Service", "Publication date", "Overall Rating", "Score", "4.1", "2.1_desistance", "2.1 safety of child", "2.1 Safety of others %"], ["Wiltshire", "14 May 2024", "good", "20/36", "O", "94%", "63", "56"]),
    );
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      serviceName: "Wiltshire",
      publishedOn: { iso: "2024-05-14", precision: "DAY" },
      overallRating: "GOOD",
      score: 20,
      scoreMax: 36,
      frameworkCode: "2021",
      ratings: { "4.1": "OUTSTANDING" },
      keyQuestions: { "2.1": { DESISTANCE: 94, SAFETY_OF_CHILD: 63, SAFETY_OF_OTHERS: 56 } },
    });
  });

  it("refuses a header it does not know, saying which column and suggesting the right one", () => {
    const parsed = parseImportText(csv(["service", "overal_rating"], ["Wiltshire", "Good"]));
    expect(parsed.rows).toEqual([]);
    expect(parsed.fileIssues).toEqual([
      expect.objectContaining({ line: 1, column: 2, columnName: "overal_rating", message: expect.stringContaining('Did you mean "overall_rating"?') }),
    ]);
  });

  it.each([
    [["published", "overall_rating"], 'no "service" column'],
    [["service", "score", "Score"], "repeats column 2"],
    [["service", "2.1 Planning"], 'standard 2.1 is Assessment, not "Planning"'],
    [["service", "5.1"], "there is no standard 5.1"],
    [["service", "1.1 desistance"], "not case-based"],
    [["service", ""], "Column 2 has no header"],
  ])("refuses the header %j (%s)", (header, message) => {
    const parsed = parseImportText(csv(header, header.map(() => "x")));
    expect(parsed.fileIssues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("refuses a header with no rows", () => {
    expect(parseImportText("service,published\n").fileIssues[0]!.message).toContain("no inspections below it");
  });

  it("rejects each bad cell with its line, column and why, and keeps the good rows", () => {
    const parsed = parseImportText(
      csv(
        ["service", "published", "framework", "overall_rating", "2.1 Desistance %", "3.1"],
        ["Wiltshire", "2024-05-14", "2021", "Good", "94", "Inadequate"],
        ["Swindon", "31/02/2024", "2021", "Superb", "101", "Good"],
        ["Kent", "2024-01-01", "2021", "Good", "50"],
      ),
    );
    expect(parsed.rows.map((r) => r.serviceName)).toEqual(["Wiltshire"]);
    expect(parsed.rejected).toHaveLength(2);
    const [swindon, kent] = parsed.rejected;
    expect(swindon!.issues).toEqual([
      expect.objectContaining({ line: 3, column: 2, columnName: "published", field: "publishedOn", message: expect.stringContaining("not a calendar date") }),
      expect.objectContaining({ line: 3, column: 4, columnName: "overall_rating", message: expect.stringContaining('"Superb" is not a rating') }),
      expect.objectContaining({ line: 3, column: 5, columnName: "2.1 Desistance %", message: expect.stringContaining("outside 0–100") }),
    ]);
    expect(kent!.issues[0]!.message).toContain("5 cells but the header has 6");
  });
});

describe("the JSON format", () => {
  it("reads the seed dataset file as it is", async () => {
    const text = await readFile(path.join(DATA_DIR, INSPECTIONS_FILE), "utf8");
    const parsed = parseImportText(text);
    expect(parsed.format).toBe("json");
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(171);
    const wiltshire = parsed.rows.find((r) => r.serviceKey === "Wiltshire" && r.score === 20)!;
    expect(wiltshire.keyQuestions["3.1"]).toEqual({ DESISTANCE: 83, SAFETY_OF_CHILD: 67, SAFETY_OF_OTHERS: 42 });
    expect(wiltshire.warnings.map((w) => w.message)).toContain('"nation" is not used: the service\'s own record holds it.');
  });

  it("places each problem at the line and column of its value", () => {
    const text = `[
  {
    "service": "Wiltshire",
    "published": "2024-05-14",
    "overallRating": "Great",
    "ratings": { "2.1": "Good", "9.9": "Good" },
    "keyQuestions": { "2.1": { "desistance": 140, "courage": 5 }, "1.1": { "desistance": 5 } },
    "colour": "blue"
  },
  "not a record"
]`;
    const parsed = parseImportText(text);
    expect(parsed.rows).toEqual([]);
    const [first, second] = parsed.rejected;
    expect(first!.label).toBe("record 1 (line 2)");
    const lines = text.split("\n");
    const col = (line: number, after: string) => lines[line - 1]!.indexOf(after) + after.length + 1;
    expect(first!.issues.map((i) => [i.line, i.column, i.columnName])).toEqual([
      [5, col(5, '"overallRating": '), "overallRating"],
      [6, col(6, '"9.9": '), "ratings.9.9"],
      [7, col(7, '"desistance": '), "keyQuestions.2.1.desistance"],
      [7, col(7, '"courage": '), "keyQuestions.2.1.courage"],
      [7, col(7, '"1.1": '), "keyQuestions.1.1"],
      [8, col(8, '"colour": '), "colour"],
    ]);
    expect(second!.issues[0]!.message).toContain("is a string, not an object");
  });

  it("reports a syntax error at its line and column", () => {
    const parsed = parseImportText('[\n  { "service": "Wiltshire", }\n]');
    expect(parsed.fileIssues).toEqual([expect.objectContaining({ line: 2, column: 29, message: expect.stringContaining("Expected a key in double quotes") })]);
    const cut = parseImportText('[{"service": "Wilts');
    expect(cut.fileIssues[0]!.message).toContain("never closed");
  });
});

describe("the Data to Insight scrape", () => {
  const parsed = parseImportText(scrapeCsv("wiltshire", "bridgend", "westSussex", "plymouth", "kirklees", "dorset", "redbridge"));
  const row = (name: string) => parsed.rows.find((r) => r.serviceName === name);

  it("is recognised by its header", () => {
    expect(parsed.format).toBe("data-to-insight-csv");
    expect(parsed.fileIssues).toEqual([]);
  });

  it("reports the mixed court/out-of-court columns and the ambiguous policy column as unused", () => {
    expect(parsed.unusedColumns.map((c) => c.columnName)).toEqual(["la_ref", "assessment", "planning", "implementation_and_delivery", "policy_and_provision"]);
    expect(parsed.unusedColumns.find((c) => c.columnName === "assessment")!.reason).toContain("court (2.x) and the out-of-court (3.x)");
  });

  it("reads Wiltshire: score 55.56% of 36 = 20, the standards it can place, framework 2021 from resettlement", () => {
    expect(row("Wiltshire")).toMatchObject({
      score: 20,
      scoreMax: 36,
      overallRating: "GOOD",
      publishedOn: { iso: "2024-05-14", precision: "DAY" },
      frameworkCode: "2021",
      ratings: { "1.1": "GOOD", "1.2": "GOOD", "1.3": "GOOD", "1.4": "OUTSTANDING", "2.4": "GOOD", "4.1": "OUTSTANDING" },
      sourceUrls: ["https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/wiltshire2024/"],
    });
    expect(Object.keys(row("Wiltshire")!.ratings)).not.toContain("2.1");
  });

  it("takes no score where score_% × 36 is not whole, and says so", () => {
    const bridgend = row("Bridgend")!;
    expect(bridgend.score).toBeUndefined();
    expect(bridgend.overallRating).toBe("REQUIRES_IMPROVEMENT");
    expect(bridgend.warnings[0]!.message).toContain("4.56% of 36 is 1.64, not a whole score");
  });

  it("rejects a row whose overall rating is not a rating word", () => {
    expect(parsed.rejected).toHaveLength(1);
    expect(parsed.rejected[0]!.issues[0]).toMatchObject({ line: 4, column: 4, columnName: "overall_rating", message: expect.stringContaining('"Rating" is not a rating') });
  });

  it("tells 2018 from joint working, 2021 from the policy column, and leaves the rest to be confirmed", () => {
    expect(row("Kirklees")).toMatchObject({ frameworkCode: "2018", ratings: { "2.4": "INADEQUATE", "3.4": "INADEQUATE" } });
    expect(row("Plymouth")).toMatchObject({ frameworkCode: "2021", ratings: { "2.4": "OUTSTANDING" } });
    expect(row("Plymouth")!.ratings["3.4"]).toBeUndefined();
    expect(row("Redbridge")).toMatchObject({ frameworkIfNew: { code: "2018-or-2021", confirmed: false }, score: 11 });
    expect(row("Redbridge")!.frameworkCode).toBeUndefined();
  });

  it("strips the joint-inspection words from names", () => {
    expect(row("Dorset")).toMatchObject({ score: 24, overallRating: "GOOD" });
  });
});

describe("embargoes", () => {
  it("reads an embargo with its visibility, and refuses one without", () => {
    const ok = parseImportText("service,published,visibility,embargo_until\nWiltshire,2030-05-14,embargoed,2030-05-14 00:01\n");
    expect(ok.rows[0]).toMatchObject({ visibility: "EMBARGOED", embargoUntil: "2030-05-13T23:01:00.000Z" });
    const missing = parseImportText("service,published,visibility\nWiltshire,2030-05-14,embargoed\n");
    expect(missing.rejected[0]!.issues[0]!.message).toContain("needs the date and time its embargo ends");
    const stray = parseImportText("service,published,embargo_until\nWiltshire,2030-05-14,2030-05-14 00:01\n");
    expect(stray.rejected[0]!.issues[0]).toMatchObject({ line: 2, column: 3, message: expect.stringContaining("write embargoed in the visibility column") });
  });
});
