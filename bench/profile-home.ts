// How much of the home page's time is its read (`serviceList`) rather than the render:
// times serviceList() straight against a separate embedded database at the real and ×10 sizes.
//   node --import tsx bench/profile-home.ts
import os from "node:os";
import { createPrismaClient } from "../lib/db/client";
import { serviceList } from "../lib/queries/service-list";
import { withScratchDatabase } from "./scratch";

for (const size of ["real", "x10"]) {
  await withScratchDatabase(size, { name: "bench-profile" }, async (database) => {
    const db = createPrismaClient(database.url, { max: 4 });
    try {
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
    }
  });
}
