// Prisma's schema engine compiled to WebAssembly, driven through the pg adapter.
// The Prisma CLI would download a native engine at start-up, which these
// machines cannot do; this module is the one place that touches the engine's
// internal API (pinned to an exact version in package.json, covered by
// lib/db/migrate.db.test.ts).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
const emptyFilter = { externalTables: [] as string[], externalEnums: [] as string[] };

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export type MigrationOnDisk = { name: string; sql: string };

export type SchemaEngineSession = {
  /** Apply every migration not yet recorded in `_prisma_migrations`. */
  applyMigrations(migrationsDir: string, migrations: MigrationOnDisk[]): Promise<string[]>;
  /** The SQL that takes a database from one datamodel (or nothing) to another. */
  diff(from: string | null, to: string): Promise<string>;
  close(): Promise<void>;
};

export async function openSchemaEngine(databaseUrl: string, datamodel: string): Promise<SchemaEngineSession> {
  await loadWasm();
  // Keep hold of the connections the engine opens: they hold Prisma's migration
  // advisory lock until disposed, and a second engine would wait 10 s for it.
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = Object.create(factory) as typeof factory;
  for (const method of ["connect", "connectToShadowDb"] as const) {
    tracked[method] = async () => {
      const connection = await factory[method]();
      opened.push(connection);
      return connection as never;
    };
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked as never);
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    (line: string) => void logs.push(line),
    adapter as never,
  );

  const schemaTarget = (content: string) => ({
    tag: "schemaDatamodel" as const,
    files: [{ path: "schema.prisma", content }],
  });

  return {
    async applyMigrations(migrationsDir, migrations) {
      // Paths relative to baseDir, as the Prisma CLI passes them: the engine
      // records a migration's path as its name in `_prisma_migrations`.
      const lock = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
      const out = await engine.applyMigrations({
        migrationsList: {
          baseDir: migrationsDir,
          lockfile: { path: "migration_lock.toml", content: lock },
          migrationDirectories: migrations.map((m) => ({
            path: m.name,
            migrationFile: {
              path: "migration.sql",
              content: { tag: "ok", value: m.sql },
            },
          })),
          shadowDbInitScript: "",
        },
        filters: emptyFilter,
      } as never);
      return (out as { appliedMigrationNames: string[] }).appliedMigrationNames;
    },
    async diff(from, to) {
      const out = (await engine.diff({
        from: from === null ? { tag: "empty" } : schemaTarget(from),
        to: schemaTarget(to),
        script: true,
        exitCode: null,
        filters: emptyFilter,
      } as never)) as { stdout: string | null };
      return out.stdout ?? "";
    },
    async close() {
      engine.free();
      await Promise.all(opened.map((c) => c.dispose()));
    },
  };
}
