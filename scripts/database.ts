// Where a command-line script finds its database: DATABASE_URL when set; else
// the embedded database of a running `npm start` (DATA_DIR/runtime.json);
// else the embedded database started just for this command.
import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkConnection } from "../lib/db/connection";
import { defaultDataDir, startEmbeddedPostgres } from "../lib/db/embedded";

type Runtime = { url: string; pid: number };

function runtimeFile(dataDir = defaultDataDir()) {
  return path.join(dataDir, "runtime.json");
}

export async function recordRuntime(url: string, dataDir = defaultDataDir()): Promise<void> {
  await writeFile(runtimeFile(dataDir), JSON.stringify({ url, pid: process.pid } satisfies Runtime), { mode: 0o600 });
}

export async function clearRuntime(dataDir = defaultDataDir()): Promise<void> {
  await rm(runtimeFile(dataDir), { force: true });
}

function runningEmbedded(): Runtime | null {
  const file = runtimeFile();
  if (!existsSync(file)) return null;
  const runtime = JSON.parse(readFileSync(file, "utf8")) as Runtime;
  try {
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return null;
  }
}

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) {
    await checkConnection(process.env.DATABASE_URL);
    return fn(process.env.DATABASE_URL);
  }
  const running = runningEmbedded();
  if (running) return fn(running.url);
  const embedded = await startEmbeddedPostgres({ dataDir: defaultDataDir() });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Runs a script's main function, printing a UserFacingError as one line. */
export function runScript(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(error instanceof Error && error.name === "UserFacingError" ? `Error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
