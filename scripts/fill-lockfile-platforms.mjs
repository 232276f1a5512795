// The npm registry these machines reach serves only some platforms' native
// packages (no macOS or Windows builds of next's SWC or Tailwind's oxide), so
// a lockfile written here lacks them and `npm ci` refuses it as out of sync.
// This adds the missing optional platform entries (name, version, os, cpu),
// as a lockfile written elsewhere would have them; npm skips them on Linux and
// fetches them by version on the platforms that need them.
// Run after changing dependencies: node scripts/fill-lockfile-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const os = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "sunos", "netbsd"].find((o) => name.includes(`-${o}-`) || name.endsWith(`-${o}`));
  const cpu = ["arm64", "x64", "ia32", "arm", "wasm32", "riscv64", "ppc64", "s390x", "loong64"].find((c) => new RegExp(`-${c}(-|$)`).test(name));
  return { os, cpu };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && !cpu) continue;
    packages[hoisted] = { version, optional: true, ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries to package-lock.json`);
