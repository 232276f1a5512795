// `npm run bench`: load, round-trip and browser figures for the public pages at
// the real size (the seeded dataset) and at synthetic ×10 / ×100 sizes.
// Each size gets its OWN embedded PostgreSQL in a temporary folder (never the
// real data folder); the app is the production build served by scripts/serve.ts
// on a free loopback port. See docs/PERFORMANCE.md for what is measured and why.
//
//   npm run bench -- --sizes real,x10 --quick
//   npm run bench -- --sizes x100 --pages services,scorecard,apiInspections --quick
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { createPrismaClient } from "../lib/db/client";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate, projectRoot } from "../lib/db/migrate";
import { seed } from "../lib/db/seed";
import { generateSynthetic } from "../lib/synthetic/generate";
import { ensureBuilt } from "../scripts/build-if-changed";

const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const sizesArg = args.find((a, i) => args[i - 1] === "--sizes") ?? args.find((a) => a.startsWith("--sizes="))?.slice(8);
const SIZES: Record<string, number | null> = { real: null, x10: 1_550, x100: 15_500 };
const sizes = (sizesArg ?? "real,x10,x100").split(",").map((s) => s.trim());
for (const s of sizes) if (!(s in SIZES)) throw new Error(`--sizes: "${s}" is not one of ${Object.keys(SIZES).join(", ")}`);
const pagesArg = args.find((a, i) => args[i - 1] === "--pages") ?? args.find((a) => a.startsWith("--pages="))?.slice(8);
const onlyPages = pagesArg ? new Set(pagesArg.split(",").map((s) => s.trim())) : null;
const DURATION = quick ? 3 : 8; // seconds per autocannon run
const CONNECTIONS = [10, 100];
const FLOOR_DIR = path.join(projectRoot, "public", "bench-floor");

// ---------------------------------------------------------------------------
// Round trips: a loopback TCP proxy between the app and PostgreSQL that counts
// the frontend messages ending a round trip: Sync ('S', extended protocol, one
// per query as node-postgres sends them) and Query ('Q', simple protocol).
// It needs nothing from the app and nothing from PostgreSQL's statistics
// collector (whose counters are flushed lazily, up to a second or more late).
type Counter = { roundTrips: number; close(): Promise<void>; port: number };
async function countingProxy(targetPort: number): Promise<Counter> {
  const counter = { roundTrips: 0 } as Counter;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false; // the startup (and SSL request) messages have no type byte
    client.on("data", (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 4) break;
          const len = buffer.readInt32BE(0);
          if (buffer.length < len) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(len);
          if (code !== 80877103) started = true; // 80877103 = SSLRequest; the next one is the startup message
          continue;
        }
        if (buffer.length < 5) break;
        const len = buffer.readInt32BE(1);
        if (buffer.length < len + 1) break;
        const type = String.fromCharCode(buffer[0]!);
        if (type === "S" || type === "Q") counter.roundTrips++;
        buffer = buffer.subarray(len + 1);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  counter.port = (server.address() as net.AddressInfo).port;
  counter.close = () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); });
  return counter;
}

// ---------------------------------------------------------------------------
async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  // The same server as `npm start` (scripts/serve.ts: Next.js behind the public page cache).
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts"), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server (scripts/serve.ts) exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server (scripts/serve.ts) did not answer in 60 s:\n${output}`);
    const ok = await fetch(`${url}/robots.txt`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}

const percentile = (sorted: number[], p: number): number | null => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : null);

type Load = { connections: number; requestsPerSecond: number; p50: number | null; p95: number | null; p99: number | null; errors: number; non2xx: number; requests: number };
/** Waits until the server has drained the backlog a load run leaves behind (requests still rendering). */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const t = performance.now();
    await fetch(`${new URL(url).origin}/robots.txt`).then((r) => r.arrayBuffer(), () => undefined);
    if (performance.now() - t < 50) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function load(url: string, connections: number, duration: number): Promise<Load> {
  await settle(url);
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration, timeout: 20 });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.total / duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

type Browser = { lcpMs: number | null; cls: number; tbtMs: number; scriptKbCompressed: number; scripts: number };
async function browserFigures(url: string): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __bench: { lcp: number | null; cls: number; tbt: number } };
      w.__bench = { lcp: null, cls: 0, tbt: 0 };
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bench.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__bench.cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bench.tbt += Math.max(0, e.duration - 50); }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(1000);
    return await page.evaluate(() => {
      const w = window as unknown as { __bench: { lcp: number | null; cls: number; tbt: number } };
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"));
      return {
        lcpMs: w.__bench.lcp === null ? null : Math.round(w.__bench.lcp),
        cls: Math.round(w.__bench.cls * 1000) / 1000,
        tbtMs: Math.round(w.__bench.tbt),
        scriptKbCompressed: Math.round(scripts.reduce((s, r) => s + r.encodedBodySize, 0) / 102.4) / 10,
        scripts: scripts.length,
      };
    });
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------
async function loadData(size: string, url: string): Promise<{ services: number; inspections: number; loadMs: number; postgres: string }> {
  const db = createPrismaClient(url, { max: 2 });
  const started = performance.now();
  try {
    const n = SIZES[size] ?? null;
    if (n === null) await seed(db);
    else await generateSynthetic(db, { services: n, seed: 1 });
    const loadMs = Math.round(performance.now() - started);
    const [services, inspections] = await Promise.all([db.service.count(), db.inspection.count()]);
    const rows = await db.$queryRawUnsafe<{ server_version: string }[]>("show server_version");
    const version = rows[0]?.server_version ?? "unknown";
    return { services, inspections, loadMs, postgres: version };
  } finally {
    await db.$disconnect();
  }
}

async function pagesFor(url: string): Promise<Record<string, string>> {
  const db = createPrismaClient(url, { max: 1 });
  try {
    const service = await db.service.findFirst({ orderBy: { slug: "asc" }, select: { slug: true } });
    const all: Record<string, string> = {
      home: "/",
      services: "/services",
      scorecard: `/services/${service?.slug}`,
      heatmap: "/heatmap",
      standard: "/standards/1.1",
      apiInspections: "/api/v1/inspections",
    };
    if (onlyPages) for (const name of onlyPages) if (!(name in all)) throw new Error(`--pages: "${name}" is not one of ${Object.keys(all).join(", ")}`);
    return Object.fromEntries(Object.entries(all).filter(([name]) => !onlyPages || onlyPages.has(name)));
  } finally {
    await db.$disconnect();
  }
}

const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

async function benchSize(size: string) {
  const dataDir = path.join(os.tmpdir(), `yjs-bench-${size}-${process.pid}`);
  log(`${size}: starting a separate embedded PostgreSQL in ${dataDir}`);
  const pg = await startEmbeddedPostgres({ dataDir });
  let proxy: Counter | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await migrate(pg.url);
    const data = await loadData(size, pg.url);
    log(`${size}: ${data.services} services, ${data.inspections} inspections loaded in ${data.loadMs} ms`);
    const pages = await pagesFor(pg.url);
    proxy = await countingProxy(pg.port);
    const proxiedUrl = pg.url.replace(`:${pg.port}/`, `:${proxy.port}/`);

    // First server: cold figures (first request to each page after start) and page sizes.
    server = await startServer(proxiedUrl);
    const result: Record<string, Record<string, unknown>> = {};
    for (const [name, p] of Object.entries(pages)) {
      const t = performance.now();
      const response = await fetch(server.url + p, { headers: { "accept-encoding": "identity" } });
      const body = Buffer.from(await response.arrayBuffer());
      result[name] = { path: p, status: response.status, bytes: body.length, coldFirstMs: Math.round(performance.now() - t) };
    }
    await server.stop();
    server = undefined;

    // The floor: a static file of each page's exact size, written before the server starts.
    await mkdir(FLOOR_DIR, { recursive: true });
    for (const [name, r] of Object.entries(result)) await writeFile(path.join(FLOOR_DIR, `${name}.html`), Buffer.alloc(r.bytes as number, "x"));
    server = await startServer(proxiedUrl);

    for (const [name, r] of Object.entries(result)) {
      if (r.status !== 200) { log(`${size}: ${name} answers ${r.status}; skipped`); continue; }
      const pageUrl = server.url + r.path;
      // Warm, then one sequential request with the proxy counting.
      for (let i = 0; i < 3; i++) await fetch(pageUrl).then((x) => x.arrayBuffer());
      const t = performance.now();
      await fetch(pageUrl).then((x) => x.arrayBuffer());
      r.warmSingleMs = Math.round((performance.now() - t) * 10) / 10;
      await new Promise((res) => setTimeout(res, 100));
      const before = proxy.roundTrips;
      await fetch(pageUrl).then((x) => x.arrayBuffer());
      await new Promise((res) => setTimeout(res, 100));
      r.roundTrips = proxy.roundTrips - before;

      r.load = [];
      r.floor = [];
      for (const c of CONNECTIONS) {
        const la = loadAverage();
        const page = await load(pageUrl, c, DURATION);
        const floor = await load(`${server.url}/bench-floor/${name}.html`, c, DURATION);
        (r.load as Load[]).push({ ...page, loadAverage: la } as Load);
        (r.floor as Load[]).push(floor);
        log(`${size} ${name} c=${c}: ${page.requestsPerSecond} req/s (floor ${floor.requestsPerSecond}), p95 ${page.p95} ms, errors ${page.errors + page.non2xx}, load ${la[0]}`);
      }
      if (!r.path!.toString().startsWith("/api/")) {
        await settle(pageUrl);
        r.browser = await browserFigures(pageUrl).catch((error: Error) => ({ error: error.message.split("\n")[0] }));
      }
    }
    return { size, ...data, loadAverageAtEnd: loadAverage(), pages: result };
  } finally {
    await server?.stop();
    await proxy?.close();
    await rm(FLOOR_DIR, { recursive: true, force: true });
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function main() {
  await ensureBuilt(log);
  const started = new Date();
  const machine = {
    nproc: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadAverage(),
  };
  const runs = [];
  const out = path.join(projectRoot, "bench", "results", `${started.toISOString().slice(0, 16).replace(":", "")}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  // Written after each size, so a long run that is stopped keeps what it measured.
  for (const size of sizes) {
    runs.push(await benchSize(size));
    await writeFile(out, JSON.stringify({ started: started.toISOString(), quick, durationSeconds: DURATION, machine, runs }, null, 2) + "\n");
    log(`results so far written to ${path.relative(projectRoot, out)}`);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
