// Restores a backup into an empty, migrated database: one transaction, ids
// kept as they were (so every reference holds), then each id sequence moved
// past the largest restored id so new rows do not collide.
import { Client } from "pg";
import { UserFacingError } from "../errors";
import { backupFileSchema, type BackupFile } from "./format";
import { latestMigration } from "./migration";
import { backupTables, excludedTables, quoteIdent } from "./tables";

/** Checks a parsed JSON document is a backup this version can restore; says what is wrong otherwise. */
export function parseBackup(json: unknown): BackupFile {
  const parsed = backupFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserFacingError(
      `This is not a backup file this version can restore: ${issue.message} at "${issue.path.join(".") || "(top level)"}".`,
    );
  }
  const backup = parsed.data as BackupFile;
  for (const table of backupTables) {
    if (!backup.tables[table.name]) throw new UserFacingError(`The backup file has no "${table.name}" table.`);
  }
  const unknown = Object.keys(backup.tables).filter((name) => !backupTables.some((t) => t.name === name));
  if (unknown.length > 0) throw new UserFacingError(`The backup file has tables this version does not know: ${unknown.join(", ")}.`);
  return backup;
}

export async function importDatabase(url: string, backup: BackupFile): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const migration = await latestMigration(client);
    if (!migration) throw new UserFacingError("The target database has no migrations applied: run `npm run db:migrate` first.");
    if (migration !== backup.schemaMigration) {
      throw new UserFacingError(
        `The backup was taken at schema migration ${backup.schemaMigration} but the target database is at ${migration}: ` +
          "restore into a database migrated to the same point, then run `npm run db:migrate`.",
      );
    }
    await client.query("BEGIN");
    // Guard against a concurrent writer between the emptiness check and the inserts.
    await client.query(
      `LOCK TABLE ${[...backupTables.map((t) => t.name), ...Object.keys(excludedTables)].map(quoteIdent).join(", ")} IN EXCLUSIVE MODE`,
    );
    const occupied: string[] = [];
    for (const table of backupTables) {
      const result = await client.query(`SELECT 1 FROM ${quoteIdent(table.name)} LIMIT 1`);
      if (result.rowCount) occupied.push(table.name);
    }
    if (occupied.length > 0) {
      throw new UserFacingError(
        `The target database is not empty (rows in ${occupied.join(", ")}): restore only into a new, migrated database. Nothing was changed.`,
      );
    }
    const counts: Record<string, number> = {};
    for (const table of backupTables) {
      const rows = backup.tables[table.name]!;
      counts[table.name] = rows.length;
      if (rows.length === 0) continue;
      const name = quoteIdent(table.name);
      await client.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [
        JSON.stringify(rows),
      ]);
      if (table.sequence) {
        const column = quoteIdent(table.sequence);
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), (SELECT max(${column}) FROM ${name}))`,
          [name, table.sequence],
        );
      }
    }
    await client.query("COMMIT");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
