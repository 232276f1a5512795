// The key that signs session cookies. BETTER_AUTH_SECRET when set (at least 32
// characters); otherwise a random key made on first use and kept in PostgreSQL,
// so every instance shares it and none is ever shipped with the code.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { UserFacingError } from "../errors";

export async function authSecret(database: Db, env: Record<string, string | undefined> = process.env): Promise<string> {
  const fromEnv = env.BETTER_AUTH_SECRET;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < 32) throw new UserFacingError("BETTER_AUTH_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  await database.$executeRaw`
    insert into "AuthSecret" ("id", "value") values (1, ${randomBytes(48).toString("base64url")})
    on conflict ("id") do nothing`;
  return (await database.authSecret.findUniqueOrThrow({ where: { id: 1 } })).value;
}
