// Who may see which inspection: the one place this is decided.
// lib/queries applies it to every read, so no page, API route, export or
// sitemap can forget it.
import type { Prisma } from "../db/generated/client";

export type Viewer =
  | { kind: "public" }
  | { kind: "board"; serviceIds: number[] }
  | { kind: "staff" }
  | { kind: "admin" };

export const PUBLIC_VIEWER: Viewer = { kind: "public" };

/** Public: published, or embargoed with the embargo time passed. */
export function publicInspectionWhere(now: Date): Prisma.InspectionWhereInput {
  return {
    OR: [{ visibility: "PUBLISHED" }, { visibility: "EMBARGOED", embargoUntil: { lte: now } }],
  };
}

/** The inspections `viewer` may read at `now`. */
export function visibleInspectionWhere(viewer: Viewer, now: Date = new Date()): Prisma.InspectionWhereInput {
  switch (viewer.kind) {
    case "public":
      return publicInspectionWhere(now);
    case "board":
      // A board reads its own services' results from the moment they are embargoed.
      return {
        OR: [
          publicInspectionWhere(now),
          { serviceId: { in: viewer.serviceIds }, visibility: "EMBARGOED" },
        ],
      };
    case "staff":
    case "admin":
      return {};
  }
}

/** The same rule as plain SQL, for aggregate queries (alias `i` = "Inspection"). */
export function publicInspectionSql(alias = "i"): string {
  return `(${alias}."visibility" = 'PUBLISHED' or (${alias}."visibility" = 'EMBARGOED' and ${alias}."embargoUntil" <= now()))`;
}

export type InspectionStatus = "DRAFT" | "EMBARGOED" | "PUBLISHED";

/**
 * Where an inspection stands at `now`: an embargoed inspection whose time has
 * passed is PUBLISHED, exactly as `publicInspectionWhere` decides.
 */
export function inspectionStatus(
  inspection: { visibility: "DRAFT" | "EMBARGOED" | "PUBLISHED"; embargoUntil: Date | null },
  now: Date = new Date(),
): InspectionStatus {
  if (inspection.visibility === "EMBARGOED") {
    return inspection.embargoUntil !== null && inspection.embargoUntil.getTime() <= now.getTime() ? "PUBLISHED" : "EMBARGOED";
  }
  return inspection.visibility;
}
