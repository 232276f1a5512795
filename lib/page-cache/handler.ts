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
import { cacheKey, renderFailed, unstorableReason } from "./rules";
import { nonceOfPolicy } from "../security/headers";
import { shareablePage } from "./stored-page";
import type { PageStore, StoredResponse } from "./store";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Headers never copied into a stored response (recomputed per reply, or meaningless to replay). */
const DROPPED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "x-cache", "content-security-policy"]);

/** A page larger than this is served but not stored. */
const MAX_CAPTURE_BYTES = 16 * 1024 * 1024;

function acceptsGzip(header: string | undefined): boolean {
  return !!header && /\bgzip\b(?!\s*;\s*q=0(\.0*)?\b)/i.test(header);
}

function send(entry: StoredResponse, req: IncomingMessage, res: ServerResponse): void {
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  const body = gzip ? entry.gzip : entry.body;
  res.writeHead(entry.status, {
    ...entry.headers,
    "x-cache": "HIT",
    "content-length": body.length,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
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
  readonly store: PageStore;
};

export function createPageCache(
  store: PageStore,
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
    const html = await Promise.race([body, rendered.then(() => body)]);
    keep(key, req, res, html, tag, startedIn);
    settled();
    await rendered;
  }

  function keep(key: string, req: IncomingMessage, res: ServerResponse, html: Buffer | null, tag: string | null, startedIn: number): void {
    if (!html) return debug(`not stored (aborted or over ${MAX_CAPTURE_BYTES} bytes): ${req.url}`);
    const headers = res.getHeaders() as Record<string, string | string[] | number | undefined>;
    const reason = unstorableReason(res.statusCode, headers);
    if (reason) return debug(`not stored (${reason}): ${req.url}`);
    if (tag === null || version.known !== tag || generation !== startedIn) return debug(`not stored (the data changed while it rendered): ${req.url}`);
    const text = html.toString("utf8");
    if (renderFailed(text)) return log(`not stored (the render failed part way): ${req.url}`);
    const nonce = nonceOfPolicy(String(headers["content-security-policy"]));
    const page = shareablePage(text, String(headers["content-security-policy"]));
    if (!page || !nonce) return debug(`not stored (no nonce in its policy): ${req.url}`);
    const kept: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || DROPPED_HEADERS.has(name)) continue;
      kept[name] = typeof value === "number" ? String(value) : value;
    }
    // Next.js repeats the nonce on its Link preload header: no use without the nonce policy.
    if (kept["link"]) kept["link"] = String(kept["link"]).split(`; nonce="${nonce}"`).join("");
    kept["content-security-policy"] = page.policy;
    const vary = String(kept["vary"] ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) kept["vary"] = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
    const identity = Buffer.from(page.html, "utf8");
    store.set(key, { status: 200, headers: kept, body: identity, gzip: gzipSync(identity) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, next: NextHandler): Promise<void> {
    const https = req.headers["x-forwarded-proto"] === "https" || !!(req.socket as TLSSocket).encrypted;
    const key = cacheKey({ method: req.method, url: req.url, headers: req.headers, https });
    res.setHeader("x-cache", "MISS");
    if (!key) return next(req, res);

    await version.current(); // drops every stored page first if the data changed
    let stored = store.get(key);
    if (!stored && filling.has(key)) {
      await filling.get(key);
      stored = store.get(key);
    }
    if (stored) {
      res.removeHeader("x-cache");
      return send(stored, req, res);
    }
    if (req.method !== "GET" || version.known === null || filling.has(key)) return next(req, res);

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
