// Where a stored page's time goes on the server: the real-size scratch
// database, the production server (scripts/serve.ts) under `node --cpu-prof`
// pinned to CPU 1, wrk on CPU 0 loading one stored page, then the functions
// with the most self time in the profile.
//
//   node --import tsx bench/profile-stored-page.ts [path] [--connections 100] [--seconds 5] [--identity]
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureBuilt } from "../scripts/build-if-changed";
import { startAppServer, withScratchDatabase } from "./scratch";

const args = process.argv.slice(2);
const option = (name: string) => args.find((_, i) => args[i - 1] === `--${name}`);
const target = args.find((a, i) => a.startsWith("/") && !args[i - 1]?.startsWith("--")) ?? "/services/wiltshire";
const connections = Number(option("connections") ?? 100);
const seconds = Number(option("seconds") ?? 5);
const profileDir = path.join(os.tmpdir(), `yjs-stored-page-profile-${process.pid}`);

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** Self time by function over the samples taken while the load ran (`from` to `to`: V8's profile clock is the system's monotonic one, in µs). */
function topSelfTime(profile: Profile, from: number, to: number, count: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    const frame = byId.get(id)!.callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|scripts)\//, "$1/")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
}

const monotonicMicroseconds = () => Number(process.hrtime.bigint() / 1000n);
let loadStarted = 0;
let loadEnded = 0;
await ensureBuilt(console.log);
await withScratchDatabase("real", { name: "stored-page-profile" }, async (database) => {
  await mkdir(profileDir, { recursive: true });
  const server = await startAppServer(database.url, {}, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
  try {
    execFileSync("taskset", ["-a", "-p", "-c", "1", String(server.child.pid)], { stdio: "ignore" });
    const url = server.url + target;
    for (let i = 0; i < 3; i++) await fetch(url).then((r) => r.arrayBuffer());
    const encoding = args.includes("--identity") ? [] : ["-H", "Accept-Encoding: gzip, deflate, br"];
    loadStarted = monotonicMicroseconds();
    const out = execFileSync("taskset", ["-c", "0", "wrk", "-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...encoding, url], { encoding: "utf8" });
    loadEnded = monotonicMicroseconds();
    console.log(out);
  } finally {
    await server.stop();
  }
  const files = (await readdir(profileDir)).filter((f) => f.endsWith(".cpuprofile"));
  for (const file of files) {
    const profile = JSON.parse(await readFile(path.join(profileDir, file), "utf8")) as Profile;
    if (profile.samples.length < 100) continue;
    console.log(`${file}: self time while the load ran, top 30`);
    for (const line of topSelfTime(profile, loadStarted, loadEnded, 30)) console.log(line);
  }
  await rm(profileDir, { recursive: true, force: true });
});
