// First-load JavaScript of every public page, from the production build's own
// route stats (.next/diagnostics/route-bundle-stats.json): each chunk a route
// loads first, gzip-compressed, summed. The budget is 150 KB compressed on every
// public page (docs/PERFORMANCE.md). Builds first when the sources changed.
//
//   node --import tsx bench/first-load-js.ts          (exits 1 when a page is over)
//
// bench/run.ts measures the same thing in Chromium (the encodedBodySize of
// every script a page loaded); this reads the build instead, so it needs no
// server or database and names the chunks. It is written here rather than
// imported from bench/run.ts, which runs the whole bench when imported.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { httpRoutes } from "../lib/auth/route-table";
import { projectRoot } from "../lib/db/migrate";
import { ensureBuilt } from "../scripts/build-if-changed";

export const FIRST_LOAD_BUDGET_KB = 150;

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

/** The app routes of the public pages anyone may read (from lib/auth/route-table.ts). */
export function publicPageRoutes(): string[] {
  const routes = httpRoutes()
    .filter((r) => r.kind === "page" && r.public && r.access.anonymous === "ok")
    .map((r) => r.route.replace(/ \(.*\)$/, ""))
    .filter((r) => !/\.\w+$/.test(r)); // robots.txt and the like are files, not pages
  return [...new Set(routes)];
}

export type FirstLoad = { route: string; chunks: { file: string; gzipBytes: number }[]; gzipKb: number; uncompressedKb: number };

/** Each route's first-load JavaScript, each chunk gzip-compressed (level 9, as a server would) and summed. */
export async function firstLoadJs(root = projectRoot): Promise<FirstLoad[]> {
  const stats = JSON.parse(await readFile(path.join(root, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteStats[];
  const sizes = new Map<string, number>();
  const gzipped = async (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(await readFile(path.join(root, file)), { level: 9 }).length);
    return sizes.get(file)!;
  };
  const out: FirstLoad[] = [];
  for (const s of stats) {
    const chunks = await Promise.all(s.firstLoadChunkPaths.map(async (file) => ({ file, gzipBytes: await gzipped(file) })));
    const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
    out.push({ route: s.route, chunks, gzipKb: Math.round(total / 102.4) / 10, uncompressedKb: Math.round(s.firstLoadUncompressedJsBytes / 102.4) / 10 });
  }
  return out;
}

async function main() {
  const log = (m: string) => console.log(`[first-load-js] ${m}`);
  if (!process.argv.includes("--no-build")) await ensureBuilt(log);
  const all = new Map((await firstLoadJs()).map((r) => [r.route, r]));
  const wanted = publicPageRoutes();
  let over = 0;
  console.log(`public page            first-load JS (gzip KB)   uncompressed KB   budget ${FIRST_LOAD_BUDGET_KB} KB`);
  for (const route of wanted) {
    const r = all.get(route);
    if (!r) {
      console.log(`${route.padEnd(22)} (not in the build's route stats)`);
      continue;
    }
    const ok = r.gzipKb < FIRST_LOAD_BUDGET_KB;
    if (!ok) over++;
    console.log(`${route.padEnd(22)} ${r.gzipKb.toFixed(1).padStart(10)}             ${r.uncompressedKb.toFixed(1).padStart(8)}        ${ok ? "met" : "MISSED"}`);
  }
  if (process.argv.includes("--chunks")) {
    for (const route of wanted) {
      const r = all.get(route);
      if (!r) continue;
      console.log(`\n${route}`);
      for (const c of [...r.chunks].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`  ${(c.gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${c.file}`);
    }
  }
  if (over > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
