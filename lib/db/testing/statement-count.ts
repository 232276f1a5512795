// Test support: a Prisma client whose every statement sent to PostgreSQL is
// recorded, BEGIN and COMMIT included, so a test can hold a read to its budget
// of round trips. It wraps each pooled connection's `query` (which every
// statement, pooled or in a transaction, goes through); the database is real.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Db } from "../client";
import { PrismaClient } from "../generated/client";

export type CountingClient = {
  db: Db;
  /** The statements sent since the last `reset()`, in order. */
  statements: string[];
  /** Connects (so connecting is not counted) and forgets the statements so far. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

export function countingClient(url: string): CountingClient {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      statements.push(typeof first === "string" ? first : String((first as { text?: string }).text));
      return query(...args);
    };
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db,
    statements,
    async reset() {
      await db.$queryRaw`select 1`;
      statements.length = 0;
    },
    async close() {
      await db.$disconnect();
      await pool.end();
    },
  };
}
