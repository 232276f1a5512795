// The version of the published data, as the database sees it: the counter in
// "PublicDataVersion" (bumped by a statement trigger on every public table, see
// the migration public_data_version) and the number of embargoes already lifted
// (an embargo whose time passes changes no row), by the app's clock and by the
// database's, so a clock skew cannot hide one. Read by the public page cache
// (lib/page-cache/data-version.ts) and by the memo of published figures
// (lib/queries/published-figures.ts): one SQL text for both. No Prisma here, so
// the server script can load it cheaply.
import type pg from "pg";

/**
 * The version as ONE SQL expression: "<counter>.<lifted by the app's clock>.<lifted by the database's>",
 * null when the row is missing. `appNow` is a SQL expression of type timestamptz (a parameter or a literal).
 */
export function dataVersionSql(appNow: string): string {
  // Prisma keeps DateTime as UTC in "timestamp(3)" columns: compare with the app's clock in UTC.
  return `(select v."version"::text
    || '.' || (select count(*) from "Inspection" where "visibility" = 'EMBARGOED' and "embargoUntil" <= (${appNow} at time zone 'UTC'))::text
    || '.' || (select count(*) from "Inspection" where "visibility" = 'EMBARGOED' and "embargoUntil" <= now())::text
  from "PublicDataVersion" v where v.id = 1)`;
}

/** The app's clock as a SQL literal (toISOString's fixed form: digits, '-', ':', 'T', '.', 'Z' only). */
export function timestampLiteral(now: Date): string {
  return `'${now.toISOString()}'::timestamptz`;
}

/** The version read, or an error saying what is missing. */
export function checkedVersion(version: string | null | undefined): string {
  if (!version) throw new Error('"PublicDataVersion" has no row 1: run the migrations.');
  return version;
}

/** Reads the version of the published data in one statement, over node-postgres. */
export async function readDataVersion(client: pg.Pool | pg.Client, now = new Date()): Promise<string> {
  const row = (await client.query(`select ${dataVersionSql("$1::timestamptz")} as version`, [now.toISOString()])).rows[0] as { version: string | null } | undefined;
  return checkedVersion(row?.version);
}

/**
 * Orders two versions: the counter first (every public write raises it), then the
 * lifted embargoes (which only grow while no row changes). Negative: `a` is older.
 */
export function compareDataVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// The newest version the page cache of this process has read (scripts/serve.ts reads it
// before answering a cacheable request, from the same DATABASE_URL as the app's client).
// The memo of published figures never uses an older one than this: a page the cache
// stores under a version must not carry figures kept from before it.
const served = globalThis as unknown as { yjsServedDataVersion?: string };

/** Called by the page cache's watcher after each read. */
export function noteServedDataVersion(version: string): void {
  served.yjsServedDataVersion = version;
}

/** The version the page cache read last, or null when it has read none (cache off, or another process). */
export function servedDataVersion(): string | null {
  return served.yjsServedDataVersion ?? null;
}
