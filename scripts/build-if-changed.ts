// Builds the production app when its sources differ from the last build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../lib/db/migrate";
import { UserFacingError } from "../lib/errors";

const inputs = ["app", "components", "lib", "public", "proxy.ts", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const stampFile = path.join(projectRoot, ".next", "source-hash");

async function listFiles(entry: string): Promise<string[]> {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return [];
  const found = await readdir(full, { recursive: true, withFileTypes: true }).catch(() => null);
  if (!found) return [entry];
  return found
    .filter((d) => d.isFile() && !/\.test\.tsx?$/.test(d.name))
    .map((d) => path.relative(projectRoot, path.join(d.parentPath, d.name)))
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
}

export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  const files = (await Promise.all(inputs.map(listFiles))).flat().sort();
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(path.join(projectRoot, file)));
  }
  return hash.digest("hex");
}

export async function ensureBuilt(log: (m: string) => void): Promise<void> {
  const wanted = await sourceHash();
  const built = existsSync(path.join(projectRoot, ".next", "BUILD_ID")) && existsSync(stampFile) ? await readFile(stampFile, "utf8") : null;
  if (built === wanted) {
    log("production build is up to date");
    return;
  }
  log("building the app (next build); this takes a minute or two");
  const result = spawnSync(path.join(projectRoot, "node_modules", ".bin", "next"), ["build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new UserFacingError("next build failed (see the output above).");
  await writeFile(stampFile, wanted);
}
