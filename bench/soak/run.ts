// Soak test: a bounded run of mixed traffic against a production server on
// this machine, reporting requests, errors and latency (p50/p99) per kind and
// the resident memory (RSS) of the Next.js server process over time.
//
//   DATA_DIR=/tmp/soak-data PORT=3710 npm start        # in another terminal
//   DATA_DIR=/tmp/soak-data node --import tsx bench/soak/run.ts --url http://127.0.0.1:3710 --seconds 90
//
// Traffic: public pages and API reads from several workers, and one staff user
// (created for the run in the same database, through lib/admin) who signs in
// once and then saves a new draft inspection through the back office's server
// action every few seconds. Loopback only: it refuses any other host.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { COMMAND_LINE } from "../../lib/audit/audit-log";
import { createUser } from "../../lib/admin/users";
import { emptyFormValues } from "../../lib/admin/inspection-rules";
import { createPrismaClient } from "../../lib/db/client";
import { UserFacingError } from "../../lib/errors";
import { runScript, withDatabase } from "../../scripts/database";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    seconds: { type: "string", default: "90" },
    workers: { type: "string", default: "4" },
    "sample-every": { type: "string", default: "5" },
  },
});

const base = new URL(args.url!);
if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) {
  throw new UserFacingError(`The soak test runs against this machine only: ${base.hostname} is not a loopback address.`);
}
const seconds = Math.min(600, Math.max(5, Number(args.seconds)));
const workers = Math.min(16, Math.max(1, Number(args.workers)));
const sampleEvery = Math.max(1, Number(args["sample-every"]));
const origin = base.origin;

const PUBLIC_PATHS = [
  "/",
  "/services/wiltshire",
  "/services",
  "/about/ratings",
  "/about/data",
  "/api/v1/services",
  "/api/v1/services/wiltshire",
  "/api/v1/inspections",
  "/api/v1/standards",
];

type Kind = "page" | "api" | "sign-in" | "save";
type Sample = { kind: Kind; ms: number; ok: boolean; status: number };
const samples: Sample[] = [];
const statuses = new Map<string, number>();

async function timed(kind: Kind, run: () => Promise<{ ok: boolean; status: number }>): Promise<void> {
  const started = performance.now();
  let result: { ok: boolean; status: number };
  try {
    result = await run();
  } catch {
    result = { ok: false, status: 0 };
  }
  samples.push({ kind, ms: performance.now() - started, ...result });
  const key = `${kind} ${result.status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The pid of the process listening on the server's port (the Next.js server). */
function serverPid(port: string): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new UserFacingError(`Nothing is listening on port ${port}: start the app first (npm start).`);
  return Number(match[1]);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** The id of the back office's save action, from the production build's manifest. */
function saveActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "saveInspectionAction");
  if (!found) throw new UserFacingError("No saveInspectionAction in .next/server/server-reference-manifest.json: build the app (npm start does).");
  return found[0];
}

async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(new URL("/api/auth/sign-in/email", base), {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new UserFacingError(`The staff user could not sign in: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

runScript(async () => {
  const port = base.port || "80";
  const pid = serverPid(port);
  const actionId = saveActionId();

  const email = `soak-${randomBytes(4).toString("hex")}@example.org`;
  const password = randomBytes(18).toString("base64url");
  await withDatabase(async (url) => {
    const db = createPrismaClient(url, { max: 1 });
    try {
      await createUser(db, COMMAND_LINE, { email, name: "Soak test staff", role: "STAFF", serviceSlugs: [], password });
    } finally {
      await db.$disconnect();
    }
  });

  let cookie = "";
  await timed("sign-in", async () => {
    cookie = await signIn(email, password);
    return { ok: cookie.length > 0, status: 200 };
  });

  const deadline = Date.now() + seconds * 1000;
  const memory: { t: number; rss: number; requests: number; errors: number }[] = [];
  const started = Date.now();
  const sample = () =>
    memory.push({
      t: Math.round((Date.now() - started) / 1000),
      rss: rssMb(pid),
      requests: samples.length,
      errors: samples.filter((s) => !s.ok).length,
    });
  sample();
  const sampler = setInterval(sample, sampleEvery * 1000);

  const reader = async (n: number) => {
    for (let i = n; Date.now() < deadline; i++) {
      const target = PUBLIC_PATHS[i % PUBLIC_PATHS.length]!;
      await timed(target.startsWith("/api/") ? "api" : "page", async () => {
        const response = await fetch(new URL(target, base));
        await response.arrayBuffer();
        return { ok: response.status === 200, status: response.status };
      });
    }
  };

  let saved = 0;
  const staff = async () => {
    for (let i = 0; Date.now() < deadline; i++) {
      await timed("save", async () => {
        const values = {
          ...emptyFormValues("2021"),
          serviceSlug: "wiltshire",
          serviceNameAtInspection: "Wiltshire Youth Justice Service",
          fieldworkStart: "2026-03",
          notes: `Soak test draft ${i}`,
          sourceUrls: "https://www.justiceinspectorates.gov.uk/hmiprobation/",
        };
        const response = await fetch(new URL("/admin/inspections/new", base), {
          method: "POST",
          headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin, cookie },
          body: JSON.stringify([{ values }]),
        });
        const body = await response.text();
        const ok = response.status === 200 && body.includes('"ok":true');
        if (ok) saved++;
        return { ok, status: response.status };
      });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  };

  await Promise.all([...Array.from({ length: workers }, (_, n) => reader(n)), staff()]);
  clearInterval(sampler);
  sample();

  const elapsed = (Date.now() - started) / 1000;
  console.log(`Soak: ${elapsed.toFixed(0)} s against ${origin} (server pid ${pid}), ${workers} readers + 1 staff writer`);
  console.log(`requests ${samples.length} (${(samples.length / elapsed).toFixed(1)}/s), errors ${samples.filter((s) => !s.ok).length}, drafts saved ${saved}`);
  console.log("kind      n      errors  p50 ms  p99 ms  max ms");
  for (const kind of ["page", "api", "sign-in", "save"] as Kind[]) {
    const of = samples.filter((s) => s.kind === kind);
    const ms = of.map((s) => s.ms).sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(9)} ${String(of.length).padStart(6)} ${String(of.filter((s) => !s.ok).length).padStart(7)} ` +
        `${percentile(ms, 50).toFixed(0).padStart(7)} ${percentile(ms, 99).toFixed(0).padStart(7)} ${(ms.at(-1) ?? NaN).toFixed(0).padStart(7)}`,
    );
  }
  console.log(`statuses: ${[...statuses].map(([k, n]) => `${k}: ${n}`).join(", ")}`);
  console.log("t (s)  RSS MB  requests  errors");
  for (const m of memory) console.log(`${String(m.t).padStart(5)} ${m.rss.toFixed(0).padStart(7)} ${String(m.requests).padStart(9)} ${String(m.errors).padStart(7)}`);
  return samples.some((s) => !s.ok) ? 1 : 0;
});
