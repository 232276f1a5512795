// Read models of the standards pages: /standards (every standard of the
// 2018/2021 programme with how often it is rated) and /standards/<code> (one
// standard nationally). Aggregate SQL, a fixed number of round trips.
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { KEY_QUESTION_AREAS, type KeyQuestionArea } from "../domain/frameworks";
import { formatPartialDate, type DatePrecision } from "../domain/partial-date";
import type { Rating } from "../domain/rating";
import {
  asRating,
  distributionOf,
  figureSummary,
  MIN_N,
  type Distribution,
  type FigureSummary,
} from "./national-distribution";
import type { AreaFilters } from "./national-filters";
import { programmeStandards, type StandardInfo } from "./national";
import { publishedFigures } from "./published-figures";
import { STANDARDS_PROGRAMME, areaWhere, rankedInspections } from "./national-sql";

/**
 * A band (or the list of low key-question figures) of at most this many
 * inspections is listed whole; the largest band on the real dataset has 144
 * (checked in round-trips.db.test.ts), so at the real size every list is whole.
 */
export const LISTED_WHOLE_UP_TO = 150;
/** A larger band lists its first this many by name, with its full count and a link to the rest. */
export const SERVICES_PER_BAND = 50;
/** The key-question figure below which a service is listed. */
export const LOW_FIGURE = 50;

export type StandardIndexEntry = StandardInfo & {
  /** Visible 2018/2021-programme inspections whose framework has the standard, and how many of them rate it. */
  inspections: number;
  rated: number;
};

/** Every standard of the 2018/2021 programme with how many visible inspections rate it. Two round trips. */
export async function standardsIndex(database: Db = defaultDb()): Promise<StandardIndexEntry[]> {
  const [standards, rows] = await Promise.all([
    programmeStandards(database),
    database.$queryRaw<{ code: string; inspections: number; rated: number }[]>`
      select st.code, count(*)::int as inspections, count(sr.rating)::int as rated
      from ${rankedInspections()} r
      join "Standard" st on st."frameworkId" = r."frameworkId"
      left join "StandardRating" sr on sr."inspectionId" = r.id and sr."standardId" = st.id
      where r.programme = ${STANDARDS_PROGRAMME}
      group by 1`,
  ]);
  return standards.map((s) => {
    const row = rows.find((r) => r.code === s.code);
    return { ...s, inspections: row?.inspections ?? 0, rated: row?.rated ?? 0 };
  });
}

export type StandardDefinitionView = {
  frameworkCode: string;
  frameworkName: string;
  name: string;
  statement: string | null;
  statementConfirmed: boolean;
  keyQuestions: { area: KeyQuestionArea; text: string }[];
};

export type BandEntry = {
  inspectionId: number;
  slug: string;
  name: string;
  frameworkCode: string;
  published: string | null;
  rating: Rating | null;
};

export type LowFigureEntry = {
  inspectionId: number;
  slug: string;
  name: string;
  published: string | null;
  /** Desistance, safety of the child, safety of other people (null: not recorded). */
  figures: [number | null, number | null, number | null];
};

export type KeyQuestionAreaView = FigureSummary & {
  area: KeyQuestionArea;
  /** Inspections by 10-point band of the figure: 0–9, 10–19 … 90–100 (ten bands); null when n < MIN_N. */
  histogram: number[] | null;
};

export type StandardView = {
  info: StandardInfo;
  filters: AreaFilters;
  definitions: StandardDefinitionView[];
  /** Inspections counted (2018/2021 programme whose framework has the standard; basis and area applied). */
  inspections: number;
  overall: Distribution;
  byFramework: { frameworkCode: string; distribution: Distribution }[];
  byYear: { year: number | null; distribution: Distribution }[];
  /** Per rating (and for "not recorded"), by name: all entries up to LISTED_WHOLE_UP_TO, else the first SERVICES_PER_BAND. */
  bands: { rating: Rating | null; total: number; entries: BandEntry[] }[];
  keyQuestions: {
    /** Inspections counted that have at least one figure for this standard. */
    inspectionsWithFigures: number;
    areas: KeyQuestionAreaView[];
    /** Inspections with any figure below LOW_FIGURE, lowest first (bounded as the bands are). */
    low: LowFigureEntry[];
    lowTotal: number;
  } | null;
};

type BandRow = {
  id: number;
  slug: string;
  name: string;
  frameworkCode: string;
  /** The publication day as `YYYY-MM-DD` (JSON carries no dates). */
  publishedOn: string | null;
  publishedOnPrecision: DatePrecision | null;
  rating: string | null;
};

type LowRow = {
  id: number;
  slug: string;
  name: string;
  publishedOn: string | null;
  publishedOnPrecision: DatePrecision | null;
  d: number | null;
  c: number | null;
  o: number | null;
  total: number;
};

/** A `YYYY-MM-DD` day from a JSON aggregate as the UTC midnight Prisma gives for a date column. */
function dayOf(text: string | null): Date | null {
  return text === null ? null : new Date(`${text}T00:00:00.000Z`);
}

/** How many of a list of `total` entries are shown: all up to LISTED_WHOLE_UP_TO, else SERVICES_PER_BAND. */
function listedSql(total: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(case when ${total} <= ${LISTED_WHOLE_UP_TO}::int then ${LISTED_WHOLE_UP_TO}::int else ${SERVICES_PER_BAND}::int end)`;
}

/** The band's rating as SQL: null stands for "not recorded". */
function bandRatingSql(rating: Rating | null): Prisma.Sql {
  return rating === null ? Prisma.sql`c.rating is null` : Prisma.sql`c.rating = ${rating}`;
}

/**
 * The inspections counted for a standard (2018/2021 programme whose framework
 * has it; area filters and basis applied), each with the standard's rating
 * (null: not recorded). A subquery: alias it yourself.
 */
function countedSql(code: string, filters: AreaFilters): Prisma.Sql {
  const ranked = rankedInspections(areaWhere(filters));
  const inBasis = filters.basis === "latest" ? Prisma.sql`r."rankInProgramme" = 1` : Prisma.sql`true`;
  return Prisma.sql`(
    select r.*, sr.rating::text as rating
    from ${ranked} r
    join "Standard" st on st."frameworkId" = r."frameworkId" and st.code = ${code}
    left join "StandardRating" sr on sr."inspectionId" = r.id and sr."standardId" = st.id
    where r.programme = ${STANDARDS_PROGRAMME} and ${inBasis}
  )`;
}

/** A band's entry as a JSON object (alias `c`), built only for the entries listed; BAND_ORDER_X (alias `x`) is their order: by name, newest first for the same name. */
const BAND_ENTRY_JSON = Prisma.sql`jsonb_build_object('id', c.id, 'slug', c.slug, 'name', c.name, 'frameworkCode', c."frameworkCode",
  'publishedOn', c."publishedOn", 'publishedOnPrecision', c."publishedOnPrecision", 'rating', c.rating)`;
const BAND_ORDER_X = Prisma.sql`x.name, x."sortTime" desc nulls last, x.id desc`;

function bandEntry(r: BandRow): BandEntry {
  return {
    inspectionId: r.id,
    slug: r.slug,
    name: r.name,
    frameworkCode: r.frameworkCode,
    published: formatPartialDate(dayOf(r.publishedOn), r.publishedOnPrecision),
    rating: r.rating === null ? null : asRating(r.rating),
  };
}

type ViewRow = {
  definitions: (Omit<StandardDefinitionView, "keyQuestions"> & { area: KeyQuestionArea | null; text: string | null })[] | null;
  frameworkRows: { frameworkCode: string; rating: string | null; count: number }[] | null;
  yearRows: { year: number | null; rating: string | null; count: number }[] | null;
  bandRows: BandRow[] | null;
  areaRows: { area: KeyQuestionArea; n: number; median: number; lower: number; upper: number }[] | null;
  histogramRows: { area: KeyQuestionArea; band: number; count: number }[] | null;
  lowRows: LowRow[] | null;
  withFigures: number;
};

/**
 * One standard nationally, or null when the code is not a standard of the
 * 2018/2021 programme. Two statements, sent side by side: the programme's
 * standards (national.ts) and one aggregate statement for everything else, its
 * parts as JSON columns of one row. The band lists are bounded (SERVICES_PER_BAND
 * each, with every band's full count), so the page does not grow with the data.
 */
export async function standardView(code: string, filters: AreaFilters, database: Db = defaultDb()): Promise<StandardView | null> {
  const counted = countedSql(code, filters);
  const [standards, [row]] = await Promise.all([
    programmeStandards(database),
    database.$queryRaw<ViewRow[]>`
      with counted as materialized ${counted},
      figures as materialized (
        select c.id, c.slug, c.name, c."publishedOn", c."publishedOnPrecision", kq.area::text as area, kr."percentYes" as percent
        from counted c
        join "KeyQuestionResult" kr on kr."inspectionId" = c.id
        join "KeyQuestion" kq on kq.id = kr."keyQuestionId"
        join "Standard" st on st.id = kq."standardId" and st.code = ${code}
      )
      select
        (select jsonb_agg(to_jsonb(x) order by x.ordinal, x.area) from (
          select f.code as "frameworkCode", f.name as "frameworkName", st.name, st.statement, st."statementConfirmed",
            kq.area::text as area, kq.text, f.ordinal
          from "Standard" st
          join "Framework" f on f.id = st."frameworkId"
          left join "KeyQuestion" kq on kq."standardId" = st.id
          where st.code = ${code} and f.programme = ${STANDARDS_PROGRAMME}
        ) x) as definitions,
        (select jsonb_agg(to_jsonb(x)) from (
          select c."frameworkCode", c.rating, count(*)::int as count from counted c group by 1, 2
        ) x) as "frameworkRows",
        (select jsonb_agg(to_jsonb(x)) from (
          select c."publishedYear" as year, c.rating, count(*)::int as count from counted c group by 1, 2
        ) x) as "yearRows",
        (select jsonb_agg(${BAND_ENTRY_JSON} order by c.place) from (
          select x.*, row_number() over (partition by x.rating order by ${BAND_ORDER_X}) as place,
            count(*) over (partition by x.rating) as "bandTotal"
          from counted x
        ) c where c.place <= ${listedSql(Prisma.sql`c."bandTotal"`)}) as "bandRows",
        (select jsonb_agg(to_jsonb(x)) from (
          select area, count(*)::int as n,
            percentile_cont(0.5) within group (order by percent) as median,
            percentile_cont(0.25) within group (order by percent) as lower,
            percentile_cont(0.75) within group (order by percent) as upper
          from figures k group by 1
        ) x) as "areaRows",
        (select jsonb_agg(to_jsonb(x)) from (
          select area, least(percent / 10, 9)::int as band, count(*)::int as count from figures k group by 1, 2
        ) x) as "histogramRows",
        (select jsonb_agg(to_jsonb(x) order by x.lowest, x.name) from (
          select *, row_number() over (order by lowest, name) as place from (
          select id, slug, name, "publishedOn", "publishedOnPrecision",
            max(percent) filter (where area = 'DESISTANCE')::int as d,
            max(percent) filter (where area = 'SAFETY_OF_CHILD')::int as c,
            max(percent) filter (where area = 'SAFETY_OF_OTHERS')::int as o,
            min(percent)::int as lowest,
            count(*) over ()::int as total
          from figures k
          group by 1, 2, 3, 4, 5
          having min(percent) < ${LOW_FIGURE}
          ) l
        ) x where x.place <= ${listedSql(Prisma.sql`x.total`)}) as "lowRows",
        (select count(distinct id)::int from figures k) as "withFigures"`,
  ]);
  const info = standards.find((s) => s.code === code);
  if (!info || !row) return null;
  const definitions = row.definitions ?? [];
  const frameworkRows = row.frameworkRows ?? [];
  const yearRows = row.yearRows ?? [];
  const bandRows = row.bandRows ?? [];
  const areaRows = row.areaRows ?? [];
  const histogramRows = row.histogramRows ?? [];
  const lowRows = row.lowRows ?? [];

  const defs = new Map<string, StandardDefinitionView>();
  for (const row of definitions) {
    let def = defs.get(row.frameworkCode);
    if (!def) {
      def = {
        frameworkCode: row.frameworkCode,
        frameworkName: row.frameworkName,
        name: row.name,
        statement: row.statement,
        statementConfirmed: row.statementConfirmed,
        keyQuestions: [],
      };
      defs.set(row.frameworkCode, def);
    }
    if (row.area && row.text) def.keyQuestions.push({ area: row.area, text: row.text });
  }

  const byFramework = info.frameworks.map((frameworkCode) => ({
    frameworkCode,
    distribution: distributionOf(frameworkRows.filter((r) => r.frameworkCode === frameworkCode)),
  }));
  const overall = distributionOf(frameworkRows);
  const years = [...new Set(yearRows.map((r) => r.year))].sort((a, b) => (a ?? 99999) - (b ?? 99999));
  const byYear = years.map((year) => ({ year, distribution: distributionOf(yearRows.filter((r) => r.year === year)) }));

  const ratingsInOrder: (Rating | null)[] = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", null];
  const bands = ratingsInOrder.map((rating) => ({
    rating,
    total: rating === null ? overall.notRecorded : overall.counts[rating],
    entries: bandRows.filter((r) => r.rating === rating).map(bandEntry),
  }));

  let keyQuestions: StandardView["keyQuestions"] = null;
  if (info.caseBased) {
    const areas = KEY_QUESTION_AREAS.map((area) => {
      const row = areaRows.find((r) => r.area === area);
      const summary = figureSummary(row?.n ?? 0, row?.median ?? null, row?.lower ?? null, row?.upper ?? null);
      const histogram =
        summary.n < MIN_N
          ? null
          : Array.from({ length: 10 }, (_, band) => histogramRows.find((h) => h.area === area && h.band === band)?.count ?? 0);
      return { area, ...summary, histogram };
    });
    keyQuestions = {
      inspectionsWithFigures: row.withFigures ?? 0,
      areas,
      low: lowRows.map((r) => ({
        inspectionId: r.id,
        slug: r.slug,
        name: r.name,
        published: formatPartialDate(dayOf(r.publishedOn), r.publishedOnPrecision),
        figures: [r.d, r.c, r.o],
      })),
      lowTotal: lowRows[0]?.total ?? 0,
    };
  }

  return {
    info,
    filters,
    definitions: [...defs.values()],
    inspections: overall.rated + overall.notRecorded,
    overall,
    byFramework,
    byYear,
    bands,
    keyQuestions,
  };
}

/** Band names in URLs (/standards/<code>/bands/<band>), in the page's order. */
export const BAND_SLUGS = ["outstanding", "good", "requires-improvement", "inadequate", "not-recorded"] as const;
export type BandSlug = (typeof BAND_SLUGS)[number];

/**
 * standardView kept per version of the published data (published-figures.ts):
 * every part of it is drawn from published results by the public rule, so it is
 * the same for every reader until the data changes, and a render of a standard's
 * page at ×100 need not aggregate every inspection again. One entry per code and
 * area filter, within the memo's bound.
 */
export function publishedStandardView(code: string, filters: AreaFilters, database: Db = defaultDb()): Promise<StandardView | null> {
  const name = `standard ${code}: ${filters.nation ?? "both nations"}, ${filters.region ?? "every region"}, ${filters.basis}`;
  return publishedFigures(database).get(name, () => standardView(code, filters, database));
}

export function bandSlug(rating: Rating | null): BandSlug {
  return rating === null ? "not-recorded" : (rating.toLowerCase().replaceAll("_", "-") as BandSlug);
}

/** The band a URL names, or undefined for a name that is not one. */
export function bandOfSlug(slug: string): { rating: Rating | null } | undefined {
  if (!(BAND_SLUGS as readonly string[]).includes(slug)) return undefined;
  return { rating: slug === "not-recorded" ? null : asRating(slug.toUpperCase().replaceAll("-", "_")) };
}

/** Entries on each page of a band's own list. */
export const BAND_PAGE_SIZE = 100;

export type StandardBandPage = {
  info: StandardInfo;
  filters: AreaFilters;
  rating: Rating | null;
  /** Inspections in the band (filters and basis applied). */
  total: number;
  /** In name order, as on the standard's page; this page's share. */
  entries: BandEntry[];
  page: number;
  pageCount: number;
};

/**
 * Every inspection in one rating band of a standard, a page at a time, in the
 * order of the standard's page: where "and K more" leads. Two statements side
 * by side, whatever the page or the size of the band.
 */
export async function standardBand(
  code: string,
  filters: AreaFilters,
  rating: Rating | null,
  page: number,
  database: Db = defaultDb(),
): Promise<StandardBandPage | null> {
  const [standards, rows] = await Promise.all([
    programmeStandards(database),
    database.$queryRaw<{ total: number; entries: BandRow[] | null }[]>`
      with band as materialized (select c.* from ${countedSql(code, filters)} c where ${bandRatingSql(rating)})
      select (select count(*)::int from band) as total,
        (select jsonb_agg(${BAND_ENTRY_JSON} order by c.place) from (
          select x.*, row_number() over (order by ${BAND_ORDER_X}) as place
          from band x order by place limit ${BAND_PAGE_SIZE} offset ${(page - 1) * BAND_PAGE_SIZE}
        ) c) as entries`,
  ]);
  const info = standards.find((s) => s.code === code);
  if (!info) return null;
  const total = rows[0]?.total ?? 0;
  return {
    info,
    filters,
    rating,
    total,
    entries: (rows[0]?.entries ?? []).map(bandEntry),
    page,
    pageCount: Math.max(1, Math.ceil(total / BAND_PAGE_SIZE)),
  };
}
