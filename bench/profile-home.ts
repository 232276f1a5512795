// How much of the home page's time is its read (`serviceList`) rather than the render:
// times serviceList() straight against a separate embedded database at the real and ×10 sizes.
//   node --import tsx bench/profile-home.ts
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { seed } from "../lib/db/seed";
import { serviceList } from "../lib/queries/service-list";
import { generateSynthetic } from "../lib/synthetic/generate";

for (const [size, n] of [["real", null], ["x10", 1_550]] as const) {
  const dataDir = path.join(os.tmpdir(), `yjs-bench-profile-${size}-${process.pid}`);
  const pg = await startEmbeddedPostgres({ dataDir });
  const db = createPrismaClient(pg.url, { max: 4 });
  try {
    await migrate(pg.url);
    if (n === null) await seed(db);
    else await generateSynthetic(db, { services: n, seed: 1 });
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      rows = (await serviceList(undefined, db)).length;
      times.push(performance.now() - t);
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    console.log(`${size}: ${rows} rows; serviceList() first ${Math.round(times[0]!)} ms, warm median ${Math.round(warm[2]!)} ms; load average ${os.loadavg()[0]!.toFixed(1)}`);
  } finally {
    await db.$disconnect();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
