// `npm run audit [-- --strict]`: `npm audit --omit=dev --json` (what ships), judged by
// scripts/audit-gate.ts against the reviewed exceptions in audit-exceptions.json.
// Exit 1 on a high or critical advisory that is not accepted. When the registry
// refuses the audit request it prints a loud "NOT CHECKED" and exits 0, or 1
// with --strict / AUDIT_STRICT=1. See docs/OPERATIONS.md, "npm audit gate".
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { auditExceptionsSchema, judgeAudit } from "./audit-gate";

const root = path.resolve(import.meta.dirname, "..");
const strict = process.argv.includes("--strict") || process.env.AUDIT_STRICT === "1";

const exceptionsFile = path.join(root, "audit-exceptions.json");
const exceptions = auditExceptionsSchema.safeParse(JSON.parse(readFileSync(exceptionsFile, "utf8")));
if (!exceptions.success) {
  console.error(`AUDIT FAILED: audit-exceptions.json is not valid:\n${exceptions.error.issues.map((i) => `  exceptions.${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(1);
}

const npm = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
if (npm.error) {
  console.error(`AUDIT FAILED: could not run npm audit: ${npm.error.message}`);
  process.exit(1);
}
const verdict = judgeAudit(npm.stdout, exceptions.data.exceptions, { today: new Date().toISOString().slice(0, 10), strict });
const print = verdict.outcome === "pass" ? console.log : console.error;
for (const line of verdict.lines) print(line);
process.exit(verdict.outcome === "pass" ? 0 : verdict.outcome === "unchecked" ? verdict.exitCode : 1);
