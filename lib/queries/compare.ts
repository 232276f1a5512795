// Read model of /compare?services=a,b,c: two to six services side by side.
// Each service's latest published inspection (any programme) gives its date,
// overall rating and score; its latest inspection under the 2018/2021
// standards gives the standards grid and key-question figures, since the 2025
// programme's standards are not recorded. Three round trips whatever the number
// of services (the list of standards is kept per data version, published-figures.ts).
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { KeyQuestionArea } from "../domain/frameworks";
import { formatPartialDate, type DatePrecision } from "../domain/partial-date";
import type { Rating } from "../domain/rating";
import { asRating, type Programme } from "./national-distribution";
import { publishedProgrammeStandards, type StandardInfo } from "./national";
import { STANDARDS_PROGRAMME, rankedInspections } from "./national-sql";

export { MAX_COMPARED, MIN_COMPARED, parseCompareSlugs, type CompareRequest } from "./compare-limits";

export type ComparedInspection = {
  id: number;
  frameworkCode: string;
  programme: Programme;
  kind: string;
  published: string | null;
  overall: Rating | null;
  score: number | null;
  scoreMax: number | null;
};

export type ComparedService = {
  slug: string;
  name: string;
  nation: "ENGLAND" | "WALES";
  region: string | null;
  latest: ComparedInspection | null;
  /** The latest inspection under the 2018/2021 standards, with its ratings and figures. */
  standards:
    | (ComparedInspection & {
        ratings: Partial<Record<string, Rating>>;
        figures: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>;
      })
    | null;
};

export type Comparison = {
  columns: StandardInfo[];
  /** In the order asked for. */
  services: ComparedService[];
  /** Slugs asked for that are not services. */
  unknown: string[];
};

type InspectionRow = {
  id: number;
  serviceId: number;
  frameworkCode: string;
  programme: Programme;
  kind: string;
  overallRating: string | null;
  score: number | null;
  scoreMax: number | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  rankInService: number;
  rankInProgramme: number;
};

function inspectionOf(row: InspectionRow): ComparedInspection {
  return {
    id: row.id,
    frameworkCode: row.frameworkCode,
    programme: row.programme,
    kind: row.kind,
    published: formatPartialDate(row.publishedOn, row.publishedOnPrecision),
    overall: row.overallRating === null ? null : asRating(row.overallRating),
    score: row.score,
    scoreMax: row.scoreMax,
  };
}

export async function compareServices(slugs: readonly string[], database: Db = defaultDb()): Promise<Comparison> {
  const [columns, services] = await Promise.all([
    publishedProgrammeStandards(database),
    database.service.findMany({
      where: { slug: { in: [...slugs] } },
      select: { id: true, slug: true, name: true, nation: true, region: true },
    }),
  ]);
  const ids = services.map((s) => s.id);
  const inspections =
    ids.length === 0
      ? []
      : await database.$queryRaw<InspectionRow[]>`
          select r.id, r."serviceId", r."frameworkCode", r.programme, r.kind, r."overallRating", r.score, r."scoreMax",
            r."publishedOn", r."publishedOnPrecision", r."rankInService", r."rankInProgramme"
          from ${rankedInspections(Prisma.sql`i."serviceId" = any(${ids}::int[])`)} r
          where r."rankInService" = 1 or (r.programme = ${STANDARDS_PROGRAMME} and r."rankInProgramme" = 1)`;
  const standardIds = inspections.filter((i) => i.programme === STANDARDS_PROGRAMME && i.rankInProgramme === 1).map((i) => i.id);
  // The compared inspections' standard ratings and key-question figures: one statement, two JSON columns.
  type RatingRow = { id: number; code: string; rating: string };
  type FigureRow = { id: number; code: string; area: KeyQuestionArea; percent: number };
  const { ratings, figures }: { ratings: RatingRow[]; figures: FigureRow[] } =
    standardIds.length === 0
      ? { ratings: [], figures: [] }
      : (await database.$queryRaw<{ ratings: RatingRow[]; figures: FigureRow[] }[]>`
          select
            (select coalesce(jsonb_agg(jsonb_build_object('id', sr."inspectionId", 'code', st.code, 'rating', sr.rating::text)), '[]'::jsonb)
              from "StandardRating" sr join "Standard" st on st.id = sr."standardId"
              where sr."inspectionId" = any(${standardIds}::int[])) as ratings,
            (select coalesce(jsonb_agg(jsonb_build_object('id', kr."inspectionId", 'code', st.code, 'area', kq.area::text, 'percent', kr."percentYes")), '[]'::jsonb)
              from "KeyQuestionResult" kr
              join "KeyQuestion" kq on kq.id = kr."keyQuestionId"
              join "Standard" st on st.id = kq."standardId"
              where kr."inspectionId" = any(${standardIds}::int[])) as figures`)[0]!;

  const bySlug = new Map(services.map((s) => [s.slug, s]));
  const compared: ComparedService[] = [];
  for (const slug of slugs) {
    const service = bySlug.get(slug);
    if (!service) continue;
    const latestRow = inspections.find((i) => i.serviceId === service.id && i.rankInService === 1);
    const standardsRow = inspections.find(
      (i) => i.serviceId === service.id && i.programme === STANDARDS_PROGRAMME && i.rankInProgramme === 1,
    );
    let standards: ComparedService["standards"] = null;
    if (standardsRow) {
      const ratingMap: Partial<Record<string, Rating>> = {};
      for (const r of ratings) if (r.id === standardsRow.id) ratingMap[r.code] = asRating(r.rating);
      const figureMap: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>> = {};
      for (const f of figures) if (f.id === standardsRow.id) (figureMap[f.code] ??= {})[f.area] = f.percent;
      standards = { ...inspectionOf(standardsRow), ratings: ratingMap, figures: figureMap };
    }
    compared.push({
      slug: service.slug,
      name: service.name,
      nation: service.nation,
      region: service.region,
      latest: latestRow ? inspectionOf(latestRow) : null,
      standards,
    });
  }
  return { columns, services: compared, unknown: slugs.filter((s) => !bySlug.has(s)) };
}
