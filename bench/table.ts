// Prints the Markdown tables of docs/PERFORMANCE.md from a bench/results/*.json file.
//   node --import tsx bench/table.ts bench/results/<file>.json
import { readFile } from "node:fs/promises";

type Load = { connections: number; requestsPerSecond: number; p50: number | null; p95: number | null; p99: number | null; errors: number; non2xx: number; loadAverage?: number[] };
type Page = { path: string; status: number; bytes: number; coldFirstMs: number; warmSingleMs?: number; roundTrips?: number; load?: Load[]; floor?: Load[]; browser?: { lcpMs: number | null; cls: number; tbtMs: number; scriptKbCompressed: number } };
type Run = { size: string; services: number; inspections: number; loadMs: number; postgres: string; pages: Record<string, Page> };

const file = process.argv[2];
if (!file) throw new Error("usage: bench/table.ts bench/results/<file>.json");
const results = JSON.parse(await readFile(file, "utf8")) as { started: string; durationSeconds: number; machine: Record<string, unknown>; runs: Run[] };
console.log(`Run ${results.started}, ${results.durationSeconds} s per load run, machine ${JSON.stringify(results.machine)}\n`);
console.log("| size | page | status | KB | cold first ms | warm single ms | round trips | conns | req/s | floor req/s | ratio | p50 | p95 | p99 | errors | load avg | LCP ms | CLS | TBT ms | JS KB gz |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const run of results.runs) {
  for (const [name, p] of Object.entries(run.pages)) {
    const loads = p.load ?? [];
    if (!loads.length) {
      console.log(`| ${run.size} (${run.services}) | ${name} | ${p.status} | ${(p.bytes / 1024).toFixed(1)} | ${p.coldFirstMs} | | | | | | | | | | | | | | | |`);
      continue;
    }
    loads.forEach((l, i) => {
      const f = p.floor?.[i];
      const ratio = f && f.requestsPerSecond ? (l.requestsPerSecond / f.requestsPerSecond).toFixed(2) : "";
      const first = i === 0;
      const b = p.browser;
      console.log(
        `| ${run.size} (${run.services}) | ${name} | ${p.status} | ${(p.bytes / 1024).toFixed(1)} | ${first ? p.coldFirstMs : ""} | ${first ? p.warmSingleMs : ""} | ${first ? p.roundTrips : ""} | ${l.connections} | ${l.requestsPerSecond} | ${f?.requestsPerSecond ?? ""} | ${ratio} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.errors + l.non2xx} | ${l.loadAverage?.[0] ?? ""} | ${first && b ? b.lcpMs : ""} | ${first && b ? b.cls : ""} | ${first && b ? b.tbtMs : ""} | ${first && b ? b.scriptKbCompressed : ""} |`,
      );
    });
  }
}
