// How long the heatmap takes, in Chromium, from a filter change or a sort click
// to the updated rows being painted, at the real size and at ×100 (15,500
// synthetic services × 4 inspections). Never part of `npm test`.
//
//   node --import tsx bench/heatmap-interaction.ts                  # real and x100, 7 runs of each change
//   node --import tsx bench/heatmap-interaction.ts --sizes real --runs 5
//   node --import tsx bench/heatmap-interaction.ts --database-url postgresql://… --label mine   # an existing database
//
// Each size gets its own scratch database (bench/scratch.ts: embedded
// PostgreSQL in a temporary folder, deleted at the end, migrated and loaded
// with the seed or lib/synthetic with seed 1); the app is the production build
// (built if its sources changed) served as `npm start` serves it
// (scripts/serve.ts, page cache on; PAGE_CACHE=off for uncached renders) on a
// free loopback port. In the page, one change is timed from
// just before the event is dispatched to the first frame painted after the rows
// and the count show the new view (a MutationObserver sees the change, then
// requestAnimationFrame + setTimeout 0 waits for the frame that shows it). The
// time to the first visible change ("Updating…" in server mode) is kept too.
// Results: bench/results/heatmap-interaction-<UTC date and time>.json and a
// Markdown table on stdout.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { createPrismaClient } from "../lib/db/client";
import { projectRoot } from "../lib/db/migrate";
import { ensureBuilt } from "../scripts/build-if-changed";
import { sizesOption, startAppServer, withScratchDatabase } from "./scratch";

const log = (m: string) => console.log(`[heatmap-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const args = process.argv.slice(2);
const option = (name: string) => args.find((_, i) => args[i - 1] === `--${name}`);
const RUNS = Number(option("runs") ?? 7);
const databaseUrl = option("database-url");
const sizes = databaseUrl ? [option("label") ?? "given database"] : sizesOption(args, "real,x100");
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 50) throw new Error("--runs: a whole number from 1 to 50");

type Timing = { painted: number; firstChange: number };
type Interaction = { name: string; runs: Timing[]; median: number; max: number; medianFirstChange: number };
type SizeResult = {
  size: string;
  services: number;
  inspections: number;
  /** The mode the page came in ("server": one page of rows) and the one the changes were timed in. */
  mode: string;
  timedMode: string;
  pageBytes: number;
  /** From navigation to the heatmap answering input (hydrated). */
  loadToInteractiveMs: number;
  /** Server mode: from navigation to every row fetched and unpacked (the browser then filters and sorts itself). */
  loadToClientMs: number | null;
  /** Server mode: bytes of /heatmap/rows (uncompressed). */
  rowsBytes: number | null;
  interactions: Interaction[];
  loadAverage: { before: number; after: number };
};

/**
 * Runs in the page: performs one change (a region chosen, or a sort button
 * clicked) and resolves with the times to the first visible change and to the
 * frame painted with the new rows and count. Plain JavaScript in a string, so
 * the TypeScript loader adds nothing the browser lacks.
 */
const TIME_ONE_CHANGE = `({ kind, value }) => new Promise((resolve, reject) => {
  const root = document.querySelector("[data-heatmap]");
  const count = () => document.querySelector("[data-testid=heatmap-count]")?.textContent ?? "";
  const signature = () => [...document.querySelectorAll("tbody tr[data-service]")].slice(0, 30).map((r) => r.dataset.inspection).join(",") + "|" + count();
  const before = signature();
  let firstChange = null;
  const started = performance.now();
  const check = () => {
    if (signature() === before) return;
    if (firstChange === null) firstChange = performance.now() - started;
    if (count().includes("Updating")) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => setTimeout(() => resolve({ painted: performance.now() - started, firstChange })));
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error("no update within 30 s after " + kind + " " + value)); }, 30000);
  if (kind === "region") {
    const select = document.getElementById("hm-region");
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  } else {
    document.querySelector(value).click();
  }
})`;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Alternates between two states so that every run changes the rows; the first of each pair's runs warms up. */
async function timeInteraction(page: Page, name: string, kind: "region" | "sort", values: [string, string]): Promise<Interaction> {
  const runs: Timing[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const timing = (await page.evaluate(`(${TIME_ONE_CHANGE})(${JSON.stringify({ kind, value: values[i % 2] })})`)) as Timing;
    if (i > 0) runs.push(timing);
    await page.waitForTimeout(300);
  }
  const painted = runs.map((r) => r.painted);
  return {
    name,
    runs: runs.map((r) => ({ painted: Math.round(r.painted), firstChange: Math.round(r.firstChange) })),
    median: Math.round(median(painted)),
    max: Math.round(Math.max(...painted)),
    medianFirstChange: Math.round(median(runs.map((r) => r.firstChange))),
  };
}

async function measure(size: string, url: string): Promise<SizeResult> {
  const db = createPrismaClient(url, { max: 1 });
  const [services, inspections] = await Promise.all([db.service.count(), db.inspection.count()]).finally(() => db.$disconnect());
  const server = await startAppServer(url);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const before = os.loadavg()[0]!;
    const pageBytes = (await (await fetch(`${server.url}/heatmap`)).text()).length;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = performance.now();
    await page.goto(`${server.url}/heatmap`);
    await page.locator("[data-heatmap][data-interactive]").waitFor({ timeout: 60_000 });
    const loadToInteractiveMs = Math.round(performance.now() - started);
    const mode = (await page.locator("[data-heatmap]").getAttribute("data-heatmap")) ?? "?";
    log(`${size}: ${mode} mode, interactive after ${loadToInteractiveMs} ms`);
    let loadToClientMs: number | null = null;
    let rowsBytes: number | null = null;
    if (mode === "server") {
      // The browser fetches every row after hydration and then works in client mode.
      await page.locator('[data-heatmap="client"]').waitFor({ timeout: 120_000 });
      loadToClientMs = Math.round(performance.now() - started);
      rowsBytes = (await (await fetch(`${server.url}/heatmap/rows`)).text()).length;
      log(`${size}: every row in the browser after ${loadToClientMs} ms (${Math.round(rowsBytes / 1024)} KB uncompressed)`);
    }
    const timedMode = (await page.locator("[data-heatmap]").getAttribute("data-heatmap")) ?? "?";
    const interactions = [
      await timeInteraction(page, "filter: region London ↔ any", "region", ["London", ""]),
      await timeInteraction(page, "sort: by 3.1 ↔ by name", "sort", ['thead button[aria-label^="3.1 "]', 'thead button[aria-label^="Service:"]']),
    ];
    for (const i of interactions) log(`${size}: ${i.name}: median ${i.median} ms, max ${i.max} ms (first change ${i.medianFirstChange} ms)`);
    return { size, services, inspections, mode, timedMode, pageBytes, loadToInteractiveMs, loadToClientMs, rowsBytes, interactions, loadAverage: { before, after: os.loadavg()[0]! } };
  } finally {
    await browser.close();
    await server.stop();
  }
}

await ensureBuilt(log);
const results: SizeResult[] = [];
for (const size of sizes) results.push(
    databaseUrl ? await measure(size, databaseUrl) : await withScratchDatabase(size, { name: "heatmap-bench", inspectionsPerService: 4, log }, (db) => measure(size, db.url)),
  );

const stamp = new Date().toISOString().replace(/:/g, "").slice(0, 17);
const file = path.join(projectRoot, "bench", "results", `heatmap-interaction-${stamp}.json`);
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, runs: RUNS, results }, null, 2));
console.log(`\nwritten ${path.relative(projectRoot, file)}\n`);
console.log("| size | services (inspections) | page (mode) | load to interactive | every row in the browser | change (timed in mode) | median | max | first visible change (median) | load average |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  for (const i of r.interactions) {
    console.log(
      `| ${r.size} | ${r.services.toLocaleString("en-GB")} (${r.inspections.toLocaleString("en-GB")}) | ${Math.round(r.pageBytes / 1024)} KB (${r.mode}) | ${r.loadToInteractiveMs} ms | ${r.loadToClientMs === null ? "with the page" : `${r.loadToClientMs} ms (${Math.round(r.rowsBytes! / 1024)} KB)`} | ${i.name} (${r.timedMode}) | ${i.median} ms | ${i.max} ms | ${i.medianFirstChange} ms | ${r.loadAverage.before.toFixed(1)}–${r.loadAverage.after.toFixed(1)} |`,
    );
  }
}
