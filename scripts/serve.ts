// The production server: Next.js's request handler (its documented custom
// server API) behind the public page cache (lib/page-cache). `npm start`, the
// end-to-end tests and the benchmark all serve the app through this script.
//
//   PORT=3000 DATABASE_URL=… node --import tsx scripts/serve.ts [--hostname 127.0.0.1]
//
// PAGE_CACHE_MAX_MB (default 128) bounds the stored pages' memory; PAGE_CACHE=off
// turns the cache off (every request is rendered, as `next start` does);
// PAGE_CACHE_DEBUG=1 logs why a page was not stored.
// SIGTERM or SIGINT: stop accepting connections, finish the requests in
// progress (at most 10 s), then exit.
import { createServer } from "node:http";
import { projectRoot } from "../lib/db/migrate";
import { DataVersionWatcher } from "../lib/page-cache/data-version";
import { createPageCache, type ServedResponse } from "../lib/page-cache/handler";
import { PageStore } from "../lib/page-cache/store";
import { parsePort } from "./port";

const log = (message: string) => console.log(`[serve] ${message}`);

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { default: next } = await import("next");

const args = process.argv.slice(2);
const hostAt = args.indexOf("--hostname");
const hostname = hostAt >= 0 ? args[hostAt + 1] : undefined;
const port = parsePort(process.env.PORT);
const maxMb = Number(process.env.PAGE_CACHE_MAX_MB ?? 128);
if (!Number.isFinite(maxMb) || maxMb <= 0) throw new Error(`PAGE_CACHE_MAX_MB must be a positive number of megabytes, not "${process.env.PAGE_CACHE_MAX_MB}".`);
const databaseUrl = process.env.DATABASE_URL;
const cacheOn = process.env.PAGE_CACHE !== "off" && !!databaseUrl;

const app = next({ dev: false, dir: projectRoot, hostname, port });
await app.prepare();
const nextHandler = app.getRequestHandler();
const handle = (req: Parameters<typeof nextHandler>[0], res: Parameters<typeof nextHandler>[1]) => nextHandler(req, res);

const store = new PageStore<ServedResponse>(maxMb * 1024 * 1024);
const watcher = cacheOn
  ? new DataVersionWatcher(databaseUrl!, (from, to) => {
      log(`published data changed (${from} → ${to}): dropping ${store.size} stored pages`);
      cache.clear();
    }, 1_000, 1_000, log)
  : null;
const noVersion = { current: async () => null, known: null, close: async () => {} };
const cache = createPageCache(store, watcher ?? noVersion, log, process.env.PAGE_CACHE_DEBUG ? log : undefined);

const server = createServer((req, res) => {
  const served = cacheOn ? cache.handle(req, res, handle) : handle(req, res);
  served.catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("Internal server error.");
    } else res.destroy();
  });
});
server.listen(port, hostname, () => log(`listening on http://${hostname ?? "localhost"}:${port} (page cache ${cacheOn ? `on, up to ${maxMb} MB` : "off"})`));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing requests in progress`);
  const forced = setTimeout(() => process.exit(0), 10_000);
  forced.unref();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await app.close().catch(() => {});
  await watcher?.close();
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
