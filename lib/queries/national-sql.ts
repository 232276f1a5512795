// SQL shared by the national read models (overview, heatmap, standards,
// compare): the inspections the public may see, with their service and
// framework, each ranked among its service's inspections so that "latest per
// service" is one window function, not a loop.
//
// The latest inspection is the one with the latest publication date, else
// fieldwork date, else the first year of its framework (so an undated 2025
// programme record is not taken for the oldest), the higher id breaking ties:
// the site's one rule (orderingTime in scorecard-history.ts, latestOf in service-list.ts).
import { publicInspectionSql } from "../auth/visibility";
import { Prisma } from "../db/generated/client";

export const STANDARDS_PROGRAMME = "STANDARDS_2018_2021";
export const PROGRAMME_2025 = "PROGRAMME_2025";

export const LATEST_ORDER = `coalesce(i."publishedOn", i."fieldworkStart", make_date(f."inUseFrom", 1, 1)) desc nulls last, i.id desc`;

/**
 * A subquery (alias it yourself) of visible inspections matching `where`
 * (conditions on `i` = "Inspection", `s` = "Service", `f` = "Framework"),
 * with columns:
 * id, serviceId, frameworkId, slug, name, nation, region, frameworkCode,
 * programme, kind, overallRating, score, scoreMax, publishedOn,
 * publishedOnPrecision, fieldworkStart, publishedYear, sortTime (epoch ms of
 * publication else fieldwork, null when undated), rankInService (1 = latest)
 * and rankInProgramme (1 = latest under the same programme).
 * Ranks are taken after `where`, so "latest" means latest of those matching.
 */
export function rankedInspections(where: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const extra = where === Prisma.empty ? Prisma.empty : Prisma.sql` and (${where})`;
  return Prisma.sql`(
    select i.id, i."serviceId", i."frameworkId", s.slug, s.name, s.nation::text as nation, s.region,
      f.code as "frameworkCode", f.programme, i.kind::text as kind, i."overallRating"::text as "overallRating",
      i.score, i."scoreMax", i."publishedOn", i."publishedOnPrecision"::text as "publishedOnPrecision",
      i."fieldworkStart", extract(year from i."publishedOn")::int as "publishedYear",
      (extract(epoch from coalesce(i."publishedOn", i."fieldworkStart", make_date(f."inUseFrom", 1, 1))) * 1000)::float8 as "sortTime",
      row_number() over (partition by i."serviceId" order by ${Prisma.raw(LATEST_ORDER)})::int as "rankInService",
      row_number() over (partition by i."serviceId", f.programme order by ${Prisma.raw(LATEST_ORDER)})::int as "rankInProgramme"
    from "Inspection" i
    join "Service" s on s.id = i."serviceId"
    join "Framework" f on f.id = i."frameworkId"
    where ${Prisma.raw(publicInspectionSql("i"))}${extra}
  )`;
}

/** Conditions on nation and region (service-level filters). */
export function areaWhere(filters: { nation?: "ENGLAND" | "WALES" | null; region?: string | null }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.nation) parts.push(Prisma.sql`s.nation = ${filters.nation}::"Nation"`);
  if (filters.region) parts.push(Prisma.sql`s.region = ${filters.region}`);
  return parts.length === 0 ? Prisma.empty : Prisma.join(parts, " and ");
}
