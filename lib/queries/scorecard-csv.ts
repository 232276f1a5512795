// A service's scorecard as downloads: CSV tables (one per chart or table on
// the page, plus every inspection) and one JSON document. Pure functions of
// the Scorecard, so the downloads hold exactly what the page shows, under the
// same visibility rule. An empty CSV cell means "not recorded".
import { keyQuestionAreaLabel } from "../domain/frameworks";
import { inspectionKindLabel, nationLabel } from "../domain/inspection-kind";
import { isoPartialDate } from "../domain/partial-date";
import { RATINGS, ratingLabel, type Rating } from "../domain/rating";
import type { InspectionSummary, Scorecard } from "./scorecard";

export const DOWNLOAD_TABLES = ["inspections", "key-questions", "comparison", "score-distribution"] as const;
export type DownloadTable = (typeof DOWNLOAD_TABLES)[number];

export function isDownloadTable(value: unknown): value is DownloadTable {
  return typeof value === "string" && (DOWNLOAD_TABLES as readonly string[]).includes(value);
}

export const DOWNLOAD_TABLE_DESCRIPTIONS: Record<DownloadTable, string> = {
  inspections: "every published inspection of the service, one row each, with every recorded standard rating",
  "key-questions": "the key-question figures of the latest inspection, with the national median where one is drawn",
  comparison: "how many services hold each rating, nationally and in the region, for each rating of the latest inspection",
  "score-distribution": "how many services had each score, nationally and in the region",
};

type Cell = string | number | boolean | null | undefined;

/** A spreadsheet would run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: comma-separated, CRLF line ends, quoted where needed. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(cellText).join(",")).join("\r\n") + "\r\n";
}

const label = (rating: Rating | null): string | null => (rating ? ratingLabel(rating) : null);

function published(i: InspectionSummary): string | null {
  return isoPartialDate(i.publishedOn, i.publishedOnPrecision);
}

function fieldwork(i: InspectionSummary): string | null {
  return isoPartialDate(i.fieldworkStart, i.fieldworkStartPrecision);
}

function inspectionsTable(card: Scorecard): Cell[][] {
  // One column per standard code seen in any of the service's inspections, in code order.
  const codes = [...new Set(card.history.flatMap((i) => i.ratings.map((r) => r.code)))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  const header: Cell[] = [
    "service_slug",
    "service_name_at_inspection",
    "inspection_id",
    "kind",
    "framework_code",
    "framework_name",
    "framework_confirmed",
    "fieldwork_start",
    "published_on",
    "overall_rating",
    "score",
    "score_max",
    "standards_recorded",
    "standards_in_framework",
    ...codes.map((c) => `standard_${c}`),
    "key_question_figures_recorded",
    "recommendations_recorded",
    "discrepancy_note",
    "source_urls",
  ];
  const rows = card.history.map((i) => {
    const ratingByCode = new Map(i.ratings.map((r) => [r.code, r.rating]));
    return [
      card.service.slug,
      i.serviceNameAtInspection,
      i.id,
      inspectionKindLabel(i.kind),
      i.frameworkCode,
      i.frameworkName,
      i.frameworkConfirmed,
      fieldwork(i),
      published(i),
      label(i.overallRating),
      i.score,
      i.score === null ? null : i.scoreMax,
      i.recordedStandards,
      i.standardCount,
      ...codes.map((c) => label(ratingByCode.get(c) ?? null)),
      i.keyQuestionResults.length,
      i.recommendations.length,
      i.discrepancyNote,
      i.sourceUrls.join(" "),
    ];
  });
  return [header, ...rows];
}

function keyQuestionsTable(card: Scorecard): Cell[][] {
  const header: Cell[] = [
    "inspection_id",
    "published_on",
    "framework_code",
    "standard_code",
    "standard_name",
    "standard_rating",
    "key_question_area",
    "key_question",
    "percent_yes",
    "national_area",
    "national_inspections_with_figure",
    "national_median",
  ];
  const latest = card.latest;
  if (!latest) return [header];
  const nation = nationLabel(card.service.nation);
  const rows = latest.keyQuestions.flatMap((s) =>
    s.figures.map((f) => [
      latest.id,
      published(latest),
      latest.frameworkCode,
      s.code,
      s.name,
      label(s.rating),
      keyQuestionAreaLabel(f.area),
      f.text,
      f.percent,
      nation,
      f.nationalN,
      f.nationalMedian,
    ]),
  );
  return [header, ...rows];
}

function comparisonTable(card: Scorecard): Cell[][] {
  const header: Cell[] = [
    "programme",
    "item_code",
    "item_name",
    "service_rating",
    "level",
    "area",
    "inspections_with_rating",
    ...RATINGS.map((r) => r.toLowerCase()),
    "same_rating_as_service",
    "enough_to_compare",
    "frameworks_included",
  ];
  const comparison = card.comparison;
  if (!comparison) return [header];
  const frameworks = new Map(comparison.scopes.map((s) => [s.level, s.frameworks.map((f) => f.code).join(" ")]));
  const rows = [comparison.overall, ...comparison.standards].flatMap((row) =>
    row.levels.map((d) => [
      comparison.programme,
      row.code ?? "overall",
      row.name,
      label(row.rating),
      d.level,
      d.label,
      d.n,
      ...RATINGS.map((r) => d.counts?.[r] ?? null),
      d.sameAsService,
      d.enough,
      frameworks.get(d.level) ?? "",
    ]),
  );
  return [header, ...rows];
}

function scoreDistributionTable(card: Scorecard): Cell[][] {
  const header: Cell[] = ["programme", "level", "area", "score", "score_max", "inspections", "is_this_service_score"];
  const score = card.comparison?.score;
  if (!card.comparison || !score) return [header];
  const programme = card.comparison.programme;
  const rows = score.levels.flatMap((d) =>
    d.counts.map((c) => [programme, d.level, d.label, c.score, score.max, c.n, c.score === score.score]),
  );
  return [header, ...rows];
}

/** One table of the scorecard as CSV text. */
export function scorecardCsv(card: Scorecard, table: DownloadTable): string {
  switch (table) {
    case "inspections":
      return csvText(inspectionsTable(card));
    case "key-questions":
      return csvText(keyQuestionsTable(card));
    case "comparison":
      return csvText(comparisonTable(card));
    case "score-distribution":
      return csvText(scoreDistributionTable(card));
  }
}

function inspectionJson(i: InspectionSummary) {
  return {
    id: i.id,
    serviceNameAtInspection: i.serviceNameAtInspection,
    kind: i.kind,
    framework: { code: i.frameworkCode, name: i.frameworkName, confirmed: i.frameworkConfirmed, programme: i.programme },
    fieldworkStart: fieldwork(i),
    publishedOn: published(i),
    overallRating: i.overallRating,
    score: i.score,
    scoreMax: i.score === null ? null : i.scoreMax,
    standardsRecorded: i.recordedStandards,
    standardsInFramework: i.standardCount,
    ratings: i.ratings,
    keyQuestionResults: i.keyQuestionResults,
    recommendations: i.recommendations,
    changeFromPreviousRated: i.change,
    notes: i.notes,
    discrepancyNote: i.discrepancyNote,
    sourceUrls: i.sourceUrls,
  };
}

/** The whole scorecard as one JSON document (ratings as Prisma enum values; absent or null: not recorded). */
export function scorecardJson(card: Scorecard) {
  const latest = card.latest;
  return {
    service: card.service,
    latestInspectionId: latest?.id ?? null,
    inspections: card.history.map(inspectionJson),
    latest: latest && {
      id: latest.id,
      framework: latest.framework,
      domains: latest.domains,
      notCountingTowardOverall: latest.notCounting,
      keyQuestions: latest.keyQuestions,
    },
    comparison: card.comparison,
    minimumForComparison: card.minimumForComparison,
    notes: [
      "Only published inspections are included (drafts and inspections under embargo are not).",
      "A rating, score or figure that is absent or null is not recorded in our sources; it is not a zero.",
      "Comparisons count each current service's latest published inspection within the same framework programme; no median or distribution is given from fewer than minimumForComparison inspections.",
    ],
    licence:
      "Contains public sector information licensed under the Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).",
  };
}
