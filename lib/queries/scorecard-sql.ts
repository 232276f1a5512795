// The statements behind a service's scorecard. Each reader is one round trip
// (the inspections reader is one Prisma findMany, whose relations Prisma loads
// in a fixed number of statements), whatever the number of inspections.
import { publicInspectionSql, visibleInspectionWhere, type Viewer } from "../auth/visibility";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { checkedVersion } from "../db/public-data-version";
import type { DatePrecision } from "../domain/partial-date";
import type { InspectionKind } from "../domain/inspection-kind";
import type { KeyQuestionArea } from "../domain/frameworks";
import type { Rating } from "../domain/rating";
import { dataVersionColumn, type SqlReader } from "./published-figures";

// ---------------------------------------------------------------------------
// The service

export type ServiceLink = { slug: string; name: string };

export type ServiceRow = {
  id: number;
  slug: string;
  name: string;
  nation: "ENGLAND" | "WALES";
  region: string | null;
  current: boolean;
  sourceUrls: string[];
  localAuthorities: string[];
  /** Services that took over this (former) service's area. */
  successors: ServiceLink[];
  /** Former services whose area this service took over. */
  predecessors: ServiceLink[];
};

// ---------------------------------------------------------------------------
// The service's inspections, as the viewer may see them

export type InspectionRow = {
  id: number;
  frameworkId: number;
  frameworkConfirmed: boolean;
  kind: InspectionKind;
  serviceNameAtInspection: string;
  fieldworkStart: Date | null;
  fieldworkStartPrecision: DatePrecision | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  sourceUrls: string[];
  notes: string | null;
  discrepancyNote: string | null;
  casesInspected: number | null;
  standardRatings: { standardId: number; rating: Rating }[];
  keyQuestionResults: { keyQuestionId: number; percentYes: number }[];
  recommendations: { ordinal: number; text: string }[];
};

/** Every inspection of the service that `viewer` may see, with its ratings, figures and recommendations. */
export async function readInspections(database: Db, serviceId: number, viewer: Viewer): Promise<InspectionRow[]> {
  return database.inspection.findMany({
    where: { AND: [{ serviceId }, visibleInspectionWhere(viewer)] },
    select: {
      id: true,
      frameworkId: true,
      frameworkConfirmed: true,
      kind: true,
      serviceNameAtInspection: true,
      fieldworkStart: true,
      fieldworkStartPrecision: true,
      publishedOn: true,
      publishedOnPrecision: true,
      overallRating: true,
      score: true,
      scoreMax: true,
      sourceUrls: true,
      notes: true,
      discrepancyNote: true,
      casesInspected: true,
      standardRatings: { select: { standardId: true, rating: true } },
      keyQuestionResults: { select: { keyQuestionId: true, percentYes: true } },
      recommendations: { select: { ordinal: true, text: true }, orderBy: { ordinal: "asc" } },
    },
  });
}

/** What a scorecard render reads in its one statement. */
export type ScorecardRows = {
  /** Null for an unknown slug. */
  service: ServiceRow | null;
  /** The inspections the public may see (empty when not asked for). */
  inspections: InspectionRow[];
  /** The version of the published data in the same snapshot (lib/db/public-data-version.ts). */
  dataVersion: string;
};

/**
 * The service with this slug, the inspections the public may see when
 * `publicInspections` (ratings, figures and recommendations as JSON arrays),
 * and the version of the published data, in ONE statement: the version tells
 * whether the published figures kept in memory (published-figures.ts) are
 * current, at no extra round trip.
 */
export async function readScorecardRows(database: SqlReader, slug: string, publicInspections: boolean): Promise<ScorecardRows> {
  const rows = await database.$queryRaw<(Omit<InspectionRow, "id"> & { id: number | null; service: ServiceRow | null; dataVersion: string | null })[]>`
    select v."dataVersion", s.service, i.*
    from (select ${dataVersionColumn()} as "dataVersion") v
    left join lateral (
      select s.id, json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, 'nation', s.nation::text, 'region', s.region,
        'current', s.current, 'sourceUrls', s."sourceUrls",
        'localAuthorities', coalesce((select array_agg(la.name order by la.name)
                  from "ServiceLocalAuthority" sla join "LocalAuthority" la on la.id = sla."localAuthorityId"
                  where sla."serviceId" = s.id), '{}'),
        'successors', coalesce((select json_agg(json_build_object('slug', x.slug, 'name', x.name) order by x.name)
                  from "ServiceSuccession" ss join "Service" x on x.id = ss."successorId"
                  where ss."predecessorId" = s.id), '[]'),
        'predecessors', coalesce((select json_agg(json_build_object('slug', x.slug, 'name', x.name) order by x.name)
                  from "ServiceSuccession" ss join "Service" x on x.id = ss."predecessorId"
                  where ss."successorId" = s.id), '[]')) as service
      from "Service" s where s.slug = ${slug}
    ) s on true
    left join lateral (
      select i.id, i."frameworkId", i."frameworkConfirmed", i.kind::text as kind, i."serviceNameAtInspection",
        i."fieldworkStart", i."fieldworkStartPrecision"::text as "fieldworkStartPrecision",
        i."publishedOn", i."publishedOnPrecision"::text as "publishedOnPrecision",
        i."overallRating"::text as "overallRating", i.score, i."scoreMax", i."sourceUrls", i.notes, i."discrepancyNote",
        i."casesInspected",
        coalesce((select json_agg(json_build_object('standardId', sr."standardId", 'rating', sr.rating))
                  from "StandardRating" sr where sr."inspectionId" = i.id), '[]') as "standardRatings",
        coalesce((select json_agg(json_build_object('keyQuestionId', kr."keyQuestionId", 'percentYes', kr."percentYes"))
                  from "KeyQuestionResult" kr where kr."inspectionId" = i.id), '[]') as "keyQuestionResults",
        coalesce((select json_agg(json_build_object('ordinal', r.ordinal, 'text', r.text) order by r.ordinal)
                  from "Recommendation" r where r."inspectionId" = i.id), '[]') as recommendations
      from "Inspection" i
      where ${publicInspections}::boolean and i."serviceId" = s.id and ${Prisma.raw(publicInspectionSql("i"))}
    ) i on true
    order by i.id`;
  const first = rows[0];
  const inspections = rows.flatMap(({ service: _s, dataVersion: _v, id, ...row }) => (id === null ? [] : [{ id, ...row }]));
  return { service: first?.service ?? null, inspections, dataVersion: checkedVersion(first?.dataVersion) };
}

// ---------------------------------------------------------------------------
// Frameworks, with their domains, standards, key questions and rules

export type FrameworkRow = {
  id: number;
  code: string;
  name: string;
  programme: string;
  description: string;
  inUseFrom: number | null;
  inUseTo: number | null;
  scored: boolean;
  domains: { number: string; name: string }[];
  standards: {
    id: number;
    code: string;
    name: string;
    domainNumber: string;
    countsTowardOverall: boolean;
    caseBased: boolean;
    keyQuestions: { id: number; area: KeyQuestionArea; text: string }[];
  }[];
  scoreBands: { rating: Rating; minScore: number; maxScore: number; confidence: string; source: string }[];
  keyQuestionThresholds: { rating: Rating; minPercent: number; source: string }[];
};

/** Every framework (a handful of rows) as one JSON array: a column of a statement. */
const FRAMEWORKS_JSON = Prisma.sql`(select coalesce(
    json_agg(json_build_object(
      'id', f.id, 'code', f.code, 'name', f.name, 'programme', f.programme, 'description', f.description,
      'inUseFrom', f."inUseFrom", 'inUseTo', f."inUseTo", 'scored', f.scored,
      'domains', coalesce((select json_agg(json_build_object('number', d.number, 'name', d.name) order by d.number)
                           from "Domain" d where d."frameworkId" = f.id), '[]'),
      'standards', coalesce((select json_agg(json_build_object(
                               'id', s.id, 'code', s.code, 'name', s.name, 'domainNumber', d.number,
                               'countsTowardOverall', s."countsTowardOverall", 'caseBased', s."caseBased",
                               'keyQuestions', coalesce((select json_agg(json_build_object('id', k.id, 'area', k.area, 'text', k.text) order by k.area)
                                                         from "KeyQuestion" k where k."standardId" = s.id), '[]'))
                             order by s.ordinal)
                             from "Standard" s join "Domain" d on d.id = s."domainId" where s."frameworkId" = f.id), '[]'),
      'scoreBands', coalesce((select json_agg(json_build_object('rating', b.rating, 'minScore', b."minScore", 'maxScore', b."maxScore",
                                                                'confidence', b.confidence, 'source', b.source) order by b."minScore" desc)
                              from "ScoreBand" b where b."frameworkId" = f.id), '[]'),
      'keyQuestionThresholds', coalesce((select json_agg(json_build_object('rating', t.rating, 'minPercent', t."minPercent", 'source', t.source)
                                                         order by t."minPercent" desc)
                                         from "KeyQuestionThreshold" t where t."frameworkId" = f.id), '[]')) order by f.ordinal), '[]')
    from "Framework" f)`;

// ---------------------------------------------------------------------------
// National and regional figures

/** "nation": the service's nation (England or Wales); "region": its English region. */
export type Level = "nation" | "region";

export type NationalFigures = {
  /** Inspections counted, by level, programme and framework. */
  frameworks: { level: Level; programme: string; code: string; name: string; n: number }[];
  overall: { level: Level; programme: string; rating: Rating; n: number }[];
  /** Counted by standard code and name: standards of one programme with the same code and name are the same standard. */
  standards: { level: Level; programme: string; code: string; name: string; rating: Rating; n: number }[];
  scores: { level: Level; programme: string; score: number; n: number }[];
  keyQuestions: { level: Level; keyQuestionId: number; n: number; median: number }[];
};

/** The same figures for every nation and every region at once: each row says which (`area`: the nation or the region). */
export type FiguresOfEveryArea = { [K in keyof NationalFigures]: (NationalFigures[K][number] & { area: string })[] };

/** Every framework and the figures of every area: what every scorecard compares with, the same for all. */
export type PublishedComparison = { frameworks: FrameworkRow[]; areas: FiguresOfEveryArea };

/** The figures of one service's nation and region, taken from those of every area. */
export function figuresForArea(all: FiguresOfEveryArea, nation: "ENGLAND" | "WALES", region: string | null): NationalFigures {
  const mine = <T extends { level: Level; area: string }>(rows: T[]): Omit<T, "area">[] =>
    rows
      .filter((r) => (r.level === "nation" ? r.area === nation : region !== null && r.area === region))
      .map(({ area: _area, ...row }) => row);
  return {
    frameworks: mine(all.frameworks),
    overall: mine(all.overall),
    standards: mine(all.standards),
    scores: mine(all.scores),
    keyQuestions: mine(all.keyQuestions),
  };
}

/**
 * Aggregates over every current service's latest published inspection within
 * each framework programme (thematic inspections and former services left
 * out), for every nation and every region, with every framework. One statement.
 *
 * Always the public rule: national figures are the same for every viewer and
 * never include anyone's unpublished results (a board's embargoed results
 * included), which is what lets published-figures.ts keep them for all readers.
 */
export async function readPublishedComparison(database: SqlReader): Promise<PublishedComparison> {
  const rows = await database.$queryRaw<{ figures: FiguresOfEveryArea; frameworks: FrameworkRow[] }[]>`
    with visible as (
      select i.id, i."serviceId", i."overallRating", i.score, i."publishedOn", i."fieldworkStart",
             f.code as framework_code, f.name as framework_name, f.programme, f."inUseFrom", f.ordinal as framework_ordinal,
             s.nation::text as nation, s.region
      from "Inspection" i
      join "Framework" f on f.id = i."frameworkId"
      join "Service" s on s.id = i."serviceId"
      where ${Prisma.raw(publicInspectionSql("i"))} and i.kind <> 'THEMATIC' and s.current
    ),
    latest as (
      select distinct on ("serviceId", programme) *
      from visible
      order by "serviceId", programme,
               coalesce("publishedOn", "fieldworkStart", make_date("inUseFrom", 1, 1)) desc nulls last, id desc
    ),
    scoped as materialized (
      select l.*, 'nation' as level, l.nation as area from latest l
      union all
      select l.*, 'region' as level, l.region as area from latest l where l.region is not null
    )
    select json_build_object(
      'frameworks', coalesce((select json_agg(x order by x.level, x.area, x.ordinal) from (
          select level, area, programme, framework_code as code, framework_name as name, min(framework_ordinal) as ordinal, count(*)::int as n
          from scoped group by level, area, programme, framework_code, framework_name) x), '[]'),
      'overall', coalesce((select json_agg(x) from (
          select level, area, programme, "overallRating" as rating, count(*)::int as n
          from scoped where "overallRating" is not null group by level, area, programme, "overallRating") x), '[]'),
      'standards', coalesce((select json_agg(x) from (
          select sc.level, sc.area, sc.programme, st.code, st.name, sr.rating, count(*)::int as n
          from scoped sc
          join "StandardRating" sr on sr."inspectionId" = sc.id
          join "Standard" st on st.id = sr."standardId"
          group by sc.level, sc.area, sc.programme, st.code, st.name, sr.rating) x), '[]'),
      'scores', coalesce((select json_agg(x order by x.level, x.area, x.score) from (
          select level, area, programme, score, count(*)::int as n
          from scoped where score is not null group by level, area, programme, score) x), '[]'),
      'keyQuestions', coalesce((select json_agg(x) from (
          select sc.level, sc.area, r."keyQuestionId", count(*)::int as n,
                 percentile_cont(0.5) within group (order by r."percentYes") as median
          from scoped sc join "KeyQuestionResult" r on r."inspectionId" = sc.id
          group by sc.level, sc.area, r."keyQuestionId") x), '[]')
    ) as figures, ${FRAMEWORKS_JSON} as frameworks`;
  const row = rows[0];
  if (!row) throw new Error("The national figures query returned no row.");
  return { frameworks: row.frameworks, areas: row.figures };
}

/** The figures of one nation and region, straight from the database (not kept). */
export async function readNationalFigures(database: SqlReader, nation: "ENGLAND" | "WALES", region: string | null): Promise<NationalFigures> {
  return figuresForArea((await readPublishedComparison(database)).areas, nation, region);
}
