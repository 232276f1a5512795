// HTTP plumbing shared by every /api/v1 route: content negotiation (JSON or
// CSV), ETag and 304, Cache-Control, open CORS for GET, and the licence and
// attribution in a header of every response (and in every JSON body's meta).
import { createHash } from "node:crypto";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_DETAIL, UNAVAILABLE_MESSAGE } from "../db/health";
import { etagMatches } from "./etag";
import { ATTRIBUTION, LICENCE_META, LICENCE_URL } from "./licence";
import { clipped, describeProblems, type ParameterProblem } from "./parameters";

/** Public data changes when an inspection is published: five minutes of caching, then revalidate. */
export const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=60";

export type Format = "json" | "csv";

function baseHeaders(): Headers {
  return new Headers({
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Link, X-Total-Count, X-Attribution, Content-Disposition",
    Link: `<${LICENCE_URL}>; rel="license"`,
    "X-Attribution": ATTRIBUTION,
    Vary: "Accept",
    "X-Content-Type-Options": "nosniff",
  });
}

/** The answer to a CORS preflight. */
export function optionsResponse(): Response {
  const headers = baseHeaders();
  headers.set("Access-Control-Max-Age", "86400");
  return new Response(null, { status: 204, headers });
}

/** ?format= wins; otherwise CSV when the Accept header prefers text/csv to JSON; otherwise JSON. */
export function negotiate(request: Request, format: Format | undefined): Format {
  if (format) return format;
  const accept = request.headers.get("accept") ?? "";
  let csv = -1;
  let json = -1;
  for (const part of accept.split(",")) {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith("q="))?.slice(2) ?? "1");
    if (type === "text/csv") csv = Math.max(csv, q);
    if (type === "application/json" || type === "*/*" || type === "application/*") json = Math.max(json, q);
  }
  return csv > 0 && csv > json ? "csv" : "json";
}

function etagOf(body: string, contentType: string): string {
  return `"${createHash("sha256").update(contentType).update("\n").update(body).digest("base64url").slice(0, 32)}"`;
}

/** A 200 with ETag and Cache-Control, or a 304 when the client's copy is current. */
function cacheable(request: Request, body: string, contentType: string, extra: Record<string, string> = {}): Response {
  const etag = etagOf(body, contentType);
  const headers = baseHeaders();
  headers.set("ETag", etag);
  headers.set("Cache-Control", CACHE_CONTROL);
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", contentType);
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}

/** A JSON body `{ data, pagination?, meta }`. */
export function jsonResponse(request: Request, payload: Record<string, unknown>, extra: Record<string, string> = {}): Response {
  return cacheable(request, JSON.stringify({ ...payload, meta: LICENCE_META }), "application/json; charset=utf-8", extra);
}

/** A JSON document served as it is (the OpenAPI description, which carries its licence in `info`). */
export function documentResponse(request: Request, document: Record<string, unknown>): Response {
  return cacheable(request, JSON.stringify(document), "application/json; charset=utf-8");
}

export function csvResponse(request: Request, csv: string, filename: string, extra: Record<string, string> = {}): Response {
  return cacheable(request, csv, "text/csv; charset=utf-8; header=present", {
    "Content-Disposition": `attachment; filename="${filename}"`,
    ...extra,
  });
}

/** Headers for a paged list: the total, and Link rel=next/prev. */
export function pagingHeaders(pagination: { total: number; next: string | null; prev: string | null }): Record<string, string> {
  const links = [`<${LICENCE_URL}>; rel="license"`];
  if (pagination.next) links.push(`<${pagination.next}>; rel="next"`);
  if (pagination.prev) links.push(`<${pagination.prev}>; rel="prev"`);
  return { "X-Total-Count": String(pagination.total), Link: links.join(", ") };
}

export function errorResponse(status: number, message: string, parameters: ParameterProblem[] = []): Response {
  const headers = baseHeaders();
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify({ error: { status, message, parameters }, meta: LICENCE_META }), { status, headers });
}

export function badRequest(problems: ParameterProblem[]): Response {
  const named = clipped(problems);
  return errorResponse(400, `Bad request: ${describeProblems(named)}${problems.length > named.length ? ` (and ${problems.length - named.length} more)` : ""}.`, named);
}

/**
 * Runs a handler. A database that is down, or too busy to answer within the
 * pool's and statement's timeouts (lib/db/client.ts), gives a JSON 503 with
 * Retry-After; any other failure a JSON 500. Neither names any internals.
 */
export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`503: the database did not answer: ${error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error)}`);
      const response = errorResponse(503, `${UNAVAILABLE_MESSAGE}. ${UNAVAILABLE_DETAIL}`);
      response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return response;
    }
    console.error(error);
    return errorResponse(500, "Something went wrong on our side. Try again later.");
  }
}
