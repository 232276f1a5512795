// Server time of the national overview's read model (`nationalOverview`, the
// whole of "/" apart from rendering) at the real size and at ×100 (15,500
// synthetic services × 4 inspections), with and without the covering indexes
// of migration 20261130235258_national_covering_indexes. Never part of `npm test`.
//
//   node --import tsx bench/national-overview.ts                       # real and x100
//   node --import tsx bench/national-overview.ts --sizes x100 --runs 5
//   node --import tsx bench/national-overview.ts --database-url postgresql://… --label mine
//
// Each size gets its own scratch database (bench/scratch.ts: embedded
// PostgreSQL in a temporary folder, deleted at the end, migrated and loaded
// with the seed or lib/synthetic with seed 1), vacuumed (as autovacuum would leave a settled database; index-only scans need
// the visibility map). Each filter is read once to warm up, then `--runs` times.
// With --database-url the given database is read as it is, and not changed
// unless --drop-indexes is given too.
import os from "node:os";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { nationalOverview } from "../lib/queries/national";
import type { AreaFilters } from "../lib/queries/national-filters";
import { sizesOption, withScratchDatabase } from "./scratch";

const args = process.argv.slice(2);
const option = (name: string) => args.find((_, i) => args[i - 1] === `--${name}`);
const RUNS = Number(option("runs") ?? 5);
const databaseUrl = option("database-url");
const dropIndexes = args.includes("--drop-indexes");
const sizes = databaseUrl ? [option("label") ?? "given database"] : sizesOption(args, "real,x100");

const COVERING_INDEXES = ['"StandardRating_inspectionId_standardId_rating_idx"', '"KeyQuestionResult_inspectionId_keyQuestionId_percentYes_idx"'];

const FILTERS: [string, AreaFilters][] = [
  ["latest per service (the default)", { nation: null, region: null, basis: "latest" }],
  ["every inspection (basis=all)", { nation: null, region: null, basis: "all" }],
  ["London, latest", { nation: "ENGLAND", region: "London", basis: "latest" }],
];

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeFilters(url: string): Promise<{ filter: string; median: number; max: number }[]> {
  const db = createPrismaClient(url, { max: 4 });
  try {
    const out = [];
    for (const [name, filters] of FILTERS) {
      await nationalOverview(filters, db);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await nationalOverview(filters, db);
        times.push(performance.now() - started);
      }
      out.push({ filter: name, median: Math.round(median(times)), max: Math.round(Math.max(...times)) });
    }
    return out;
  } finally {
    await db.$disconnect();
  }
}

async function sql(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function report(size: string, url: string, withIndexes: boolean): Promise<void> {
  const load = os.loadavg()[0]!.toFixed(1);
  for (const r of await timeFilters(url)) {
    console.log(`| ${size} | ${withIndexes ? "with" : "without"} | ${r.filter} | ${r.median} ms | ${r.max} ms | ${load} |`);
  }
}

console.log(`${RUNS} runs per filter after one warm-up; ${os.cpus().length} cores\n`);
console.log("| size | covering indexes | filter | median | max | load average |");
console.log("|---|---|---|---|---|---|");
for (const size of sizes) {
  if (databaseUrl) {
    if (dropIndexes) {
      for (const index of COVERING_INDEXES) await sql(databaseUrl, `drop index if exists ${index}`);
      await sql(databaseUrl, 'vacuum analyze "StandardRating", "KeyQuestionResult"');
    }
    await report(size, databaseUrl, !dropIndexes);
    continue;
  }
  await withScratchDatabase(size, { name: "overview-bench", inspectionsPerService: 4 }, async (database) => {
    await sql(database.url, "vacuum analyze");
    await report(size, database.url, true);
    for (const index of COVERING_INDEXES) await sql(database.url, `drop index ${index}`);
    await sql(database.url, 'vacuum analyze "StandardRating", "KeyQuestionResult"');
    await report(size, database.url, false);
  });
}
