// `npm run import` as a real process against a real PostgreSQL: the preview and
// exit codes, the choices for duplicates, a report PDF, bad arguments, and the
// process killed in the middle of its transaction (the database stays as it was).
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../lib/db/migrate";
import { seed } from "../lib/db/seed";
import { createTestDatabase, type TestDatabase } from "../lib/db/test-database";
import { dumpDatabase } from "../lib/import/testing/db-dump";
import { importCsv } from "../lib/import/testing/import-csv";
import { minimalPdf, textToPdfPages } from "../lib/import/testing/minimal-pdf";
import { wiltshireReportText } from "../lib/import/testing/seed-report";

const nodeBin = path.join(projectRoot, "node_modules", ".bin", "node");
type Run = { code: number | null; stdout: string; stderr: string };

function runImport(args: string[], env: Record<string, string>, options: { killOn?: RegExp } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(nodeBin, ["--import", "tsx", path.join("scripts", "import.ts"), ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: undefined, ...env } as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (options.killOn?.test(stdout)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const looksLikeStackTrace = (text: string) => /^\s+at .+:\d+:\d+\)?$/m.test(text);

let test: TestDatabase;
let dir: string;
let env: Record<string, string>;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  test = await createTestDatabase();
  await seed(test.db);
  dir = await mkdtemp(path.join(os.tmpdir(), "yjs-import-cli-"));
  env = { DATABASE_URL: test.url };
}, 120_000);
afterAll(async () => {
  await test?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const NEW_ROWS: Record<string, string>[] = [
  { service: "Swindon", published: "2052-03-12", framework: "2021", overall_rating: "Good", score: "24", "1.1": "Good", source_urls: "https://example.org/a" },
  { service: "Kent", published: "2052-04-12", framework: "2021", overall_rating: "Requires improvement", "4.1": "Good", source_urls: "https://example.org/b" },
  { service: "Dorset", published: "2052-05-12", framework: "2018", overall_rating: "Outstanding", "3.4": "Outstanding", source_urls: "https://example.org/c" },
];

describe("npm run import, killed before it commits", () => {
  it("leaves every table as it was, and the next run completes the import", async () => {
    await writeFile(file("three.csv"), importCsv(...NEW_ROWS));
    const before = await dumpDatabase(test.url);
    const killed = await runImport([file("three.csv")], { ...env, YJS_TEST_IMPORT_PAUSE_BEFORE_COMMIT_MS: "30000" }, { killOn: /pausing before commit/ });
    expect(killed.stdout).toContain("import: written, pausing before commit");
    expect(killed.code).toBeNull(); // killed, not exited
    expect(await dumpDatabase(test.url)).toEqual(before);

    const completed = await runImport([file("three.csv")], env);
    expect(completed.stderr).toBe("");
    expect(completed.code).toBe(0);
    expect(completed.stdout).toContain("3 to add");
    expect(completed.stdout).toMatch(/Imported in one transaction \(\d+ ms\): 3 added, 0 updated\./);
    expect(completed.stdout).toContain("line 4: Dorset → Dorset Combined YOS (matched by variant \"Dorset\")");
    expect(await test.db.inspection.count({ where: { importKey: { startsWith: "import:three:" }, visibility: "DRAFT" } })).toBe(3);

    // Again: all three are recorded and unchanged; nothing is written, exit 0.
    const again = await runImport([file("three.csv")], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 to add, 0 to update, 0 waiting for a decision, 0 to skip, 3 unchanged, 0 refused");
    expect(again.stdout).toContain("Nothing to write.");
  }, 120_000);
});

describe("npm run import: previews and exit codes", () => {
  it("refuses a file with a bad row, naming line, column and why (exit 1), and writes nothing", async () => {
    await writeFile(file("bad.csv"), importCsv({ ...NEW_ROWS[0]!, published: "2053-01-01" }, { ...NEW_ROWS[1]!, published: "2053-02-01", overall_rating: "Great" }));
    const before = await dumpDatabase(test.url);
    const run = await runImport([file("bad.csv")], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line 3, column 6 (overall_rating): "Great" is not a rating');
    expect(run.stdout).toContain("Nothing will be imported:");
    expect(looksLikeStackTrace(run.stdout + run.stderr)).toBe(false);
    expect(await dumpDatabase(test.url)).toEqual(before);
  }, 60_000);

  it("asks for --update or --skip-duplicates when a row would change a recorded inspection", async () => {
    await writeFile(file("change.csv"), importCsv({ service: "Wiltshire", published: "2024-05-14", notes: "Checked against the report." }));
    const asked = await runImport([file("change.csv")], env);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain("Rows that would change recorded inspections (choose --update or --skip-duplicates):");
    expect(asked.stdout).toMatch(/Notes: .* → Checked against the report\./);

    const dry = await runImport([file("change.csv"), "--update", "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run: nothing was written.");
    const skipped = await runImport([file("change.csv"), "--skip-duplicates"], env);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain("1 to skip");
    expect((await test.db.inspection.findFirstOrThrow({ where: { serviceNameAtInspection: "Wiltshire Youth Justice Service" } })).notes).not.toBe("Checked against the report.");

    const updated = await runImport([file("change.csv"), "--update"], env);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain("0 added, 1 updated");
    expect((await test.db.inspection.findFirstOrThrow({ where: { serviceNameAtInspection: "Wiltshire Youth Justice Service" } })).notes).toBe("Checked against the report.");
  }, 120_000);

  it("reads a report PDF, listing what it read", async () => {
    await writeFile(file("wiltshire.pdf"), minimalPdf(textToPdfPages(wiltshireReportText())));
    const run = await runImport([file("wiltshire.pdf"), "--update", "--dry-run"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Read from the report \(\d+ pages\):/);
    expect(run.stdout).toContain("Score: 20/36");
    expect(run.stdout).toContain("3.3 Implementation and delivery: Good");
    expect(run.stdout).toContain("Every field was read.");
    expect(run.stdout).toContain("Recommendations: not recorded → 1. improve the quality of assessment");
  }, 60_000);

  it.each([
    [["--update", "--skip-duplicates", "x.csv"], "--update and --skip-duplicates cannot be used together"],
    [["--force", "x.csv"], "Unknown option --force"],
    [[], "Which file?"],
    [["/nonexistent/file.csv"], "Cannot read /nonexistent/file.csv: no such file."],
  ])("refuses the arguments %j with one clear line", async (args, message) => {
    const run = await runImport(args, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(looksLikeStackTrace(run.stderr)).toBe(false);
  }, 60_000);

  it("refuses a UTF-16 file clearly", async () => {
    await writeFile(file("utf16.csv"), Buffer.from([0xff, 0xfe, ...Buffer.from("service\n", "utf16le")]));
    const run = await runImport([file("utf16.csv")], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The file is in UTF-16 ("Unicode text"), which is not read.');
  }, 60_000);
});
