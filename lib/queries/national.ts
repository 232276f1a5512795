// Read model of the national overview ("/"): overall ratings, every standard's
// distribution, key-question figures, ratings by region and by year. Aggregate
// SQL only, in a fixed number of round trips whatever the size of the data.
import { db as defaultDb, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { KeyQuestionArea } from "../domain/frameworks";
import {
  addToDistribution,
  asRating,
  emptyDistribution,
  figureSummary,
  type Distribution,
  type FigureSummary,
  type Programme,
} from "./national-distribution";
import type { AreaFilters } from "./national-filters";
import { PROGRAMME_2025, STANDARDS_PROGRAMME, areaWhere, rankedInspections } from "./national-sql";

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
  /** Services in the area, and how many have a published inspection. */
  services: { total: number; inspected: number };
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
export async function programmeStandards(database: Db = defaultDb()): Promise<StandardInfo[]> {
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

type CountRow = { rating: string | null; count: number };

/** The overview of the inspections matching the area filters. Ten aggregate queries, run side by side. */
export async function nationalOverview(filters: AreaFilters, database: Db = defaultDb()): Promise<NationalOverview> {
  const area = areaWhere(filters);
  const ranked = rankedInspections(area);
  const inBasis =
    filters.basis === "latest" ? Prisma.sql`r."rankInProgramme" = 1` : Prisma.sql`true`;
  const areaOnServices = area === Prisma.empty ? Prisma.sql`true` : area;

  const [standards, serviceCounts, overallRows, standardRows, keyRows, keyInspections, regionRows, yearRows, coverageRows] = await Promise.all([
    programmeStandards(database),
    database.$queryRaw<{ total: number; inspected: number }[]>`
      select (select count(*)::int from "Service" s where ${areaOnServices}) as total,
        (select count(distinct r."serviceId")::int from ${ranked} r) as inspected`,
    database.$queryRaw<(CountRow & { programme: Programme })[]>`
      select r.programme, r."overallRating" as rating, count(*)::int as count
      from ${ranked} r where ${inBasis}
      group by 1, 2`,
    database.$queryRaw<(CountRow & { code: string; frameworkCode: string })[]>`
      select st.code, r."frameworkCode", sr.rating::text as rating, count(*)::int as count
      from ${ranked} r
      join "Standard" st on st."frameworkId" = r."frameworkId"
      left join "StandardRating" sr on sr."inspectionId" = r.id and sr."standardId" = st.id
      where r.programme = ${STANDARDS_PROGRAMME} and ${inBasis}
      group by 1, 2, 3`,
    database.$queryRaw<{ code: string; area: KeyQuestionArea; n: number; median: number; lower: number; upper: number }[]>`
      select st.code, kq.area::text as area, count(*)::int as n,
        percentile_cont(0.5) within group (order by kr."percentYes") as median,
        percentile_cont(0.25) within group (order by kr."percentYes") as lower,
        percentile_cont(0.75) within group (order by kr."percentYes") as upper
      from ${ranked} r
      join "KeyQuestionResult" kr on kr."inspectionId" = r.id
      join "KeyQuestion" kq on kq.id = kr."keyQuestionId"
      join "Standard" st on st.id = kq."standardId"
      where r.programme = ${STANDARDS_PROGRAMME} and ${inBasis}
      group by 1, 2`,
    database.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from ${ranked} r
      where r.programme = ${STANDARDS_PROGRAMME} and ${inBasis}
        and exists (select 1 from "KeyQuestionResult" kr where kr."inspectionId" = r.id)`,
    database.$queryRaw<(CountRow & { region: string | null; nation: string; programme: Programme })[]>`
      select r.region, r.nation, r.programme, r."overallRating" as rating, count(*)::int as count
      from ${ranked} r where ${inBasis}
      group by 1, 2, 3, 4`,
    database.$queryRaw<(CountRow & { year: number | null; programme: Programme })[]>`
      select r."publishedYear" as year, r.programme, r."overallRating" as rating, count(*)::int as count
      from ${ranked} r
      group by 1, 2, 3`,
    database.$queryRaw<{ all: number; some: number; none: number }[]>`
      select count(*) filter (where rated = 12)::int as all, count(*) filter (where rated between 1 and 11)::int as some,
        count(*) filter (where rated = 0)::int as none
      from (
        select r.id, (select count(*) from "StandardRating" sr join "Standard" st on st.id = sr."standardId"
                      where sr."inspectionId" = r.id and st."countsTowardOverall") as rated
        from ${ranked} r where r.programme = ${STANDARDS_PROGRAMME} and ${inBasis}
      ) c`,
  ]);

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
    for (const row of rows) addToDistribution(distribution, row.rating === null ? null : asRating(row.rating), row.count);
    const ratedFrameworks = [...new Set(rows.filter((r) => r.rating !== null).map((r) => r.frameworkCode))].sort();
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
    services: serviceCounts[0] ?? { total: 0, inspected: 0 },
    inspections,
    overall: ([STANDARDS_PROGRAMME, PROGRAMME_2025] as const).map((programme) => ({
      programme,
      label: programme === STANDARDS_PROGRAMME ? "2018/2021 standards" : "2025 programme",
      distribution: overallBy.get(programme)!,
    })),
    standards: standardDistributions,
    standardsInspections: inspections.STANDARDS_2018_2021,
    keyQuestions,
    keyQuestionInspections: keyInspections[0]?.n ?? 0,
    coverage: coverageRows[0] ?? { all: 0, some: 0, none: 0 },
    regions,
    regionsExcluded2025,
    years,
  };
}
