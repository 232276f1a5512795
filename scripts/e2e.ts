// End-to-end tests: real Chromium against a production build served by the
// same script as `npm start`, on a fresh database (an embedded one in a
// temporary folder, or a new database on the server in DATABASE_URL).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { dropDatabase, ensureDatabase } from "../lib/db/connection";
import { freePort } from "../lib/db/embedded";
import { projectRoot } from "../lib/db/migrate";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary; Playwright's own browser download is not used.`,
  );
  process.exit(1);
}

const port = await freePort();
const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: String(port), CHROMIUM_PATH: chromium };
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const name = `yjs_e2e_${process.pid}`;
  env.E2E_DATABASE_URL = await ensureDatabase(process.env.DATABASE_URL, name);
  cleanup = () => dropDatabase(process.env.DATABASE_URL!, name);
} else {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "yjs-e2e-"));
  env.E2E_DATA_DIR = dataDir;
  cleanup = () => rm(dataDir, { recursive: true, force: true });
}
delete env.DATABASE_URL;

const result = spawnSync(path.join(projectRoot, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: "inherit",
  env,
});
await cleanup().catch((error) => console.error(`cleanup failed: ${error}`));
process.exit(result.status ?? 1);
