// Read model for a service's scorecard (/services/<slug>): the service, its
// latest rated inspection with every standard of that inspection's framework,
// key-question figures with national medians, how its ratings and score
// compare nationally and regionally, and its whole inspection history.
//
// Round trips, whatever the number of inspections: for the public (the page and
// its downloads), ONE statement (the service, its published inspections and the
// version of the published data, see scorecard-sql.ts); for back-office viewers,
// the same statement without inspections, then the inspections as the viewer
// may see them (Prisma: four statements). The frameworks and the national and
// regional figures compared with are the public ones, the same for every viewer:
// they are kept in memory per data version (published-figures.ts) and computed
// (one more statement) only by the first render after the published data changed.
// Every read of inspections applies the visibility rule.
import { PUBLIC_VIEWER, type Viewer } from "../auth/visibility";
import { db as defaultDb, type Db } from "../db/client";
import { keyQuestionAreaLabel, type KeyQuestionArea } from "../domain/frameworks";
import { nationLabel, type InspectionKind } from "../domain/inspection-kind";
import { figureBand, lowestFigure } from "../domain/key-questions";
import type { DatePrecision } from "../domain/partial-date";
import { RATINGS, type Rating } from "../domain/rating";
import {
  changesBetweenRatedInspections,
  isRated,
  newestFirst,
  type ChangeFromPrevious,
} from "./scorecard-history";
import { publishedFigures } from "./published-figures";
import {
  figuresForArea,
  readInspections,
  readPublishedComparison,
  readScorecardRows,
  type FrameworkRow,
  type InspectionRow,
  type Level,
  type NationalFigures,
  type ServiceLink,
} from "./scorecard-sql";

/** The name of the scorecard's comparison figures in the memo of published figures. */
const PUBLISHED_COMPARISON = "scorecard comparison: every framework, every nation and region";

/** No median or distribution is drawn from fewer inspections than this. */
export const MINIMUM_FOR_COMPARISON = 5;

export type { Level, ServiceLink };

const PROGRAMME_LABELS: Record<string, string> = {
  STANDARDS_2018_2021: "the 2018 and 2021 standards",
  PROGRAMME_2025: "the 2025 inspection programme",
};

export function programmeLabel(programme: string): string {
  return PROGRAMME_LABELS[programme] ?? programme;
}

export type ScorecardService = {
  slug: string;
  name: string;
  nation: "ENGLAND" | "WALES";
  region: string | null;
  current: boolean;
  localAuthorities: string[];
  sourceUrls: string[];
  successors: ServiceLink[];
  predecessors: ServiceLink[];
};

export type InspectionSummary = {
  id: number;
  kind: InspectionKind;
  frameworkCode: string;
  frameworkName: string;
  programme: string;
  frameworkConfirmed: boolean;
  /** Whether the framework gives a score (the 2025 programme does not). */
  frameworkScored: boolean;
  serviceNameAtInspection: string;
  fieldworkStart: Date | null;
  fieldworkStartPrecision: DatePrecision | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  /** Earliest year the inspection can be from, when it has no date (its framework's first year). */
  undatedFromYear: number | null;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  sourceUrls: string[];
  notes: string | null;
  discrepancyNote: string | null;
  casesInspected: number | null;
  /** How many of the framework's standards have a recorded rating, of how many. */
  recordedStandards: number;
  standardCount: number;
  /** Change from the rated inspection before this one; null for the first, and for thematic inspections. */
  change: ChangeFromPrevious | null;
  /** The recorded standard ratings, in the framework's order (absent: not recorded). */
  ratings: { code: string; name: string; countsTowardOverall: boolean; rating: Rating }[];
  /** The recorded key-question figures. */
  keyQuestionResults: { code: string; area: KeyQuestionArea; percent: number }[];
  recommendations: string[];
};

export type StandardResult = {
  code: string;
  name: string;
  domainNumber: string;
  countsTowardOverall: boolean;
  caseBased: boolean;
  /** Null: not recorded. */
  rating: Rating | null;
};

export type DomainResult = { number: string; name: string; standards: StandardResult[] };

export type KeyQuestionFigure = {
  area: KeyQuestionArea;
  label: string;
  text: string;
  /** % of inspected cases answered "Yes"; null: not recorded. */
  percent: number | null;
  /** Inspections in the service's nation (latest per service, same framework) with this figure. */
  nationalN: number;
  /** Null when fewer than MINIMUM_FOR_COMPARISON inspections have the figure. */
  nationalMedian: number | null;
};

export type KeyQuestionStandard = {
  code: string;
  name: string;
  domainName: string;
  rating: Rating | null;
  figures: KeyQuestionFigure[];
  /** The lowest recorded figure, which the inspectorate says drives the rating. */
  lowest: number | null;
  /** The band of the lowest figure under the framework's recorded thresholds; null when none are recorded. */
  band: Rating | null;
  /** True only when thresholds are recorded and the awarded rating is not the band of the lowest figure. */
  differsFromBand: boolean;
};

export type FrameworkRules = {
  code: string;
  name: string;
  description: string;
  programme: string;
  scored: boolean;
  scoreBands: FrameworkRow["scoreBands"];
  keyQuestionThresholds: FrameworkRow["keyQuestionThresholds"];
};

export type LatestInspection = InspectionSummary & {
  framework: FrameworkRules;
  /** The counting standards, in their domains. */
  domains: DomainResult[];
  /** Standards rated but not counted toward the overall rating (4.1 resettlement). */
  notCounting: StandardResult[];
  /** The framework's case-based standards with their key-question figures. */
  keyQuestions: KeyQuestionStandard[];
  hasKeyQuestionFigures: boolean;
};

export type LevelArea = { level: Level; label: string };

export type RatingDistribution = LevelArea & {
  /** Inspections with a rating recorded for this item. */
  n: number;
  /** n is at least MINIMUM_FOR_COMPARISON. */
  enough: boolean;
  /** How many hold each rating; null when there are too few to give a distribution. */
  counts: Record<Rating, number> | null;
  /** How many hold the same rating as this service; null when too few, or the service's rating is not recorded. */
  sameAsService: number | null;
};

export type ComparisonRow = {
  /** Null for the overall rating. */
  code: string | null;
  name: string;
  rating: Rating | null;
  levels: RatingDistribution[];
};

export type ScoreDistribution = LevelArea & {
  /** Inspections with a recorded score. */
  n: number;
  enough: boolean;
  /** Every score from 0 to the maximum, with how many inspections had it; empty when there are too few. */
  counts: { score: number; n: number }[];
  /** The rest are null when there are too few. */
  median: number | null;
  below: number | null;
  same: number | null;
  above: number | null;
};

export type ComparisonScope = LevelArea & {
  /** Inspections counted (each current service's latest in the programme). */
  n: number;
  frameworks: { code: string; name: string; n: number }[];
};

export type Comparison = {
  programme: string;
  programmeLabel: string;
  scopes: ComparisonScope[];
  overall: ComparisonRow;
  /** The service's recorded standards, compared. */
  standards: ComparisonRow[];
  /** Standards of the framework not recorded for the service, so not compared. */
  notCompared: { code: string; name: string }[];
  score: { score: number; max: number; levels: ScoreDistribution[] } | null;
};

export type Scorecard = {
  service: ScorecardService;
  /** The latest rated (non-thematic) inspection the viewer may see; null when there is none. */
  latest: LatestInspection | null;
  /** Thematic inspections newer than `latest` (they carry no ratings). */
  newerThematic: InspectionSummary[];
  /** Every inspection the viewer may see, newest first. */
  history: InspectionSummary[];
  comparison: Comparison | null;
  minimumForComparison: number;
};

// ---------------------------------------------------------------------------

function emptyCounts(): Record<Rating, number> {
  return { OUTSTANDING: 0, GOOD: 0, REQUIRES_IMPROVEMENT: 0, INADEQUATE: 0 };
}

function levelsOf(service: ScorecardService): LevelArea[] {
  const levels: LevelArea[] = [{ level: "nation", label: nationLabel(service.nation) }];
  if (service.region) levels.push({ level: "region", label: service.region });
  return levels;
}

function summarise(row: InspectionRow, framework: FrameworkRow, change: ChangeFromPrevious | null): InspectionSummary {
  const ratingOf = new Map(row.standardRatings.map((r) => [r.standardId, r.rating]));
  const percentOf = new Map(row.keyQuestionResults.map((r) => [r.keyQuestionId, r.percentYes]));
  const ratings = framework.standards.flatMap((s) => {
    const rating = ratingOf.get(s.id);
    return rating ? [{ code: s.code, name: s.name, countsTowardOverall: s.countsTowardOverall, rating }] : [];
  });
  const keyQuestionResults = framework.standards.flatMap((s) =>
    s.keyQuestions.flatMap((k) => {
      const percent = percentOf.get(k.id);
      return percent === undefined ? [] : [{ code: s.code, area: k.area, percent }];
    }),
  );
  return {
    id: row.id,
    kind: row.kind,
    frameworkCode: framework.code,
    frameworkName: framework.name,
    programme: framework.programme,
    frameworkConfirmed: row.frameworkConfirmed,
    frameworkScored: framework.scored,
    serviceNameAtInspection: row.serviceNameAtInspection,
    fieldworkStart: row.fieldworkStart,
    fieldworkStartPrecision: row.fieldworkStartPrecision,
    publishedOn: row.publishedOn,
    publishedOnPrecision: row.publishedOnPrecision,
    undatedFromYear: row.publishedOn || row.fieldworkStart ? null : framework.inUseFrom,
    overallRating: row.overallRating,
    score: row.score,
    scoreMax: row.scoreMax,
    sourceUrls: row.sourceUrls,
    notes: row.notes,
    discrepancyNote: row.discrepancyNote,
    casesInspected: row.casesInspected,
    recordedStandards: ratings.length,
    standardCount: framework.standards.length,
    change: isRated(row.kind) ? change : null,
    ratings,
    keyQuestionResults,
    recommendations: row.recommendations.map((r) => r.text),
  };
}

function expandLatest(
  row: InspectionRow,
  summary: InspectionSummary,
  framework: FrameworkRow,
  figures: NationalFigures,
): LatestInspection {
  const ratingOf = new Map(row.standardRatings.map((r) => [r.standardId, r.rating]));
  const percentOf = new Map(row.keyQuestionResults.map((r) => [r.keyQuestionId, r.percentYes]));
  const medianOf = new Map(
    figures.keyQuestions.filter((k) => k.level === "nation").map((k) => [k.keyQuestionId, k] as const),
  );
  const domainName = new Map(framework.domains.map((d) => [d.number, d.name]));
  const results: StandardResult[] = framework.standards.map((s) => ({
    code: s.code,
    name: s.name,
    domainNumber: s.domainNumber,
    countsTowardOverall: s.countsTowardOverall,
    caseBased: s.caseBased,
    rating: ratingOf.get(s.id) ?? null,
  }));
  const domains = framework.domains
    .map((d) => ({ ...d, standards: results.filter((s) => s.domainNumber === d.number && s.countsTowardOverall) }))
    .filter((d) => d.standards.length > 0);
  const thresholds = framework.keyQuestionThresholds;
  const keyQuestions: KeyQuestionStandard[] = framework.standards
    .filter((s) => s.caseBased)
    .map((s) => {
      const rating = ratingOf.get(s.id) ?? null;
      const figuresOfStandard: KeyQuestionFigure[] = s.keyQuestions.map((k) => {
        const national = medianOf.get(k.id);
        const nationalN = national?.n ?? 0;
        return {
          area: k.area,
          label: keyQuestionAreaLabel(k.area),
          text: k.text,
          percent: percentOf.get(k.id) ?? null,
          nationalN,
          nationalMedian: national && nationalN >= MINIMUM_FOR_COMPARISON ? national.median : null,
        };
      });
      const recorded = figuresOfStandard.flatMap((f) => (f.percent === null ? [] : [f.percent]));
      const band = thresholds.length > 0 ? figureBand(recorded, thresholds) : null;
      return {
        code: s.code,
        name: s.name,
        domainName: domainName.get(s.domainNumber) ?? "",
        rating,
        figures: figuresOfStandard,
        lowest: lowestFigure(recorded),
        band,
        differsFromBand: band !== null && rating !== null && band !== rating,
      };
    });
  return {
    ...summary,
    framework: {
      code: framework.code,
      name: framework.name,
      description: framework.description,
      programme: framework.programme,
      scored: framework.scored,
      scoreBands: framework.scoreBands,
      keyQuestionThresholds: framework.keyQuestionThresholds,
    },
    domains,
    notCounting: results.filter((s) => !s.countsTowardOverall),
    keyQuestions,
    hasKeyQuestionFigures: keyQuestions.some((k) => k.figures.some((f) => f.percent !== null)),
  };
}

function distribution(
  area: LevelArea,
  rows: readonly { level: Level; rating: Rating; n: number }[],
  rating: Rating | null,
): RatingDistribution {
  const counts = emptyCounts();
  for (const r of rows) if (r.level === area.level) counts[r.rating] += r.n;
  const n = RATINGS.reduce((sum, r) => sum + counts[r], 0);
  if (n < MINIMUM_FOR_COMPARISON) return { ...area, n, enough: false, counts: null, sameAsService: null };
  return { ...area, n, enough: true, counts, sameAsService: rating ? counts[rating] : null };
}

/** The median of a distribution given as counts per score. */
function medianOfCounts(counts: readonly { score: number; n: number }[]): number | null {
  const values = counts.flatMap((c) => Array.from({ length: c.n }, () => c.score));
  if (values.length === 0) return null;
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

function compare(
  service: ScorecardService,
  latest: LatestInspection,
  framework: FrameworkRow,
  figures: NationalFigures,
): Comparison {
  const programme = framework.programme;
  const levels = levelsOf(service);
  const scopes: ComparisonScope[] = levels.map((area) => {
    const frameworks = figures.frameworks
      .filter((f) => f.level === area.level && f.programme === programme)
      .map(({ code, name, n }) => ({ code, name, n }));
    return { ...area, n: frameworks.reduce((sum, f) => sum + f.n, 0), frameworks };
  });
  const overallRows = figures.overall.filter((o) => o.programme === programme);
  const overall: ComparisonRow = {
    code: null,
    name: "Overall rating",
    rating: latest.overallRating,
    levels: levels.map((area) => distribution(area, overallRows, latest.overallRating)),
  };
  const allStandards = [...latest.domains.flatMap((d) => d.standards), ...latest.notCounting];
  const standards: ComparisonRow[] = allStandards
    .filter((s) => s.rating !== null)
    .map((s) => {
      const rows = figures.standards.filter((x) => x.programme === programme && x.code === s.code && x.name === s.name);
      return { code: s.code, name: s.name, rating: s.rating, levels: levels.map((area) => distribution(area, rows, s.rating)) };
    });
  const notCompared = allStandards.filter((s) => s.rating === null).map(({ code, name }) => ({ code, name }));

  let score: Comparison["score"] = null;
  const max = latest.scoreMax ?? framework.standards.filter((s) => s.countsTowardOverall).length * 3;
  if (framework.scored && latest.score !== null) {
    const own = latest.score;
    score = {
      score: own,
      max,
      levels: levels.map((area) => {
        const byScore = new Map(
          figures.scores.filter((s) => s.level === area.level && s.programme === programme).map((s) => [s.score, s.n]),
        );
        const counts = Array.from({ length: max + 1 }, (_, value) => ({ score: value, n: byScore.get(value) ?? 0 }));
        const n = counts.reduce((sum, c) => sum + c.n, 0);
        if (n < MINIMUM_FOR_COMPARISON) {
          return { ...area, n, enough: false, counts: [], median: null, below: null, same: null, above: null };
        }
        return {
          ...area,
          n,
          counts,
          enough: true,
          median: medianOfCounts(counts),
          below: counts.filter((c) => c.score < own).reduce((sum, c) => sum + c.n, 0),
          same: counts.find((c) => c.score === own)?.n ?? 0,
          above: counts.filter((c) => c.score > own).reduce((sum, c) => sum + c.n, 0),
        };
      }),
    };
  }
  return { programme, programmeLabel: programmeLabel(programme), scopes, overall, standards, notCompared, score };
}

/**
 * Everything the scorecard page shows for one service, or null for an unknown slug.
 * Inspections the viewer may not see (drafts; embargoed before their time, for
 * the public) are not read at all.
 */
export async function serviceScorecard(
  slug: string,
  viewer: Viewer = PUBLIC_VIEWER,
  database: Db = defaultDb(),
): Promise<Scorecard | null> {
  // The render's one statement: the service, the inspections the public may see, and the data version.
  const read = await readScorecardRows(database, slug, viewer.kind === "public");
  const serviceRow = read.service;
  if (!serviceRow) return null;
  // Back-office viewers (drafts, a board's embargoed results): the visibility rule as Prisma applies it.
  const rowsRead = viewer.kind === "public" ? Promise.resolve(read.inspections) : readInspections(database, serviceRow.id, viewer);
  // The figures compared with are the public ones, the same for every viewer: kept per data version.
  const published = publishedFigures(database).at(read.dataVersion, PUBLISHED_COMPARISON, () => readPublishedComparison(database));
  const [rows, { frameworks, areas }] = await Promise.all([rowsRead, published]);
  const figures = figuresForArea(areas, serviceRow.nation, serviceRow.region);
  const { id: _id, ...service } = serviceRow;
  const frameworkById = new Map(frameworks.map((f) => [f.id, f]));
  const frameworkOf = (row: InspectionRow): FrameworkRow => {
    const framework = frameworkById.get(row.frameworkId);
    if (!framework) throw new Error(`Inspection ${row.id} refers to framework ${row.frameworkId}, which was not read.`);
    return framework;
  };
  const orderable = rows.map((row) => {
    const framework = frameworkOf(row);
    return {
      ...row,
      frameworkInUseFrom: framework.inUseFrom,
      programme: framework.programme,
    };
  });
  const changes = changesBetweenRatedInspections(orderable);
  const ordered = newestFirst(orderable);
  const history = ordered.map((row) => summarise(row, frameworkOf(row), changes.get(row.id) ?? null));

  const latestRow = ordered.find((row) => isRated(row.kind)) ?? null;
  let latest: LatestInspection | null = null;
  let comparison: Comparison | null = null;
  if (latestRow) {
    const framework = frameworkOf(latestRow);
    const summary = history.find((h) => h.id === latestRow.id)!;
    latest = expandLatest(latestRow, summary, framework, figures);
    comparison = compare(service, latest, framework, figures);
  }
  // The history is newest first: thematic inspections listed before the latest rated one are newer.
  const latestIndex = latestRow ? ordered.indexOf(latestRow) : history.length;
  const newerThematic = history.slice(0, latestIndex).filter((h) => !isRated(h.kind));
  return { service, latest, newerThematic, history, comparison, minimumForComparison: MINIMUM_FOR_COMPARISON };
}
