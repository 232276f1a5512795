// Reads every backed-up table in one REPEATABLE READ, read-only transaction, so
// the file is a consistent snapshot even while staff are editing.
import { Client } from "pg";
import { UserFacingError } from "../errors";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from "./format";
import { latestMigration } from "./migration";
import { backupTables, excludedTables, orderBy, quoteIdent } from "./tables";

export async function exportDatabase(url: string, now = new Date()): Promise<BackupFile> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const schemaMigration = await latestMigration(client);
    if (!schemaMigration) throw new UserFacingError("The database has no migrations applied: nothing to export.");
    const tables: BackupFile["tables"] = {};
    for (const table of backupTables) {
      const result = await client.query<{ rows: Record<string, unknown>[] }>(
        `SELECT coalesce(json_agg(t ORDER BY ${orderBy(table)}), '[]'::json) AS rows FROM ${quoteIdent(table.name)} t`,
      );
      tables[table.name] = result.rows[0]!.rows;
    }
    await client.query("COMMIT");
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaMigration,
      exportedAt: now.toISOString(),
      excluded: { ...excludedTables },
      tables,
    };
  } finally {
    await client.end();
  }
}

/** Row counts per table, for the CLI's summary. */
export function describeBackup(backup: BackupFile): string {
  return Object.entries(backup.tables)
    .map(([name, rows]) => `  ${name.padEnd(22)} ${rows.length}`)
    .join("\n");
}
