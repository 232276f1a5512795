// What every bench script shares: a scratch database of a named size (its own
// embedded PostgreSQL in a temporary folder, never the real data folder,
// migrated and loaded, deleted at the end) and the production server on a
// free loopback port (scripts/serve.ts, as `npm start` runs it: Next.js behind
// the page cache; PAGE_CACHE=off in the environment turns the cache off).
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate, projectRoot } from "../lib/db/migrate";
import { seed } from "../lib/db/seed";
import { generateSynthetic } from "../lib/synthetic/generate";

/** The sizes benched: the seeded (real) data, and synthetic services ×10 and ×100. */
export const SIZES: Record<string, number | null> = { real: null, x10: 1_550, x100: 15_500 };

/** The sizes named by `--sizes a,b` (or `--sizes=a,b`), checked; `fallback` when not given. */
export function sizesOption(args: string[], fallback: string): string[] {
  const given = args.find((a, i) => args[i - 1] === "--sizes") ?? args.find((a) => a.startsWith("--sizes="))?.slice(8);
  const sizes = (given ?? fallback).split(",").map((s) => s.trim());
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`--sizes: "${s}" is not one of ${Object.keys(SIZES).join(", ")}`);
  return sizes;
}

export type ScratchDatabase = {
  url: string;
  port: number;
  services: number;
  inspections: number;
  loadMs: number;
  postgres: string;
};

/**
 * Runs `work` against a fresh database of `size` (the seed, or lib/synthetic
 * with seed 1), then stops it and deletes its folder, whatever happens.
 */
export async function withScratchDatabase<T>(
  size: string,
  options: { name: string; inspectionsPerService?: number; log?: (message: string) => void },
  work: (database: ScratchDatabase) => Promise<T>,
): Promise<T> {
  if (!(size in SIZES)) throw new Error(`"${size}" is not one of ${Object.keys(SIZES).join(", ")}`);
  const dataDir = path.join(os.tmpdir(), `yjs-${options.name}-${size}-${process.pid}`);
  options.log?.(`${size}: starting a separate embedded PostgreSQL in ${dataDir}`);
  const pg = await startEmbeddedPostgres({ dataDir }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  });
  try {
    await migrate(pg.url);
    let database: ScratchDatabase;
    const db = createPrismaClient(pg.url, { max: 2 });
    try {
      const started = performance.now();
      const n = SIZES[size] ?? null;
      if (n === null) await seed(db);
      else await generateSynthetic(db, { services: n, seed: 1, ...(options.inspectionsPerService ? { inspectionsPerService: options.inspectionsPerService } : {}) });
      const loadMs = Math.round(performance.now() - started);
      const [services, inspections] = await Promise.all([db.service.count(), db.inspection.count()]);
      const rows = await db.$queryRawUnsafe<{ server_version: string }[]>("show server_version");
      options.log?.(`${size}: ${services} services, ${inspections} inspections loaded in ${loadMs} ms`);
      database = { url: pg.url, port: pg.port, services, inspections, loadMs, postgres: rows[0]?.server_version ?? "unknown" };
    } finally {
      await db.$disconnect();
    }
    return await work(database);
  } finally {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

export type AppServer = { url: string; child: ChildProcess; stop(): Promise<void> };

/** The production server (scripts/serve.ts) on a free loopback port, once it answers; `nodeArgs` such as --cpu-prof go to its node. */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<AppServer> {
  const port = await freePort();
  // BENCH_SERVE_SCRIPT: another copy of the server to bench (an earlier version, to compare a change by the same method).
  const script = process.env.BENCH_SERVE_SCRIPT ?? path.join("scripts", "serve.ts");
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script, "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.once("exit", () => (clearTimeout(force), resolve()));
      child.kill("SIGTERM");
    });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server (scripts/serve.ts) exited:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server (scripts/serve.ts) did not answer in 60 s:\n${output}`);
    }
    if (await fetch(`${url}/robots.txt`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, stop };
}

export const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
