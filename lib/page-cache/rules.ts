// Which requests may be answered from the page cache, and which responses may
// be stored. The rule is "anonymous reads of public pages only": anything that
// could carry or produce something personal goes to Next.js every time.
import type { IncomingHttpHeaders } from "node:http";

/** Back office, sign-in and the auth API: never stored, never served from the cache. */
const PRIVATE_PATH = /^\/(admin|sign-in|api\/auth)(\/|$)/;

/**
 * Public JSON stored like pages, by exact path (any query): the heatmap's
 * packed rows (fetched by every /heatmap visit) and the inspections API. Their
 * route handlers read no session, cookie or header that depends on the reader
 * (drafts and embargoed inspections are never in them; a lifted embargo changes
 * the data version), and the API's answer varies only by its query and by
 * whether Accept asks for CSV, which is part of the key. Other /api routes are not.
 */
export const PUBLIC_JSON_PATHS: ReadonlySet<string> = new Set(["/heatmap/rows", "/api/v1/inspections"]);

/** What a cache key stands for: an HTML page (stored in shareable form) or public JSON (stored as sent). */
export type StoredKind = "page" | "json";

/** The kind a key was made for (cacheKey puts a JSON key's Accept part after a newline: no URL holds one). */
export function kindOfKey(key: string): StoredKind {
  return key.includes("\n") ? "json" : "page";
}

/**
 * Next.js's client-side navigation and prefetch requests ask for an RSC
 * payload, not the page's HTML, under the same URL: they are not cached.
 */
const RSC_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];

/** Next.js's own cache-control for a dynamically rendered page; anything else saying private/no-store is respected. */
export const NEXT_DYNAMIC_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";

export type RequestFacts = { method?: string; url?: string; headers: IncomingHttpHeaders; https: boolean };

/**
 * The cache key of a request that may be served from the cache (scheme, host,
 * path and query), or null when it must go to Next.js: not GET/HEAD; a private
 * path; a file (a name ending in an extension: Next serves those from disk); any
 * cookie (signed-in readers carry the session cookie; with no cookie at all
 * nothing personal can be rendered); an Authorization header; an RSC request.
 */
export function cacheKey(request: RequestFacts): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url ?? "";
  if (!url.startsWith("/")) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  if (PRIVATE_PATH.test(pathname) || pathname.startsWith("/_next/")) return null;
  if (/\.[a-z][a-z0-9]{0,7}$/i.test(pathname)) return null; // robots.txt, sitemap.xml, files in public/ (not /standards/1.1)
  if (/[?&]_rsc=/.test(query)) return null;
  const h = request.headers;
  if (h.cookie !== undefined || h.authorization !== undefined) return null;
  for (const name of RSC_HEADERS) if (h[name] !== undefined) return null;
  const key = `${request.https ? "https" : "http"}://${h.host ?? ""}${url}`;
  return PUBLIC_JSON_PATHS.has(pathname) ? `${key}\n${acceptPart(h.accept)}` : key;
}

/**
 * The part of Accept a public JSON answer depends on, for its key. The API
 * answers CSV only when Accept names text/csv (lib/api/http.ts `negotiate`),
 * JSON for anything else (none, any type, application/json, a browser's list),
 * so every such Accept shares one key; one naming text/csv keeps its own
 * (a CSV answer is never stored, but a JSON one under it may be).
 * /heatmap/rows reads no Accept at all.
 */
function acceptPart(accept: string | undefined): string {
  return accept && /text\/csv/i.test(accept) ? accept : "json";
}

/**
 * Why a finished response may not be stored, or null when it may. Public JSON
 * must be JSON and not private; its route handlers say no-store (or a short
 * max-age) to browsers, which is about their copies: the stored one is dropped
 * with the data version like a page.
 */
export function unstorableReason(status: number, headers: Record<string, unknown>, kind: StoredKind = "page"): string | null {
  if (status !== 200) return `status ${status}`;
  if (headers["set-cookie"] !== undefined) return "sets a cookie";
  if (headers["content-encoding"] !== undefined) return "already encoded";
  const type = String(headers["content-type"] ?? "");
  if (kind === "json") {
    if (!type.startsWith("application/json")) return "not JSON";
    if (/\bprivate\b/i.test(String(headers["cache-control"] ?? ""))) return "cache-control private";
    return null;
  }
  if (!type.startsWith("text/html")) return "not HTML";
  const cacheControl = String(headers["cache-control"] ?? "");
  if (cacheControl !== NEXT_DYNAMIC_CACHE_CONTROL && /\b(private|no-store)\b/i.test(cacheControl)) return `cache-control ${cacheControl}`;
  if (!headers["content-security-policy"]) return "no content-security-policy";
  return null;
}

/**
 * A page whose render failed after it started streaming is sent with status
 * 200 and an error boundary in place of the content (React marks the
 * fallback with data-dgst; Next.js's error digest is in the payload). Never
 * store one: it would outlive the fault.
 */
export function renderFailed(html: string): boolean {
  return /data-dgst=|\$RX\(|\\?"digest\\?":/.test(html);
}
