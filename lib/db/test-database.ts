// Real PostgreSQL for integration tests: a fresh database on the server in
// DATABASE_URL when set, otherwise on an embedded server that the test run
// starts (see vitest.global-setup.ts). Never a mock.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "./client";
import { dropDatabase, ensureDatabase } from "./connection";
import { migrate } from "./migrate";

/** The server the test run uses: set by the global setup. */
export function testServerUrl(): string {
  const url = inject("testServerUrl") ?? process.env.DATABASE_URL;
  if (!url) throw new Error("No test PostgreSQL: run the tests through `npm test` or vitest, whose global setup starts one.");
  return url;
}

export type TestDatabase = { url: string; name: string; db: Db; drop(): Promise<void> };

/** A new, empty, migrated database with a random name; `drop()` removes it. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `yjs_test_${randomBytes(5).toString("hex")}`;
  const url = await ensureDatabase(server, name);
  if (options.migrated !== false) await migrate(url);
  const db = createPrismaClient(url, { max: 4 });
  return {
    url,
    name,
    db,
    async drop() {
      await db.$disconnect();
      await dropDatabase(server, name);
    },
  };
}
