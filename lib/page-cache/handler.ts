// The page cache in front of Next.js's request handler (scripts/serve.ts).
// An anonymous GET of a public page (lib/page-cache/rules.ts) is answered from
// memory when stored ("x-cache: HIT"); otherwise Next.js renders it as always,
// with its per-request nonce ("x-cache: MISS"), and a 200 HTML page is kept in
// its shareable form (lib/page-cache/stored-page.ts) under the data version
// read before the render began. Stored pages are dropped as soon as that
// version changes; while the database is unreachable they keep being served.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { gzipSync } from "node:zlib";
import type { DataVersionSource } from "./data-version";
import { cacheKey, kindOfKey, renderFailed, unstorableReason } from "./rules";
import { etagMatches } from "../api/etag";
import { hashedContentSecurityPolicy, nonceOfPolicy } from "../security/headers";
import { shareablePage } from "./stored-page";
import type { PageStore, StoredResponse } from "./store";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Headers never copied into a stored response (recomputed per reply, or meaningless to replay). */
const DROPPED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "x-cache", "content-security-policy"]);

/** A page larger than this is served but not stored. */
const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;

/** A stored response with its headers ready to write, one flat list per encoding: a hit is one writeHead and one end. */
export type ServedResponse = StoredResponse & {
  identityHead: string[];
  gzipHead: string[];
  /** For a conditional GET of stored JSON with an ETag (the API): its 304, without the body's headers. */
  notModifiedHead: string[];
  etag: string | null;
};

export function servedResponse(entry: StoredResponse): ServedResponse {
  const head: string[] = [];
  for (const [name, value] of Object.entries(entry.headers)) {
    if (Array.isArray(value)) for (const one of value) head.push(name, one);
    else head.push(name, value);
  }
  head.push("x-cache", "HIT");
  const notModifiedHead: string[] = [];
  for (let i = 0; i < head.length; i += 2) if (head[i] !== "content-type") notModifiedHead.push(head[i]!, head[i + 1]!);
  const etag = entry.headers["etag"];
  return {
    ...entry,
    identityHead: [...head, "content-length", String(entry.body.length)],
    gzipHead: [...head, "content-encoding", "gzip", "content-length", String(entry.gzip.length)],
    notModifiedHead,
    etag: typeof etag === "string" ? etag : null,
  };
}

/** Answers to the Accept-Encoding values seen (a handful in practice: browsers send the same one), bounded. */
const gzipAnswers = new Map<string, boolean>();

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let answer = gzipAnswers.get(header);
  if (answer === undefined) {
    answer = /\bgzip\b(?!\s*;\s*q=0(\.0*)?\b)/i.test(header);
    if (gzipAnswers.size >= 64) gzipAnswers.clear();
    gzipAnswers.set(header, answer);
  }
  return answer;
}

function send(entry: ServedResponse, req: IncomingMessage, res: ServerResponse): void {
  const ifNoneMatch = req.headers["if-none-match"];
  if (entry.etag !== null && etagMatches(ifNoneMatch, entry.etag)) {
    res.writeHead(304, entry.notModifiedHead);
    res.end();
    return;
  }
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  res.writeHead(entry.status, gzip ? entry.gzipHead : entry.identityHead);
  if (req.method === "HEAD") res.end();
  else res.end(gzip ? entry.gzip : entry.body);
}

/**
 * Collects what Next.js writes to `res` while still sending it. Resolves with
 * the body as soon as Next.js has written all of it (not when a slow client
 * has read it: requests waiting for this page must not wait for that client),
 * or with null when the client went away first or the page is too large.
 */
function capture(res: ServerResponse): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let overflow = false;
  let settle: (body: Buffer | null) => void = () => {};
  const done = new Promise<Buffer | null>((resolve) => (settle = resolve));
  const collect = (chunk: unknown, encoding: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    bytes += buffer.length;
    if (bytes > MAX_CAPTURE_BYTES) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(Buffer.from(buffer)); // a copy: the writer may reuse its buffer
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    const result = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    settle(overflow || res.destroyed ? null : Buffer.concat(chunks));
    return result;
  } as typeof res.end;
  // The client went away before the page was complete: Next.js may have cut the render short.
  res.once("close", () => settle(null));
  return done;
}

export type PageCache = {
  handle(req: IncomingMessage, res: ServerResponse, next: NextHandler): Promise<void>;
  /** Drops every stored page (the data changed). */
  clear(): void;
  readonly store: PageStore<ServedResponse>;
};

export function createPageCache(
  store: PageStore<ServedResponse>,
  version: DataVersionSource,
  log: (message: string) => void = () => {},
  debug: (message: string) => void = () => {},
): PageCache {
  /** Fills in progress: a second request for the same page waits for the first instead of rendering it again. */
  const filling = new Map<string, Promise<void>>();
  /** Bumped by clear(): a render that began before the data changed is not stored. */
  let generation = 0;

  const clear = () => {
    generation += 1;
    store.clear();
  };

  /** Renders the page through Next.js and keeps it if it may be stored; `settled` is called once it is kept or refused. */
  async function fill(key: string, req: IncomingMessage, res: ServerResponse, next: NextHandler, settled: () => void): Promise<void> {
    const tag = version.known;
    const startedIn = generation;
    // Ask Next.js for the uncompressed page: it is stored, and compressed once, here.
    delete req.headers["accept-encoding"];
    const body = capture(res);
    const rendered = next(req, res);
    // Store as soon as the body is complete; a failed render ends the wait with its error.
    const captured = await Promise.race([body, rendered.then(() => body)]);
    keep(key, req, res, captured, tag, startedIn);
    settled();
    await rendered;
  }

  function keep(key: string, req: IncomingMessage, res: ServerResponse, body: Buffer | null, tag: string | null, startedIn: number): void {
    if (!body) return debug(`not stored (aborted or over ${MAX_CAPTURE_BYTES} bytes): ${req.url}`);
    const headers = res.getHeaders() as Record<string, string | string[] | number | undefined>;
    const kind = kindOfKey(key);
    const reason = unstorableReason(res.statusCode, headers, kind);
    if (reason) return debug(`not stored (${reason}): ${req.url}`);
    if (tag === null || version.known !== tag || generation !== startedIn) return debug(`not stored (the data changed while it rendered): ${req.url}`);
    const kept: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || DROPPED_HEADERS.has(name)) continue;
      kept[name] = typeof value === "number" ? String(value) : value;
    }
    const vary = String(kept["vary"] ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) kept["vary"] = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
    if (kind === "json") {
      // JSON runs no script: the strict policy with no inline script allowed, in place of the request's nonce.
      kept["content-security-policy"] = hashedContentSecurityPolicy([]);
      store.set(key, servedResponse({ status: 200, headers: kept, body, gzip: gzipSync(body) }));
      return;
    }
    const text = body.toString("utf8");
    if (renderFailed(text)) return log(`not stored (the render failed part way): ${req.url}`);
    const nonce = nonceOfPolicy(String(headers["content-security-policy"]));
    const page = shareablePage(text, String(headers["content-security-policy"]));
    if (!page || !nonce) return debug(`not stored (no nonce in its policy): ${req.url}`);
    // Next.js repeats the nonce on its Link preload header: no use without the nonce policy.
    if (kept["link"]) kept["link"] = String(kept["link"]).split(`; nonce="${nonce}"`).join("");
    kept["content-security-policy"] = page.policy;
    const identity = Buffer.from(page.html, "utf8");
    store.set(key, servedResponse({ status: 200, headers: kept, body: identity, gzip: gzipSync(identity) }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, next: NextHandler): Promise<void> {
    const https = req.headers["x-forwarded-proto"] === "https" || !!(req.socket as TLSSocket).encrypted;
    const key = cacheKey({ method: req.method, url: req.url, headers: req.headers, https });
    if (!key) {
      res.setHeader("x-cache", "MISS");
      return next(req, res);
    }

    // Read again (dropping every stored page first if the data changed) only once the last read is older than its interval.
    if (version.fresh !== true) await version.current();
    let stored = store.get(key);
    if (!stored && filling.has(key)) {
      await filling.get(key);
      stored = store.get(key);
    }
    if (stored) return send(stored, req, res);
    res.setHeader("x-cache", "MISS");
    // A conditional request may be answered 304 (not storable): Next.js answers it.
    if (req.method !== "GET" || version.known === null || filling.has(key) || req.headers["if-none-match"] !== undefined) return next(req, res);

    let release = () => {};
    filling.set(key, new Promise<void>((resolve) => (release = resolve)));
    let released = false;
    const settled = () => {
      if (released) return;
      released = true;
      filling.delete(key);
      release();
    };
    try {
      await fill(key, req, res, next, settled);
    } finally {
      settled();
    }
  }

  return { handle, clear, store };
}
