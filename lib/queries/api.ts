// Read models of the public data API (/api/v1). Every read of inspections
// applies the public visibility rule: drafts and inspections still under
// embargo never appear. Each function takes a fixed number of round trips,
// whatever the size of the data.
import { PUBLIC_VIEWER, publicInspectionSql, visibleInspectionWhere } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { keyQuestionAreaLabel } from "../domain/frameworks";
import {
  inspectionJson,
  serviceJson,
  type InspectionSource,
} from "../api/present";
import type { DateBound } from "../api/parameters";
import type { InspectionJson, ServiceDetailJson, ServiceJson, StandardJson } from "../api/schemas";
import { explorerPage, type ExplorerFilters, type RatingFilter } from "./explorer";
import { latestOf } from "./service-list";

export type ListResult<T> = { items: T[]; total: number };

/** A page of services in name order (slug breaks ties), with their latest published inspection. */
export async function apiServices(
  filters: ExplorerFilters,
  page: number,
  pageSize: number,
  database: Db = defaultDb(),
): Promise<ListResult<ServiceJson>> {
  const result = await explorerPage({ filters, sort: { key: "name", direction: "asc" }, page, pageSize }, database);
  return { items: result.rows.map(serviceJson), total: result.total };
}

const inspectionInclude = {
  service: { select: { slug: true, name: true } },
  framework: {
    include: { standards: { include: { domain: true }, orderBy: { ordinal: "asc" } } },
  },
  standardRatings: { select: { standardId: true, rating: true } },
  keyQuestionResults: {
    select: { percentYes: true, keyQuestion: { select: { area: true, standard: { select: { code: true } } } } },
  },
} satisfies Prisma.InspectionInclude;

type InspectionRow = Prisma.InspectionGetPayload<{ include: typeof inspectionInclude }>;

function inspectionSource(i: InspectionRow): InspectionSource {
  return {
    id: i.id,
    kind: i.kind,
    frameworkCode: i.framework.code,
    frameworkName: i.framework.name,
    programme: i.framework.programme,
    frameworkConfirmed: i.frameworkConfirmed,
    overallRating: i.overallRating,
    score: i.score,
    scoreMax: i.scoreMax,
    publishedOn: i.publishedOn,
    publishedOnPrecision: i.publishedOnPrecision,
    fieldworkStart: i.fieldworkStart,
    fieldworkStartPrecision: i.fieldworkStartPrecision,
    sourceUrls: i.sourceUrls,
    service: i.service,
    serviceNameAtInspection: i.serviceNameAtInspection,
    notes: i.notes,
    discrepancyNote: i.discrepancyNote,
    frameworkStandards: i.framework.standards,
    ratings: i.standardRatings,
    keyQuestions: i.keyQuestionResults.map((k) => ({
      standardCode: k.keyQuestion.standard.code,
      area: k.keyQuestion.area,
      percentYes: k.percentYes,
    })),
  };
}

/** Newest first: publication date, then fieldwork date (undated last), then record id. */
const inspectionOrder: Prisma.InspectionOrderByWithRelationInput[] = [
  { publishedOn: { sort: "desc", nulls: "last" } },
  { fieldworkStart: { sort: "desc", nulls: "last" } },
  { id: "desc" },
];

/** One service with all its published inspections; null for an unknown slug. */
export async function apiService(slug: string, database: Db = defaultDb()): Promise<ServiceDetailJson | null> {
  const service = await database.service.findUnique({
    where: { slug },
    include: {
      localAuthorities: { include: { localAuthority: true } },
      inspections: { where: visibleInspectionWhere(PUBLIC_VIEWER), include: inspectionInclude, orderBy: inspectionOrder },
    },
  });
  if (!service) return null;
  const sources = service.inspections.map(inspectionSource);
  const latest = latestOf(sources.map((source, index) => ({ ...source, frameworkInUseFrom: service.inspections[index]!.framework.inUseFrom })));
  return {
    ...serviceJson({
      slug: service.slug,
      name: service.name,
      nation: service.nation,
      region: service.region,
      current: service.current,
      localAuthorities: service.localAuthorities
        .map((l) => ({ name: l.localAuthority.name, welshName: l.localAuthority.welshName }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      inspectionCount: sources.length,
      latest,
    }),
    sourceUrls: service.sourceUrls,
    inspections: sources.map(inspectionJson),
  };
}

export type InspectionFilters = {
  service?: string;
  nation?: "ENGLAND" | "WALES";
  region?: string;
  framework?: string;
  rating?: RatingFilter;
  publishedFrom?: DateBound;
  publishedTo?: DateBound;
};

export type InspectionPage = ListResult<InspectionJson> & {
  /** False when the `service` filter names no service (to tell it from an empty result); true otherwise. */
  serviceKnown: boolean;
};

/** Newest first: publication date, then fieldwork date (undated last), then record id (alias `i`). */
const INSPECTION_ORDER_SQL = Prisma.sql`i."publishedOn" desc nulls last, i."fieldworkStart" desc nulls last, i.id desc`;

type InspectionRawRow = {
  total: number;
  serviceKnown: boolean;
  id: number | null;
  kind: InspectionSource["kind"];
  frameworkCode: string;
  frameworkName: string;
  programme: string;
  frameworkConfirmed: boolean;
  overallRating: InspectionSource["overallRating"];
  score: number | null;
  scoreMax: number | null;
  publishedOn: Date | null;
  publishedOnPrecision: InspectionSource["publishedOnPrecision"];
  fieldworkStart: Date | null;
  fieldworkStartPrecision: InspectionSource["fieldworkStartPrecision"];
  sourceUrls: string[];
  slug: string;
  serviceName: string;
  serviceNameAtInspection: string;
  notes: string | null;
  discrepancyNote: string | null;
  frameworkStandards: InspectionSource["frameworkStandards"] | null;
  ratings: InspectionSource["ratings"] | null;
  keyQuestions: InspectionSource["keyQuestions"] | null;
};

/**
 * One page of published inspections, newest first, in one statement: the
 * matching rows are counted, paged, and each comes with its framework's
 * standards, its ratings and its key-question figures aggregated as JSON, so
 * the round trips do not grow with the page size or the data (Prisma's
 * `include` sends one query per relation, ten in all, and two more for a count
 * and the service check).
 */
export async function apiInspections(
  filters: InspectionFilters,
  page: number,
  pageSize: number,
  database: Db = defaultDb(),
): Promise<InspectionPage> {
  const conditions: Prisma.Sql[] = [Prisma.raw(publicInspectionSql("i"))];
  if (filters.service) conditions.push(Prisma.sql`s.slug = ${filters.service}`);
  if (filters.nation) conditions.push(Prisma.sql`s.nation = ${filters.nation}::"Nation"`);
  if (filters.region) conditions.push(Prisma.sql`s.region = ${filters.region}`);
  if (filters.framework) conditions.push(Prisma.sql`f.code = ${filters.framework}`);
  if (filters.rating === "NOT_RECORDED") conditions.push(Prisma.sql`i."overallRating" is null`);
  else if (filters.rating) conditions.push(Prisma.sql`i."overallRating" = ${filters.rating}::"Rating"`);
  if (filters.publishedFrom) conditions.push(Prisma.sql`i."publishedOn" >= ${isoDay(filters.publishedFrom.from)}::date`);
  if (filters.publishedTo) conditions.push(Prisma.sql`i."publishedOn" < ${isoDay(filters.publishedTo.to)}::date`);
  const serviceKnown = filters.service
    ? Prisma.sql`exists (select 1 from "Service" ks where ks.slug = ${filters.service})`
    : Prisma.sql`true`;

  // `one` keeps a row (with the total) when the page lies past the end.
  const rows = await database.$queryRaw<InspectionRawRow[]>`
    with matching as (
      select i.id, i."publishedOn", i."fieldworkStart"
      from "Inspection" i
      join "Service" s on s.id = i."serviceId"
      join "Framework" f on f.id = i."frameworkId"
      where ${Prisma.join(conditions, " and ")}
    ),
    paged as (
      select i.id, row_number() over (order by ${INSPECTION_ORDER_SQL}) as position
      from matching i
      order by ${INSPECTION_ORDER_SQL}
      limit ${pageSize} offset ${(page - 1) * pageSize}
    ),
    framework_standards as (
      select st."frameworkId",
        jsonb_agg(jsonb_build_object('id', st.id, 'code', st.code, 'name', st.name, 'countsTowardOverall', st."countsTowardOverall",
          'domain', jsonb_build_object('number', d.number, 'name', d.name)) order by st.ordinal) as standards
      from "Standard" st join "Domain" d on d.id = st."domainId"
      group by st."frameworkId"
    )
    select one.total, one."serviceKnown", i.id, i.kind::text as kind, f.code as "frameworkCode", f.name as "frameworkName",
      f.programme::text as programme, i."frameworkConfirmed", i."overallRating"::text as "overallRating", i.score, i."scoreMax",
      i."publishedOn", i."publishedOnPrecision"::text as "publishedOnPrecision",
      i."fieldworkStart", i."fieldworkStartPrecision"::text as "fieldworkStartPrecision", i."sourceUrls",
      s.slug, s.name as "serviceName", i."serviceNameAtInspection", i.notes, i."discrepancyNote",
      fs.standards as "frameworkStandards",
      (select jsonb_agg(jsonb_build_object('standardId', sr."standardId", 'rating', sr.rating))
         from "StandardRating" sr where sr."inspectionId" = i.id) as ratings,
      (select jsonb_agg(jsonb_build_object('standardCode', kst.code, 'area', kq.area, 'percentYes', kr."percentYes"))
         from "KeyQuestionResult" kr
         join "KeyQuestion" kq on kq.id = kr."keyQuestionId"
         join "Standard" kst on kst.id = kq."standardId"
         where kr."inspectionId" = i.id) as "keyQuestions"
    from (select (select count(*) from matching)::int as total, ${serviceKnown} as "serviceKnown") one
    left join paged p on true
    left join "Inspection" i on i.id = p.id
    left join "Service" s on s.id = i."serviceId"
    left join "Framework" f on f.id = i."frameworkId"
    left join framework_standards fs on fs."frameworkId" = i."frameworkId"
    order by p.position`;

  const first = rows[0];
  const items = rows
    .filter((r) => r.id !== null)
    .map((r) =>
      inspectionJson({
        id: r.id!,
        kind: r.kind,
        frameworkCode: r.frameworkCode,
        frameworkName: r.frameworkName,
        programme: r.programme,
        frameworkConfirmed: r.frameworkConfirmed,
        overallRating: r.overallRating,
        score: r.score,
        scoreMax: r.scoreMax,
        publishedOn: r.publishedOn,
        publishedOnPrecision: r.publishedOnPrecision,
        fieldworkStart: r.fieldworkStart,
        fieldworkStartPrecision: r.fieldworkStartPrecision,
        sourceUrls: r.sourceUrls,
        service: { slug: r.slug, name: r.serviceName },
        serviceNameAtInspection: r.serviceNameAtInspection,
        notes: r.notes,
        discrepancyNote: r.discrepancyNote,
        frameworkStandards: r.frameworkStandards ?? [],
        ratings: r.ratings ?? [],
        keyQuestions: r.keyQuestions ?? [],
      }),
    );
  return { items, total: first?.total ?? 0, serviceKnown: first?.serviceKnown ?? true };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Every standard of every framework (or of one), in framework then standard order. */
export async function apiStandards(framework: string | undefined, database: Db = defaultDb()): Promise<StandardJson[]> {
  const frameworks = await database.framework.findMany({
    where: framework ? { code: framework } : {},
    orderBy: { ordinal: "asc" },
    include: {
      standards: { orderBy: { ordinal: "asc" }, include: { domain: true, keyQuestions: { orderBy: { area: "asc" } } } },
    },
  });
  return frameworks.flatMap((f) =>
    f.standards.map((s) => ({
      framework: { code: f.code, name: f.name, programme: f.programme },
      code: s.code,
      name: s.name,
      domain: { number: s.domain.number, name: s.domain.name },
      countsTowardOverall: s.countsTowardOverall,
      caseBased: s.caseBased,
      statement: s.statement,
      statementConfirmed: s.statementConfirmed,
      keyQuestions: s.keyQuestions.map((k) => ({ area: k.area, areaLabel: keyQuestionAreaLabel(k.area), text: k.text })),
    })),
  );
}
