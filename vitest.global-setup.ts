// Starts one embedded PostgreSQL for the integration tests, unless DATABASE_URL
// points at a server already (CI runs the suite a second time that way).
// Each test file then makes its own database on that server.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { checkConnection } from "./lib/db/connection";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/db/embedded";

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  if (url) {
    await checkConnection(url);
  } else {
    // As root the data folder must be enterable by the postgres user: /tmp is.
    dataDir = await mkdtemp(path.join(os.tmpdir(), "yjs-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir });
    url = embedded.url;
  }
  process.env.TEST_SERVER_URL = url;
  project.provide("testServerUrl", url);
}

export async function teardown() {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}
