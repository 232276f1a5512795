// Backup round trip on real PostgreSQL: the seeded national dataset plus a
// staff edit (through lib/admin, which writes an audit entry), a staff user
// with a board link and a password, exported, restored into a second empty
// database, and every table compared row for row, ordered by its key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { saveInspection } from "../admin/inspection-writes";
import { emptyFormValues } from "../admin/inspection-rules";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { exportDatabase } from "./export";
import { importDatabase, parseBackup } from "./import";
import { backupTables, orderBy, quoteIdent } from "./tables";

async function dumpTables(url: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const dump: Record<string, unknown[]> = {};
    // Every table of the schema except the migration log, so a table added
    // later and missing from the backup fails here.
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    );
    for (const { table_name } of tables.rows) {
      const known = backupTables.find((t) => t.name === table_name);
      const order = known ? orderBy(known) : "1";
      const result = await client.query(`SELECT row_to_json(t)::text AS row FROM ${quoteIdent(table_name)} t ORDER BY ${order}`);
      dump[table_name] = result.rows.map((r) => r.row);
    }
    return dump;
  } finally {
    await client.end();
  }
}

describe("backup and restore", () => {
  let source: TestDatabase;
  let target: TestDatabase;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seed(source.db);
    const wiltshire = await source.db.service.findUniqueOrThrow({ where: { slug: "wiltshire" } });
    await source.db.user.create({
      data: {
        id: "user-staff",
        name: "Sam Staff",
        email: "sam@example.org",
        role: "STAFF",
        boardServices: { create: [{ serviceId: wiltshire.id }] },
        accounts: { create: [{ id: "acct-1", accountId: "user-staff", providerId: "credential", password: "hash:secret" }] },
        sessions: { create: [{ id: "sess-1", token: "tok-1", expiresAt: new Date(Date.now() + 3_600_000) }] },
      },
    });
    const saved = await saveInspection(
      source.db,
      { id: "user-staff", email: "sam@example.org" },
      {
        values: {
          ...emptyFormValues("2021"),
          serviceSlug: "wiltshire",
          serviceNameAtInspection: "Wiltshire Youth Justice Service",
          fieldworkStart: "2026-03",
          overallRating: "GOOD",
          recommendations: ["Improve planning for the safety of other people.", "Second recommendation."],
          sourceUrls: "https://www.justiceinspectorates.gov.uk/hmiprobation/",
        },
      },
    );
    expect(saved.ok).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
  });

  it("restores every table row for row, keeps ids, and leaves passwords and sessions out", async () => {
    const backup = await exportDatabase(source.url, new Date("2026-11-24T09:00:00Z"));
    expect(backup.schemaMigration).toMatch(/^\d{14}_/);
    expect(backup.tables.Inspection!.length).toBeGreaterThan(0);
    expect(backup.tables.AuditEntry!.length).toBeGreaterThan(0);
    expect(JSON.stringify(backup)).not.toContain("hash:secret");

    // Through JSON text, as the CLI does.
    const restored = parseBackup(JSON.parse(JSON.stringify(backup)));
    const counts = await importDatabase(target.url, restored);
    expect(counts.Inspection).toBe(backup.tables.Inspection!.length);

    const [before, after] = await Promise.all([dumpTables(source.url), dumpTables(target.url)]);
    for (const table of backupTables) {
      expect(after[table.name], table.name).toEqual(before[table.name]);
    }
    expect(before.Account).toHaveLength(1);
    expect(after.Account).toEqual([]);
    expect(after.Session).toEqual([]);
    const unlisted = Object.keys(before).filter(
      (name) => !backupTables.some((t) => t.name === name) && !(name in backup.excluded),
    );
    expect(unlisted).toEqual([]);

    // Sequences moved on: a new inspection and audit entry get fresh ids.
    const maxId = Math.max(...backup.tables.Inspection!.map((r) => r.id as number));
    const created = await saveInspection(
      target.db,
      { id: "user-staff", email: "sam@example.org" },
      {
        values: {
          ...emptyFormValues("2021"),
          serviceSlug: "wiltshire",
          serviceNameAtInspection: "Wiltshire Youth Justice Service",
          fieldworkStart: "2026-04",
          sourceUrls: "https://www.justiceinspectorates.gov.uk/hmiprobation/",
        },
      },
    );
    expect(created.ok && created.id).toBe(maxId + 1);
  }, 120_000);

  it("refuses a database that has rows, and changes nothing", async () => {
    const backup = await exportDatabase(source.url);
    const rowsBefore = await target.db.inspection.count();
    await expect(importDatabase(target.url, backup)).rejects.toThrow(/not empty \(rows in Service.*Nothing was changed/);
    expect(await target.db.inspection.count()).toBe(rowsBefore);
  });

  it("says what is wrong with a file that is not a backup", () => {
    expect(() => parseBackup({ format: "other" })).toThrow(/not a backup file.*at "format"/);
    const backup = { format: "yjs-inspection-outcomes-backup", formatVersion: 1, schemaMigration: "x", exportedAt: "", excluded: {}, tables: {} };
    expect(() => parseBackup(backup)).toThrow(/no "Service" table/);
  });
});
