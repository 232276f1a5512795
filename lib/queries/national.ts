// Read model of the national overview ("/"): overall ratings, every standard's
// distribution, key-question figures, ratings by region and by year. Aggregate
// SQL only, in a fixed number of round trips whatever the size of the data.
import { db as defaultDb } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { KeyQuestionArea } from "../domain/frameworks";
import {
  addToDistribution,
  asRating,
  emptyDistribution,
  figureSummary,
  percentileOfCounts,
  type Distribution,
  type FigureSummary,
  type Programme,
} from "./national-distribution";
import type { AreaFilters } from "./national-filters";
import { LATEST_ORDER, PROGRAMME_2025, STANDARDS_PROGRAMME, areaWhere } from "./national-sql";
import { publicInspectionSql } from "../auth/visibility";
import { publishedFigures, type SqlReader } from "./published-figures";

export type StandardInfo = {
  code: string;
  /** The standard's name; where frameworks name it differently (3.4) both names, newest first. */
  name: string;
  domainNumber: string;
  domainName: string;
  caseBased: boolean;
  countsTowardOverall: boolean;
  /** Frameworks of the 2018/2021 programme that have this standard. */
  frameworks: string[];
};

export type StandardDistribution = StandardInfo & {
  distribution: Distribution;
  /** Frameworks of the inspections that have a rating for this standard. */
  ratedFrameworks: string[];
};

export type KeyQuestionFigures = { code: string; name: string; areas: (FigureSummary & { area: KeyQuestionArea })[] };

export type OverviewRow = { label: string; distribution: Distribution };

export type NationalOverview = {
  filters: AreaFilters;
  /** Services in the area, how many have a published inspection, and every service whatever the area. */
  services: { total: number; inspected: number; everywhere: number };
  /** Inspections counted by programme (the basis applied). */
  inspections: Record<Programme, number>;
  /** Overall ratings, one row per programme. */
  overall: (OverviewRow & { programme: Programme })[];
  standards: StandardDistribution[];
  /** Inspections counted for standards and key questions (2018/2021 programme, basis applied). */
  standardsInspections: number;
  keyQuestions: KeyQuestionFigures[];
  /** Inspections with at least one key-question figure. */
  keyQuestionInspections: number;
  /** How complete the counted 2018/2021 inspections are: all twelve counting standards rated, some, or none. */
  coverage: { all: number; some: number; none: number };
  /** Overall ratings by region (Wales as one row), 2018/2021 programme only. */
  regions: OverviewRow[];
  /** Inspections under the 2025 programme left out of the region chart. */
  regionsExcluded2025: number;
  /** Overall ratings by year of publication, every inspection, one row per year and programme. */
  years: (OverviewRow & { year: number | null; programme: Programme })[];
};

type StandardRow = {
  code: string;
  name: string;
  frameworkCode: string;
  domainNumber: string;
  domainName: string;
  caseBased: boolean;
  countsTowardOverall: boolean;
};

/** The standards of the 2018/2021 programme, one entry per code, in code order. */
export async function programmeStandards(database: SqlReader = defaultDb()): Promise<StandardInfo[]> {
  const rows = await database.$queryRaw<StandardRow[]>`
    select st.code, st.name, f.code as "frameworkCode", d.number as "domainNumber", d.name as "domainName",
      st."caseBased", st."countsTowardOverall"
    from "Standard" st
    join "Framework" f on f.id = st."frameworkId"
    join "Domain" d on d.id = st."domainId"
    where f.programme = ${STANDARDS_PROGRAMME}
    order by st.ordinal, f.ordinal`;
  return collectStandards(rows);
}

export function collectStandards(rows: readonly StandardRow[]): StandardInfo[] {
  const byCode = new Map<string, StandardInfo & { names: Map<string, string[]> }>();
  for (const row of rows) {
    let entry = byCode.get(row.code);
    if (!entry) {
      entry = {
        code: row.code,
        name: row.name,
        domainNumber: row.domainNumber,
        domainName: row.domainName,
        caseBased: row.caseBased,
        countsTowardOverall: row.countsTowardOverall,
        frameworks: [],
        names: new Map(),
      };
      byCode.set(row.code, entry);
    }
    entry.frameworks.push(row.frameworkCode);
    entry.names.set(row.name, [...(entry.names.get(row.name) ?? []), row.frameworkCode]);
  }
  const standards = [...byCode.values()].map(({ names, ...info }) => {
    // 3.4 has a different name under each framework: say which is which, skipping the "not confirmed" one.
    const distinct = [...names.entries()].filter(([, codes]) => !codes.every((c) => c === "2018-or-2021"));
    const name =
      distinct.length > 1
        ? distinct
            .reverse()
            .map(([n, codes]) => `${n} (${codes.join(", ")})`)
            .join(" / ")
        : info.name;
    return { ...info, name: distinct.length === 1 ? distinct[0]![0] : name };
  });
  return standards.sort((a, b) => compareCodes(a.code, b.code));
}

export function compareCodes(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return (a1! - b1!) || (a2! - b2!);
}

/** One row of the overview's single aggregate query: `part` says which figure it holds. */
type PartRow = {
  part: "services" | "overall" | "framework" | "rated" | "figures" | "figureInspections" | "region" | "year" | "coverage";
  k1: string | null;
  k2: string | null;
  rating: string | null;
  n: number;
  v1: number | null;
  v2: number | null;
  v3: number | null;
};

/**
 * The overview's one aggregate statement (exported for the benchmark). The
 * visible inspections in the area are ranked once; ratings and key-question
 * figures are aggregated by standard and key-question id first and named
 * afterwards, so the joins to the small tables run on a few hundred groups, not
 * on every rating (at 16,000 services, 200,000 ratings and 325,000 figures);
 * key-question figures (whole percentages) come as a histogram per question,
 * whose quartiles are taken in TypeScript, so no sort of every figure is needed.
 */
export function overviewPartsSql(filters: AreaFilters): Prisma.Sql {
  const area = areaWhere(filters);
  const inBasis = filters.basis === "latest" ? Prisma.sql`"rankInProgramme" = 1` : Prisma.sql`true`;
  const areaOnServices = area === Prisma.empty ? Prisma.sql`true` : area;
  const inArea = area === Prisma.empty ? Prisma.empty : Prisma.sql` and (${area})`;
  return Prisma.sql`
      with r as materialized (
        select i.id, i."serviceId", s.nation::text as nation, s.region, f.code as "frameworkCode", f.programme,
          i."overallRating"::text as "overallRating", extract(year from i."publishedOn")::int as "publishedYear",
          row_number() over (partition by i."serviceId", f.programme order by ${Prisma.raw(LATEST_ORDER)})::int as "rankInProgramme"
        from "Inspection" i
        join "Service" s on s.id = i."serviceId"
        join "Framework" f on f.id = i."frameworkId"
        where ${Prisma.raw(publicInspectionSql("i"))}${inArea}
      ),
      sel as materialized (select * from r where ${inBasis}),
      std as materialized (select id from sel where programme = ${STANDARDS_PROGRAMME}),
      rated as materialized (
        select sr."inspectionId", sr."standardId", sr.rating::text as rating
        from "StandardRating" sr where sr."inspectionId" in (select id from std)
      ),
      figures as materialized (
        select kr."keyQuestionId", kr."percentYes" as value, count(*)::int as n
        from "KeyQuestionResult" kr where kr."inspectionId" in (select id from std)
        group by 1, 2
      )
      select 'services'::text as part, null::text as k1, null::text as k2, null::text as rating,
        (select count(*) from "Service" s where ${areaOnServices})::int as n,
        (select count(distinct r."serviceId") from r)::float8 as v1, (select count(*) from "Service")::float8 as v2, null::float8 as v3
      union all
      select 'overall', programme, null, "overallRating", count(*)::int, null, null, null from sel group by 2, 4
      union all
      select 'framework', "frameworkCode", null, null, count(*)::int, null, null, null from sel where programme = ${STANDARDS_PROGRAMME} group by 2
      union all
      select 'rated', st.code, f.code, x.rating, x.n, null, null, null
      from (select "standardId", rating, count(*)::int as n from rated group by 1, 2) x
      join "Standard" st on st.id = x."standardId"
      join "Framework" f on f.id = st."frameworkId"
      union all
      select 'figures', st.code, kq.area::text, null, x.n, x.value, null, null
      from figures x
      join "KeyQuestion" kq on kq.id = x."keyQuestionId"
      join "Standard" st on st.id = kq."standardId"
      union all
      select 'figureInspections', null, null, null,
        (select count(*) from std where exists (select 1 from "KeyQuestionResult" kr where kr."inspectionId" = std.id))::int, null, null, null
      union all
      select 'region', region, nation || '|' || programme, "overallRating", count(*)::int, null, null, null from sel group by 2, 3, 4
      union all
      select 'year', "publishedYear"::text, programme, "overallRating", count(*)::int, null, null, null from r group by 2, 3, 4
      union all
      select 'coverage', case when counted = 12 then 'all' else 'some' end, null, null, count(*)::int, null, null, null
      from (
        select rated."inspectionId", count(*) as counted
        from rated join (select id from "Standard" where "countsTowardOverall") c on c.id = rated."standardId"
        group by 1
      ) c group by 2`;
}

/**
 * The overview of the inspections matching the area filters: two round trips
 * (the standards, and one statement that ranks the inspections once and
 * aggregates them every way the page needs).
 */
export async function nationalOverview(filters: AreaFilters, database: SqlReader = defaultDb()): Promise<NationalOverview> {
  const [standards, parts] = await Promise.all([
    programmeStandards(database),
    database.$queryRaw<PartRow[]>(overviewPartsSql(filters)),
  ]);
  const of = (part: PartRow["part"]) => parts.filter((p) => p.part === part);
  const servicesRow = of("services")[0];
  const overallRows = of("overall").map((p) => ({ programme: p.k1 as Programme, rating: p.rating, count: p.n }));
  const frameworkCounts = new Map(of("framework").map((p) => [p.k1!, p.n]));
  const standardRows = of("rated").map((p) => ({ code: p.k1!, frameworkCode: p.k2!, rating: p.rating, count: p.n }));
  const histograms = new Map<string, { value: number; n: number }[]>();
  for (const p of of("figures")) {
    const key = `${p.k1}|${p.k2}`;
    if (!histograms.has(key)) histograms.set(key, []);
    histograms.get(key)!.push({ value: p.v1!, n: p.n });
  }
  const keyRows = [...histograms.entries()].map(([key, counts]) => {
    const [code, area] = key.split("|");
    return {
      code: code!,
      area: area as KeyQuestionArea,
      n: counts.reduce((sum, c) => sum + c.n, 0),
      median: percentileOfCounts(counts, 0.5),
      lower: percentileOfCounts(counts, 0.25),
      upper: percentileOfCounts(counts, 0.75),
    };
  });
  const regionRows = of("region").map((p) => {
    const [nation, programme] = p.k2!.split("|");
    return { region: p.k1, nation: nation!, programme: programme as Programme, rating: p.rating, count: p.n };
  });
  const yearRows = of("year").map((p) => ({ year: p.k1 === null ? null : Number(p.k1), programme: p.k2 as Programme, rating: p.rating, count: p.n }));
  const coverageAll = of("coverage").find((p) => p.k1 === "all")?.n ?? 0;
  const coverageSome = of("coverage").find((p) => p.k1 === "some")?.n ?? 0;

  const inspections: Record<Programme, number> = { STANDARDS_2018_2021: 0, PROGRAMME_2025: 0 };
  const overallBy = new Map<Programme, Distribution>([
    [STANDARDS_PROGRAMME, emptyDistribution()],
    [PROGRAMME_2025, emptyDistribution()],
  ]);
  for (const row of overallRows) {
    inspections[row.programme] += row.count;
    addToDistribution(overallBy.get(row.programme)!, row.rating === null ? null : asRating(row.rating), row.count);
  }

  const standardDistributions = standards.map((info) => {
    const rows = standardRows.filter((r) => r.code === info.code);
    const distribution = emptyDistribution();
    for (const row of rows) addToDistribution(distribution, asRating(row.rating!), row.count);
    // Inspections whose framework has the standard but no rating for it: not recorded.
    const applicable = info.frameworks.reduce((sum, f) => sum + (frameworkCounts.get(f) ?? 0), 0);
    addToDistribution(distribution, null, applicable - distribution.rated);
    const ratedFrameworks = [...new Set(rows.map((r) => r.frameworkCode))].sort();
    return { ...info, distribution, ratedFrameworks };
  });

  const keyQuestions: KeyQuestionFigures[] = standards
    .filter((s) => s.caseBased)
    .map((s) => ({
      code: s.code,
      name: s.name,
      areas: (["DESISTANCE", "SAFETY_OF_CHILD", "SAFETY_OF_OTHERS"] as const).map((area) => {
        const row = keyRows.find((k) => k.code === s.code && k.area === area);
        return { area, ...figureSummary(row?.n ?? 0, row?.median ?? null, row?.lower ?? null, row?.upper ?? null) };
      }),
    }));

  const regionMap = new Map<string, Distribution>();
  let regionsExcluded2025 = 0;
  for (const row of regionRows) {
    if (row.programme !== STANDARDS_PROGRAMME) {
      regionsExcluded2025 += row.count;
      continue;
    }
    const label = row.region ?? (row.nation === "WALES" ? "Wales" : "England, region not recorded");
    if (!regionMap.has(label)) regionMap.set(label, emptyDistribution());
    addToDistribution(regionMap.get(label)!, row.rating === null ? null : asRating(row.rating), row.count);
  }
  const regions = [...regionMap.entries()]
    .map(([label, distribution]) => ({ label, distribution }))
    .sort((a, b) => (a.label === "Wales" ? 1 : b.label === "Wales" ? -1 : a.label.localeCompare(b.label)));

  const yearMap = new Map<string, { year: number | null; programme: Programme; distribution: Distribution }>();
  for (const row of yearRows) {
    const key = `${row.year ?? "none"}|${row.programme}`;
    if (!yearMap.has(key)) yearMap.set(key, { year: row.year, programme: row.programme, distribution: emptyDistribution() });
    addToDistribution(yearMap.get(key)!.distribution, row.rating === null ? null : asRating(row.rating), row.count);
  }
  const years = [...yearMap.values()]
    .sort((a, b) => (a.year ?? 99999) - (b.year ?? 99999) || (a.programme === STANDARDS_PROGRAMME ? -1 : 1))
    .map((y) => ({
      ...y,
      label: `${y.year ?? "Date not recorded"}${y.programme === PROGRAMME_2025 ? " (2025 programme)" : ""}`,
    }));

  return {
    filters,
    services: { total: servicesRow?.n ?? 0, inspected: servicesRow?.v1 ?? 0, everywhere: servicesRow?.v2 ?? 0 },
    inspections,
    overall: ([STANDARDS_PROGRAMME, PROGRAMME_2025] as const).map((programme) => ({
      programme,
      label: programme === STANDARDS_PROGRAMME ? "2018/2021 standards" : "2025 programme",
      distribution: overallBy.get(programme)!,
    })),
    standards: standardDistributions,
    standardsInspections: inspections.STANDARDS_2018_2021,
    keyQuestions,
    keyQuestionInspections: of("figureInspections")[0]?.n ?? 0,
    coverage: { all: coverageAll, some: coverageSome, none: inspections.STANDARDS_2018_2021 - coverageAll - coverageSome },
    regions,
    regionsExcluded2025,
    years,
  };
}

/**
 * The overview as the home page shows it: the same for every reader (public
 * results only), so kept per version of the published data (published-figures.ts)
 * and computed only by the first render after a change, per area filter.
 */
export function publishedNationalOverview(filters: AreaFilters, database: SqlReader = defaultDb()): Promise<NationalOverview> {
  const name = `national overview: ${filters.nation ?? "both nations"}, ${filters.region ?? "every region"}, ${filters.basis}`;
  return publishedFigures(database).get(name, () => nationalOverview(filters, database));
}

/** The standards of the 2018/2021 programme, kept per data version (the frameworks are public data). */
export function publishedProgrammeStandards(database: SqlReader = defaultDb()): Promise<StandardInfo[]> {
  return publishedFigures(database).get("standards of the 2018/2021 programme", () => programmeStandards(database));
}
