// `npm run db:export -- <file>`: writes every service, local authority,
// framework part, inspection, rating, figure, recommendation, user (role and
// board links, no password hashes or sessions) and audit entry to one JSON
// file. See docs/OPERATIONS.md "Backup and restore".
import { writeFile } from "node:fs/promises";
import { describeBackup, exportDatabase } from "../lib/backup/export";
import { UserFacingError } from "../lib/errors";
import { runScript, withDatabase } from "./database";

runScript(async () => {
  const file = process.argv[2];
  if (!file) throw new UserFacingError("Say where to write the backup: npm run db:export -- backup.json");
  const backup = await withDatabase((url) => exportDatabase(url));
  await writeFile(file, JSON.stringify(backup) + "\n", { mode: 0o600 });
  console.log(`Wrote ${file} (schema ${backup.schemaMigration}, exported ${backup.exportedAt}):`);
  console.log(describeBackup(backup));
  console.log(`Not included: ${Object.entries(backup.excluded).map(([t, why]) => `${t} (${why})`).join("; ")}.`);
});
