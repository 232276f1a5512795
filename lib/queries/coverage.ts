// What the published data covers: for the "About the data" page.
import { publicInspectionSql } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";

export type Coverage = {
  currentServices: number;
  formerServices: number;
  servicesWithInspection: number;
  inspections: number;
  byProgramme: { programme: string; inspections: number }[];
  withAllCountingStandards: number;
  withSomeStandards: number;
  withOverallOnly: number;
  withScore: number;
  withKeyQuestions: number;
  withExactPublicationDate: number;
  earliestPublication: Date | null;
  latestPublication: Date | null;
  sourceLinks: number;
};

export async function coverage(database: Db = defaultDb()): Promise<Coverage> {
  const visible = publicInspectionSql("i");
  const [row] = await database.$queryRawUnsafe<Record<string, bigint | number | Date | null>[]>(`
    with v as (
      select i.*, f."programme",
        (select count(*) from "StandardRating" sr join "Standard" s on s.id = sr."standardId"
          where sr."inspectionId" = i.id and s."countsTowardOverall") as counted,
        (select count(*) from "Standard" s where s."frameworkId" = i."frameworkId" and s."countsTowardOverall") as counting,
        exists (select 1 from "KeyQuestionResult" k where k."inspectionId" = i.id) as has_kq
      from "Inspection" i join "Framework" f on f.id = i."frameworkId"
      where ${visible}
    )
    select
      (select count(*) from "Service" where current) as current_services,
      (select count(*) from "Service" where not current) as former_services,
      (select count(distinct "serviceId") from v) as services_with_inspection,
      (select count(*) from v) as inspections,
      (select count(*) from v where counting > 0 and counted = counting) as all_standards,
      (select count(*) from v where counted > 0 and counted < counting) as some_standards,
      (select count(*) from v where counted = 0 and "overallRating" is not null) as overall_only,
      (select count(*) from v where score is not null) as with_score,
      (select count(*) from v where has_kq) as with_kq,
      (select count(*) from v where "publishedOnPrecision" = 'DAY') as exact_date,
      (select min("publishedOn") from v) as earliest,
      (select max("publishedOn") from v) as latest,
      (select count(distinct u) from v, unnest("sourceUrls") u) as source_links
  `);
  const byProgramme = await database.$queryRawUnsafe<{ programme: string; inspections: bigint }[]>(`
    select f."programme", count(*) as inspections from "Inspection" i join "Framework" f on f.id = i."frameworkId"
    where ${visible} group by 1 order by 1`);
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    currentServices: n("current_services"),
    formerServices: n("former_services"),
    servicesWithInspection: n("services_with_inspection"),
    inspections: n("inspections"),
    byProgramme: byProgramme.map((p) => ({ programme: p.programme, inspections: Number(p.inspections) })),
    withAllCountingStandards: n("all_standards"),
    withSomeStandards: n("some_standards"),
    withOverallOnly: n("overall_only"),
    withScore: n("with_score"),
    withKeyQuestions: n("with_kq"),
    withExactPublicationDate: n("exact_date"),
    earliestPublication: (row?.earliest as Date | null) ?? null,
    latestPublication: (row?.latest as Date | null) ?? null,
    sourceLinks: n("source_links"),
  };
}
