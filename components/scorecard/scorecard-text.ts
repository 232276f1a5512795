// The scorecard's sentences: dates, shares and headlines, in plain English.
// Pure functions, so every wording rule is tested.
import { inspectionKindLabel } from "@/lib/domain/inspection-kind";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { ratingLabel, type Rating } from "@/lib/domain/rating";
import type {
  ComparisonRow,
  InspectionSummary,
  KeyQuestionStandard,
  RatingDistribution,
  ScoreDistribution,
} from "@/lib/queries/scorecard";

/** What kind of inspection it was, in words: "Full inspection", "Re-inspection", "2025 programme inspection"… */
export function inspectionTitle(i: Pick<InspectionSummary, "kind" | "programme">): string {
  if (i.kind !== "OTHER") return inspectionKindLabel(i.kind);
  return i.programme === "PROGRAMME_2025" ? "2025 programme inspection" : "Pilot or other inspection";
}

/** "published 14 May 2024", "published May 2024", or what is known when the date is not recorded. */
export function publishedPhrase(i: Pick<InspectionSummary, "publishedOn" | "publishedOnPrecision" | "undatedFromYear">): string {
  const date = formatPartialDate(i.publishedOn, i.publishedOnPrecision);
  if (date) return `published ${date}`;
  if (i.undatedFromYear) return `publication date not recorded (${i.undatedFromYear} or later)`;
  return "publication date not recorded";
}

/** "fieldwork from 26 February 2024", "fieldwork in June 2025", or null when not recorded. */
export function fieldworkPhrase(i: Pick<InspectionSummary, "fieldworkStart" | "fieldworkStartPrecision">): string | null {
  const date = formatPartialDate(i.fieldworkStart, i.fieldworkStartPrecision);
  if (!date) return null;
  return i.fieldworkStartPrecision === "DAY" ? `fieldwork from ${date}` : `fieldwork in ${date}`;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 services" / "1 service". */
export function services(n: number): string {
  return plural(n, "service");
}

/** The short form inside a table cell whose column names the area: "Good, like 61% (23 of 38)". */
export function shareCell(d: RatingDistribution, rating: Rating | null): string {
  if (d.n === 0) return "None recorded";
  if (!d.enough) return `Too few to compare (n = ${d.n})`;
  if (rating === null || d.sameAsService === null) return `n = ${d.n}`;
  return `${ratingLabel(rating)}, like ${percent(d.sameAsService, d.n)}% (${d.sameAsService} of ${d.n})`;
}

/**
 * The comparison section's headline, from the overall rating's national distribution.
 * A former service is not among the services counted, and the sentence says so.
 */
export function comparisonHeadline(overall: ComparisonRow, minimum: number, serviceCounted = true): string {
  const national = overall.levels[0];
  if (!national) return "No comparison is available.";
  if (overall.rating === null) return "The overall rating of this inspection is not recorded, so it is not compared.";
  const who = serviceCounted ? "services" : "current services";
  if (!national.enough) {
    return `Too few ${who} in ${national.label} have a comparable overall rating to compare with (${national.n}, fewer than ${minimum}).`;
  }
  const counted = serviceCounted ? "" : "; this former service is not counted";
  return `Rated ${ratingLabel(overall.rating)} overall, like ${percent(national.sameAsService ?? 0, national.n)}% of ${who} in ${national.label} (${national.sameAsService} of ${national.n}${counted}).`;
}

/** The score chart's headline for one area. */
export function scoreHeadline(score: number, max: number, d: ScoreDistribution, minimum: number, serviceCounted = true): string {
  const who = serviceCounted ? "services" : "current services";
  if (!d.enough) {
    return `Too few ${who} in ${d.label} have a recorded score to draw a distribution (${d.n}, fewer than ${minimum}).`;
  }
  const position =
    d.median === null ? "" : score > d.median ? `above the median of ${d.median}` : score < d.median ? `below the median of ${d.median}` : `at the median`;
  const same = serviceCounted ? `${d.same} the same (this service included)` : `${d.same} the same`;
  return `${score} / ${max} is ${position} for ${who} in ${d.label}: ${d.below} scored lower, ${same} and ${d.above} higher, of ${d.n}.`;
}

/** The key-question section's headline: where the lowest figure is. */
export function keyQuestionHeadline(standards: readonly KeyQuestionStandard[]): string | null {
  let lowest: { value: number; standard: KeyQuestionStandard; label: string } | null = null;
  for (const s of standards) {
    for (const f of s.figures) {
      if (f.percent !== null && (lowest === null || f.percent < lowest.value)) lowest = { value: f.percent, standard: s, label: f.label };
    }
  }
  if (!lowest) return null;
  const rated = lowest.standard.rating ? `, rated ${ratingLabel(lowest.standard.rating)}` : "";
  return `The lowest figure is ${lowest.value}% of cases, for ${lowest.label.toLowerCase()} in ${lowest.standard.code} ${lowest.standard.name.toLowerCase()} (${lowest.standard.domainName.toLowerCase()}${rated}).`;
}

/** "Better", "Worse" or "Same" in words, for a change in overall rating. */
export function changeWords(direction: "better" | "worse" | "same"): string {
  return direction === "better" ? "Improved" : direction === "worse" ? "Declined" : "No change";
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "±0";
}

/** What is and is not recorded about an inspection's standards. */
export function recordedSentence(
  i: Pick<InspectionSummary, "recordedStandards" | "standardCount" | "score" | "kind" | "overallRating" | "frameworkScored">,
): string {
  if (i.kind === "THEMATIC") return "Thematic inspections are not rated.";
  const overallKnown = i.overallRating !== null;
  if (i.standardCount === 0) {
    return overallKnown
      ? "Standard ratings are not recorded for this framework: only the overall rating is compared."
      : "Neither the overall rating nor any standard rating is recorded for this inspection.";
  }
  const score = i.frameworkScored && i.score === null ? " The score is not recorded." : "";
  if (i.recordedStandards === i.standardCount) return `All ${i.standardCount} standard ratings are recorded.${score}`;
  if (i.recordedStandards === 0) {
    return overallKnown
      ? `None of the ${i.standardCount} standard ratings is recorded: only the overall rating is known.${score}`
      : `Neither the overall rating nor any of the ${i.standardCount} standard ratings is recorded.${score}`;
  }
  return `${i.recordedStandards} of the ${i.standardCount} standard ratings are recorded; the other ${i.standardCount - i.recordedStandards} are not.${score}`;
}
