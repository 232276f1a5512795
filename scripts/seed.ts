// `npm run db:seed`: applies pending migrations, then seeds the frameworks and
// the national dataset (prisma/data) into the database in DATABASE_URL (or the
// embedded database, as for the other database scripts). Idempotent; one
// transaction, so a failed or interrupted seed leaves the database as it was.
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seed, type SeedSummary } from "../lib/db/seed";
import { UserFacingError } from "../lib/errors";
import { withDatabase } from "./database";

function describeSummary(summary: SeedSummary, ms: number): string {
  const row = (label: string, c: { created: number; updated: number; unchanged: number; deleted?: number }) =>
    `  ${label.padEnd(18)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged` +
    (c.deleted ? `, ${c.deleted} deleted` : "");
  return [
    `Seeded in ${(ms / 1000).toFixed(1)} s:`,
    row("frameworks", summary.frameworks),
    row("local authorities", summary.localAuthorities),
    row("services", summary.services),
    row("inspections", summary.inspections),
    `  total: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.deleted} deleted`,
  ].join("\n");
}

async function main(): Promise<void> {
  await withDatabase(async (url) => {
    const applied = await migrate(url);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
    const db = createPrismaClient(url, { max: 2 });
    try {
      const started = performance.now();
      const summary = await seed(db);
      console.log(describeSummary(summary, performance.now() - started));
    } finally {
      await db.$disconnect();
    }
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UserFacingError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
