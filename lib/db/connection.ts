// Connection checks that fail fast with a message naming host and port.
import pg from "pg";
import { UserFacingError } from "../errors";

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    throw new UserFacingError("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database).");
  }
}

/** Resolves when the server answers; throws a UserFacingError within `timeoutMs`. */
export async function checkConnection(url: string, timeoutMs = 8000): Promise<void> {
  const where = describeUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(`Cannot reach PostgreSQL at ${where}: ${reason}. Check DATABASE_URL, or unset it to use the embedded database.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates a database on the server of `url` (if missing) and returns its URL. */
export async function ensureDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
