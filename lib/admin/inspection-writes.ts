// Creating, editing and publishing inspections. Each write, its version check
// and its audit entry happen in one transaction. The caller (a server action)
// has already checked the session and role; these functions check the input.
import { recordAudit, type Actor } from "../audit/audit-log";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { inspectionStatus } from "../auth/visibility";
import {
  recordToFormValues,
  validateInspectionForm,
  type ComputedSummary,
  type FieldErrors,
  type InspectionFormValues,
  type InspectionRecord,
} from "./inspection-rules";
import { auditSnapshot, loadInspection, type StoredInspection, type Tx } from "./inspection-store";
import type { Problem } from "../domain/consistency";

export type Conflict = {
  ok: false;
  code: "CONFLICT";
  message: string;
  /** The values now saved, which the other person wrote. */
  theirs: InspectionFormValues;
  version: number;
  savedBy: string | null;
  savedAt: string;
};

export type SaveResult =
  | { ok: true; id: number; version: number; computed: ComputedSummary; explained: Problem[] }
  | { ok: false; code: "INVALID"; message: string; errors: FieldErrors; computed: ComputedSummary | null }
  | { ok: false; code: "NOT_FOUND"; message: string }
  | Conflict;

export type SaveInput = { id?: number; version?: number; values: unknown };

class ConflictSignal extends Error {}

async function conflict(tx: Tx, id: number): Promise<Conflict> {
  const current = (await loadInspection(tx, id))!;
  const last = await tx.auditEntry.findFirst({
    where: { entityType: "inspection", entityId: String(id) },
    orderBy: { id: "desc" },
    select: { actorEmail: true, at: true },
  });
  return {
    ok: false,
    code: "CONFLICT",
    message:
      `Someone else saved this inspection while you were editing it${last ? ` (${last.actorEmail})` : ""}. ` +
      "Nothing has been saved from your form, and nothing you typed is lost: their values are shown beside yours. " +
      "Check each difference, then save again to replace their values with what is in your form.",
    theirs: recordToFormValues(current.record),
    version: current.version,
    savedBy: last?.actorEmail ?? null,
    savedAt: (last?.at ?? current.updatedAt).toISOString(),
  };
}

function columns(record: InspectionRecord) {
  return {
    frameworkConfirmed: record.frameworkConfirmed,
    kind: record.kind,
    serviceNameAtInspection: record.serviceNameAtInspection,
    fieldworkStart: record.fieldworkStart,
    fieldworkStartPrecision: record.fieldworkStartPrecision,
    publishedOn: record.publishedOn,
    publishedOnPrecision: record.publishedOnPrecision,
    overallRating: record.overallRating,
    score: record.score,
    scoreMax: record.scoreMax,
    casesInspected: record.casesInspected,
    sourceUrls: record.sourceUrls,
    notes: record.notes,
    discrepancyNote: record.discrepancyNote,
  };
}

async function writeChildren(tx: Tx, inspectionId: number, frameworkId: number, record: InspectionRecord): Promise<void> {
  const standards = await tx.standard.findMany({ where: { frameworkId }, select: { id: true, code: true } });
  const keyQuestions = await tx.keyQuestion.findMany({
    where: { standard: { frameworkId } },
    select: { id: true, area: true, standard: { select: { code: true } } },
  });
  const standardId = new Map(standards.map((s) => [s.code, s.id]));
  const keyQuestionId = new Map(keyQuestions.map((k) => [`${k.standard.code}|${k.area}`, k.id]));

  await tx.standardRating.deleteMany({ where: { inspectionId } });
  await tx.keyQuestionResult.deleteMany({ where: { inspectionId } });
  await tx.recommendation.deleteMany({ where: { inspectionId } });

  const ratings: Prisma.StandardRatingCreateManyInput[] = [];
  for (const [code, rating] of Object.entries(record.ratings)) {
    if (!rating) continue;
    ratings.push({ inspectionId, standardId: standardId.get(code)!, rating, panelJudgement: record.panelJudgement.includes(code) });
  }
  const results: Prisma.KeyQuestionResultCreateManyInput[] = [];
  for (const [code, byArea] of Object.entries(record.keyQuestions)) {
    for (const [area, percentYes] of Object.entries(byArea ?? {})) {
      if (typeof percentYes !== "number") continue;
      results.push({ inspectionId, keyQuestionId: keyQuestionId.get(`${code}|${area}`)!, percentYes });
    }
  }
  if (ratings.length > 0) await tx.standardRating.createMany({ data: ratings });
  if (results.length > 0) await tx.keyQuestionResult.createMany({ data: results });
  if (record.recommendations.length > 0) {
    await tx.recommendation.createMany({
      data: record.recommendations.map((text, i) => ({ inspectionId, ordinal: i + 1, text })),
    });
  }
}

/** Creates (no id) or updates (id and the version the form was loaded at) an inspection. */
export async function saveInspection(database: Db, actor: Actor, input: SaveInput): Promise<SaveResult> {
  const frameworkCode =
    typeof input.values === "object" && input.values !== null && typeof (input.values as { frameworkCode?: unknown }).frameworkCode === "string"
      ? (input.values as { frameworkCode: string }).frameworkCode
      : "";
  const thresholds = await database.keyQuestionThreshold.findMany({
    where: { framework: { code: frameworkCode } },
    select: { rating: true, minPercent: true },
  });
  const checked = validateInspectionForm(input.values, thresholds);
  const invalid = (errors: FieldErrors, computed: ComputedSummary | null): SaveResult => ({
    ok: false,
    code: "INVALID",
    message: "The inspection was not saved: correct the fields marked below.",
    errors,
    computed,
  });
  if (!checked.ok) return invalid(checked.errors, checked.computed);
  const { record } = checked;

  const service = await database.service.findUnique({ where: { slug: record.serviceSlug }, select: { id: true } });
  if (!service) return invalid({ serviceSlug: [`There is no service "${record.serviceSlug}".`] }, checked.computed);
  const framework = await database.framework.findUniqueOrThrow({ where: { code: record.frameworkCode }, select: { id: true } });

  if (input.id !== undefined && (!Number.isInteger(input.version) || (input.version ?? 0) < 1)) {
    return invalid({ version: ["The form did not say which version it was editing: reload the page."] }, checked.computed);
  }

  try {
    return await database.$transaction(async (tx) => {
      const now = new Date();
      if (input.id === undefined) {
        const created = await tx.inspection.create({
          data: { ...columns(record), serviceId: service.id, frameworkId: framework.id, visibility: "DRAFT", editedByStaffAt: now },
          select: { id: true },
        });
        await writeChildren(tx, created.id, framework.id, record);
        const after = (await loadInspection(tx, created.id))!;
        await recordAudit(tx, { actor, action: "inspection.create", entityType: "inspection", entityId: created.id, after: auditSnapshot(after) });
        return { ok: true, id: created.id, version: after.version, computed: checked.computed, explained: checked.explained };
      }

      const id = input.id;
      const before = await loadInspection(tx, id);
      if (!before) return { ok: false, code: "NOT_FOUND", message: "There is no such inspection: it may have been removed." } as const;
      if (before.version !== input.version) return conflict(tx, id);
      // The version check and the write are one statement: a save that raced us leaves 0 rows here.
      const updated = await tx.inspection.updateMany({
        where: { id, version: input.version },
        data: {
          ...columns(record),
          serviceId: service.id,
          frameworkId: framework.id,
          version: { increment: 1 },
          editedByStaffAt: before.editedByStaffAt ?? now,
        },
      });
      if (updated.count === 0) throw new ConflictSignal();
      await writeChildren(tx, id, framework.id, record);
      const after = (await loadInspection(tx, id))!;
      await recordAudit(tx, {
        actor,
        action: "inspection.update",
        entityType: "inspection",
        entityId: id,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
      return { ok: true, id, version: after.version, computed: checked.computed, explained: checked.explained };
    });
  } catch (error) {
    if (error instanceof ConflictSignal && input.id !== undefined) return conflict(database, input.id);
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Publication

export type PublicationInput =
  | { id: number; version: number; action: "embargo"; embargoUntil: Date }
  | { id: number; version: number; action: "publish" }
  | { id: number; version: number; action: "withdraw"; reason: string };

export type PublicationResult =
  | { ok: true; version: number }
  | { ok: false; code: "INVALID" | "NOT_FOUND" | "CONFLICT"; message: string; field?: string };

export const MIN_REASON_LENGTH = 10;

function publicationChange(
  current: StoredInspection,
  input: PublicationInput,
  now: Date,
): { data: Prisma.InspectionUpdateManyMutationInput; action: string; reason: string | null } | { error: string; field?: string } {
  const status = inspectionStatus(current, now);
  switch (input.action) {
    case "embargo": {
      if (Number.isNaN(input.embargoUntil.getTime())) return { error: "Give the embargo date and time.", field: "embargoUntil" };
      if (input.embargoUntil.getTime() <= now.getTime()) {
        return { error: "The embargo time must be in the future. To make it public now, choose Publish now.", field: "embargoUntil" };
      }
      if (status === "PUBLISHED") {
        return { error: "This inspection is already public. Withdraw it first (with a reason) if it must be embargoed again." };
      }
      return { data: { visibility: "EMBARGOED", embargoUntil: input.embargoUntil }, action: "inspection.embargo", reason: null };
    }
    case "publish":
      if (status === "PUBLISHED") return { error: "This inspection is already public." };
      return { data: { visibility: "PUBLISHED", embargoUntil: null }, action: "inspection.publish", reason: null };
    case "withdraw": {
      const reason = input.reason.trim();
      if (reason.length < MIN_REASON_LENGTH) {
        return { error: `Say why it is withdrawn, in at least ${MIN_REASON_LENGTH} characters: the reason is kept in the audit log.`, field: "reason" };
      }
      if (reason.length > 2000) return { error: "Keep the reason under 2000 characters.", field: "reason" };
      if (status === "DRAFT") return { error: "This inspection is a draft already: there is nothing to withdraw." };
      return {
        data: { visibility: "DRAFT", embargoUntil: null, withdrawnAt: now, withdrawalReason: reason },
        action: "inspection.withdraw",
        reason,
      };
    }
  }
}

/** Embargoes until a time, publishes now, or withdraws (back to a draft, with a reason). */
export async function changePublication(database: Db, actor: Actor, input: PublicationInput): Promise<PublicationResult> {
  return database.$transaction(async (tx) => {
    const now = new Date();
    const before = await loadInspection(tx, input.id);
    if (!before) return { ok: false, code: "NOT_FOUND", message: "There is no such inspection." };
    if (before.version !== input.version) {
      return { ok: false, code: "CONFLICT", message: "Someone else changed this inspection since you opened it. Reload the page to see their changes, then try again." };
    }
    const change = publicationChange(before, input, now);
    if ("error" in change) return { ok: false, code: "INVALID", message: change.error, field: change.field };
    const updated = await tx.inspection.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...change.data, version: { increment: 1 }, editedByStaffAt: before.editedByStaffAt ?? now },
    });
    if (updated.count === 0) {
      return { ok: false, code: "CONFLICT", message: "Someone else changed this inspection at the same moment. Reload the page and try again." };
    }
    const after = (await loadInspection(tx, input.id))!;
    await recordAudit(tx, {
      actor,
      action: change.action,
      entityType: "inspection",
      entityId: input.id,
      reason: change.reason,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return { ok: true, version: after.version };
  });
}
