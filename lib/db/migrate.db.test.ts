import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeCatalog } from "./catalog";
import { migrate, readMigrations, schemaPath } from "./migrate";
import { openSchemaEngine } from "./schema-engine";
import { createTestDatabase, type TestDatabase } from "./test-database";

describe("migrations", () => {
  let fromMigrations: TestDatabase;
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    fromMigrations = await createTestDatabase();
    fromSchema = await createTestDatabase({ migrated: false });
  });
  afterAll(async () => {
    await fromMigrations?.drop();
    await fromSchema?.drop();
  });

  it("records every migration folder in _prisma_migrations under its folder name", async () => {
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    const rows = (await client.query("select migration_name, finished_at from _prisma_migrations order by 1")).rows;
    await client.end();
    const folders = (await readMigrations()).map((m) => m.name);
    expect(folders.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(fromMigrations.url)).toEqual([]);
  });

  it("builds the same database as schema.prisma describes (no drift)", async () => {
    const schema = await readFile(schemaPath, "utf8");
    const engine = await openSchemaEngine(fromSchema.url, schema);
    const sql = await engine.diff(null, schema);
    await engine.close();
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();
    expect(await describeCatalog(fromMigrations.url)).toEqual(await describeCatalog(fromSchema.url));
  });

  it("keeps the snapshot used by migration:create equal to schema.prisma", async () => {
    const schema = await readFile(schemaPath, "utf8");
    const snapshot = await readFile(schemaPath.replace("schema.prisma", "migrations/schema.snapshot.prisma"), "utf8");
    const engine = await openSchemaEngine(fromSchema.url, schema);
    const sql = await engine.diff(snapshot, schema);
    await engine.close();
    expect(sql.replace(/--.*$/gm, "").trim()).toBe("");
  });

  it("enforces the hand-written checks: a key-question % above 100 is refused", async () => {
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    const checks = (await client.query("select conname from pg_constraint where contype = 'c' order by 1")).rows.map((r) => r.conname);
    await client.end();
    expect(checks).toContain("KeyQuestionResult_percentYes_range");
    expect(checks).toContain("Inspection_score_range");
  });
});
