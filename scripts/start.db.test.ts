// Faults and bad configuration for `npm start` and the seed, run as real
// processes against real PostgreSQL.
import { spawn } from "node:child_process";
import { chownSync, existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { projectRoot } from "../lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../lib/db/test-database";

const nodeBin = path.join(projectRoot, "node_modules", ".bin", "node");

type Run = { code: number | null; stdout: string; stderr: string; ms: number };

function runScript(script: string, env: Record<string, string | undefined>, options: { killOn?: RegExp; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(nodeBin, ["--import", "tsx", script], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: undefined, DATA_DIR: undefined, PORT: undefined, ...env },
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (options.killOn?.test(stdout)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const startScript = path.join("scripts", "start.ts");
const looksLikeStackTrace = (text: string) => /^\s+at .+:\d+:\d+\)?$/m.test(text);

describe("npm start refuses bad configuration with one clear line", () => {
  it("DATABASE_URL pointing at nothing: exits within 10 s naming host and port", async () => {
    const port = await freePort(); // nothing listens there
    const run = await runScript(startScript, { DATABASE_URL: `postgresql://nobody@127.0.0.1:${port}/nothing`, PORT: String(await freePort()) });
    expect(run.code).not.toBe(0);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.stderr).toContain(`127.0.0.1:${port}`);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });

  it("PORT already in use", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const run = await runScript(startScript, { PORT: String(port), DATA_DIR: path.join(os.tmpdir(), "yjs-never-created") });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`Port ${port} is already in use`);
      expect(looksLikeStackTrace(run.stderr)).toBe(false);
      expect(existsSync(path.join(os.tmpdir(), "yjs-never-created"))).toBe(false);
    } finally {
      busy.close();
    }
  });

  it("PORT that is not a port", async () => {
    const run = await runScript(startScript, { PORT: "eighty" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('PORT must be a whole number from 1 to 65535, not "eighty"');
  });

  it("DATA_DIR that cannot be written", async () => {
    const run = await runScript(startScript, { DATA_DIR: "/proc/yjs-cannot-exist", PORT: String(await freePort()) });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("DATA_DIR /proc/yjs-cannot-exist is not writable");
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  });
});

describe("a second npm start on the same DATA_DIR", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "yjs-second-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is refused with a clear error, and the running database keeps its data", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query("create table kept (v int); insert into kept values (42)");
      await client.end();

      const run = await runScript(startScript, { DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/is already in use by another process/);
      expect(looksLikeStackTrace(run.stderr)).toBe(false);

      const again = new pg.Client({ connectionString: first.url });
      await again.connect();
      expect((await again.query("select v from kept")).rows).toEqual([{ v: 42 }]);
      await again.end();
    } finally {
      await first.stop();
    }
  });

  it("after the database was killed (SIGKILL), starts again with its data", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    const pid = (await client.query("select pg_backend_pid() as p, (select setting from pg_settings where name = 'data_directory') as d")).rows[0];
    await client.query("create table if not exists survived (v int); insert into survived values (7)");
    await client.end();
    // Kill the postmaster itself, as a crash or power cut would.
    const postmasterPid = Number((await import("node:fs")).readFileSync(path.join(pid.d, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmasterPid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 500));

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const after = new pg.Client({ connectionString: second.url });
      await after.connect();
      expect((await after.query("select v from survived")).rows).toContainEqual({ v: 7 });
      await after.end();
    } finally {
      await second.stop();
    }
  });
});

describe("the seed killed before it commits", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("leaves the database as before, and the next run completes it", async () => {
    const killed = await runScript(path.join("scripts", "seed.ts"), { DATABASE_URL: test.url, YJS_TEST_SEED_PAUSE_BEFORE_COMMIT_MS: "20000" }, { killOn: /pausing before commit/ });
    expect(killed.stdout).toContain("pausing before commit");
    expect(killed.code).toBeNull(); // killed, not exited
    expect(await test.db.inspection.count()).toBe(0);
    expect(await test.db.service.count()).toBe(0);

    const completed = await runScript(path.join("scripts", "seed.ts"), { DATABASE_URL: test.url });
    expect(completed.code).toBe(0);
    expect(await test.db.inspection.count()).toBe(171);
    expect(await test.db.service.count()).toBe(156);
  });
});

describe("the embedded database as a normal (non-root) user", () => {
  // As root the probe runs as `nobody`; as a normal user it already is one.
  const isRoot = process.getuid?.() === 0;
  it("starts and answers when run as a user that is not root", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "yjs-nobody-"));
    await chmod(dataDir, 0o755);
    if (isRoot) chownSync(dataDir, 65534, 65534);
    const probe = path.join(projectRoot, "scripts", "embedded-probe.ts");
    try {
      const run = await new Promise<Run>((resolve) => {
        const started = Date.now();
        const [command, ...args] = isRoot ? ["runuser", "-u", "nobody", "--", nodeBin] : [nodeBin];
        const child = spawn(command!, [...args, "--import", "tsx", probe], {
          cwd: projectRoot,
          env: { ...process.env, DATA_DIR: dataDir, HOME: dataDir },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d));
        child.stderr.on("data", (d: Buffer) => (stderr += d));
        child.on("exit", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
      });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/answered as (?!root\b)\S+/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
