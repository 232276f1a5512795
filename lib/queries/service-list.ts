// Read model for the list of every service with its latest visible inspection.
import { PUBLIC_VIEWER, visibleInspectionWhere, type Viewer } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import type { Rating } from "../domain/rating";
import type { DatePrecision } from "../domain/partial-date";
import { orderingTime } from "./scorecard-history";

export type LatestInspectionSummary = {
  id: number;
  kind: "FULL" | "REINSPECTION" | "THEMATIC" | "OTHER";
  frameworkCode: string;
  frameworkName: string;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  fieldworkStart: Date | null;
  fieldworkStartPrecision: DatePrecision | null;
};

export type ServiceListRow = {
  slug: string;
  name: string;
  nation: "ENGLAND" | "WALES";
  region: string | null;
  current: boolean;
  localAuthorities: string[];
  inspectionCount: number;
  latest: LatestInspectionSummary | null;
};

type Datable = { id: number; publishedOn: Date | null; fieldworkStart: Date | null; frameworkInUseFrom?: number | null };

/**
 * The latest of a service's inspections, by the one ordering rule of the site
 * (`orderingTime` in scorecard-history.ts; the SQL readers use the same rule).
 */
export function latestOf<T extends Datable>(inspections: T[]): T | null {
  const [newest] = [...inspections].sort(
    (a, b) => orderingTime({ ...b, frameworkInUseFrom: b.frameworkInUseFrom ?? null }) - orderingTime({ ...a, frameworkInUseFrom: a.frameworkInUseFrom ?? null }) || b.id - a.id,
  );
  return newest ?? null;
}

export async function serviceList(viewer: Viewer = PUBLIC_VIEWER, database: Db = defaultDb()): Promise<ServiceListRow[]> {
  const services = await database.service.findMany({
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      nation: true,
      region: true,
      current: true,
      localAuthorities: { select: { localAuthority: { select: { name: true } } } },
      inspections: {
        where: visibleInspectionWhere(viewer),
        select: {
          id: true,
          kind: true,
          overallRating: true,
          score: true,
          scoreMax: true,
          publishedOn: true,
          publishedOnPrecision: true,
          fieldworkStart: true,
          fieldworkStartPrecision: true,
          framework: { select: { code: true, name: true, inUseFrom: true } },
        },
      },
    },
  });
  return services.map((s) => {
    const latest = latestOf(s.inspections.map((i) => ({ ...i, frameworkInUseFrom: i.framework.inUseFrom })));
    return {
      slug: s.slug,
      name: s.name,
      nation: s.nation,
      region: s.region,
      current: s.current,
      localAuthorities: s.localAuthorities.map((l) => l.localAuthority.name).sort(),
      inspectionCount: s.inspections.length,
      latest: latest && {
        id: latest.id,
        kind: latest.kind,
        frameworkCode: latest.framework.code,
        frameworkName: latest.framework.name,
        overallRating: latest.overallRating,
        score: latest.score,
        scoreMax: latest.scoreMax,
        publishedOn: latest.publishedOn,
        publishedOnPrecision: latest.publishedOnPrecision,
        fieldworkStart: latest.fieldworkStart,
        fieldworkStartPrecision: latest.fieldworkStartPrecision,
      },
    };
  });
}
