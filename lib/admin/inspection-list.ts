// Read model of /admin: the inspections a signed-in user may see, with where
// each stands. Staff and admins see every one; a board member sees only their
// own services' inspections that the visibility rule lets them read. One query.
import { inspectionStatus, visibleInspectionWhere, type InspectionStatus, type Viewer } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { DatePrecision } from "../domain/partial-date";
import type { Rating } from "../domain/rating";

export type AdminInspectionRow = {
  id: number;
  serviceSlug: string;
  serviceName: string;
  frameworkName: string;
  kind: "FULL" | "REINSPECTION" | "THEMATIC" | "OTHER";
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  status: InspectionStatus;
  embargoUntil: Date | null;
  withdrawnAt: Date | null;
  editedByStaff: boolean;
  updatedAt: Date;
};

export type AdminListFilter = { status?: InspectionStatus; service?: string };

const STATUS_ORDER: Record<InspectionStatus, number> = { DRAFT: 0, EMBARGOED: 1, PUBLISHED: 2 };

export function adminListWhere(viewer: Viewer): Prisma.InspectionWhereInput {
  const visible = visibleInspectionWhere(viewer);
  return viewer.kind === "board" ? { AND: [visible, { serviceId: { in: viewer.serviceIds } }] } : visible;
}

export async function adminInspectionList(viewer: Viewer, filter: AdminListFilter = {}, database: Db = defaultDb()): Promise<AdminInspectionRow[]> {
  if (viewer.kind === "public") return [];
  const now = new Date();
  const rows = await database.inspection.findMany({
    where: { AND: [adminListWhere(viewer), filter.service ? { service: { slug: filter.service } } : {}] },
    select: {
      id: true,
      kind: true,
      publishedOn: true,
      publishedOnPrecision: true,
      overallRating: true,
      score: true,
      scoreMax: true,
      visibility: true,
      embargoUntil: true,
      withdrawnAt: true,
      editedByStaffAt: true,
      updatedAt: true,
      service: { select: { slug: true, name: true } },
      framework: { select: { name: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      serviceSlug: r.service.slug,
      serviceName: r.service.name,
      frameworkName: r.framework.name,
      kind: r.kind,
      publishedOn: r.publishedOn,
      publishedOnPrecision: r.publishedOnPrecision,
      overallRating: r.overallRating,
      score: r.score,
      scoreMax: r.scoreMax,
      status: inspectionStatus(r, now),
      embargoUntil: r.embargoUntil,
      withdrawnAt: r.withdrawnAt,
      editedByStaff: r.editedByStaffAt !== null,
      updatedAt: r.updatedAt,
    }))
    .filter((r) => !filter.status || r.status === filter.status)
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (b.publishedOn?.getTime() ?? 0) - (a.publishedOn?.getTime() ?? 0) ||
        a.serviceName.localeCompare(b.serviceName),
    );
}
