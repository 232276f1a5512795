// The backup file: one JSON document with a format version, the last schema
// migration of the database it came from, the export time and every row of
// each table in `backupTables`, as PostgreSQL's own JSON of the row.
import { z } from "zod";

export const BACKUP_FORMAT = "yjs-inspection-outcomes-backup";
export const BACKUP_FORMAT_VERSION = 1;

export type BackupFile = {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  schemaMigration: string;
  exportedAt: string;
  excluded: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
};

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  schemaMigration: z.string().min(1),
  exportedAt: z.string(),
  excluded: z.record(z.string(), z.string()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
