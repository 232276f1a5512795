// Read model of one inspection in the back office (the read view and the edit
// form), through the visibility rule: a board member of another service, or
// anyone for a draft they may not see, gets null, exactly as for a missing one.
import { auditLog, type AuditRow } from "../audit/audit-log";
import { inspectionStatus, visibleInspectionWhere, type InspectionStatus, type Viewer } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import { frameworkByCode, type FrameworkDefinition } from "../domain/frameworks";
import type { KeyQuestionThreshold } from "../domain/key-questions";
import { computeSummary, type ComputedSummary } from "./inspection-rules";
import { adminListWhere } from "./inspection-list";
import { loadInspection, type StoredInspection } from "./inspection-store";

export type AdminInspectionDetail = StoredInspection & {
  status: InspectionStatus;
  framework: FrameworkDefinition;
  thresholds: KeyQuestionThreshold[];
  computed: ComputedSummary;
  /** Staff and admins only: this inspection's audit entries, newest first. */
  history: AuditRow[] | null;
};

export async function adminInspection(viewer: Viewer, id: number, database: Db = defaultDb()): Promise<AdminInspectionDetail | null> {
  if (viewer.kind === "public" || !Number.isInteger(id) || id < 1 || id > 2 ** 31 - 1) return null;
  const stored = await loadInspection(database, id, viewer.kind === "board" ? adminListWhere(viewer) : visibleInspectionWhere(viewer));
  if (!stored) return null;
  const framework = frameworkByCode(stored.record.frameworkCode)!;
  const thresholds = await database.keyQuestionThreshold.findMany({
    where: { framework: { code: framework.code } },
    select: { rating: true, minPercent: true },
  });
  const history =
    viewer.kind === "staff" || viewer.kind === "admin"
      ? (await auditLog(database, { entityType: "inspection", entityId: String(id), pageSize: 100 })).rows
      : null;
  return {
    ...stored,
    status: inspectionStatus(stored),
    framework,
    thresholds,
    computed: computeSummary(framework, stored.record.ratings, stored.record.keyQuestions, thresholds),
    history,
  };
}

/** Key-question thresholds of every framework, for the form's live bands. */
export async function thresholdsByFramework(database: Db = defaultDb()): Promise<Record<string, KeyQuestionThreshold[]>> {
  const rows = await database.keyQuestionThreshold.findMany({ select: { rating: true, minPercent: true, framework: { select: { code: true } } } });
  const out: Record<string, KeyQuestionThreshold[]> = {};
  for (const r of rows) (out[r.framework.code] ??= []).push({ rating: r.rating, minPercent: r.minPercent });
  return out;
}

export async function serviceOptions(database: Db = defaultDb()): Promise<{ slug: string; name: string }[]> {
  return database.service.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
