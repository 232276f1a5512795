// The import against a real PostgreSQL holding the real national dataset:
// matching, the preview (add / change field by field / decide / refuse), the
// one-transaction apply, and the time to import 1,000 inspections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { seed } from "../db/seed";
import { checkInspection, frameworkByCode } from "../domain";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR, INSPECTIONS_FILE } from "./dataset";
import { applyImport, ImportRefusedError, type ApplyOptions } from "./import-apply";
import { parseImportText, type ParsedImport } from "./import-file";
import { importTemplate } from "./import-template";
import { planImport } from "./import-plan";
import { factsOf } from "./inspection-state";
import { readReportText } from "./report-text";
import { reportImport } from "./report-reading";
import { dumpDatabase } from "./testing/db-dump";
import { importCsv } from "./testing/import-csv";
import { scrapeCsv } from "./testing/scrape-sample";
import { wiltshireReportText } from "./testing/seed-report";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await seed(test.db);
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

async function refusal(parsed: ParsedImport, options: ApplyOptions = {}) {
  const error = await applyImport(test.db, parsed, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefusedError);
  return error as ImportRefusedError;
}

const NEW_SWINDON = {
  service: "Swindon Youth Justice Service",
  published: "2031-03-12",
  fieldwork_start: "2030-12-02",
  framework: "2021",
  overall_rating: "Good",
  score: "24",
  "1.1": "Good",
  "1.2": "Good",
  "1.3": "Good",
  "1.4": "Good",
  "2.1": "Good",
  "2.2": "Good",
  "2.3": "Good",
  "2.4": "Good",
  "3.1": "Good",
  "3.2": "Good",
  "3.3": "Good",
  "3.4": "Good",
  "4.1": "Outstanding",
  "2.1 Desistance %": "81",
  "2.1 Safety of the child %": "70",
  "2.1 Safety of other people %": "66",
  recommendations: "1. first recommendation\n2. second recommendation",
  source_urls: "https://example.org/swindon-2031",
};

describe("a new inspection", () => {
  it("is previewed, then written as a draft with its ratings, figures and recommendations", async () => {
    const parsed = parseImportText(importCsv(NEW_SWINDON));
    const preview = await planImport(test.db, parsed);
    expect(preview.rejected).toEqual([]);
    expect(preview.canApply).toBe(true);
    expect(preview.toAdd).toHaveLength(1);
    expect(preview.toAdd[0]!.service).toMatchObject({ name: "Swindon", matchedBy: "name" });
    expect(preview.toAdd[0]!.inspection).toMatchObject({ visibility: "DRAFT", scoreMax: 36, kind: "FULL" });

    const before = await test.db.inspection.count();
    const result = await applyImport(test.db, parsed, { expectedFingerprint: preview.fingerprint, batchLabel: "swindon test" });
    expect(result.createdIds).toHaveLength(1);
    expect(await test.db.inspection.count()).toBe(before + 1);
    const written = await test.db.inspection.findUniqueOrThrow({
      where: { id: result.createdIds[0]! },
      include: { standardRatings: true, keyQuestionResults: true, recommendations: { orderBy: { ordinal: "asc" } }, service: true },
    });
    expect(written).toMatchObject({ visibility: "DRAFT", score: 24, scoreMax: 36, overallRating: "GOOD", serviceNameAtInspection: "Swindon Youth Justice Service", publishedOnPrecision: "DAY" });
    expect(written.importKey).toMatch(/^import:swindon-test:/);
    expect(written.service.name).toBe("Swindon");
    expect(written.standardRatings).toHaveLength(13);
    expect(written.keyQuestionResults.map((r) => r.percentYes).sort()).toEqual([66, 70, 81]);
    expect(written.recommendations.map((r) => r.text)).toEqual(["first recommendation", "second recommendation"]);

    // Importing the same file again finds it recorded, with nothing to change.
    const again = await planImport(test.db, parsed);
    expect(again.toAdd).toEqual([]);
    expect(again.unchanged).toHaveLength(1);
    expect(again.canApply).toBe(true);
  });

  it("is published only when the file says so, and then must have a source", async () => {
    const parsed = parseImportText(importCsv({ ...NEW_SWINDON, published: "2033-03-12", fieldwork_start: "", source_urls: "", visibility: "published" }));
    const preview = await planImport(test.db, parsed);
    // The recommendations cell holds a line break, so the row's later cells are on line 3.
    expect(preview.rejected[0]!.issues[0]).toMatchObject({ line: 3, columnName: "visibility", message: expect.stringContaining("must link to its sources") });
  });

  it("is embargoed until the time the file gives", async () => {
    const parsed = parseImportText(importCsv({ ...NEW_SWINDON, published: "2034-06-01", fieldwork_start: "", recommendations: "", visibility: "embargoed", embargo_until: "2034-06-01 00:01" }));
    const result = await applyImport(test.db, parsed);
    const written = await test.db.inspection.findUniqueOrThrow({ where: { id: result.createdIds[0]! } });
    expect(written.visibility).toBe("EMBARGOED");
    expect(written.embargoUntil?.toISOString()).toBe("2034-05-31T23:01:00.000Z");
  });

  it("is refused when it breaks the rating rules, unless a discrepancy note explains it", async () => {
    const row = { ...NEW_SWINDON, published: "2035-03-12", fieldwork_start: "", overall_rating: "Inadequate" };
    const preview = await planImport(test.db, parseImportText(importCsv(row)));
    expect(preview.canApply).toBe(false);
    expect(preview.rejected[0]!.issues).toEqual([
      expect.objectContaining({ line: 2, column: 6, columnName: "overall_rating", message: "The overall rating is Inadequate, but a score of 24 falls in the Good band (19–30)." }),
    ]);
    const explained = await planImport(test.db, parseImportText(importCsv({ ...row, discrepancy_note: "As published: the report says Inadequate." })));
    expect(explained.canApply).toBe(true);
    expect(explained.toAdd[0]!.warnings[0]!.message).toContain("Explained by the discrepancy note");
  });

  it("is refused when it rates a standard its framework does not have", async () => {
    const preview = await planImport(test.db, parseImportText(importCsv({ ...NEW_SWINDON, published: "2036-01-01", fieldwork_start: "", framework: "2018" })));
    const issues = preview.rejected[0]!.issues;
    expect(issues.find((i) => i.field === "ratings.4.1")).toMatchObject({ columnName: "4.1 Resettlement policy and provision", message: expect.stringContaining("Standard 4.1 is not part of framework 2018") });
  });

  it("needs a framework and a date", async () => {
    const preview = await planImport(test.db, parseImportText(importCsv({ service: "Swindon", published: "2037-01-01", overall_rating: "Good" }, { service: "Swindon", framework: "2025-IYJS" })));
    expect(preview.rejected.map((r) => r.issues[0]!.message)).toEqual([
      expect.stringContaining("needs its framework"),
      expect.stringContaining("needs its publication date or fieldwork start"),
    ]);
  });

  it("is refused twice in one file", async () => {
    const preview = await planImport(test.db, parseImportText(importCsv({ ...NEW_SWINDON, published: "2038-01-01", fieldwork_start: "" }, { ...NEW_SWINDON, published: "2038-01-01", fieldwork_start: "" })));
    expect(preview.toAdd).toHaveLength(1);
    expect(preview.rejected[0]!.issues[0]!.message).toBe("This is the same inspection as line 2: the file holds it twice.");
  });

  it("never makes a new service: an unknown name is refused with the closest services", async () => {
    const preview = await planImport(test.db, parseImportText(importCsv({ ...NEW_SWINDON, service: "Swindn YJS" })));
    expect(preview.rejected[0]!.issues[0]).toMatchObject({
      line: 2,
      column: 1,
      columnName: "service",
      message: expect.stringMatching(/^"Swindn YJS" is not a known service, nor a known variant of one\. The closest are "Swindon"/),
    });
  });
});

describe("a report read into a draft", () => {
  it("the Wiltshire report is the recorded inspection; updating it adds the recommendations", async () => {
    const reading = readReportText(wiltshireReportText());
    const parsed = reportImport(reading);
    const preview = await planImport(test.db, parsed, { duplicates: "update" });
    expect(preview.rejected).toEqual([]);
    const match = preview.toUpdate[0]!;
    expect(match.service.name).toBe("Wiltshire");
    // The report's "May 2024" does not overwrite the recorded 14 May 2024.
    expect(match.changes.map((c) => c.field)).toEqual(["recommendations"]);
    await applyImport(test.db, parsed, { duplicates: "update", expectedFingerprint: preview.fingerprint });
    expect(await test.db.recommendation.count({ where: { inspectionId: match.existing.id } })).toBe(3);
  });

  it("a report of a new inspection becomes a draft that passes the rules", async () => {
    const text = wiltshireReportText()
      .replace("Wiltshire Youth Justice Service Fieldwork started February 2024", "Cheshire East, Cheshire West and Chester, Halton and Warrington Youth Justice Service Fieldwork started February 2030")
      .replace("beginning on 26 February 2024", "beginning on 25 February 2030")
      .replace("HM Inspectorate of Probation, May 2024", "HM Inspectorate of Probation, May 2030");
    const preview = await planImport(test.db, reportImport(readReportText(text)));
    expect(preview.toAdd).toHaveLength(1);
    const add = preview.toAdd[0]!;
    expect(add.service).toMatchObject({ name: "Cheshire East Cheshire West Halton and Warrington", matchedBy: "words of its name" });
    expect(add.inspection.visibility).toBe("DRAFT");
    expect(checkInspection(factsOf(add.inspection), frameworkByCode("2021")!)).toEqual([]);
  });
});

describe("rows matching recorded inspections", () => {
  it("the template's Wiltshire row is the seeded inspection, unchanged", async () => {
    const preview = await planImport(test.db, parseImportText(importTemplate()));
    expect(preview.unchanged).toHaveLength(1);
    expect(preview.unchanged[0]!.matchedOn).toBe("same service and publication date (2024-05-14)");
    expect(preview.canApply).toBe(true);
  });

  it("the whole seed dataset, imported as JSON, matches all 171 inspections with nothing to change", async () => {
    const parsed = parseImportText(await readFile(path.join(DATA_DIR, INSPECTIONS_FILE), "utf8"));
    const preview = await planImport(test.db, parsed);
    expect(preview.rejected).toEqual([]);
    expect(preview.toAdd).toEqual([]);
    expect(preview.needsDecision.map((m) => [m.label, m.changes])).toEqual([]);
    expect(preview.unchanged).toHaveLength(171);
  });

  it("lists changes field by field, and waits for update or skip", async () => {
    const row = { service: "Wiltshire", published: "14/05/2024", "2.1 Desistance %": "95", notes: "Corrected from the report." };
    const parsed = parseImportText(importCsv(row));
    const preview = await planImport(test.db, parsed);
    expect(preview.canApply).toBe(false);
    expect(preview.needsDecision).toHaveLength(1);
    const match = preview.needsDecision[0]!;
    expect(match.changes).toEqual([
      { field: "keyQuestions.2.1.DESISTANCE", label: "2.1 key question: desistance", from: "94%", to: "95%" },
      { field: "notes", label: "Notes", from: expect.any(String), to: "Corrected from the report." },
    ]);
    expect(match.warnings.map((w) => w.message)).toContain("This inspection is public: the changes will show on the dashboard as soon as they are applied.");
    expect(preview.blockers.join(" ")).toContain("choose to update or to skip");

    const before = await dumpDatabase(test.url);
    const refused = await refusal(parsed);
    expect(refused.message).toContain("Nothing was imported");
    const skipped = await applyImport(test.db, parsed, { duplicates: "skip" });
    expect(skipped.preview.toSkip).toHaveLength(1);
    expect(await dumpDatabase(test.url)).toEqual(before);

    const id = match.existing.id;
    const version = (await test.db.inspection.findUniqueOrThrow({ where: { id } })).version;
    const updated = await applyImport(test.db, parsed, { decisions: { 1: "update" } });
    expect(updated.updatedIds).toEqual([id]);
    const after = await test.db.inspection.findUniqueOrThrow({ where: { id }, include: { keyQuestionResults: true, standardRatings: true } });
    expect(after.version).toBe(version + 1);
    expect(after.notes).toBe("Corrected from the report.");
    expect(after.keyQuestionResults).toHaveLength(21);
    expect(after.standardRatings).toHaveLength(13);
    expect(after.keyQuestionResults.map((r) => r.percentYes)).toContain(95);
  });

  it("updates a rating and the score together, rewriting only what changed", async () => {
    const parsed = parseImportText(importCsv({ service: "Wiltshire", published: "2024-05-14", "1.1": "Outstanding", score: "21" }));
    const result = await applyImport(test.db, parsed, { duplicates: "update" });
    expect(result.preview.toUpdate[0]!.changes).toEqual([
      { field: "score", label: "Score", from: "20", to: "21" },
      { field: "ratings.1.1", label: "Standard 1.1 Governance and leadership", from: "Good", to: "Outstanding" },
    ]);
    const after = await test.db.inspection.findUniqueOrThrow({ where: { id: result.updatedIds[0]! }, include: { standardRatings: { include: { standard: true } } } });
    expect(after.score).toBe(21);
    expect(after.standardRatings).toHaveLength(13);
    expect(Object.fromEntries(after.standardRatings.map((r) => [r.standard.code, r.rating]))).toMatchObject({ "1.1": "OUTSTANDING", "1.2": "GOOD", "4.1": "OUTSTANDING" });
    // and back, so the other tests see the published figures
    await applyImport(test.db, parseImportText(importCsv({ service: "Wiltshire", published: "2024-05-14", "1.1": "Good", score: "20" })), { duplicates: "update" });
  });

  it("marks what it changes as a staff edit, so the seed never writes over it, and audits each change", async () => {
    const parsed = parseImportText(importCsv({ service: "Wiltshire", published: "2024-05-14", "1.2": "Outstanding", score: "21" }));
    const auditBefore = await test.db.auditEntry.count();
    const result = await applyImport(test.db, parsed, { duplicates: "update" });
    const id = result.updatedIds[0]!;
    expect((await test.db.inspection.findUniqueOrThrow({ where: { id } })).editedByStaffAt).not.toBeNull();
    const entries = await test.db.auditEntry.findMany({ where: { entityId: String(id), action: "inspection.import.update" }, orderBy: { id: "desc" } });
    expect(await test.db.auditEntry.count()).toBe(auditBefore + 1);
    expect(entries[0]!.actorEmail).toBe("command line");
    expect(JSON.stringify(entries[0]!.after)).toContain("Outstanding");
    // The next start's seed leaves the staff's figures alone.
    await seed(test.db);
    expect((await test.db.inspection.findUniqueOrThrow({ where: { id } })).score).toBe(21);
    await applyImport(test.db, parseImportText(importCsv({ service: "Wiltshire", published: "2024-05-14", "1.2": "Good", score: "20" })), { duplicates: "update" });
  });

  it("an update that would break the rules is refused, naming the cell", async () => {
    const preview = await planImport(test.db, parseImportText(importCsv({ service: "Wiltshire", published: "2024-05-14", "3.1": "Outstanding" })), { duplicates: "update" });
    expect(preview.rejected[0]!.issues[0]).toMatchObject({
      columnName: "3.1 Assessment",
      message: "After the update: The score is 20, but all 12 counting standards are rated and add up to 23 out of 36.",
    });
  });

  it("refuses the whole import when the database changed after the preview", async () => {
    const parsed = parseImportText(importCsv({ service: "Wiltshire", published: "2024-05-14", notes: "First note" }));
    const preview = await planImport(test.db, parsed, { duplicates: "update" });
    await applyImport(test.db, parseImportText(importCsv({ service: "Wiltshire", published: "2024-05-14", notes: "Someone else" })), { duplicates: "update" });
    const error = await refusal(parsed, { duplicates: "update", expectedFingerprint: preview.fingerprint });
    expect(error.message).toContain("changed after the preview was made");
    expect((await test.db.inspection.findFirstOrThrow({ where: { serviceNameAtInspection: "Wiltshire Youth Justice Service" } })).notes).toBe("Someone else");
  });
});

describe("the Data to Insight scrape", () => {
  it("matches the recorded inspections, lists the unused columns and refuses the row it cannot read", async () => {
    const preview = await planImport(test.db, parseImportText(scrapeCsv("wiltshire", "westSussex", "kirklees", "dorset", "bridgend")));
    expect(preview.format).toBe("data-to-insight-csv");
    expect(preview.unusedColumns.map((c) => c.columnName)).toContain("assessment");
    expect(preview.rejected.map((r) => r.label)).toEqual(["line 3"]);
    const wiltshire = [...preview.unchanged, ...preview.needsDecision].find((m) => m.service.name === "Wiltshire")!;
    expect(wiltshire.changes).toEqual([]);
    const dorset = [...preview.unchanged, ...preview.needsDecision].find((m) => m.service.name === "Dorset Combined YOS")!;
    expect(dorset.matchedOn).toContain("2023-01-17");
    expect(preview.canApply).toBe(false);
  });
});

describe("1,000 inspections", () => {
  it("are imported in one transaction, well under 5 s", async () => {
    // Services with an undated inspection are left out: a dated row may be that inspection, and would be matched to it.
    const services = await test.db.service.findMany({
      where: { current: true, inspections: { none: { publishedOn: null, fieldworkStart: null } } },
      orderBy: { id: "asc" },
    });
    const ratings = ["Outstanding", "Good", "Requires improvement", "Inadequate"];
    const rows: Record<string, string>[] = [];
    for (let i = 0; i < 1000; i++) {
      const service = services[i % services.length]!;
      const year = 2040 + 2 * Math.floor(i / services.length);
      const standards = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"].map((code, k) => [code, ratings[(i + k) % 4]!] as const);
      const score = standards.reduce((n, [, r]) => n + (3 - ratings.indexOf(r)), 0);
      const overall = score >= 31 ? "Outstanding" : score >= 19 ? "Good" : score >= 7 ? "Requires improvement" : "Inadequate";
      const row: Record<string, string> = { service: service.name, published: `${year}-0${1 + (i % 9)}-1${i % 10}`, framework: "2021", overall_rating: overall, score: String(score), "4.1": ratings[i % 4]!, source_urls: `https://example.org/${i}` };
      for (const [code, r] of standards) row[code] = r;
      for (const code of ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) {
        row[`${code} Desistance %`] = String((i * 7) % 101);
        row[`${code} Safety of the child %`] = String((i * 11) % 101);
        row[`${code} Safety of other people %`] = String((i * 13) % 101);
      }
      rows.push(row);
    }
    const text = importCsv(...rows);
    const started = performance.now();
    const parsed = parseImportText(text);
    const parsedAt = performance.now();
    const preview = await planImport(test.db, parsed);
    const plannedAt = performance.now();
    expect(preview.rejected.slice(0, 3).map((r) => r.issues)).toEqual([]);
    expect(preview.toAdd).toHaveLength(1000);
    const result = await applyImport(test.db, parsed, { expectedFingerprint: preview.fingerprint });
    const total = performance.now() - started;
    expect(result.createdIds).toHaveLength(1000);
    expect(await test.db.standardRating.count({ where: { inspectionId: { in: result.createdIds } } })).toBe(13_000);
    expect(await test.db.keyQuestionResult.count({ where: { inspectionId: { in: result.createdIds } } })).toBe(21_000);
    console.log(
      `1,000 inspections (${(text.length / 1024).toFixed(0)} KB CSV): parse ${Math.round(parsedAt - started)} ms, preview ${Math.round(plannedAt - parsedAt)} ms, ` +
        `apply ${Math.round(total - (plannedAt - started))} ms (transaction ${Math.round(result.transactionMs)} ms), total ${Math.round(total)} ms`,
    );
    expect(result.transactionMs).toBeLessThan(5000);

    // The same 1,000 again, each with a new note and one figure changed: 1,000 updates.
    const changed = importCsv(...rows.map((r) => ({ ...r, notes: "Checked again", "2.1 Desistance %": String((Number(r["2.1 Desistance %"]) + 1) % 101) })));
    const updateStarted = performance.now();
    const reparsed = parseImportText(changed);
    const updatePreview = await planImport(test.db, reparsed, { duplicates: "update" });
    expect(updatePreview.toUpdate).toHaveLength(1000);
    expect(updatePreview.toUpdate[0]!.changes.map((c) => c.field)).toEqual(["keyQuestions.2.1.DESISTANCE", "notes"]);
    const update = await applyImport(test.db, reparsed, { duplicates: "update", expectedFingerprint: updatePreview.fingerprint });
    console.log(`1,000 updates: total ${Math.round(performance.now() - updateStarted)} ms (transaction ${Math.round(update.transactionMs)} ms)`);
    expect(update.updatedIds).toHaveLength(1000);
    expect(await test.db.inspection.count({ where: { notes: "Checked again" } })).toBe(1000);
    expect(await test.db.keyQuestionResult.count({ where: { inspectionId: { in: result.createdIds } } })).toBe(21_000);
    expect(update.transactionMs).toBeLessThan(5000);
  }, 90_000);
});
