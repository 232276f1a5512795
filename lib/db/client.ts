// The one Prisma client of the process, over node-postgres with a bounded pool.
// The limits below bound how long any database call can hold a request; they
// are documented in docs/OPERATIONS.md ("Timeouts") and tested under pool
// exhaustion in lib/db/pool.db.test.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { registerAppPool } from "./pool-load";

export type Db = PrismaClient;

/** Connections per app instance (DATABASE_POOL_MAX overrides it, 1 to 100). */
export const DEFAULT_POOL_MAX = 10;
/** How long a query waits for a free pooled connection (or for a new connection to open) before it fails. */
export const POOL_WAIT_MS = 5_000;
/** PostgreSQL cancels any statement running longer than this (waiting on a lock included). */
export const STATEMENT_TIMEOUT_MS = 15_000;
/** PostgreSQL ends a session left idle inside an open transaction this long (a crashed or stuck writer), releasing its locks. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
/** Idle pooled connections are closed after this long. */
export const IDLE_CONNECTION_MS = 30_000;

/** The pool size from DATABASE_POOL_MAX, or the default; a bad value is an error naming the variable. */
export function poolMax(env: Record<string, string | undefined> = process.env as Record<string, string | undefined>): number {
  const raw = env.DATABASE_POOL_MAX;
  if (raw === undefined || raw.trim() === "") return DEFAULT_POOL_MAX;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new Error(`DATABASE_POOL_MAX is "${raw}": give a whole number of connections from 1 to 100 (the default is ${DEFAULT_POOL_MAX}).`);
  }
  return n;
}

/** A Prisma client over its own pg pool, with the limits above. */
export function createPrismaClient(url: string, options: { max?: number } = {}): PrismaClient {
  return clientAndPool(url, options.max ?? poolMax()).client;
}

function clientAndPool(url: string, max: number): { client: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A request must not hang on a busy pool or a vanished server.
    connectionTimeoutMillis: POOL_WAIT_MS,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  return { client: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }), pool };
}

const globalForPrisma = globalThis as unknown as { yjsPrisma?: PrismaClient };

/** The shared client for the app, built from DATABASE_URL on first use; its pool is watched by proxy.ts (lib/db/pool-load.ts). */
export function db(): PrismaClient {
  if (!globalForPrisma.yjsPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which sets it.");
    const max = poolMax();
    const { client, pool } = clientAndPool(url, max);
    registerAppPool(pool, max);
    globalForPrisma.yjsPrisma = client;
  }
  return globalForPrisma.yjsPrisma;
}

/** Whether `database` is the app's shared client (built from DATABASE_URL), not a script's or a test's own. */
export function isAppClient(database: object): boolean {
  return globalForPrisma.yjsPrisma === database;
}
