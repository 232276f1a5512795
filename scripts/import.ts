// `npm run import -- <file> [--dry-run] [--update | --skip-duplicates] [--report]`
//
// Imports inspections from a CSV (the import format or the Data to Insight
// ratings scrape), a JSON file, or a published report (a PDF, or its text with
// --report) into the database of DATABASE_URL (or the embedded one, as for the
// other database scripts). Prints the same preview as the staff page, then
// writes everything in one transaction, or nothing. Exit code 0 when the import
// was written (or, with --dry-run, would be), 1 otherwise.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { UserFacingError } from "../lib/errors";
import {
  applyImport,
  describeIssue,
  formatPreview,
  ImportRefusedError,
  MAX_IMPORT_FILE_BYTES,
  MAX_REPORT_PDF_BYTES,
  parseImportFile,
  planImport,
  readReport,
  reportImport,
  type DuplicateChoice,
  type ParsedImport,
} from "../lib/import";
import { describeBytes } from "../lib/import/limits";
import { runScript, withDatabase } from "./database";

const USAGE = "Usage: npm run import -- <file.csv|file.json|report.pdf> [--dry-run] [--update | --skip-duplicates] [--report]";

type Args = { file: string; dryRun: boolean; duplicates?: DuplicateChoice; report: boolean };

export function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let dryRun = false;
  let report = false;
  let duplicates: DuplicateChoice | undefined;
  for (const arg of argv) {
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--report") report = true;
    else if (arg === "--update" || arg === "--skip-duplicates") {
      const choice = arg === "--update" ? "update" : "skip";
      if (duplicates && duplicates !== choice) throw new UserFacingError(`--update and --skip-duplicates cannot be used together.\n${USAGE}`);
      duplicates = choice;
    } else if (arg === "--help" || arg === "-h") throw new UserFacingError(USAGE);
    else if (arg.startsWith("-")) throw new UserFacingError(`Unknown option ${arg}.\n${USAGE}`);
    else if (file) throw new UserFacingError(`One file at a time (got ${file} and ${arg}).\n${USAGE}`);
    else file = arg;
  }
  if (!file) throw new UserFacingError(`Which file? ${USAGE}`);
  return { file, dryRun, duplicates, report };
}

async function readInput(args: Args): Promise<{ parsed: ParsedImport; lines: string[] }> {
  let size: number;
  try {
    const info = await stat(args.file);
    if (!info.isFile()) throw new UserFacingError(`${args.file} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(`Cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
  const isPdf = path.extname(args.file).toLowerCase() === ".pdf";
  const limit = isPdf ? MAX_REPORT_PDF_BYTES : MAX_IMPORT_FILE_BYTES;
  if (size > limit) throw new UserFacingError(`${args.file} is ${describeBytes(size)}; the limit is ${describeBytes(limit)}.`);
  const bytes = new Uint8Array(await readFile(args.file));

  if (!args.report && !isPdf) return { parsed: parseImportFile(bytes), lines: [] };

  const result = await readReport({ bytes });
  if (!result.ok) throw new UserFacingError(describeIssue(result.issue));
  const lines = [`Read from the report${result.pages ? ` (${result.pages} pages)` : ""}:`];
  for (const f of result.reading.found) lines.push(`  ${f.label}: ${f.value}${f.line ? ` (line ${f.line})` : ""}`);
  lines.push(result.reading.unread.length === 0 ? "Every field was read." : "Not read (left unrecorded; check them in the report):");
  for (const u of result.reading.unread) lines.push(`  ${u.label}: ${u.why}`);
  for (const note of result.notes) lines.push(`  ${note}`);
  return { parsed: reportImport(result.reading), lines };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { parsed, lines } = await readInput(args);
  if (lines.length > 0) console.log(`${lines.join("\n")}\n`);
  const name = path.basename(args.file);

  return withDatabase(async (url) => {
    const db = createPrismaClient(url, { max: 2 });
    try {
      const preview = await planImport(db, parsed, { duplicates: args.duplicates });
      console.log(formatPreview(preview, name));
      if (!preview.canApply) return 1;
      if (args.dryRun) {
        console.log("\nDry run: nothing was written.");
        return 0;
      }
      if (preview.toAdd.length + preview.toUpdate.length === 0) {
        console.log("\nNothing to write.");
        return 0;
      }
      try {
        const result = await applyImport(db, parsed, {
          duplicates: args.duplicates,
          expectedFingerprint: preview.fingerprint,
          batchLabel: name.replace(/\.[^.]+$/, ""),
        });
        console.log(
          `\nImported in one transaction (${Math.round(result.transactionMs)} ms): ${result.createdIds.length} added, ${result.updatedIds.length} updated.` +
            (result.createdIds.length > 0 ? " New inspections are drafts unless the file said otherwise: publish them from the dashboard." : ""),
        );
        return 0;
      } catch (error) {
        if (error instanceof ImportRefusedError) {
          console.log(`\n${formatPreview(error.preview, name)}`);
        }
        throw error;
      }
    } catch (error) {
      if (error instanceof Error && /does not exist in the current database|relation .* does not exist/i.test(error.message)) {
        throw new UserFacingError("The database has no tables yet: run `npm run db:migrate` and `npm run db:seed` (or `npm start`) first.");
      }
      throw error;
    } finally {
      await db.$disconnect();
    }
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) runScript(main);
