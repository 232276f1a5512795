// Applies prisma/migrations (Prisma's folder format) through the Wasm schema
// engine and records them in `_prisma_migrations`, as `prisma migrate deploy` would.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { openSchemaEngine, type MigrationOnDisk } from "./schema-engine";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");

export async function readMigrations(dir = migrationsDir): Promise<MigrationOnDisk[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name, "migration.sql"), "utf8") })),
  );
}

/** Applies pending migrations; returns the names of those it applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const schema = await readFile(schemaPath, "utf8");
  const engine = await openSchemaEngine(databaseUrl, schema);
  try {
    return await engine.applyMigrations(migrationsDir, await readMigrations());
  } finally {
    await engine.close();
  }
}
