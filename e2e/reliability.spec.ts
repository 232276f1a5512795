// The database stops while the production app is serving: pages answer a 503
// page saying the service is temporarily unavailable (no stack trace), the API
// 503 JSON, and once PostgreSQL is back on the same data folder and port the
// same app serves again within 5 s, without a restart.
//
// Stopping the database under the suite's shared server would break the specs
// running beside this one, so this spec starts its own `npm start` (scripts/
// start.ts, on the same production build) with its own embedded PostgreSQL in
// a temporary DATA_DIR, whether or not the run uses DATABASE_URL.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../lib/db/embedded";

test.describe.configure({ mode: "serial", timeout: 240_000 });

let app: ChildProcess;
let restarted: ChildProcess | undefined;
let dataDir: string;
let base: string;
let port: number;

/** The pid of the Next.js server listening on the port, if any. */
function listenerPid(): number | null {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : null;
}

const exited = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const line = (await readFile("/etc/passwd", "utf8")).split("\n").find((l) => l.startsWith("postgres:"))!;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "yjs-reliability-"));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  delete env.DATABASE_URL;
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: "ignore" });
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ok = await fetch(`${base}/`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || app.exitCode !== null) throw new Error("the app for the reliability test did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(async () => {
  if (restarted) {
    restarted.kill("SIGINT");
    await exited(restarted, 15_000);
  }
  if (app) {
    // start.ts stops the Next.js server, then waits on its first PostgreSQL,
    // which this test already stopped: it may never exit by itself.
    const server = listenerPid();
    app.kill("SIGTERM");
    if (!(await exited(app, 15_000))) app.kill("SIGKILL");
    if (server && listenerPid() === server) process.kill(server, "SIGTERM");
  }
  await rm(dataDir, { recursive: true, force: true });
});

test("a database outage gives a 503 page, and the app recovers within 5 s of the database's return", async ({ page, request }) => {
  await page.goto(`${base}/services/wiltshire`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Wiltshire");

  const clusterDir = path.join(dataDir, "postgres");
  const pid = Number((await readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  const command = (await readFile(path.join(clusterDir, "postmaster.opts"), "utf8")).trim();
  process.kill(pid, "SIGINT"); // fast shutdown: connections get 57P01
  await expect.poll(() => readFile(path.join(clusterDir, "postmaster.pid"), "utf8").then(() => true, () => false), { timeout: 15_000 }).toBe(false);

  await expect.poll(async () => (await request.get(`${base}/services/wiltshire`)).status(), { timeout: 5_000 }).toBe(503);
  const response = await page.goto(`${base}/services/wiltshire`);
  expect(response?.status()).toBe(503);
  expect(response?.headers()["retry-after"]).toBe("5");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The service is temporarily unavailable");
  await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|Error:|at .*\(/);
  const api = await request.get(`${base}/api/v1/services`);
  expect(api.status()).toBe(503);
  expect(await api.json()).toMatchObject({ error: "The service is temporarily unavailable" });

  // The same server, the same data folder and port, as postmaster.opts recorded them.
  // postmaster.opts: the binary's path, then each argument in double quotes.
  const binary = command.slice(0, command.indexOf(' "'));
  const args = [...command.slice(binary.length).matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  restarted = spawn(binary, args, { ...(await postgresUser()), stdio: "ignore" });
  const back = Date.now();
  await expect
    .poll(async () => (await request.get(`${base}/services/wiltshire`)).status(), { timeout: 5_000, intervals: [100] })
    .toBe(200);
  console.log(`recovered ${Date.now() - back} ms after PostgreSQL was started again`);
  await page.goto(`${base}/services/wiltshire`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Wiltshire");
});
