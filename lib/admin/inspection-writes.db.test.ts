// Staff writes against a real PostgreSQL: validation that points at fields,
// key-question bands with thresholds this test inserts, the version check,
// publication under embargo, and the audit entry of every write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../audit/audit-log";
import { publicInspectionWhere, visibleInspectionWhere } from "../auth/visibility";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { changePublication, saveInspection } from "./inspection-writes";
import { wiltshireFormValues } from "./testing/form-values";

const alice: Actor = { id: "user-alice", email: "alice@example.org" };
const bob: Actor = { id: "user-bob", email: "bob@example.org" };

const values = wiltshireFormValues;

describe("inspection writes", () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    await seed(test.db);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("creates a draft with its ratings, figures and recommendations, and audits it", async () => {
    const result = await saveInspection(test.db, alice, {
      values: values({ keyQuestions: { "2.1": { DESISTANCE: "71", SAFETY_OF_CHILD: "64", SAFETY_OF_OTHERS: "58" } } }),
    });
    expect(result).toMatchObject({ ok: true, version: 1 });
    if (!result.ok) return;
    expect(result.computed).toMatchObject({ score: 24, fullScore: 36, complete: true, overallFromScore: "GOOD" });

    const row = await test.db.inspection.findUniqueOrThrow({
      where: { id: result.id },
      include: { standardRatings: true, keyQuestionResults: true, recommendations: true },
    });
    expect(row.visibility).toBe("DRAFT");
    expect(row.editedByStaffAt).not.toBeNull();
    expect(row.publishedOnPrecision).toBe("DAY");
    expect(row.fieldworkStartPrecision).toBe("MONTH");
    expect(row.standardRatings).toHaveLength(12);
    expect(row.keyQuestionResults.map((r) => r.percentYes).sort()).toEqual([58, 64, 71]);
    expect(row.recommendations.map((r) => r.text)).toEqual(["Improve planning for the safety of other people."]);

    const audit = await test.db.auditEntry.findMany({ where: { entityType: "inspection", entityId: String(result.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "inspection.create", actorEmail: "alice@example.org", before: null });
    expect(audit[0]!.after).toMatchObject({ score: 24, visibility: "DRAFT", ratings: { "2.1": "GOOD" } });
  });

  it("refuses bad input on the server, naming each field, and writes nothing", async () => {
    const before = await test.db.inspection.count();
    const result = await saveInspection(test.db, alice, {
      values: {
        ...values(),
        score: "twenty",
        publishedOn: "2026-02-30",
        keyQuestions: { "2.1": { DESISTANCE: "140" } },
        sourceUrls: "javascript:alert(1)",
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "INVALID") throw new Error("expected INVALID");
    expect(Object.keys(result.errors).sort()).toEqual(["keyQuestions.2.1.DESISTANCE", "publishedOn", "score", "sourceUrls.0"]);
    expect(result.errors.publishedOn![0]).toMatch(/real date/);
    expect(await test.db.inspection.count()).toBe(before);
  });

  it("refuses input of the wrong shape (a forged request), not only what the form can send", async () => {
    for (const forged of [null, "text", { ...values(), ratings: { "2.1": "EXCELLENT" } }, { ...values(), kind: "SECRET" }, { ...values(), recommendations: "x" }]) {
      const result = await saveInspection(test.db, alice, { values: forged });
      expect(result).toMatchObject({ ok: false, code: "INVALID" });
    }
  });

  it("blocks a score that contradicts the ratings, pointing at the score, unless a discrepancy note explains it", async () => {
    const wrong = await saveInspection(test.db, alice, { values: values({ score: "25" }) });
    if (wrong.ok || wrong.code !== "INVALID") throw new Error("expected INVALID");
    expect(wrong.errors.score![0]).toMatch(/all 12 counting standards are rated and add up to 24/);
    expect(wrong.computed?.score).toBe(24);

    const overall = await saveInspection(test.db, alice, { values: values({ overallRating: "OUTSTANDING" }) });
    if (overall.ok || overall.code !== "INVALID") throw new Error("expected INVALID");
    expect(overall.errors.overallRating![0]).toMatch(/falls in the Good band/);

    const explained = await saveInspection(test.db, alice, {
      values: values({ score: "25", discrepancyNote: "The published report gives 25; its standard ratings add up to 24." }),
    });
    expect(explained).toMatchObject({ ok: true });
    if (explained.ok) expect(explained.explained.map((p) => p.field)).toEqual(["score"]);
  });

  it("asks for confirmation when a rating differs from its key-question band (thresholds inserted here)", async () => {
    const framework = await test.db.framework.findUniqueOrThrow({ where: { code: "2021" } });
    // Made-up thresholds for this test only: no real ones are recorded.
    await test.db.keyQuestionThreshold.createMany({
      data: [
        { frameworkId: framework.id, rating: "OUTSTANDING", minPercent: 80, source: "test" },
        { frameworkId: framework.id, rating: "GOOD", minPercent: 65, source: "test" },
        { frameworkId: framework.id, rating: "REQUIRES_IMPROVEMENT", minPercent: 50, source: "test" },
        { frameworkId: framework.id, rating: "INADEQUATE", minPercent: 0, source: "test" },
      ],
    });
    try {
      const figures = { "2.1": { DESISTANCE: "90", SAFETY_OF_CHILD: "72", SAFETY_OF_OTHERS: "55" } };
      const asked = await saveInspection(test.db, alice, { values: values({ keyQuestions: figures }) });
      if (asked.ok || asked.code !== "INVALID") throw new Error("expected INVALID");
      expect(Object.keys(asked.errors)).toEqual(["ratings.2.1"]);
      expect(asked.errors["ratings.2.1"]![0]).toMatch(/55%, which falls in the Requires improvement band, but the rating is Good/);
      expect(asked.computed?.bands.find((b) => b.code === "2.1")).toMatchObject({ lowest: 55, band: "REQUIRES_IMPROVEMENT", differs: true });

      const confirmed = await saveInspection(test.db, alice, { values: values({ keyQuestions: figures, panelJudgement: { "2.1": true } }) });
      if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
      const rating = await test.db.standardRating.findFirstOrThrow({
        where: { inspectionId: confirmed.id, standard: { code: "2.1" } },
      });
      expect(rating.panelJudgement).toBe(true);

      // A rating in its band needs no confirmation, and a stale tick is not kept.
      const inBand = await saveInspection(test.db, alice, {
        values: values({ keyQuestions: { "2.1": { DESISTANCE: "70", SAFETY_OF_CHILD: "66", SAFETY_OF_OTHERS: "80" } }, panelJudgement: { "2.1": true } }),
      });
      if (!inBand.ok) throw new Error(JSON.stringify(inBand));
      expect((await test.db.standardRating.findFirstOrThrow({ where: { inspectionId: inBand.id, standard: { code: "2.1" } } })).panelJudgement).toBe(false);
    } finally {
      await test.db.keyQuestionThreshold.deleteMany({ where: { frameworkId: framework.id } });
    }
  });

  it("refuses the second of two saves from the same version, showing the other's values; nothing is lost", async () => {
    const created = await saveInspection(test.db, alice, { values: values() });
    if (!created.ok) throw new Error("create failed");
    const first = await saveInspection(test.db, alice, { id: created.id, version: 1, values: values({ notes: "Alice's note" }) });
    expect(first).toMatchObject({ ok: true, version: 2 });
    const second = await saveInspection(test.db, bob, { id: created.id, version: 1, values: values({ notes: "Bob's note" }) });
    if (second.ok || second.code !== "CONFLICT") throw new Error("expected CONFLICT");
    expect(second.message).toMatch(/Someone else saved this inspection/);
    expect(second.savedBy).toBe("alice@example.org");
    expect(second.theirs.notes).toBe("Alice's note");
    expect(second.version).toBe(2);
    expect((await test.db.inspection.findUniqueOrThrow({ where: { id: created.id } })).notes).toBe("Alice's note");

    // Bob saves again from the version he was shown: his values win, deliberately.
    const again = await saveInspection(test.db, bob, { id: created.id, version: second.version, values: values({ notes: "Bob's note" }) });
    expect(again).toMatchObject({ ok: true, version: 3 });
  });

  it("lets exactly one of two simultaneous saves through", async () => {
    const created = await saveInspection(test.db, alice, { values: values() });
    if (!created.ok) throw new Error("create failed");
    const results = await Promise.all([
      saveInspection(test.db, alice, { id: created.id, version: 1, values: values({ notes: "A" }) }),
      saveInspection(test.db, bob, { id: created.id, version: 1, values: values({ notes: "B" }) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "CONFLICT")).toHaveLength(1);
    expect(await test.db.auditEntry.count({ where: { entityId: String(created.id), action: "inspection.update" } })).toBe(1);
  });

  it("embargoes, publishes at the embargo time with no one acting, withdraws with a reason, and audits each step", async () => {
    const created = await saveInspection(test.db, alice, { values: values() });
    if (!created.ok) throw new Error("create failed");
    const id = created.id;
    const service = await test.db.service.findUniqueOrThrow({ where: { slug: "wiltshire" } });
    const other = await test.db.service.findUniqueOrThrow({ where: { slug: "swindon" } });
    const visibleTo = async (where: ReturnType<typeof visibleInspectionWhere>, now?: Date) =>
      (await test.db.inspection.count({ where: { AND: [{ id }, now ? publicInspectionWhere(now) : where] } })) === 1;

    expect(await changePublication(test.db, alice, { id, version: 1, action: "embargo", embargoUntil: new Date(Date.now() - 1000) })).toMatchObject({
      ok: false,
      field: "embargoUntil",
    });
    const until = new Date(Date.now() + 60 * 60 * 1000);
    expect(await changePublication(test.db, alice, { id, version: 1, action: "embargo", embargoUntil: until })).toEqual({ ok: true, version: 2 });

    expect(await visibleTo(visibleInspectionWhere({ kind: "public" }))).toBe(false);
    expect(await visibleTo(visibleInspectionWhere({ kind: "board", serviceIds: [other.id] }))).toBe(false);
    expect(await visibleTo(visibleInspectionWhere({ kind: "board", serviceIds: [service.id] }))).toBe(true);
    // At the embargo time it is public by the rule itself.
    expect(await visibleTo({}, new Date(until.getTime() + 1))).toBe(true);

    expect(await changePublication(test.db, bob, { id, version: 2, action: "withdraw", reason: "typo" })).toMatchObject({ ok: false, field: "reason" });
    expect(await changePublication(test.db, bob, { id, version: 1, action: "publish" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await changePublication(test.db, bob, { id, version: 2, action: "publish" })).toEqual({ ok: true, version: 3 });
    expect(await visibleTo(visibleInspectionWhere({ kind: "public" }))).toBe(true);

    const reason = "The score was entered wrongly; correcting it before republishing.";
    expect(await changePublication(test.db, bob, { id, version: 3, action: "withdraw", reason })).toEqual({ ok: true, version: 4 });
    expect(await visibleTo(visibleInspectionWhere({ kind: "public" }))).toBe(false);
    const row = await test.db.inspection.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ visibility: "DRAFT", withdrawalReason: reason });

    const audit = await test.db.auditEntry.findMany({ where: { entityType: "inspection", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["inspection.create", "inspection.embargo", "inspection.publish", "inspection.withdraw"]);
    expect(audit[3]).toMatchObject({ actorEmail: "bob@example.org", reason });
    expect(audit[3]!.before).toMatchObject({ visibility: "PUBLISHED" });
    expect(audit[3]!.after).toMatchObject({ visibility: "DRAFT" });
  });

  it("keeps the audit log append-only", async () => {
    const entry = await test.db.auditEntry.findFirstOrThrow();
    await test.db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "actorEmail" = 'someone else' WHERE id = ${entry.id}`);
    await test.db.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE id = ${entry.id}`);
    expect(await test.db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  it("detaches a dataset inspection once staff edit it, so the next seed keeps the edit", async () => {
    const target = await test.db.inspection.findUniqueOrThrow({ where: { importKey: "hmip-dataset:wiltshire:2024-05-14:full" } });
    expect(target.editedByStaffAt).toBeNull();
    const reason = "Withdrawn while a figure is checked against the report.";
    expect(await changePublication(test.db, alice, { id: target.id, version: target.version, action: "withdraw", reason })).toMatchObject({ ok: true });
    await seed(test.db);
    const after = await test.db.inspection.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.visibility).toBe("DRAFT");
    expect(after.editedByStaffAt).not.toBeNull();
  });
});
