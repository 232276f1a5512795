// Reads an inspection as the form and the audit log see it: flat queries, one
// after another, so it can run inside a transaction.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { KeyQuestionArea } from "../domain/frameworks";
import type { Rating } from "../domain/rating";
import type { InspectionRecord } from "./inspection-rules";

export type Tx = Prisma.TransactionClient | Db;

export type StoredInspection = {
  id: number;
  version: number;
  serviceId: number;
  serviceName: string;
  visibility: "DRAFT" | "EMBARGOED" | "PUBLISHED";
  embargoUntil: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  editedByStaffAt: Date | null;
  importKey: string | null;
  updatedAt: Date;
  record: InspectionRecord;
};

export async function loadInspection(tx: Tx, id: number, where: Prisma.InspectionWhereInput = {}): Promise<StoredInspection | null> {
  const row = await tx.inspection.findFirst({
    where: { AND: [{ id }, where] },
    include: { service: { select: { slug: true, name: true } }, framework: { select: { code: true } } },
  });
  if (!row) return null;
  const ratings = await tx.standardRating.findMany({ where: { inspectionId: id }, include: { standard: { select: { code: true } } } });
  const results = await tx.keyQuestionResult.findMany({
    where: { inspectionId: id },
    include: { keyQuestion: { select: { area: true, standard: { select: { code: true } } } } },
  });
  const recommendations = await tx.recommendation.findMany({ where: { inspectionId: id }, orderBy: { ordinal: "asc" } });

  const ratingByCode: Partial<Record<string, Rating>> = {};
  const panelJudgement: string[] = [];
  for (const r of ratings) {
    ratingByCode[r.standard.code] = r.rating;
    if (r.panelJudgement) panelJudgement.push(r.standard.code);
  }
  const keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>> = {};
  for (const r of results) (keyQuestions[r.keyQuestion.standard.code] ??= {})[r.keyQuestion.area] = r.percentYes;

  return {
    id: row.id,
    version: row.version,
    serviceId: row.serviceId,
    serviceName: row.service.name,
    visibility: row.visibility,
    embargoUntil: row.embargoUntil,
    withdrawnAt: row.withdrawnAt,
    withdrawalReason: row.withdrawalReason,
    editedByStaffAt: row.editedByStaffAt,
    importKey: row.importKey,
    updatedAt: row.updatedAt,
    record: {
      serviceSlug: row.service.slug,
      frameworkCode: row.framework.code,
      frameworkConfirmed: row.frameworkConfirmed,
      kind: row.kind,
      serviceNameAtInspection: row.serviceNameAtInspection,
      fieldworkStart: row.fieldworkStart,
      fieldworkStartPrecision: row.fieldworkStartPrecision,
      publishedOn: row.publishedOn,
      publishedOnPrecision: row.publishedOnPrecision,
      overallRating: row.overallRating,
      score: row.score,
      scoreMax: row.scoreMax,
      casesInspected: row.casesInspected,
      ratings: ratingByCode,
      panelJudgement: panelJudgement.sort(),
      keyQuestions,
      recommendations: recommendations.map((r) => r.text),
      sourceUrls: row.sourceUrls,
      notes: row.notes,
      discrepancyNote: row.discrepancyNote,
    },
  };
}

/** What the audit log keeps of an inspection: its facts and its publication state. */
export function auditSnapshot(stored: StoredInspection) {
  return {
    ...stored.record,
    version: stored.version,
    visibility: stored.visibility,
    embargoUntil: stored.embargoUntil,
    withdrawnAt: stored.withdrawnAt,
    withdrawalReason: stored.withdrawalReason,
  };
}
