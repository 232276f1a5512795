// Starts the embedded database in DATA_DIR, asks it who it runs as, stops it.
// Used by scripts/start.db.test.ts to check the non-root path.
import os from "node:os";
import pg from "pg";
import { defaultDataDir, startEmbeddedPostgres } from "../lib/db/embedded";

const db = await startEmbeddedPostgres({ dataDir: defaultDataDir() });
try {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query("select 1");
  await client.end();
  console.log(`answered as ${os.userInfo().username}`);
} finally {
  await db.stop();
}
