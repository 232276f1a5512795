// Back-office accounts: made by `npm run user:create` or by an admin, never by
// signing up. Passwords are hashed with better-auth's scrypt; a new account's
// password is shown once and never stored in clear. Each change and its audit
// entry are one transaction.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { recordAudit, type Actor } from "../audit/audit-log";
import type { Db } from "../db/client";
import { MIN_PASSWORD_LENGTH } from "../auth/auth";
import { ROLES, type Role } from "../auth/roles";
import { UserFacingError } from "../errors";

/** 24 characters from a 144-bit random value: for a one-time password shown once. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

export const userInputSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Give a valid e-mail address." })),
  name: z.string().trim().max(200, "Keep the name under 200 characters."),
  role: z.enum(ROLES, { error: "The role must be ADMIN, STAFF or BOARD." }),
  serviceSlugs: z.array(z.string().trim().min(1)).max(50),
});

export type UserInput = z.input<typeof userInputSchema>;

export type UserSummary = { id: string; email: string; name: string; role: Role; services: { slug: string; name: string }[]; createdAt: Date };

function describeUser(u: { email: string; name: string; role: Role }, services: string[]) {
  return { email: u.email, name: u.name, role: u.role, services: [...services].sort() };
}

async function serviceIdsFor(database: Db, role: Role, slugs: string[]): Promise<{ id: number; slug: string }[]> {
  const unique = [...new Set(slugs)];
  if (role !== "BOARD") {
    if (unique.length > 0) throw new UserFacingError("Only board members are linked to services: leave the services empty for this role.");
    return [];
  }
  if (unique.length === 0) throw new UserFacingError("A board member must be linked to at least one service (its slug, such as wiltshire).");
  const found = await database.service.findMany({ where: { slug: { in: unique } }, select: { id: true, slug: true } });
  const missing = unique.filter((slug) => !found.some((s) => s.slug === slug));
  if (missing.length > 0) throw new UserFacingError(`No service with the slug ${missing.map((m) => `"${m}"`).join(", ")}.`);
  return found;
}

function parseUser(input: UserInput) {
  const parsed = userInputSchema.safeParse(input);
  if (!parsed.success) throw new UserFacingError(parsed.error.issues.map((i) => i.message).join(" "));
  return parsed.data;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserFacingError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  if (password.length > 256) throw new UserFacingError("The password must be at most 256 characters long.");
}

/** Creates a user with a credential account; returns its id. Throws UserFacingError on bad input. */
export async function createUser(database: Db, actor: Actor, input: UserInput & { password: string }): Promise<string> {
  const user = parseUser(input);
  checkPassword(input.password);
  const services = await serviceIdsFor(database, user.role, user.serviceSlugs);
  if (await database.user.findUnique({ where: { email: user.email }, select: { id: true } })) {
    throw new UserFacingError(`There is already a user with the e-mail address ${user.email}.`);
  }
  const id = randomUUID();
  const hash = await hashPassword(input.password);
  await database.$transaction(async (tx) => {
    await tx.user.create({ data: { id, email: user.email, name: user.name || user.email, role: user.role, emailVerified: false } });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    if (services.length > 0) await tx.boardMembership.createMany({ data: services.map((s) => ({ userId: id, serviceId: s.id })) });
    await recordAudit(tx, {
      actor,
      action: "user.create",
      entityType: "user",
      entityId: id,
      after: describeUser({ ...user, name: user.name || user.email }, services.map((s) => s.slug)),
    });
  });
  return id;
}

async function currentDescription(database: Db, id: string) {
  const row = await database.user.findUnique({
    where: { id },
    select: { email: true, name: true, role: true, boardServices: { select: { service: { select: { slug: true } } } } },
  });
  return row && describeUser(row, row.boardServices.map((b) => b.service.slug));
}

/** Changes a user's role and board services. An admin cannot change their own role. */
export async function updateUserRole(database: Db, actor: Actor, id: string, input: { role: Role; serviceSlugs: string[] }): Promise<void> {
  const before = await currentDescription(database, id);
  if (!before) throw new UserFacingError("There is no such user.");
  if (actor.id === id && input.role !== before.role) throw new UserFacingError("You cannot change your own role: ask another administrator.");
  const parsed = parseUser({ email: before.email, name: before.name, role: input.role, serviceSlugs: input.serviceSlugs });
  const services = await serviceIdsFor(database, parsed.role, parsed.serviceSlugs);
  await database.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { role: parsed.role } });
    await tx.boardMembership.deleteMany({ where: { userId: id } });
    if (services.length > 0) await tx.boardMembership.createMany({ data: services.map((s) => ({ userId: id, serviceId: s.id })) });
    await recordAudit(tx, {
      actor,
      action: "user.update",
      entityType: "user",
      entityId: id,
      before,
      after: describeUser({ ...before, role: parsed.role }, services.map((s) => s.slug)),
    });
  });
}

/** Sets a new password and ends the user's sessions. */
export async function resetPassword(database: Db, actor: Actor, id: string, password: string): Promise<void> {
  checkPassword(password);
  const before = await currentDescription(database, id);
  if (!before) throw new UserFacingError("There is no such user.");
  const hash = await hashPassword(password);
  await database.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({ where: { userId: id, providerId: "credential" }, data: { password: hash } });
    if (updated.count === 0) {
      await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    }
    await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, { actor, action: "user.reset-password", entityType: "user", entityId: id, before, after: before });
  });
}

/** Removes a user, their sessions and their board links. An admin cannot remove themselves. */
export async function deleteUser(database: Db, actor: Actor, id: string): Promise<void> {
  if (actor.id === id) throw new UserFacingError("You cannot remove your own account: ask another administrator.");
  const before = await currentDescription(database, id);
  if (!before) throw new UserFacingError("There is no such user.");
  await database.$transaction(async (tx) => {
    await tx.user.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "user.delete", entityType: "user", entityId: id, before });
  });
}

export async function listUsers(database: Db): Promise<UserSummary[]> {
  const rows = await database.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      boardServices: { select: { service: { select: { slug: true, name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: r.createdAt,
    services: r.boardServices.map((b) => b.service).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}
