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
import { STANDARDS_PROGRAMME, areaWhere, rankedInspections } from "./national-sql";

/** At most this many services are listed in each band (the count is always given in full). */
export const SERVICES_PER_BAND = 200;
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
  /** Up to SERVICES_PER_BAND entries per rating (and for "not recorded"), by name. */
  bands: { rating: Rating | null; total: number; entries: BandEntry[] }[];
  keyQuestions: {
    /** Inspections counted that have at least one figure for this standard. */
    inspectionsWithFigures: number;
    areas: KeyQuestionAreaView[];
    /** Inspections with any figure below LOW_FIGURE, lowest first (at most SERVICES_PER_BAND). */
    low: LowFigureEntry[];
    lowTotal: number;
  } | null;
};

type BandRow = {
  id: number;
  slug: string;
  name: string;
  frameworkCode: string;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  rating: string | null;
};

/** One standard nationally, or null when the code is not a standard of the 2018/2021 programme. Nine round trips, eight of them side by side. */
export async function standardView(code: string, filters: AreaFilters, database: Db = defaultDb()): Promise<StandardView | null> {
  const standards = await programmeStandards(database);
  const info = standards.find((s) => s.code === code);
  if (!info) return null;

  const ranked = rankedInspections(areaWhere(filters));
  const inBasis = filters.basis === "latest" ? Prisma.sql`r."rankInProgramme" = 1` : Prisma.sql`true`;
  // The counted inspections, each with this standard's rating (null: not recorded).
  const counted = Prisma.sql`(
    select r.*, sr.rating::text as rating
    from ${ranked} r
    join "Standard" st on st."frameworkId" = r."frameworkId" and st.code = ${code}
    left join "StandardRating" sr on sr."inspectionId" = r.id and sr."standardId" = st.id
    where r.programme = ${STANDARDS_PROGRAMME} and ${inBasis}
  )`;
  const figuresOf = Prisma.sql`(
    select c.id, c.slug, c.name, c."publishedOn", c."publishedOnPrecision", kq.area::text as area, kr."percentYes" as percent
    from ${counted} c
    join "KeyQuestionResult" kr on kr."inspectionId" = c.id
    join "KeyQuestion" kq on kq.id = kr."keyQuestionId"
    join "Standard" st on st.id = kq."standardId" and st.code = ${code}
  )`;

  const [definitions, frameworkRows, yearRows, bandRows, areaRows, histogramRows, lowRows, withFigures] = await Promise.all([
    database.$queryRaw<(Omit<StandardDefinitionView, "keyQuestions"> & { area: KeyQuestionArea | null; text: string | null })[]>`
      select f.code as "frameworkCode", f.name as "frameworkName", st.name, st.statement, st."statementConfirmed",
        kq.area::text as area, kq.text
      from "Standard" st
      join "Framework" f on f.id = st."frameworkId"
      left join "KeyQuestion" kq on kq."standardId" = st.id
      where st.code = ${code} and f.programme = ${STANDARDS_PROGRAMME}
      order by f.ordinal, kq.area`,
    database.$queryRaw<{ frameworkCode: string; rating: string | null; count: number }[]>`
      select c."frameworkCode", c.rating, count(*)::int as count from ${counted} c group by 1, 2`,
    database.$queryRaw<{ year: number | null; rating: string | null; count: number }[]>`
      select c."publishedYear" as year, c.rating, count(*)::int as count from ${counted} c group by 1, 2`,
    database.$queryRaw<BandRow[]>`
      select id, slug, name, "frameworkCode", "publishedOn", "publishedOnPrecision", rating from (
        select c.*, row_number() over (partition by c.rating order by c.name, c."sortTime" desc nulls last, c.id desc) as place
        from ${counted} c
      ) b where place <= ${SERVICES_PER_BAND}
      order by name, "sortTime" desc nulls last, id desc`,
    database.$queryRaw<{ area: KeyQuestionArea; n: number; median: number; lower: number; upper: number }[]>`
      select area, count(*)::int as n,
        percentile_cont(0.5) within group (order by percent) as median,
        percentile_cont(0.25) within group (order by percent) as lower,
        percentile_cont(0.75) within group (order by percent) as upper
      from ${figuresOf} k group by 1`,
    database.$queryRaw<{ area: KeyQuestionArea; band: number; count: number }[]>`
      select area, least(percent / 10, 9)::int as band, count(*)::int as count from ${figuresOf} k group by 1, 2`,
    database.$queryRaw<
      { id: number; slug: string; name: string; publishedOn: Date | null; publishedOnPrecision: DatePrecision | null; d: number | null; c: number | null; o: number | null; lowest: number; total: number }[]
    >`
      select id, slug, name, "publishedOn", "publishedOnPrecision",
        max(percent) filter (where area = 'DESISTANCE')::int as d,
        max(percent) filter (where area = 'SAFETY_OF_CHILD')::int as c,
        max(percent) filter (where area = 'SAFETY_OF_OTHERS')::int as o,
        min(percent)::int as lowest,
        count(*) over ()::int as total
      from ${figuresOf} k
      group by 1, 2, 3, 4, 5
      having min(percent) < ${LOW_FIGURE}
      order by min(percent), name
      limit ${SERVICES_PER_BAND}`,
    database.$queryRaw<{ n: number }[]>`select count(distinct id)::int as n from ${figuresOf} k`,
  ]);

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
    entries: bandRows
      .filter((r) => r.rating === rating)
      .map((r) => ({
        inspectionId: r.id,
        slug: r.slug,
        name: r.name,
        frameworkCode: r.frameworkCode,
        published: formatPartialDate(r.publishedOn, r.publishedOnPrecision),
        rating: r.rating === null ? null : asRating(r.rating),
      })),
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
      inspectionsWithFigures: withFigures[0]?.n ?? 0,
      areas,
      low: lowRows.map((r) => ({
        inspectionId: r.id,
        slug: r.slug,
        name: r.name,
        published: formatPartialDate(r.publishedOn, r.publishedOnPrecision),
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
