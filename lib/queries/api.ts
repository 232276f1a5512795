// Read models of the public data API (/api/v1). Every read of inspections
// applies the public visibility rule: drafts and inspections still under
// embargo never appear. Each function takes a fixed number of round trips,
// whatever the size of the data.
import { publicInspectionSql } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { keyQuestionAreaLabel, type KeyQuestionArea } from "../domain/frameworks";
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

/** One service with all its published inspections; null for an unknown slug. Two statements, side by side. */
export async function apiService(slug: string, database: Db = defaultDb()): Promise<ServiceDetailJson | null> {
  const [services, rows] = await Promise.all([
    database.$queryRaw<
      { slug: string; name: string; nation: "ENGLAND" | "WALES"; region: string | null; current: boolean; sourceUrls: string[]; localAuthorities: { name: string; welshName: string | null }[] | null }[]
    >`
      select s.slug, s.name, s.nation::text as nation, s.region, s.current, s."sourceUrls",
        (select jsonb_agg(jsonb_build_object('name', la.name, 'welshName', la."welshName"))
           from "ServiceLocalAuthority" sla join "LocalAuthority" la on la.id = sla."localAuthorityId"
           where sla."serviceId" = s.id) as "localAuthorities"
      from "Service" s where s.slug = ${slug}`,
    inspectionRows([Prisma.sql`s.slug = ${slug}`], null, Prisma.sql`true`, database),
  ]);
  const service = services[0];
  if (!service) return null;
  const sources = rows.filter((r) => r.id !== null).map(sourceOf);
  return {
    ...serviceJson({
      slug: service.slug,
      name: service.name,
      nation: service.nation,
      region: service.region,
      current: service.current,
      localAuthorities: (service.localAuthorities ?? []).sort((a, b) => a.name.localeCompare(b.name)),
      inspectionCount: sources.length,
      latest: latestOf(sources),
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
  frameworkInUseFrom: number | null;
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
  const conditions: Prisma.Sql[] = [];
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

  const rows = await inspectionRows(conditions, { limit: pageSize, offset: (page - 1) * pageSize }, serviceKnown, database);
  const first = rows[0];
  const items = rows.filter((r) => r.id !== null).map((r) => inspectionJson(sourceOf(r)));
  return { items, total: first?.total ?? 0, serviceKnown: first?.serviceKnown ?? true };
}

/**
 * The visible inspections matching `conditions` (on `i` = "Inspection", `s` =
 * "Service", `f` = "Framework"), newest first, `paging` applied, each with its
 * framework's standards, its ratings and its key-question figures aggregated
 * as JSON: one statement whatever the page size or the data. The first row
 * always carries the total and `serviceKnown`; a row with a null id stands for
 * a page past the end.
 */
async function inspectionRows(
  conditions: Prisma.Sql[],
  paging: { limit: number; offset: number } | null,
  serviceKnown: Prisma.Sql,
  database: Db,
): Promise<InspectionRawRow[]> {
  const page = paging ? Prisma.sql`limit ${paging.limit} offset ${paging.offset}` : Prisma.empty;
  // `one` keeps a row (with the total) when the page lies past the end.
  return database.$queryRaw<InspectionRawRow[]>`
    with matching as (
      select i.id, i."publishedOn", i."fieldworkStart"
      from "Inspection" i
      join "Service" s on s.id = i."serviceId"
      join "Framework" f on f.id = i."frameworkId"
      where ${Prisma.join([Prisma.raw(publicInspectionSql("i")), ...conditions], " and ")}
    ),
    paged as (
      select i.id, row_number() over (order by ${INSPECTION_ORDER_SQL}) as position
      from matching i
      order by ${INSPECTION_ORDER_SQL}
      ${page}
    ),
    framework_standards as (
      select st."frameworkId",
        jsonb_agg(jsonb_build_object('id', st.id, 'code', st.code, 'name', st.name, 'countsTowardOverall', st."countsTowardOverall",
          'domain', jsonb_build_object('number', d.number, 'name', d.name)) order by st.ordinal) as standards
      from "Standard" st join "Domain" d on d.id = st."domainId"
      group by st."frameworkId"
    )
    select one.total, one."serviceKnown", i.id, i.kind::text as kind, f.code as "frameworkCode", f.name as "frameworkName",
      f.programme::text as programme, f."inUseFrom" as "frameworkInUseFrom", i."frameworkConfirmed",
      i."overallRating"::text as "overallRating", i.score, i."scoreMax",
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
}

function sourceOf(r: InspectionRawRow): InspectionSource & { frameworkInUseFrom: number | null } {
  return {
    id: r.id!,
    kind: r.kind,
    frameworkCode: r.frameworkCode,
    frameworkName: r.frameworkName,
    frameworkInUseFrom: r.frameworkInUseFrom,
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
  };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Every standard of every framework (or of one), in framework then standard order. One statement. */
export async function apiStandards(framework: string | undefined, database: Db = defaultDb()): Promise<StandardJson[]> {
  const rows = await database.$queryRaw<
    (Omit<StandardJson, "framework" | "domain" | "keyQuestions"> & {
      frameworkCode: string;
      frameworkName: string;
      programme: StandardJson["framework"]["programme"];
      domainNumber: string;
      domainName: string;
      keyQuestions: { area: KeyQuestionArea; text: string }[] | null;
    })[]
  >`
    select f.code as "frameworkCode", f.name as "frameworkName", f.programme::text as programme,
      st.code, st.name, d.number as "domainNumber", d.name as "domainName",
      st."countsTowardOverall", st."caseBased", st.statement, st."statementConfirmed",
      (select jsonb_agg(jsonb_build_object('area', kq.area, 'text', kq.text) order by kq.area)
         from "KeyQuestion" kq where kq."standardId" = st.id) as "keyQuestions"
    from "Framework" f
    join "Standard" st on st."frameworkId" = f.id
    join "Domain" d on d.id = st."domainId"
    where ${framework ? Prisma.sql`f.code = ${framework}` : Prisma.sql`true`}
    order by f.ordinal, st.ordinal`;
  return rows.map((s) => ({
    framework: { code: s.frameworkCode, name: s.frameworkName, programme: s.programme },
    code: s.code,
    name: s.name,
    domain: { number: s.domainNumber, name: s.domainName },
    countsTowardOverall: s.countsTowardOverall,
    caseBased: s.caseBased,
    statement: s.statement,
    statementConfirmed: s.statementConfirmed,
    keyQuestions: (s.keyQuestions ?? []).map((k) => ({ area: k.area, areaLabel: keyQuestionAreaLabel(k.area), text: k.text })),
  }));
}
