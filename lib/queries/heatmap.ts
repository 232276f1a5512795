// Read model of the heatmap (/heatmap): services (rows) × standards (columns).
//
// Two ways, one set of rules (heatmap-filters.ts):
// - "client": when every visible inspection fits comfortably in the page
//   (CLIENT_ROW_LIMIT), they are all sent, and the browser filters, picks the
//   latest per service and sorts them itself, so a change shows at once;
// - "server": otherwise (e.g. 16,000 synthetic services), the filters, the
//   latest-per-service rule, the sort and the paging run in SQL and only one
//   page of rows is sent, with the distribution of every column over all
//   matching rows.
// Either way a fixed number of round trips: at most three (two side by side, then one).
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { KeyQuestionArea } from "../domain/frameworks";
import { formatPartialDate, isoPartialDate, type DatePrecision } from "../domain/partial-date";
import { addToDistribution, asRating, distributionOf, type Distribution, type Programme } from "./national-distribution";
import type { Nation } from "./national-filters";
import { programmeStandards, type StandardInfo } from "./national";
import { areaWhere, rankedInspections } from "./national-sql";
import type { HeatmapParams, HeatmapRow, InspectionKindCode } from "./heatmap-filters";
import { publicInspectionSql } from "../auth/visibility";
import { KINDS, RATING_LETTERS, type PackedHeatmap, type PackedInspection } from "./heatmap-packed";

export const HEATMAP_PAGE_SIZE = 100;
/** Up to this many visible inspections, the browser does the filtering and sorting. */
export const CLIENT_ROW_LIMIT = 400;

export type HeatmapView = {
  mode: "client" | "server";
  params: HeatmapParams;
  /** The 2018/2021 programme's standards, in code order. */
  columns: StandardInfo[];
  /** client: every visible inspection; server: the rows of the requested page, in order. */
  rows: HeatmapRow[];
  /** server: how many rows match (all pages); client: null, the browser counts. */
  total: number | null;
  /** server: each column's distribution over every matching row; client: null. */
  summary: Record<string, Distribution> | null;
  pageSize: number;
  /** First and last publication year of the visible inspections. */
  years: { min: number; max: number } | null;
  /** Visible inspections in all. */
  inspections: number;
};

const AREA_INDEX: Record<KeyQuestionArea, 0 | 1 | 2> = { DESISTANCE: 0, SAFETY_OF_CHILD: 1, SAFETY_OF_OTHERS: 2 };

type RankedRow = {
  id: number;
  slug: string;
  name: string;
  nation: Nation;
  region: string | null;
  frameworkCode: string;
  programme: Programme;
  kind: InspectionKindCode;
  overallRating: string | null;
  score: number | null;
  scoreMax: number | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  publishedYear: number | null;
  sortTime: number | null;
};

const ROW_COLUMNS = Prisma.sql`r.id, r.slug, r.name, r.nation, r.region, r."frameworkCode", r.programme, r.kind,
  r."overallRating", r.score, r."scoreMax", r."publishedOn", r."publishedOnPrecision", r."publishedYear", r."sortTime"`;

/** The SQL conditions of the filters (the basis aside), on `i`, `s` and `f`. */
export function heatmapWhere(p: HeatmapParams): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const area = areaWhere(p);
  if (area !== Prisma.empty) parts.push(area);
  if (p.framework === "standards") parts.push(Prisma.sql`f.programme = 'STANDARDS_2018_2021'`);
  else if (p.framework === "2025") parts.push(Prisma.sql`f.programme = 'PROGRAMME_2025'`);
  else if (p.framework) parts.push(Prisma.sql`f.code = ${p.framework}`);
  if (p.kind) parts.push(Prisma.sql`i.kind = ${p.kind}::"InspectionKind"`);
  if (p.from !== null) parts.push(Prisma.sql`i."publishedOn" >= make_date(${p.from}::int, 1, 1)`);
  if (p.to !== null) parts.push(Prisma.sql`i."publishedOn" < make_date(${p.to + 1}::int, 1, 1)`);
  return parts.length === 0 ? Prisma.empty : Prisma.join(parts, " and ");
}

const POINTS_SQL = (column: Prisma.Sql) =>
  Prisma.sql`(case ${column} when 'OUTSTANDING' then 3 when 'GOOD' then 2 when 'REQUIRES_IMPROVEMENT' then 1 when 'INADEQUATE' then 0 end)`;

function orderBy(p: HeatmapParams): Prisma.Sql {
  let value: Prisma.Sql;
  if (p.sort === "name") value = Prisma.sql`lower(r.name)`;
  else if (p.sort === "overall") value = POINTS_SQL(Prisma.sql`r."overallRating"`);
  else if (p.sort === "score") value = Prisma.sql`r.score`;
  else if (p.sort === "published") value = Prisma.sql`r."sortTime"`;
  else {
    const code = p.sort.slice(4);
    value = POINTS_SQL(Prisma.sql`(select sr.rating::text from "StandardRating" sr join "Standard" st on st.id = sr."standardId"
      where sr."inspectionId" = r.id and st.code = ${code})`);
  }
  const dir = Prisma.raw(p.dir === "asc" ? "asc" : "desc");
  return Prisma.sql`order by ${value} ${dir} nulls last, r.name, r."sortTime" desc nulls last, r.id desc`;
}

/**
 * Each row's standard ratings and key-question figures, as JSON columns of the
 * row's own statement (alias `r`), so that rows and their details are one
 * round trip rather than three.
 */
/** An inspection's key-question figures as a JSON list of { code, area, percent } (null when it has none). */
function figureListSql(inspectionId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(select jsonb_agg(jsonb_build_object('code', st.code, 'area', kq.area, 'percent', kr."percentYes"))
     from "KeyQuestionResult" kr
     join "KeyQuestion" kq on kq.id = kr."keyQuestionId"
     join "Standard" st on st.id = kq."standardId"
     where kr."inspectionId" = ${inspectionId})`;
}

const DETAIL_COLUMNS = Prisma.sql`
  (select jsonb_agg(jsonb_build_object('code', st.code, 'rating', sr.rating))
     from "StandardRating" sr join "Standard" st on st.id = sr."standardId"
     where sr."inspectionId" = r.id) as "ratingList",
  ${figureListSql(Prisma.sql`r.id`)} as "figureList"`;

type FigureEntry = { code: string; area: KeyQuestionArea; percent: number };
type DetailedRow = RankedRow & { ratingList: { code: string; rating: string }[] | null; figureList: FigureEntry[] | null };

/** The rows with their details, as toRows takes them. */
function detailedRows(rows: DetailedRow[]): HeatmapRow[] {
  return toRows(
    rows,
    rows.flatMap((r) => (r.ratingList ?? []).map((x) => ({ id: r.id, ...x }))),
    rows.flatMap((r) => (r.figureList ?? []).map((x) => ({ id: r.id, ...x }))),
  );
}

function toRows(
  ranked: RankedRow[],
  ratings: { id: number; code: string; rating: string }[],
  figures: { id: number; code: string; area: KeyQuestionArea; percent: number }[],
): HeatmapRow[] {
  const rows = new Map<number, HeatmapRow>();
  for (const r of ranked) {
    rows.set(r.id, {
      id: r.id,
      slug: r.slug,
      name: r.name,
      nation: r.nation,
      region: r.region,
      frameworkCode: r.frameworkCode,
      programme: r.programme,
      kind: r.kind,
      publishedYear: r.publishedYear,
      published: formatPartialDate(r.publishedOn, r.publishedOnPrecision),
      sortTime: r.sortTime,
      overall: r.overallRating === null ? null : asRating(r.overallRating),
      score: r.score,
      scoreMax: r.scoreMax,
      ratings: {},
      figures: {},
    });
  }
  for (const { id, code, rating } of ratings) {
    const row = rows.get(id);
    if (row) row.ratings[code] = asRating(rating);
  }
  for (const { id, code, area, percent } of figures) {
    const row = rows.get(id);
    if (!row) continue;
    const triple = (row.figures[code] ??= [null, null, null]);
    triple[AREA_INDEX[area]] = percent;
  }
  return ranked.map((r) => rows.get(r.id)!);
}

type Part = { part: "total" | "framework" | "rated"; key: string | null; rating: string | null; n: number };

export async function heatmapView(
  params: HeatmapParams,
  database: Db = defaultDb(),
  options: { clientRowLimit?: number } = {},
): Promise<HeatmapView> {
  const limit = options.clientRowLimit ?? CLIENT_ROW_LIMIT;
  const [columns, meta] = await Promise.all([
    programmeStandards(database),
    database.$queryRaw<{ inspections: number; min: number | null; max: number | null }[]>`
      select count(*)::int as inspections, min(r."publishedYear")::int as min, max(r."publishedYear")::int as max
      from ${rankedInspections()} r`,
  ]);
  const { inspections, min, max } = meta[0] ?? { inspections: 0, min: null, max: null };
  const years = min !== null && max !== null ? { min, max } : null;
  const base = { params, columns, years, inspections, pageSize: HEATMAP_PAGE_SIZE };

  if (inspections <= limit) {
    const ranked = await database.$queryRaw<DetailedRow[]>`select ${ROW_COLUMNS}, ${DETAIL_COLUMNS} from ${rankedInspections()} r order by r.id`;
    return { ...base, mode: "client", rows: detailedRows(ranked), total: null, summary: null };
  }

  const ranked = rankedInspections(heatmapWhere(params));
  const inBasis = params.basis === "latest" ? Prisma.sql`r."rankInService" = 1` : Prisma.sql`true`;
  const offset = (params.page - 1) * HEATMAP_PAGE_SIZE;
  // The page (with its rows' details) and the summary of every selected row, in one statement;
  // `one` keeps the summary when the page lies past the end.
  const result = await database.$queryRaw<(Partial<DetailedRow> & { parts: Part[] | null })[]>`
    with sel as materialized (select r.* from ${ranked} r where ${inBasis}),
    page as (
      select ${ROW_COLUMNS}, ${DETAIL_COLUMNS}, row_number() over (${orderBy(params)}) as position
      from sel r ${orderBy(params)} limit ${HEATMAP_PAGE_SIZE} offset ${offset}
    ),
    parts as (
      select 'total'::text as part, null::text as key, null::text as rating, count(*)::int as n from sel
      union all
      select 'framework', "frameworkCode", null, count(*)::int from sel group by 2
      union all
      select 'rated', st.code, sr.rating::text, count(*)::int
      from sel join "StandardRating" sr on sr."inspectionId" = sel.id join "Standard" st on st.id = sr."standardId"
      group by 2, 3
    )
    select one.parts, page.* from (select (select jsonb_agg(to_jsonb(p)) from parts p) as parts) one
    left join page on true
    order by page.position`;
  const parts = result[0]?.parts ?? [];
  const page = result.filter((r): r is DetailedRow & { parts: Part[] | null } => r.id !== null && r.id !== undefined);
  const frameworkCounts = new Map(parts.filter((p) => p.part === "framework").map((p) => [p.key!, p.n]));
  const summary = Object.fromEntries(
    columns.map((c) => {
      const distribution = distributionOf(parts.filter((p) => p.part === "rated" && p.key === c.code).map((p) => ({ rating: p.rating, count: p.n })));
      const applicable = c.frameworks.reduce((sum, f) => sum + (frameworkCounts.get(f) ?? 0), 0);
      return [c.code, addToDistribution(distribution, null, applicable - distribution.rated)];
    }),
  );
  const total = parts.find((p) => p.part === "total")?.n ?? 0;
  return { ...base, mode: "server", rows: detailedRows(page), total, summary };
}

/**
 * Every visible inspection, packed (heatmap-packed.ts), for the browser to
 * filter and sort itself when there are too many to send with the page. Two
 * round trips: the standards, then one statement that writes each
 * inspection's ratings as one short text in SQL (at 16,000 services, 62,000
 * texts rather than 700,000 rows), put in column order here. It uses the
 * same "latest" order (sortTime) as rankedInspections in national-sql.ts. Key-question figures are left out (they
 * would double the size); the browser asks for one inspection's when it shows
 * them (`heatmapFigures`).
 */
export async function heatmapPacked(database: Db = defaultDb()): Promise<PackedHeatmap> {
  const columns = await programmeStandards(database);
  const codes = columns.map((c) => c.code);
  const position = new Map(codes.map((code, i) => [code, i]));
  /** "1.1G2.1R…" (code and rating letter, in any order; codes are one digit, a dot and one digit) as one letter per column. */
  const ratingsText = (pairs: string | null): string => {
    const letters = Array.from({ length: codes.length }, () => "-");
    for (let i = 0; pairs && i + 4 <= pairs.length; i += 4) {
      const at = position.get(pairs.slice(i, i + 3));
      if (at !== undefined) letters[at] = pairs[i + 3]!;
    }
    return letters.join("");
  };
  // No ranking here (the browser picks the latest itself); per inspection, its ratings through the
  // covering index: about twice as fast as aggregating every rating at once.
  const rows = await database.$queryRaw<(RankedRow & { serviceId: number; ratings: string | null; hasFigures: boolean })[]>`
    select i.id, i."serviceId", s.slug, s.name, s.nation::text as nation, s.region, f.code as "frameworkCode", f.programme,
      i.kind::text as kind, i."overallRating"::text as "overallRating", i.score, i."scoreMax", i."publishedOn",
      i."publishedOnPrecision"::text as "publishedOnPrecision",
      (extract(epoch from coalesce(i."publishedOn", i."fieldworkStart", make_date(f."inUseFrom", 1, 1))) * 1000)::float8 as "sortTime",
      (select string_agg(st.code || substr(sr.rating::text, 1, 1), '')
       from "StandardRating" sr join "Standard" st on st.id = sr."standardId" where sr."inspectionId" = i.id) as ratings,
      exists (select 1 from "KeyQuestionResult" kr where kr."inspectionId" = i.id) as "hasFigures"
    from "Inspection" i
    join "Service" s on s.id = i."serviceId"
    join "Framework" f on f.id = i."frameworkId"
    where ${Prisma.raw(publicInspectionSql("i"))}
    order by i.id`;
  const services: PackedHeatmap["services"] = [];
  const serviceIndex = new Map<number, number>();
  const frameworks: PackedHeatmap["frameworks"] = [];
  const frameworkIndex = new Map<string, number>();
  const inspections: PackedInspection[] = rows.map((r) => {
    let s = serviceIndex.get(r.serviceId);
    if (s === undefined) {
      s = services.push([r.slug, r.name, r.nation, r.region]) - 1;
      serviceIndex.set(r.serviceId, s);
    }
    let f = frameworkIndex.get(r.frameworkCode);
    if (f === undefined) {
      f = frameworks.push([r.frameworkCode, r.programme]) - 1;
      frameworkIndex.set(r.frameworkCode, f);
    }
    return [
      r.id,
      s,
      f,
      KINDS.indexOf(r.kind),
      isoPartialDate(r.publishedOn, r.publishedOnPrecision),
      r.sortTime,
      r.overallRating === null ? "" : RATING_LETTERS[asRating(r.overallRating)],
      r.score,
      r.scoreMax,
      ratingsText(r.ratings),
      r.hasFigures ? 1 : 0,
    ];
  });
  return { codes, services, frameworks, inspections };
}

/** One inspection's key-question figures, if the public may see it; null otherwise. One statement. */
export async function heatmapFigures(inspectionId: number, database: Db = defaultDb()): Promise<HeatmapRow["figures"] | null> {
  const [row] = await database.$queryRaw<{ visible: boolean; figures: FigureEntry[] | null }[]>`
    select exists (select 1 from "Inspection" i where i.id = ${inspectionId} and ${Prisma.raw(publicInspectionSql("i"))}) as visible,
      ${figureListSql(Prisma.sql`${inspectionId}::int`)} as figures`;
  if (!row?.visible) return null;
  const out: HeatmapRow["figures"] = {};
  for (const { code, area, percent } of row.figures ?? []) (out[code] ??= [null, null, null])[AREA_INDEX[area]] = percent;
  return out;
}
