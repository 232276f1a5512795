// Read model of the services explorer (/services) and of the public API's
// service list: every service with its latest published inspection, filtered,
// sorted and paged by the database, in one round trip (two when the page asked
// for lies past the end, to count the rows).
//
// "Latest" is the inspection with the latest publication date, or fieldwork date
// when no publication date is recorded (undated last, ties to the newer record),
// the same rule as lib/queries/service-list.ts. Only inspections the public may
// see are read (lib/auth/visibility.ts).
import { publicInspectionSql } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import type { DatePrecision } from "../domain/partial-date";
import { RATINGS, ratingPoints, type Rating } from "../domain/rating";
import type { InspectionKind } from "../domain/inspection-kind";
import { foldSql, placeMatchSql, searchWords } from "../search/place-search";
import { EXPLORER_DOMAIN_NUMBERS, EXPLORER_STANDARD_CODES } from "./explorer-columns";

export type Nation = "ENGLAND" | "WALES";

/** A rating filter: a rating, or NOT_RECORDED for services whose latest inspection has none (or that have none). */
export type RatingFilter = Rating | "NOT_RECORDED";

export type ExplorerFilters = {
  /** Place-name search (see lib/search/place-search.ts). */
  q?: string;
  nation?: Nation;
  region?: string;
  rating?: RatingFilter;
  /** Framework code of the latest inspection. */
  framework?: string;
  /** Latest inspection dated on or after this day (UTC midnight). */
  since?: Date;
  /** Latest inspection dated before this day (UTC midnight). */
  before?: Date;
};

/** Which inspection is a service's latest: the site's one ordering rule (see orderingTime in scorecard-history.ts). */
const LATEST_ORDER = `coalesce(i."publishedOn", i."fieldworkStart", make_date(lf."inUseFrom", 1, 1))`;

export const FIXED_SORT_KEYS = [
  "name",
  "nation",
  "region",
  "localAuthorities",
  "framework",
  "rating",
  "score",
  "fieldwork",
  "published",
] as const;
export type FixedSortKey = (typeof FIXED_SORT_KEYS)[number];
/** A column to sort on: a fixed column, `domain-<number>` or `standard-<code>`. */
export type SortKey = FixedSortKey | `domain-${string}` | `standard-${string}`;
export type SortDirection = "asc" | "desc";

export const SORT_KEYS: readonly SortKey[] = [
  ...FIXED_SORT_KEYS,
  ...EXPLORER_DOMAIN_NUMBERS.map((n) => `domain-${n}` as const),
  ...EXPLORER_STANDARD_CODES.map((c) => `standard-${c}` as const),
];

export function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

export type ExplorerQuery = {
  filters: ExplorerFilters;
  sort: { key: SortKey; direction: SortDirection };
  /** 1-based. */
  page: number;
  pageSize: number;
};

export type DomainPoints = {
  /** Points of the domain's recorded standards (Outstanding 3 … Inadequate 0). */
  points: number;
  /** 3 for each recorded standard. */
  maxPoints: number;
  /** How many of the domain's standards are recorded. */
  rated: number;
  /** How many standards the domain has in the inspection's framework. */
  standards: number;
};

export type ExplorerInspection = {
  id: number;
  kind: InspectionKind;
  frameworkCode: string;
  frameworkName: string;
  frameworkConfirmed: boolean;
  programme: string;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  fieldworkStart: Date | null;
  fieldworkStartPrecision: DatePrecision | null;
  sourceUrls: string[];
  /** By domain number; a domain with no recorded standard is absent. */
  domains: Partial<Record<string, DomainPoints>>;
  /** By standard code; a standard not recorded is absent. */
  standards: Partial<Record<string, Rating>>;
};

export type ExplorerRow = {
  id: number;
  slug: string;
  name: string;
  nation: Nation;
  region: string | null;
  current: boolean;
  localAuthorities: { name: string; welshName: string | null }[];
  /** Published inspections of the service. */
  inspectionCount: number;
  latest: ExplorerInspection | null;
};

export type ExplorerPage = {
  rows: ExplorerRow[];
  /** Rows matching the filters, on every page. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Round trips to the database this answer took. */
  roundTrips: number;
};

const pointsCase = (expression: string) =>
  `(case ${expression} ${RATINGS.map((r) => `when '${r}' then ${ratingPoints(r)}`).join(" ")} end)`;

/** The SQL value a sort key orders by (alias s = Service, l = latest inspection, f = Framework). */
function sortExpression(key: SortKey, params: unknown[]): string {
  switch (key) {
    case "name":
      return `lower(s."name")`;
    case "nation":
      return `s."nation"::text`;
    case "region":
      return `s."region"`;
    case "localAuthorities":
      return `(select string_agg(lower(la."name"), '; ' order by lower(la."name")) from "ServiceLocalAuthority" sla join "LocalAuthority" la on la."id" = sla."localAuthorityId" where sla."serviceId" = s."id")`;
    case "framework":
      return `f."ordinal"`;
    case "rating":
      return pointsCase(`l."overallRating"::text`);
    case "score":
      return `l."score"`;
    case "fieldwork":
      return `l."fieldworkStart"`;
    case "published":
      return `l."publishedOn"`;
  }
  if (key.startsWith("domain-")) {
    params.push(key.slice("domain-".length));
    // Share of the recorded standards' maximum, then points, so 6/6 sorts above 3/3 ties.
    return `(select sum(${pointsCase(`sr."rating"::text`)})::float8 / (3 * count(*)) + sum(${pointsCase(`sr."rating"::text`)}) / 1000.0
      from "StandardRating" sr join "Standard" st on st."id" = sr."standardId" join "Domain" d on d."id" = st."domainId"
      where sr."inspectionId" = l."id" and d."number" = $${params.length})`;
  }
  params.push(key.slice("standard-".length));
  return `(select ${pointsCase(`sr."rating"::text`)} from "StandardRating" sr join "Standard" st on st."id" = sr."standardId"
    where sr."inspectionId" = l."id" and st."code" = $${params.length})`;
}

type RawRow = {
  id: number;
  slug: string;
  name: string;
  nation: Nation;
  region: string | null;
  current: boolean;
  total: number;
  inspectionCount: number | null;
  latestId: number | null;
  kind: InspectionKind | null;
  frameworkCode: string | null;
  frameworkName: string | null;
  frameworkConfirmed: boolean | null;
  programme: string | null;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  fieldworkStart: Date | null;
  fieldworkStartPrecision: DatePrecision | null;
  sourceUrls: string[] | null;
  localAuthorities: { name: string; welshName: string | null }[] | null;
  standards: Record<string, Rating> | null;
  domains: Record<string, DomainPoints> | null;
};

/** SQL conditions and parameters for the filters (aliases as in sortExpression). */
function filterSql(filters: ExplorerFilters, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.nation) where.push(`s."nation"::text = ${add(filters.nation)}`);
  if (filters.region) where.push(`s."region" = ${add(filters.region)}`);
  if (filters.rating === "NOT_RECORDED") where.push(`l."overallRating" is null`);
  else if (filters.rating) where.push(`l."overallRating"::text = ${add(filters.rating)}`);
  if (filters.framework) where.push(`f."code" = ${add(filters.framework)}`);
  if (filters.since) where.push(`l."sortDate" >= ${add(filters.since.toISOString().slice(0, 10))}::date`);
  if (filters.before) where.push(`l."sortDate" < ${add(filters.before.toISOString().slice(0, 10))}::date`);
  const words = searchWords(filters.q ?? "");
  if (words.length > 0) {
    const match = placeMatchSql(words, params.length + 1, "p.places");
    params.push(...match.params);
    where.push(match.sql);
  }
  return where;
}

const PLACES_JOIN = `left join lateral (
    select ${foldSql(`s."name"`)} || '|' || coalesce(string_agg(${foldSql(`la."name"`)} || '|' || coalesce(${foldSql(`la."welshName"`)}, ''), '|'), '') as places
    from "ServiceLocalAuthority" sla join "LocalAuthority" la on la."id" = sla."localAuthorityId"
    where sla."serviceId" = s."id"
  ) p on true`;

/** One page of services with their latest published inspection. */
export async function explorerPage(query: ExplorerQuery, database: Db = defaultDb()): Promise<ExplorerPage> {
  const params: unknown[] = [];
  const where = filterSql(query.filters, params);
  const needsPlaces = searchWords(query.filters.q ?? "").length > 0;
  const direction = query.sort.direction === "desc" ? "desc" : "asc";
  const sortValue = sortExpression(query.sort.key, params);
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const limit = `$${params.length - 1}`;
  const offset = `$${params.length}`;
  const publicRule = publicInspectionSql("i");

  const from = `
    from "Service" s
    left join latest l on l."serviceId" = s."id"
    left join "Framework" f on f."id" = l."frameworkId"
    ${needsPlaces ? PLACES_JOIN : ""}
    ${where.length ? `where ${where.join(" and ")}` : ""}`;

  const sql = `
    with latest as (
      select distinct on (i."serviceId") i."id", i."serviceId", i."kind", i."frameworkId", i."frameworkConfirmed",
        i."overallRating", i."score", i."scoreMax", i."publishedOn", i."publishedOnPrecision",
        i."fieldworkStart", i."fieldworkStartPrecision", i."sourceUrls",
        coalesce(i."publishedOn", i."fieldworkStart") as "sortDate",
        (count(*) over (partition by i."serviceId"))::int as "inspectionCount"
      from "Inspection" i join "Framework" lf on lf."id" = i."frameworkId"
      where ${publicRule}
      order by i."serviceId", ${LATEST_ORDER} desc nulls last, i."id" desc
    ),
    page as (
      select s."id", s."slug", s."name", s."nation"::text as "nation", s."region", s."current",
        l."id" as "latestId", l."inspectionCount", l."kind"::text as "kind", l."frameworkConfirmed",
        l."overallRating"::text as "overallRating", l."score", l."scoreMax",
        l."publishedOn", l."publishedOnPrecision"::text as "publishedOnPrecision",
        l."fieldworkStart", l."fieldworkStartPrecision"::text as "fieldworkStartPrecision", l."sourceUrls",
        f."code" as "frameworkCode", f."name" as "frameworkName", f."programme",
        (count(*) over ())::int as "total",
        row_number() over (order by ${sortValue} ${direction} nulls last, lower(s."name"), s."slug") as "position"
      ${from}
      order by "position"
      limit ${limit} offset ${offset}
    )
    select page.*,
      (select jsonb_agg(jsonb_build_object('name', la."name", 'welshName', la."welshName") order by la."name")
         from "ServiceLocalAuthority" sla join "LocalAuthority" la on la."id" = sla."localAuthorityId"
         where sla."serviceId" = page."id") as "localAuthorities",
      (select jsonb_object_agg(st."code", sr."rating")
         from "StandardRating" sr join "Standard" st on st."id" = sr."standardId"
         where sr."inspectionId" = page."latestId") as "standards",
      (select jsonb_object_agg(x."number", jsonb_build_object('points', x."points", 'maxPoints', 3 * x."rated", 'rated', x."rated", 'standards', x."standards"))
         from (
           select d."number", sum(${pointsCase(`sr."rating"::text`)})::int as "points", count(*)::int as "rated",
             (select count(*) from "Standard" s2 where s2."domainId" = d."id")::int as "standards"
           from "StandardRating" sr join "Standard" st on st."id" = sr."standardId" join "Domain" d on d."id" = st."domainId"
           where sr."inspectionId" = page."latestId"
           group by d."id", d."number"
         ) x) as "domains"
    from page
    order by page."position"`;

  const raw = await database.$queryRawUnsafe<RawRow[]>(sql, ...params);
  let roundTrips = 1;
  let total = raw[0]?.total ?? 0;
  if (raw.length === 0 && query.page > 1) {
    // Past the end: count the matching rows so the page can say how many there are.
    const countParams: unknown[] = [];
    const countWhere = filterSql(query.filters, countParams);
    const counted = await database.$queryRawUnsafe<{ n: number }[]>(
      `with latest as (
        select distinct on (i."serviceId") i."id", i."serviceId", i."frameworkId", i."overallRating",
          coalesce(i."publishedOn", i."fieldworkStart") as "sortDate"
        from "Inspection" i join "Framework" lf on lf."id" = i."frameworkId" where ${publicRule}
        order by i."serviceId", ${LATEST_ORDER} desc nulls last, i."id" desc
      )
      select count(*)::int as n
      from "Service" s left join latest l on l."serviceId" = s."id" left join "Framework" f on f."id" = l."frameworkId"
      ${needsPlaces ? PLACES_JOIN : ""}
      ${countWhere.length ? `where ${countWhere.join(" and ")}` : ""}`,
      ...countParams,
    );
    total = counted[0]?.n ?? 0;
    roundTrips++;
  }

  const rows: ExplorerRow[] = raw.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    nation: r.nation,
    region: r.region,
    current: r.current,
    localAuthorities: r.localAuthorities ?? [],
    inspectionCount: r.inspectionCount ?? 0,
    latest:
      r.latestId === null
        ? null
        : {
            id: r.latestId,
            kind: r.kind!,
            frameworkCode: r.frameworkCode!,
            frameworkName: r.frameworkName!,
            frameworkConfirmed: r.frameworkConfirmed!,
            programme: r.programme!,
            overallRating: r.overallRating,
            score: r.score,
            scoreMax: r.scoreMax,
            publishedOn: r.publishedOn,
            publishedOnPrecision: r.publishedOnPrecision,
            fieldworkStart: r.fieldworkStart,
            fieldworkStartPrecision: r.fieldworkStartPrecision,
            sourceUrls: r.sourceUrls ?? [],
            domains: r.domains ?? {},
            standards: r.standards ?? {},
          },
  }));
  return {
    rows,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    roundTrips,
  };
}
