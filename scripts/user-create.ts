// `npm run user:create -- --email someone@example.org --role admin|staff|board [--service slug ...] [--name "Name"] [--password-stdin]`
// Creates a back-office user. With --password-stdin the password is read from
// standard input (first line); otherwise a random one-time password is printed
// once. No default password exists anywhere.
import { parseArgs } from "node:util";
import { COMMAND_LINE } from "../lib/audit/audit-log";
import { createPrismaClient } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { createUser, generatePassword } from "../lib/admin/users";
import { UserFacingError } from "../lib/errors";
import { runScript, withDatabase } from "./database";

const USAGE =
  "Usage: npm run user:create -- --email someone@example.org --role admin|staff|board [--service slug]... [--name \"Full name\"] [--password-stdin]";

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        service: { type: "string", multiple: true },
        name: { type: "string" },
        "password-stdin": { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.email || !values.role) throw new UserFacingError(`--email and --role are required.\n${USAGE}`);
  const role = values.role.toUpperCase();
  if (role !== "ADMIN" && role !== "STAFF" && role !== "BOARD") throw new UserFacingError(`--role must be admin, staff or board.\n${USAGE}`);

  const fromStdin = values["password-stdin"] === true;
  const password = fromStdin ? await readStdinLine() : generatePassword();

  await withDatabase(async (url) => {
    await migrate(url);
    const db = createPrismaClient(url, { max: 2 });
    try {
      await createUser(db, COMMAND_LINE, {
        email: values.email!,
        name: values.name ?? "",
        role,
        serviceSlugs: values.service ?? [],
        password,
      });
    } finally {
      await db.$disconnect();
    }
  });

  const who = `${values.email.trim().toLowerCase()} (${role.toLowerCase()}${values.service?.length ? `, ${values.service.join(", ")}` : ""})`;
  if (fromStdin) {
    console.log(`Created ${who} with the password read from standard input.`);
  } else {
    console.log(`Created ${who}.`);
    console.log(`One-time password (shown only now; give it to the user by a safe route): ${password}`);
  }
}

runScript(main);
