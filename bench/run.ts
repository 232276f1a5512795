// `npm run bench`: load, round-trip and browser figures for the public pages at
// the real size (the seeded dataset) and at synthetic ×10 / ×100 sizes.
// Each size gets its OWN scratch database (bench/scratch.ts: embedded PostgreSQL
// in a temporary folder, never the real data folder); the app is the production
// build served by scripts/serve.ts on a free loopback port. See
// docs/PERFORMANCE.md for what is measured and why.
//
// Every page is loaded at 10 and 100 connections, with a browser's
// Accept-Encoding and with none, pinned (generator on CPU 0, server on CPU 1)
// and unpinned; next to each figure, the floor (the page's bytes as a static
// file from the same server) and the ceiling (a bare Node server holding the
// stored page, bench/ceiling-server.ts), measured the same way. The results
// JSON records the generator, pinning and encoding of every figure.
//
//   npm run bench -- --sizes real,x10 --quick
//   npm run bench -- --sizes x100 --pages services,scorecard,apiInspections --quick
//   npm run bench -- --sizes real --quick --generator autocannon --pin off
//     --generator wrk|autocannon (default wrk when /usr/bin/wrk exists), --pin on|off|both (default both when taskset and 2+ CPUs),
//     --connections 1,10,100 (default 10,100)
import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { createPrismaClient } from "../lib/db/client";
import { freePort } from "../lib/db/embedded";
import { projectRoot } from "../lib/db/migrate";
import { ensureBuilt } from "../scripts/build-if-changed";
import { loadAverage, sizesOption, startAppServer, withScratchDatabase } from "./scratch";

const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const args = process.argv.slice(2);
const option = (name: string) => args.find((a, i) => args[i - 1] === `--${name}`) ?? args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes("--quick");
const sizes = sizesOption(args, "real,x10,x100");
const pagesArg = option("pages");
const onlyPages = pagesArg ? new Set(pagesArg.split(",").map((s) => s.trim())) : null;
const DURATION = quick ? 3 : 8; // seconds per load run
const CONNECTIONS = (option("connections") ?? "10,100").split(",").map((c) => {
  const n = Number(c);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--connections: "${c}" is not a whole number of connections`);
  return n;
});
// One folder per bench process, so two benches in one checkout never serve or delete each other's floor files.
const FLOOR_PATH = `/bench-floor/${process.pid}`;
const FLOOR_DIR = path.join(projectRoot, "public", ...FLOOR_PATH.split("/").filter(Boolean));

// The load generator. wrk (C, one thread) costs the machine far less per
// request than autocannon (Node): on 2 cores the generator's own cost is part
// of every figure, so wrk when installed; autocannon otherwise (npm installs it).
const WRK = ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((f) => existsSync(f)) ?? null;
const generator = (option("generator") ?? (WRK ? "wrk" : "autocannon")) as "wrk" | "autocannon";
if (generator !== "wrk" && generator !== "autocannon") throw new Error(`--generator: "${generator}" is not wrk or autocannon`);
if (generator === "wrk" && !WRK) throw new Error("--generator wrk: wrk is not installed (/usr/bin/wrk)");
// Pinning: the generator on CPU 0 and the server on CPU 1 (taskset), so
// neither takes the other's core; "unpinned" lets the kernel place both on
// either core (and with them everything else the machine runs).
const TASKSET = ["/usr/bin/taskset", "/bin/taskset"].find((f) => existsSync(f)) ?? null;
const canPin = !!TASKSET && os.cpus().length >= 2;
const pinArg = option("pin") ?? (canPin ? "both" : "off");
if (!["on", "off", "both"].includes(pinArg)) throw new Error(`--pin: "${pinArg}" is not on, off or both`);
if (pinArg !== "off" && !canPin) throw new Error("--pin: needs taskset and at least 2 CPUs");
const pinnings: Pinning[] = pinArg === "both" ? ["pinned", "unpinned"] : pinArg === "on" ? ["pinned"] : ["unpinned"];
// Page requests as a browser sends them, and without Accept-Encoding (what a
// bare HTTP client sends: the uncompressed page), so neither case is hidden.
const ENCODINGS = { browser: "gzip, deflate, br", none: null } as const;
type Encoding = keyof typeof ENCODINGS;
type Pinning = "pinned" | "unpinned";
const PINNING_WORDS: Record<Pinning, string> = { pinned: "generator on CPU 0, server on CPU 1 (taskset)", unpinned: "none (both on any CPU)" };

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

const percentile = (sorted: number[], p: number): number | null => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : null);

type Load = {
  connections: number;
  /** The Accept-Encoding sent ("gzip, deflate, br", as browsers send it) or null for none. */
  acceptEncoding: string | null;
  pinning: string;
  generator: string;
  requestsPerSecond: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errors: number;
  non2xx: number;
  requests: number;
  /** Mean bytes read per response, headers included: says whether it went compressed. */
  bytesPerResponse: number;
  loadAverage: number[];
};
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

/** Sets which CPUs a process and all its threads may run on (taskset -a -p). */
function pin(pid: number, cpus: string): void {
  execFileSync(TASKSET!, ["-a", "-p", "-c", cpus, String(pid)], { stdio: "ignore" });
}
const allCpus = () => `0-${os.cpus().length - 1}`;

/** wrk's summary as one JSON line (latencies in microseconds), from its Lua `done` hook. */
const WRK_SCRIPT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK-RESULT {\\"requests\\":%d,\\"durationUs\\":%d,\\"bytes\\":%d,\\"p50\\":%d,\\"p95\\":%d,\\"p99\\":%d,\\"errors\\":%d,\\"non2xx\\":%d}\\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;
const wrkScript = path.join(os.tmpdir(), `yjs-bench-wrk-${process.pid}.lua`);

const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

async function runWrk(url: string, connections: number, duration: number, headers: Record<string, string>, pinned: boolean) {
  const wrkArgs = ["-t1", `-c${connections}`, `-d${duration}s`, "--timeout", "20s", "-s", wrkScript];
  for (const [name, value] of Object.entries(headers)) wrkArgs.push("-H", `${name}: ${value}`);
  wrkArgs.push(url);
  const [file, argv] = pinned ? [TASKSET!, ["-c", "0", WRK!, ...wrkArgs]] : [WRK!, wrkArgs];
  const { stdout } = await promisify(execFile)(file, argv, { maxBuffer: 1 << 20 });
  const line = stdout.split("\n").find((l) => l.startsWith("WRK-RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const r = JSON.parse(line.slice(11)) as { requests: number; durationUs: number; bytes: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };
  return {
    requests: r.requests,
    requestsPerSecond: Math.round(r.requests / (r.durationUs / 1e6)),
    p50: round(r.p50 / 1000),
    p95: round(r.p95 / 1000),
    p99: round(r.p99 / 1000),
    errors: r.errors,
    non2xx: r.non2xx,
    bytesPerResponse: r.requests ? Math.round(r.bytes / r.requests) : 0,
  };
}

async function runAutocannon(url: string, connections: number, duration: number, headers: Record<string, string>, pinned: boolean) {
  // autocannon runs in this process: pinning it means pinning this process.
  if (pinned) pin(process.pid, "0");
  try {
    const latencies: number[] = [];
    const instance = autocannon({ url, connections, duration, timeout: 20, headers });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    const result = await instance;
    latencies.sort((a, b) => a - b);
    return {
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.total / duration),
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    };
  } finally {
    if (pinned) pin(process.pid, allCpus());
  }
}

async function load(url: string, connections: number, duration: number, encoding: Encoding, pinning: Pinning): Promise<Load> {
  await settle(url);
  const acceptEncoding = ENCODINGS[encoding];
  const headers: Record<string, string> = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
  const loadAverageBefore = loadAverage();
  const run = generator === "wrk" ? runWrk : runAutocannon;
  const result = await run(url, connections, duration, headers, pinning === "pinned");
  return { connections, acceptEncoding, pinning: PINNING_WORDS[pinning], generator, ...result, loadAverage: loadAverageBefore };
}

/** The ceiling server (bench/ceiling-server.ts) holding `body` with `head`, on a free port, once it answers. */
async function startCeiling(name: string, body: Buffer, head: string[]): Promise<{ url: string; pid: number; stop(): void }> {
  const bodyFile = path.join(os.tmpdir(), `yjs-bench-ceiling-${process.pid}-${name}.body`);
  const headFile = `${bodyFile}.json`;
  await writeFile(bodyFile, body);
  await writeFile(headFile, JSON.stringify(head));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "ceiling-server.ts"), String(port), bodyFile, headFile], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bench/ceiling-server.ts exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid!,
    stop: () => {
      child.kill("SIGTERM");
      void rm(bodyFile, { force: true });
      void rm(headFile, { force: true });
    },
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
async function pagesFor(url: string): Promise<Record<string, string>> {
  const db = createPrismaClient(url, { max: 1 });
  try {
    const service = await db.service.findFirst({ orderBy: { slug: "asc" }, select: { slug: true } });
    const all: Record<string, string> = {
      home: "/",
      services: "/services",
      scorecard: `/services/${service?.slug}`,
      heatmap: "/heatmap",
      heatmapRows: "/heatmap/rows",
      standard: "/standards/1.1",
      apiInspections: "/api/v1/inspections",
    };
    if (onlyPages) for (const name of onlyPages) if (!(name in all)) throw new Error(`--pages: "${name}" is not one of ${Object.keys(all).join(", ")}`);
    return Object.fromEntries(Object.entries(all).filter(([name]) => !onlyPages || onlyPages.has(name)));
  } finally {
    await db.$disconnect();
  }
}

/** Headers of a response as a flat list, without those the ceiling server's Node adds or computes. */
function replayableHead(headers: Headers): string[] {
  const head: string[] = [];
  for (const [name, value] of headers) if (!["date", "connection", "keep-alive", "content-length", "content-encoding", "transfer-encoding"].includes(name)) head.push(name, value);
  return head;
}

async function benchSize(size: string) {
  return withScratchDatabase(size, { name: "bench", log }, async (data) => {
    const pages = await pagesFor(data.url);
    const proxy = await countingProxy(data.port);
    const proxiedUrl = data.url.replace(`:${data.port}/`, `:${proxy.port}/`);
    let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
    try {
      // First server: cold figures (first request to each page after start) and page sizes.
      server = await startAppServer(proxiedUrl);
      const result: Record<string, Record<string, unknown>> = {};
      const bodies: Record<string, Buffer> = {};
      for (const [name, p] of Object.entries(pages)) {
        const t = performance.now();
        const response = await fetch(server.url + p, { headers: { "accept-encoding": "identity" } });
        const body = Buffer.from(await response.arrayBuffer());
        bodies[name] = body;
        result[name] = { path: p, status: response.status, bytes: body.length, coldFirstMs: Math.round(performance.now() - t) };
      }
      await server.stop();
      server = undefined;

      // The floor: a static file with each page's own bytes (so gzip has the same work), written before the server starts.
      await mkdir(FLOOR_DIR, { recursive: true });
      for (const [name, body] of Object.entries(bodies)) await writeFile(path.join(FLOOR_DIR, `${name}.html`), body);
      server = await startAppServer(proxiedUrl);

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
        const warm = await fetch(pageUrl, { headers: { "accept-encoding": "identity" } });
        const warmBody = Buffer.from(await warm.arrayBuffer());
        await new Promise((res) => setTimeout(res, 100));
        r.roundTrips = proxy.roundTrips - before;
        r.cache = warm.headers.get("x-cache");
        r.gzipBytes = Number((await fetch(pageUrl, { method: "HEAD", headers: { "accept-encoding": ENCODINGS.browser } })).headers.get("content-length")) || null;

        // The ceiling: the same bytes and headers from a bare Node server on the same core.
        const ceiling = await startCeiling(name, warmBody, replayableHead(warm.headers));
        r.load = [];
        r.floor = [];
        r.ceiling = [];
        try {
          for (const pinning of pinnings) {
            for (const pid of [server.child.pid!, ceiling.pid]) pin(pid, pinning === "pinned" ? "1" : allCpus());
            for (const encoding of Object.keys(ENCODINGS) as Encoding[]) {
              for (const c of CONNECTIONS) {
                const page = await load(pageUrl, c, DURATION, encoding, pinning);
                const floor = await load(`${server.url}${FLOOR_PATH}/${name}.html`, c, DURATION, encoding, pinning);
                const bare = await load(ceiling.url, c, DURATION, encoding, pinning);
                (r.load as Load[]).push(page);
                (r.floor as Load[]).push(floor);
                (r.ceiling as Load[]).push(bare);
                log(
                  `${size} ${name} c=${c} ${pinning} ${ENCODINGS[encoding] ? "gzip" : "no encoding"}: ${page.requestsPerSecond} req/s (floor ${floor.requestsPerSecond}, bare node ${bare.requestsPerSecond}), ` +
                    `p50/p95/p99 ${page.p50}/${page.p95}/${page.p99} ms (bare node p95 ${bare.p95}), ${page.bytesPerResponse} B/response, errors ${page.errors + page.non2xx}, load ${page.loadAverage[0]}`,
                );
              }
            }
          }
        } finally {
          ceiling.stop();
          pin(server.child.pid!, allCpus());
        }
        if (!r.path!.toString().startsWith("/api/") && !r.path!.toString().endsWith("/rows")) {
          await settle(pageUrl);
          r.browser = await browserFigures(pageUrl).catch((error: Error) => ({ error: error.message.split("\n")[0] }));
        }
      }
      const { url: _url, port: _port, ...facts } = data;
      return { size, ...facts, loadAverageAtEnd: loadAverage(), pages: result };
    } finally {
      await server?.stop();
      await proxy.close();
      await rm(FLOOR_DIR, { recursive: true, force: true });
      await rmdir(path.dirname(FLOOR_DIR)).catch(() => undefined); // only once no other bench's folder is left
    }
  });
}

async function main() {
  await ensureBuilt(log);
  await writeFile(wrkScript, WRK_SCRIPT);
  const started = new Date();
  const machine = {
    nproc: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadAverage(),
  };
  const method = {
    generator: generator === "wrk" ? `wrk (${WRK}), 1 thread` : "autocannon (in the bench's process)",
    pinning: pinnings.map((p) => PINNING_WORDS[p]),
    acceptEncoding: Object.values(ENCODINGS),
    floor: "the page's own bytes as a static file in public/, served by the same server (Next.js), with the same headers and pinning",
    ceiling: "the stored page's bytes and headers from a bare Node http server (bench/ceiling-server.ts), same core, generator and headers",
  };
  const runs = [];
  const out = path.join(projectRoot, "bench", "results", `${started.toISOString().slice(0, 16).replace(":", "")}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  log(`load generator: ${method.generator}; pinning: ${method.pinning.join(" and ")}`);
  // Written after each size, so a long run that is stopped keeps what it measured.
  try {
    for (const size of sizes) {
      runs.push(await benchSize(size));
      await writeFile(out, JSON.stringify({ started: started.toISOString(), quick, durationSeconds: DURATION, machine, method, runs }, null, 2) + "\n");
      log(`results so far written to ${path.relative(projectRoot, out)}`);
    }
  } finally {
    await rm(wrkScript, { force: true });
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
