// Fixtures for the end-to-end security tests: users made with the real
// `user:create` command, and canary inspections written straight into the
// database the test server uses. No Playwright here, so any spec can use it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { MatrixRole, RouteParams } from "./route-table";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The database `npm start` uses in the end-to-end run. */
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set: run the specs through `npm run test:e2e`.");
  return (JSON.parse(readFileSync(path.join(dir, "runtime.json"), "utf8")) as { url: string }).url;
}

export type TestUser = { email: string; password: string };

/** Makes a user with `npm run user:create`, the password given on standard input. */
export function createUserWithCli(url: string, email: string, role: "admin" | "staff" | "board", services: string[] = []): TestUser {
  const password = `pw-${randomBytes(12).toString("hex")}`;
  const args = ["--import", "tsx", "scripts/user-create.ts", "--email", email, "--role", role, "--password-stdin"];
  for (const s of services) args.push("--service", s);
  const result = spawnSync(path.join(root, "node_modules", ".bin", "node"), args, {
    cwd: root,
    input: `${password}\n`,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`user:create failed for ${email}: ${result.stderr}${result.stdout}`);
  return { email, password };
}

/** One user per signed-in matrix role; `tag` keeps specs running side by side apart. */
export function createMatrixUsers(url: string, tag: string, ownSlug: string, otherSlug: string): Record<Exclude<MatrixRole, "anonymous">, TestUser> {
  return {
    boardOwn: createUserWithCli(url, `board-own-${tag}@example.org`, "board", [ownSlug]),
    boardOther: createUserWithCli(url, `board-other-${tag}@example.org`, "board", [otherSlug]),
    staff: createUserWithCli(url, `staff-${tag}@example.org`, "staff"),
    admin: createUserWithCli(url, `admin-${tag}@example.org`, "admin"),
  };
}

export type Canaries = RouteParams & {
  /** Text that must appear nowhere public while the inspection is a draft. */
  draftSecrets: string[];
  /** Text that must appear nowhere public until the embargo time passes. */
  embargoSecrets: string[];
  /** What the service page shows once the embargo has passed. */
  embargoPublicDate: string;
};

/**
 * A draft and an embargoed inspection for a real service, each with figures
 * found nowhere else: a token in the name, notes, recommendation and source,
 * and publication dates in the 2030s.
 */
export async function insertCanaries(url: string, ownSlug: string, otherSlug: string): Promise<Canaries> {
  const token = randomBytes(6).toString("hex");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const service = (await client.query(`select id from "Service" where slug = $1`, [ownSlug])).rows[0] as { id: number };
    const framework = (await client.query(`select id from "Framework" where code = '2021'`)).rows[0] as { id: number };
    const insert = async (label: string, visibility: string, embargo: string | null, published: string) => {
      const name = `CANARY-${label}-${token}`;
      const row = (
        await client.query(
          `insert into "Inspection" ("serviceId", "frameworkId", kind, "serviceNameAtInspection", "publishedOn", "publishedOnPrecision",
             "overallRating", score, "scoreMax", visibility, "embargoUntil", "sourceUrls", notes, "casesInspected", "updatedAt", "editedByStaffAt")
           values ($1, $2, 'FULL', $3, $4, 'DAY', 'INADEQUATE', 3, 36, $5, $6, $7, $8, 987, now(), now()) returning id`,
          [service.id, framework.id, name, published, visibility, embargo, [`https://example.org/${name}`], `Notes ${name}`],
        )
      ).rows[0] as { id: number };
      await client.query(`insert into "Recommendation" ("inspectionId", ordinal, text) values ($1, 1, $2)`, [row.id, `Recommendation ${name}`]);
      return { id: row.id, name };
    };
    const draft = await insert("DRAFT", "DRAFT", null, "2032-07-23");
    const embargoed = await insert("EMBARGO", "EMBARGOED", new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(), "2031-03-17");
    const published = (
      await client.query(`select id from "Inspection" where "serviceId" = $1 and visibility = 'PUBLISHED' order by "publishedOn" desc limit 1`, [service.id])
    ).rows[0] as { id: number };
    return {
      draftId: draft.id,
      embargoedId: embargoed.id,
      publishedId: published.id,
      ownSlug,
      otherSlug,
      draftSecrets: [draft.name, "2032-07-23", "23 July 2032", "July 2032"],
      embargoSecrets: [embargoed.name, "2031-03-17", "17 March 2031", "March 2031"],
      embargoPublicDate: "17 March 2031",
    };
  } finally {
    await client.end();
  }
}

/** Ends the embargo by moving its time into the past, as if the time had come. */
export async function passEmbargo(url: string, inspectionId: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`update "Inspection" set "embargoUntil" = now() - interval '1 minute' where id = $1`, [inspectionId]);
  } finally {
    await client.end();
  }
}
