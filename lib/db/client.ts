// The one Prisma client of the process, over node-postgres with a bounded pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

export function createPrismaClient(url: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? 10,
    // A request must not hang on a busy pool or a vanished server.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { yjsPrisma?: PrismaClient };

/** The shared client for the app, built from DATABASE_URL on first use. */
export function db(): PrismaClient {
  if (!globalForPrisma.yjsPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which sets it.");
    globalForPrisma.yjsPrisma = createPrismaClient(url);
  }
  return globalForPrisma.yjsPrisma;
}
