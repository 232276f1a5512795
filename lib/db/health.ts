// Is the database reachable? Two tools for answering "the service is
// temporarily unavailable" instead of a stack trace:
// - `isDatabaseUnavailable(error)` classifies an error thrown by Prisma or pg
//   (walking its `cause` chain) as a lost or refused connection;
// - `databaseAvailable()` is a cheap, cached probe (one short-lived connection
//   and `SELECT 1`, at most once per CACHE_MS per process) that proxy.ts checks
//   before every page and API request, so that while the database is down the
//   app answers 503 at once, and notices the database is back within a second.
import { Client } from "pg";

export const UNAVAILABLE_MESSAGE = "The service is temporarily unavailable";
export const UNAVAILABLE_DETAIL =
  "We cannot reach the inspection database just now. Please try again in a minute; nothing you saved has been lost.";

/** Node socket errors, PostgreSQL SQLSTATEs and Prisma codes that mean "no database", not "bad query". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN",
  "57P01", // admin_shutdown (a fast or smart stop of the server)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "53300", // too_many_connections
  "57014", // query_canceled: statement_timeout (lib/db/client.ts) ran out, the server is too busy
  "08000", "08001", "08003", "08004", "08006", // connection exceptions
  "P1001", "P1002", "P1008", "P1017", "P2024", // Prisma: unreachable, timed out, closed, pool timeout
  "P2028", // Prisma: an interactive transaction expired or lost its connection (it was rolled back)
]);

const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down)/i,
  /can't reach database server/i,
  /server closed the connection unexpectedly/i,
  /connection refused/i,
  /Connection terminated due to connection timeout/i,
  /canceling statement due to statement timeout/i,
];

/** True when `error` (or anything in its `cause` chain, or a Prisma error's driver error) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; errors?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && UNAVAILABLE_CODES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
    if (Array.isArray(e.errors)) queue.push(...e.errors);
    if (e.meta && typeof e.meta === "object") queue.push(e.meta.driverAdapterError);
    queue.push(e.cause);
  }
  return false;
}

/** What a save, publication or import answers when the database failed in the middle of it. */
export const WRITE_INTERRUPTED_MESSAGE =
  "The database stopped answering while this was being saved, so nothing was saved: every save, publication and import is written completely or not at all. Nothing you entered is lost: try again in a minute.";

/** A server action's answer when the database failed under its write. */
export type WriteInterrupted = { ok: false; code: "UNAVAILABLE"; message: string };

/**
 * Runs a write; if the database fails under it (stopped, restarted, the
 * connection cut, or too busy to answer in time), the transaction was rolled
 * back by PostgreSQL, so `refusal` answers with a plain message instead of a
 * stack trace. Any other error is thrown on.
 */
export async function refuseWhenDatabaseFails<T, R>(run: () => Promise<T>, refusal: (message: string) => R): Promise<T | R> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const detail = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
    console.error(`A write was interrupted by the database (rolled back): ${detail}`);
    return refusal(WRITE_INTERRUPTED_MESSAGE);
  }
}

/** How long a probe result stands: a healthy one for this long, a failed one for PROBE_RETRY_MS. */
export const HEALTHY_CACHE_MS = 2_000;
export const PROBE_RETRY_MS = 1_000;
/** A probe gives up after this long (the app's pool waits 5 s; see lib/db/client.ts). */
export const PROBE_TIMEOUT_MS = 1_500;

type ProbeState = { url: string; ok: boolean; checkedAt: number; inFlight?: Promise<boolean> };
const store = globalThis as unknown as { yjsDbHealth?: ProbeState };

async function probe(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return false;
    // Anything else (a wrong password, say) is not an outage: let the page's own error say so.
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Whether the database answered recently. Concurrent callers share one probe;
 * with no DATABASE_URL there is nothing to probe and the answer is true.
 */
export async function databaseAvailable(url = process.env.DATABASE_URL, now = Date.now()): Promise<boolean> {
  if (!url) return true;
  const state = store.yjsDbHealth;
  if (state && state.url === url) {
    if (state.inFlight) return state.inFlight;
    if (now - state.checkedAt < (state.ok ? HEALTHY_CACHE_MS : PROBE_RETRY_MS)) return state.ok;
  }
  const next: ProbeState = { url, ok: state?.url === url ? state.ok : true, checkedAt: state?.checkedAt ?? 0 };
  next.inFlight = probe(url).then((ok) => {
    next.ok = ok;
    next.checkedAt = Date.now();
    next.inFlight = undefined;
    return ok;
  });
  store.yjsDbHealth = next;
  return next.inFlight;
}

/** Forgets the cached probe (tests). */
export function resetDatabaseHealth(): void {
  store.yjsDbHealth = undefined;
}

/** The 503 page the proxy sends while the database is down: plain, self-contained HTML. */
export function unavailableHtml(): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${UNAVAILABLE_MESSAGE} – Youth justice inspection outcomes</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#0b0c0c}</style>
</head><body><main><h1>${UNAVAILABLE_MESSAGE}</h1><p>${UNAVAILABLE_DETAIL}</p><p><a href="">Try again</a></p></main></body></html>`;
}

/** Seconds a client should wait before retrying (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;
