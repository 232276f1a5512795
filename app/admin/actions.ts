"use server";
// The back office's server actions. Each one checks, itself, that the request
// comes from this site, that someone is signed in, and that their role allows
// it; then it validates its input on the server, whatever the form checked.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authoriseAction, type ActionRefusal } from "@/lib/auth/guard";
import { changePublication, saveInspection, type PublicationResult, type SaveResult } from "@/lib/admin/inspection-writes";
import { ukLocalToDate } from "@/lib/admin/uk-time";
import { createUser, deleteUser, generatePassword, resetPassword, updateUserRole } from "@/lib/admin/users";
import { describeInvalidInput } from "@/lib/api/invalid-input";
import { db } from "@/lib/db/client";
import { refuseWhenDatabaseFails, type WriteInterrupted } from "@/lib/db/health";
import { UserFacingError } from "@/lib/errors";
import { ROLES } from "@/lib/auth/roles";

/** Public pages may show what changed: drop anything cached (none today; see docs/SECURITY.md). */
function afterPublicChange() {
  revalidatePath("/", "layout");
}

const id = z.number().int().positive().max(2_147_483_647);
const version = z.number().int().positive().max(2_147_483_647);

/** The answer when the database fails mid-write: PostgreSQL rolled the transaction back. */
const interrupted = (message: string): WriteInterrupted => ({ ok: false, code: "UNAVAILABLE", message });

// The form's values are checked field by field by lib/admin (validateInspectionForm); here only their envelope.
const saveInputSchema = z.strictObject({ id: id.optional(), version: version.optional(), values: z.record(z.string().max(100), z.unknown()) });

export async function saveInspectionAction(input: unknown): Promise<SaveResult | ActionRefusal | WriteInterrupted> {
  return refuseWhenDatabaseFails(async () => {
    const allowed = await authoriseAction("inspections.edit");
    if (!allowed.ok) return allowed;
    const parsed = saveInputSchema.safeParse(input);
    if (!parsed.success) {
      const message = describeInvalidInput(parsed.error, "The save request");
      return { ok: false, code: "INVALID", message, errors: { form: [message] }, computed: null };
    }
    const result = await saveInspection(db(), allowed.user, parsed.data);
    if (result.ok) afterPublicChange();
    return result;
  }, interrupted);
}

const publicationSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("embargo"), id, version, embargoUntil: z.string().max(40) }),
  z.strictObject({ action: z.literal("publish"), id, version }),
  z.strictObject({ action: z.literal("withdraw"), id, version, reason: z.string().max(4000) }),
]);

export async function publicationAction(input: unknown): Promise<PublicationResult | ActionRefusal | WriteInterrupted> {
  return refuseWhenDatabaseFails(async () => {
    const allowed = await authoriseAction("inspections.publish");
    if (!allowed.ok) return allowed;
    const parsed = publicationSchema.safeParse(input);
    if (!parsed.success) return { ok: false, code: "INVALID", message: describeInvalidInput(parsed.error, "The publication request") };
    const request = parsed.data;
    let result: PublicationResult;
    if (request.action === "embargo") {
      const until = ukLocalToDate(request.embargoUntil);
      if (!until) return { ok: false, code: "INVALID", message: "Give the embargo date and time, such as 18/06/2026 09:30.", field: "embargoUntil" };
      result = await changePublication(db(), allowed.user, { ...request, embargoUntil: until });
    } else {
      result = await changePublication(db(), allowed.user, request);
    }
    if (result.ok) afterPublicChange();
    return result;
  }, interrupted);
}

// ---------------------------------------------------------------------------
// Users (admins only)

export type UserActionResult = { ok: true; message: string; password?: string } | { ok: false; code: string; message: string };

async function userAction(run: (actor: { id: string; email: string }) => Promise<UserActionResult>): Promise<UserActionResult | ActionRefusal> {
  return refuseWhenDatabaseFails(async () => {
    const allowed = await authoriseAction("users.manage");
    if (!allowed.ok) return allowed;
    try {
      return await run(allowed.user);
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, code: "INVALID", message: error.message };
      throw error;
    }
  }, interrupted);
}

const newUserSchema = z.strictObject({
  email: z.string().max(320),
  name: z.string().max(200),
  role: z.enum(ROLES),
  serviceSlugs: z.array(z.string().max(100)).max(50),
});

export async function createUserAction(input: unknown) {
  return userAction(async (actor) => {
    const parsed = newUserSchema.safeParse(input);
    if (!parsed.success) return { ok: false, code: "INVALID", message: `Give an e-mail address, a role and, for a board member, the services. ${describeInvalidInput(parsed.error, "The new user")}` };
    const password = generatePassword();
    await createUser(db(), actor, { ...parsed.data, password });
    return { ok: true, message: `Created ${parsed.data.email.trim().toLowerCase()}.`, password };
  });
}

const userId = z.string().min(1).max(100);

export async function updateUserRoleAction(input: unknown) {
  return userAction(async (actor) => {
    const parsed = z.strictObject({ userId, role: z.enum(ROLES), serviceSlugs: z.array(z.string().max(100)).max(50) }).safeParse(input);
    if (!parsed.success) return { ok: false, code: "INVALID", message: describeInvalidInput(parsed.error, "The role change") };
    await updateUserRole(db(), actor, parsed.data.userId, parsed.data);
    return { ok: true, message: "Role saved." };
  });
}

export async function resetPasswordAction(input: unknown) {
  return userAction(async (actor) => {
    const parsed = z.strictObject({ userId }).safeParse(input);
    if (!parsed.success) return { ok: false, code: "INVALID", message: describeInvalidInput(parsed.error, "The password reset") };
    const password = generatePassword();
    await resetPassword(db(), actor, parsed.data.userId, password);
    return { ok: true, message: "New password set; the user's sessions have ended.", password };
  });
}

export async function deleteUserAction(input: unknown) {
  return userAction(async (actor) => {
    const parsed = z.strictObject({ userId }).safeParse(input);
    if (!parsed.success) return { ok: false, code: "INVALID", message: describeInvalidInput(parsed.error, "The removal") };
    await deleteUser(db(), actor, parsed.data.userId);
    return { ok: true, message: "User removed." };
  });
}
