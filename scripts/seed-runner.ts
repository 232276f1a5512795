import { createPrismaClient } from "../lib/db/client";
import { seed } from "../lib/db/seed";

/** Seeds the real dataset into the database at `url` and logs what changed. */
export async function runSeed(url: string, log: (m: string) => void): Promise<void> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    const summary = await seed(db);
    log(`national dataset loaded: ${summary.created} rows created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.deleted} deleted`);
  } finally {
    await db.$disconnect();
  }
}
