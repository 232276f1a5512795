import { createPrismaClient } from "../lib/db/client";
import { seed } from "../lib/db/seed";

/** Seeds the real dataset into the database at `url` and logs what changed. */
export async function runSeed(url: string, log: (m: string) => void): Promise<void> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    const summary = await seed(db);
    log(`seeded the national dataset: ${JSON.stringify(summary)}`);
  } finally {
    await db.$disconnect();
  }
}
