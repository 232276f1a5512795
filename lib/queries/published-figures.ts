// National and regional figures drawn from published results (the scorecard's
// comparison, the national overview, the list of standards), kept in memory per
// version of the published data (lib/db/public-data-version.ts). They are the
// same for every reader until the public data changes, so a render takes them
// from here instead of aggregating every service's inspections again.
//
// Safety rules:
// - Only what the public may see goes in: every figure kept here is computed by
//   the public visibility rule, never for a viewer (a board's embargoed results
//   stay in that board's own, unkept, reads).
// - Figures are stored under a version read BEFORE their computation started, so
//   what is stored under a version is at least as new as it (never older), and a
//   computation whose version has been overtaken meanwhile stores nothing (the
//   page cache's rule). A reader is given figures stored under its own version
//   or a newer one, never an older one.
// - The version is read at most once per second per instance (one small query
//   shared by the renders meanwhile), or comes with a render's own statement
//   (the scorecard's), which then costs no round trip at all. Never older than
//   the page cache's read of it (lib/page-cache/data-version.ts notes it), so a
//   page stored under a version never carries figures from before it.
// - Bounded: only the newest version's figures are kept, at most MAX_ENTRIES of them.
import { isAppClient, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { checkedVersion, compareDataVersions, dataVersionSql, servedDataVersion, timestampLiteral } from "../db/public-data-version";

/** Anything that sends a Prisma tagged statement: the app's client or a test's. */
export type SqlReader = Pick<Db, "$queryRaw">;

/** How often the version is read again, at most (the page cache's interval). */
export const VERSION_INTERVAL_MS = 1_000;
/** Figures kept for the newest version, at most (the overview's area filters are 24, a standard's pages some 40). */
export const MAX_ENTRIES = 256;

/** The version as a column of a Prisma statement, read in that statement's snapshot. */
export function dataVersionColumn(now: Date = new Date()): Prisma.Sql {
  return Prisma.raw(dataVersionSql(timestampLiteral(now)));
}

/** Reads the version in one statement through Prisma. */
export async function readPublicDataVersion(database: SqlReader, now = new Date()): Promise<string> {
  const rows = await database.$queryRaw<{ version: string | null }[]>`select ${dataVersionColumn(now)} as version`;
  return checkedVersion(rows[0]?.version);
}

export class PublishedFiguresMemo {
  /** The newest version with figures kept, and those figures by name. */
  private stored: { version: string; figures: Map<string, unknown> } | null = null;
  /** The newest version seen (read or given by a render): a computation under an older one stores nothing. */
  private newestSeen: string | null = null;
  private readonly computing = new Map<string, Promise<unknown>>();
  private lastVersion: string | null = null;
  private checkedAt = -Infinity;
  private reading: Promise<string | null> | null = null;

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly intervalMs = VERSION_INTERVAL_MS,
    /** A version read elsewhere in the process from the same database (the page cache's), or null. */
    private readonly readElsewhere: () => string | null = () => null,
  ) {}

  /**
   * The version: this memo's own read (again when the last one is older than the
   * interval) or the one read elsewhere (the page cache's), whichever is newer, so a
   * page the cache stores under a version never carries figures kept from before it.
   * Null when it cannot be read.
   */
  async version(): Promise<string | null> {
    const own = await this.ownVersion();
    const elsewhere = this.readElsewhere();
    if (own === null || elsewhere === null || compareDataVersions(elsewhere, own) <= 0) return own;
    if (process.env.PAGE_CACHE_DEBUG) console.log(`[published figures] the page cache read a newer version (${elsewhere}) than this memo (${own}): using it`);
    this.seen(elsewhere);
    return elsewhere;
  }

  private ownVersion(): Promise<string | null> {
    if (this.reading) return this.reading;
    if (performance.now() - this.checkedAt < this.intervalMs) return Promise.resolve(this.lastVersion);
    this.reading = this.readVersion()
      .then(
        (version) => {
          this.seen(version);
          return (this.lastVersion = version);
        },
        // Not read: nothing is taken from or put in the memo until it is (the figures are computed each time).
        () => (this.lastVersion = null),
      )
      .finally(() => {
        this.checkedAt = performance.now();
        this.reading = null;
      });
    return this.reading;
  }

  /** Figures `name` as of the current version (read at most once a second), computed when not kept. */
  async get<T>(name: string, compute: () => Promise<T>): Promise<T> {
    return this.at(await this.version(), name, compute);
  }

  /**
   * Figures `name` for a reader who knows the data to be at `version` (read before
   * this call, e.g. in the render's own statement): the ones kept under that
   * version or a newer one, else computed now (one computation shared by the
   * readers of the same version) and kept when no newer version was seen meanwhile.
   * A null version: computed, not kept.
   */
  async at<T>(version: string | null, name: string, compute: () => Promise<T>): Promise<T> {
    if (version === null) return compute();
    this.seen(version);
    const kept = this.stored;
    if (kept && compareDataVersions(kept.version, version) >= 0 && kept.figures.has(name)) return kept.figures.get(name) as T;
    const key = `${version}\n${name}`;
    const running = this.computing.get(key);
    if (running) return running as Promise<T>;
    const computation = compute()
      .then((figures) => {
        deepFreeze(figures);
        this.keep(version, name, figures);
        return figures;
      })
      .finally(() => this.computing.delete(key));
    this.computing.set(key, computation);
    return computation;
  }

  /** The version of the figures kept (tests and logs). */
  get keptVersion(): string | null {
    return this.stored?.version ?? null;
  }

  private seen(version: string): void {
    if (this.newestSeen === null || compareDataVersions(version, this.newestSeen) > 0) this.newestSeen = version;
  }

  private keep(version: string, name: string, figures: unknown): void {
    // Overtaken while computing (a newer version was seen): these figures may be older than the data now.
    if (this.newestSeen !== null && compareDataVersions(version, this.newestSeen) < 0) return;
    if (!this.stored || compareDataVersions(version, this.stored.version) > 0) this.stored = { version, figures: new Map() };
    else if (compareDataVersions(version, this.stored.version) < 0) return;
    if (this.stored.figures.size >= MAX_ENTRIES && !this.stored.figures.has(name)) return;
    this.stored.figures.set(name, figures);
  }
}

/** Kept figures are shared by every render: frozen, so a render that would change them in place fails loudly. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

// One memo per database client (the app has one; tests make several), shared by
// every server bundle of the process through globalThis, as the client is.
const registry = globalThis as unknown as { yjsPublishedFigures?: WeakMap<object, PublishedFiguresMemo> };

/** The memo of published figures for this database client. */
export function publishedFigures(database: SqlReader): PublishedFiguresMemo {
  registry.yjsPublishedFigures ??= new WeakMap();
  let memo = registry.yjsPublishedFigures.get(database);
  if (!memo) {
    // The app's client reads the same database as the page cache: never an older version than the cache's.
    memo = new PublishedFiguresMemo(() => readPublicDataVersion(database), VERSION_INTERVAL_MS, isAppClient(database) ? servedDataVersion : undefined);
    registry.yjsPublishedFigures.set(database, memo);
  }
  return memo;
}
