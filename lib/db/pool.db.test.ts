// Pool exhaustion on a real PostgreSQL, through the app's own API route
// handler and proxy with the pool settings of lib/db/client.ts (a pool of 3
// here, so 8 requests exhaust it). A second connection holds a lock that every
// request's query waits on:
// - held briefly, the requests queue for a connection and all succeed;
// - held on, the requests beyond the pool get a 503 when the pool wait runs
//   out (POOL_WAIT_MS), the ones holding a connection a 503 when
//   statement_timeout cancels their query (STATEMENT_TIMEOUT_MS); none waits
//   longer; and once the lock goes, the same pool answers at once;
// - once the pool is saturated (every connection busy and a pool's worth
//   waiting), the proxy answers further requests 503 at once.
import pg from "pg";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as servicesGET } from "../../app/api/v1/services/route";
import { proxy } from "../../proxy";
import { db, POOL_WAIT_MS, poolMax, STATEMENT_TIMEOUT_MS, type Db } from "./client";
import { resetDatabaseHealth } from "./health";
import { forgetAppPool } from "./pool-load";
import { createTestDatabase, type TestDatabase } from "./test-database";

const POOL = 3;
const REQUESTS = 8;
/** Scheduling slack on two busy cores: what "at once" and "when the timeout runs out" allow. */
const SLACK_MS = 2_500;

const store = globalThis as unknown as { yjsPrisma?: Db };

async function timedRequest(): Promise<{ status: number; ms: number; retryAfter: string | null; body: string }> {
  const started = performance.now();
  const url = "http://127.0.0.1:3999/api/v1/services?pageSize=5";
  const proxied = await proxy(new NextRequest(new URL(url)));
  // The proxy's probe uses its own connection: it refuses only when the pool is saturated.
  const response = proxied.status === 200 ? await servicesGET(new Request(url)) : proxied;
  return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get("retry-after"), body: await response.text() };
}

async function lockServices(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "Service" IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}

describe("pool exhaustion", () => {
  let test: TestDatabase;
  const saved = { url: process.env.DATABASE_URL, max: process.env.DATABASE_POOL_MAX, client: store.yjsPrisma };

  beforeAll(async () => {
    test = await createTestDatabase();
    // The app's own client, made by db() as in the server, with a pool of 3.
    process.env.DATABASE_URL = test.url;
    process.env.DATABASE_POOL_MAX = String(POOL);
    store.yjsPrisma = undefined;
    db();
    resetDatabaseHealth();
  }, 120_000);

  afterAll(async () => {
    await store.yjsPrisma?.$disconnect();
    store.yjsPrisma = saved.client;
    forgetAppPool();
    process.env.DATABASE_URL = saved.url;
    if (saved.max === undefined) delete process.env.DATABASE_POOL_MAX;
    else process.env.DATABASE_POOL_MAX = saved.max;
    resetDatabaseHealth();
    await test?.drop();
  });

  it("reads the pool size from DATABASE_POOL_MAX, refusing a bad value by name", () => {
    expect(poolMax({})).toBe(10);
    expect(poolMax({ DATABASE_POOL_MAX: "25" })).toBe(25);
    expect(() => poolMax({ DATABASE_POOL_MAX: "lots" })).toThrow(/DATABASE_POOL_MAX is "lots": give a whole number/);
  });

  it("queues requests past the pool while it is briefly busy, and answers them all", async () => {
    expect((await timedRequest()).status).toBe(200); // warm: the pool has opened a connection
    const unlock = await lockServices(test.url);
    const answers = Promise.all(Array.from({ length: REQUESTS }, () => timedRequest()));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await unlock();
    const results = await answers;
    console.log(`brief lock: ${results.map((r) => `${r.status} in ${r.ms.toFixed(0)} ms`).join(", ")}`);
    expect(results.map((r) => r.status)).toEqual(Array(REQUESTS).fill(200));
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(POOL_WAIT_MS);
  }, 60_000);

  it("answers 503 with Retry-After within the documented timeouts while the pool stays exhausted, then recovers", async () => {
    const unlock = await lockServices(test.url);
    let results: Awaited<ReturnType<typeof timedRequest>>[];
    try {
      results = await Promise.all(Array.from({ length: REQUESTS }, () => timedRequest()));
    } finally {
      await unlock();
    }
    console.log(`held lock: ${results.map((r) => `${r.status} in ${r.ms.toFixed(0)} ms`).join(", ")}`);
    expect(results.map((r) => r.status)).toEqual(Array(REQUESTS).fill(503));
    for (const r of results) {
      expect(r.retryAfter).toBe("5");
      expect(r.body).toContain("The service is temporarily unavailable");
      expect(r.body).not.toMatch(/timeout exceeded|statement timeout|at \w+ \(/i);
    }
    const byTime = results.map((r) => r.ms).sort((a, b) => a - b);
    // The requests that never got a connection: refused when the pool wait ran out.
    for (const ms of byTime.slice(0, REQUESTS - POOL)) {
      expect(ms).toBeGreaterThanOrEqual(POOL_WAIT_MS - 100);
      expect(ms).toBeLessThan(POOL_WAIT_MS + SLACK_MS);
    }
    // The ones holding a connection: cancelled by statement_timeout. Nothing waited longer.
    for (const ms of byTime.slice(REQUESTS - POOL)) {
      expect(ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS + SLACK_MS);
    }

    const after = await timedRequest();
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(SLACK_MS);
  }, 60_000);

  it("answers 503 at once, from the proxy, while the pool is saturated", async () => {
    const unlock = await lockServices(test.url);
    try {
      // A pool's worth holding connections and a pool's worth waiting: saturated.
      const admitted = Array.from({ length: POOL * 2 }, () => timedRequest());
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const later = await Promise.all(Array.from({ length: 4 }, () => timedRequest()));
      console.log(`saturated: ${later.map((r) => `${r.status} in ${r.ms.toFixed(0)} ms`).join(", ")}`);
      for (const r of later) {
        expect(r.status).toBe(503);
        expect(r.retryAfter).toBe("5");
        expect(r.ms).toBeLessThan(SLACK_MS);
      }
      await unlock();
      // The ones already admitted queued and are answered once the lock goes.
      expect((await Promise.all(admitted)).map((r) => r.status)).toEqual(Array(POOL * 2).fill(200));
    } finally {
      await unlock().catch(() => {});
    }
    expect((await timedRequest()).status).toBe(200);
  }, 60_000);
});
