// The version of the published data, as the database sees it. Every statement
// that changes public data bumps "PublicDataVersion" (a trigger, see the
// migration public_data_version); an embargo whose time passes changes no row,
// so the version also counts the embargoes already lifted. Each instance reads
// it at most once per `intervalMs` (one small query, shared by every request
// arriving meanwhile) and drops its stored pages when it changes.
import pg from "pg";
import { noteServedDataVersion, readDataVersion } from "../db/public-data-version";

// The one read of the version is shared with the memo of published figures (lib/db/public-data-version.ts).
export { readDataVersion };

export type DataVersionSource = {
  /** The version, read again first when the last read is older than the interval; the last known one when the database does not answer; null if it never did. */
  current(): Promise<string | null>;
  /** The last version read, without reading; null when the last read failed. */
  readonly known: string | null;
  /** True while current() would answer without reading (the last read is recent): a stored page is then served without waiting. */
  readonly fresh?: boolean;
  close(): Promise<void>;
};

export class DataVersionWatcher implements DataVersionSource {
  private version: string | null = null;
  private checkedAt = -Infinity;
  private inFlight: Promise<string | null> | null = null;
  private failing = false;
  private readonly pool: pg.Pool;

  constructor(
    url: string,
    private readonly onChange: (from: string, to: string) => void,
    private readonly intervalMs = 1_000,
    timeoutMs = 1_000,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, idleTimeoutMillis: 10_000 });
    this.pool.on("error", () => {}); // a dropped idle connection: the next read opens a new one
  }

  /** Null while reads fail: a page rendered then could not be tied to a version, so it is not stored. */
  get known(): string | null {
    return this.failing ? null : this.version;
  }

  get fresh(): boolean {
    return this.inFlight === null && performance.now() - this.checkedAt < this.intervalMs;
  }

  current(): Promise<string | null> {
    if (this.inFlight) return this.inFlight;
    if (performance.now() - this.checkedAt < this.intervalMs) return Promise.resolve(this.version);
    this.inFlight = readDataVersion(this.pool)
      .then(
        (next) => {
          if (this.failing) this.log("the data version can be read again");
          this.failing = false;
          const previous = this.version;
          this.version = next;
          noteServedDataVersion(next); // the app's memo of published figures never uses an older one
          if (previous !== null && previous !== next) this.onChange(previous, next);
          return next;
        },
        // Unreachable or failing: keep serving what is stored (stale beats down) and try again after the interval.
        (error: unknown) => {
          if (!this.failing) this.log(`cannot read the data version (${error instanceof Error ? error.message : String(error)}): stored pages are served as they are, and no page is stored until it can be read`);
          this.failing = true;
          return this.version;
        },
      )
      .finally(() => {
        this.checkedAt = performance.now();
        this.inFlight = null;
      });
    return this.inFlight;
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
