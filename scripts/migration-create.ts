// `npm run migration:create -- name`: writes the next migration in Prisma's
// folder format from the difference between the schema at the last migration
// (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma, without
// the native engine. Review the SQL, then commit both files.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrationsDir, schemaPath } from "../lib/db/migrate";
import { openSchemaEngine } from "../lib/db/schema-engine";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run migration:create -- <name>");
  process.exit(1);
}
const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
const schema = await readFile(schemaPath, "utf8");
const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null;

// The engine wants a database connection even for a pure diff: use a scratch one.
const scratch = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `yjs-migration-${process.pid}`) });
try {
  const engine = await openSchemaEngine(process.env.DATABASE_URL ?? scratch!.url, schema);
  const sql = await engine.diff(previous, schema);
  await engine.close();
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("schema.prisma matches the last migration: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await writeFile(snapshotPath, schema);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await scratch?.stop();
}
