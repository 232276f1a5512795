// `npm test`: every test. Unit and integration tests (Vitest, real PostgreSQL),
// then end-to-end tests (Playwright, real Chromium, production build).
// Ends with one line "N passed, N failed" over all of them.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../lib/db/migrate";

const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
const vitestJson = path.join(projectRoot, "test-reports", "vitest-results.json");
const e2eJson = path.join(projectRoot, "test-reports", "e2e-results.json");
rmSync(vitestJson, { force: true });
rmSync(e2eJson, { force: true });

function run(command: string, args: string[]): number {
  console.log(`\n> ${path.basename(command)} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status ?? 1;
}

const only = process.argv[2];
const codes: number[] = [];
if (!only) codes.push(run(bin("tsc"), ["--noEmit"]));
if (!only || only === "vitest") {
  codes.push(run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]));
}
if (!only || only === "e2e") {
  codes.push(run(process.execPath, ["--import", "tsx", path.join("scripts", "e2e.ts"), ...process.argv.slice(3)]));
}

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
  };
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  // A file that fails before its tests run (a beforeAll, an import) reports its
  // tests as skipped, not failed: count each such file as one failure, by name.
  for (const file of v.testResults) {
    if (file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed")) {
      failed += 1;
      console.log(`failed before its tests ran: ${path.relative(projectRoot, file.name)}`);
    }
  }
}
if (existsSync(e2eJson)) {
  const p = JSON.parse(readFileSync(e2eJson, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
const exit = codes.some((c) => c !== 0) ? 1 : 0;
if (exit !== 0 && failed === 0) failed = 1; // a runner that crashed before reporting still counts as a failure
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exit);
