// `npm run db:import -- <file>`: restores a db:export file into an EMPTY,
// migrated database (it refuses one with rows), in one transaction, keeping
// ids. Restored users have no password: set one with `npm run user:create`.
import { readFile } from "node:fs/promises";
import { importDatabase, parseBackup } from "../lib/backup/import";
import { UserFacingError } from "../lib/errors";
import { runScript, withDatabase } from "./database";

runScript(async () => {
  const file = process.argv[2];
  if (!file) throw new UserFacingError("Say which backup to restore: npm run db:import -- backup.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new UserFacingError(`Cannot read ${file}: check the path.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const backup = parseBackup(json);
  const counts = await withDatabase((url) => importDatabase(url, backup));
  console.log(`Restored ${file} (schema ${backup.schemaMigration}, exported ${backup.exportedAt}):`);
  for (const [name, n] of Object.entries(counts)) console.log(`  ${name.padEnd(22)} ${n}`);
  console.log("Users have no password in a backup: set one with `npm run user:create` before they sign in.");
});
