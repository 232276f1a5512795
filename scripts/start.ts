// `npm start`: the whole dashboard in one command.
// 1. checks the port, 2. starts the embedded PostgreSQL (or checks DATABASE_URL),
// 3. applies migrations, 4. seeds the real dataset (idempotent, one transaction),
// 5. builds the app when its sources changed, 6. serves it (scripts/serve.ts:
// Next.js behind the public page cache) until Ctrl-C/SIGTERM, then stops the
// database cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { checkConnection } from "../lib/db/connection";
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate, projectRoot } from "../lib/db/migrate";
import { UserFacingError } from "../lib/errors";
import { ensureBuilt } from "./build-if-changed";
import { clearRuntime, recordRuntime } from "./database";
import { assertPortFree, parsePort } from "./port";
import { runSeed } from "./seed-runner";

const log = (message: string) => console.log(`[start] ${message}`);

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  let server: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    if (embedded) {
      log("stopping the embedded database");
      await clearRuntime().catch(() => undefined);
      await embedded.stop().catch(() => undefined);
    }
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  try {
    const port = parsePort(process.env.PORT);
    await assertPortFree(port);

    let url = process.env.DATABASE_URL;
    if (url) {
      log("using the PostgreSQL server in DATABASE_URL");
      await checkConnection(url);
    } else {
      const dataDir = defaultDataDir();
      log(`starting the embedded PostgreSQL (data in ${dataDir})`);
      embedded = await startEmbeddedPostgres({ dataDir });
      url = embedded.url;
      await recordRuntime(url);
    }

    const applied = await migrate(url);
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
    await runSeed(url, log);
    await ensureBuilt(log);

    log(`serving on http://localhost:${port}`);
    server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts")], {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    });
    server.on("exit", (code) => {
      if (!stopping) void shutdown(code ?? 1);
    });
  } catch (error) {
    console.error(error instanceof UserFacingError ? `Error: ${error.message}` : error);
    await shutdown(1);
  }
}

void main();
