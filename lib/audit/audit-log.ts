// The audit log: who changed what, when, with the record before and after.
// Every write in the back office calls recordAudit inside its own transaction,
// so the change and its entry are committed together or not at all.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { diffSnapshots, type Change } from "./diff";

export { diffSnapshots, type Change };

export type Actor = { id: string; email: string } | { id: null; email: "command line" };

export const COMMAND_LINE: Actor = { id: null, email: "command line" };

export type AuditInput = {
  actor: Actor;
  action: string;
  entityType: "inspection" | "user";
  entityId: string | number;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
};

type Tx = Prisma.TransactionClient | Db;

/** JSON as stored: dates as ISO text, undefined dropped. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      reason: entry.reason ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

export type AuditRow = {
  id: number;
  at: Date;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  changes: Change[];
};

/** The newest entries first, with their changes worked out (one query). */
export async function auditLog(
  database: Db,
  options: { page?: number; pageSize?: number; entityType?: string; entityId?: string } = {},
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = options.pageSize ?? 50;
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.AuditEntryWhereInput = {
    ...(options.entityType ? { entityType: options.entityType } : {}),
    ...(options.entityId ? { entityId: options.entityId } : {}),
  };
  const [entries, total] = await Promise.all([
    database.auditEntry.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    database.auditEntry.count({ where }),
  ]);
  return {
    rows: entries.map((e) => ({
      id: e.id,
      at: e.at,
      actorEmail: e.actorEmail,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      reason: e.reason,
      changes: diffSnapshots(e.before, e.after),
    })),
    total,
    page,
    pageSize,
  };
}
