// Prints the Markdown tables of docs/PERFORMANCE.md from a bench/results/*.json file.
//   node --import tsx bench/table.ts bench/results/<file>.json
import { readFile } from "node:fs/promises";

type Load = {
  connections: number;
  requestsPerSecond: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errors: number;
  non2xx: number;
  loadAverage?: number[];
  // Since the bench records how each figure was taken (older files lack these).
  acceptEncoding?: string | null;
  pinning?: string;
  generator?: string;
  bytesPerResponse?: number;
};
type Page = {
  path: string;
  status: number;
  bytes: number;
  gzipBytes?: number | null;
  coldFirstMs: number;
  warmSingleMs?: number;
  roundTrips?: number;
  load?: Load[];
  floor?: Load[];
  ceiling?: Load[];
  browser?: { lcpMs: number | null; cls: number; tbtMs: number; scriptKbCompressed: number };
};
type Run = { size: string; services: number; inspections: number; loadMs: number; postgres: string; pages: Record<string, Page> };

const file = process.argv[2];
if (!file) throw new Error("usage: bench/table.ts bench/results/<file>.json");
const results = JSON.parse(await readFile(file, "utf8")) as { started: string; durationSeconds: number; machine: Record<string, unknown>; method?: Record<string, unknown>; runs: Run[] };
console.log(`Run ${results.started}, ${results.durationSeconds} s per load run, machine ${JSON.stringify(results.machine)}`);
if (results.method) console.log(`Method ${JSON.stringify(results.method)}`);
console.log("");
console.log("| size | page | status | KB (gzip KB) | cold first ms | warm single ms | round trips | generator | pinned | gzip | conns | req/s | floor req/s | ratio | bare node req/s | p50 | p95 | p99 | bare node p95 | B/response | errors | load avg | LCP ms | CLS | TBT ms | JS KB gz |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
const kb = (bytes: number | null | undefined) => (bytes ? (bytes / 1024).toFixed(1) : "");
for (const run of results.runs) {
  for (const [name, p] of Object.entries(run.pages)) {
    const size = `${run.size} (${run.services})`;
    const loads = p.load ?? [];
    if (!loads.length) {
      console.log(`| ${size} | ${name} | ${p.status} | ${kb(p.bytes)} | ${p.coldFirstMs} |${" |".repeat(21)}`);
      continue;
    }
    loads.forEach((l, i) => {
      const f = p.floor?.[i];
      const c = p.ceiling?.[i];
      const ratio = f && f.requestsPerSecond ? (l.requestsPerSecond / f.requestsPerSecond).toFixed(2) : "";
      const first = i === 0;
      const b = p.browser;
      const pinned = l.pinning === undefined ? "" : l.pinning.startsWith("generator") ? "yes" : "no";
      const gzip = l.acceptEncoding === undefined ? "" : l.acceptEncoding ? "yes" : "no";
      console.log(
        `| ${size} | ${name} | ${p.status} | ${kb(p.bytes)}${p.gzipBytes ? ` (${kb(p.gzipBytes)})` : ""} | ${first ? p.coldFirstMs : ""} | ${first ? p.warmSingleMs : ""} | ${first ? p.roundTrips : ""} | ${l.generator ?? "autocannon"} | ${pinned} | ${gzip} | ${l.connections} | ${l.requestsPerSecond} | ${f?.requestsPerSecond ?? ""} | ${ratio} | ${c?.requestsPerSecond ?? ""} | ${l.p50} | ${l.p95} | ${l.p99} | ${c?.p95 ?? ""} | ${l.bytesPerResponse ?? ""} | ${l.errors + l.non2xx} | ${l.loadAverage?.[0] ?? ""} | ${first && b ? b.lcpMs : ""} | ${first && b ? b.cls : ""} | ${first && b ? b.tbtMs : ""} | ${first && b ? b.scriptKbCompressed : ""} |`,
      );
    });
  }
}
