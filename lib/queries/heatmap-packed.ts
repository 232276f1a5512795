// Every visible inspection of the heatmap in a compact form, for the browser to
// filter and sort itself when there are too many to send with the page
// (/heatmap/rows). Pure (no database): the browser unpacks with it.
import { formatPartialDate, type DatePrecision } from "../domain/partial-date";
import type { Rating } from "../domain/rating";
import type { Programme } from "./national-distribution";
import type { Nation } from "./national-filters";
import type { HeatmapRow, InspectionKindCode } from "./heatmap-filters";

export const RATING_LETTERS: Record<Rating, string> = { OUTSTANDING: "O", GOOD: "G", REQUIRES_IMPROVEMENT: "R", INADEQUATE: "I" };
const RATING_OF_LETTER: Record<string, Rating> = { O: "OUTSTANDING", G: "GOOD", R: "REQUIRES_IMPROVEMENT", I: "INADEQUATE" };
export const KINDS: readonly InspectionKindCode[] = ["FULL", "REINSPECTION", "THEMATIC", "OTHER"];

/**
 * One inspection: [id, service index, framework index, kind index,
 * publication date as ISO text at its precision ("2024-05-14", "2024-05", "2024") or null,
 * sort time in ms or null, overall rating letter or "", score or null, score maximum or null,
 * ratings (one letter per standard code, "-" not recorded),
 * 1 if it has key-question figures (sent apart, one inspection at a time), else 0].
 */
export type PackedInspection = [number, number, number, number, string | null, number | null, string, number | null, number | null, string, 0 | 1];

export type PackedHeatmap = {
  /** Standard codes: the positions of the ratings text. */
  codes: string[];
  /** [slug, name, nation, region or null]. */
  services: [string, string, Nation, string | null][];
  /** [code, programme]. */
  frameworks: [string, Programme][];
  inspections: PackedInspection[];
};

const PRECISION_BY_LENGTH: Record<number, DatePrecision> = { 4: "YEAR", 7: "MONTH", 10: "DAY" };

export function unpackHeatmap(packed: PackedHeatmap): HeatmapRow[] {
  return packed.inspections.map(([id, s, f, k, published, sortTime, overall, score, scoreMax, ratingText, hasFigures]) => {
    const [slug, name, nation, region] = packed.services[s]!;
    const [frameworkCode, programme] = packed.frameworks[f]!;
    const ratings: HeatmapRow["ratings"] = {};
    for (let i = 0; i < ratingText.length; i++) {
      const rating = RATING_OF_LETTER[ratingText[i]!];
      if (rating) ratings[packed.codes[i]!] = rating;
    }
    const publishedDate = published ? new Date(`${published.padEnd(10, published.length === 4 ? "-01-01" : "-01")}T00:00:00Z`) : null;
    return {
      id,
      slug,
      name,
      nation,
      region,
      frameworkCode,
      programme,
      kind: KINDS[k]!,
      publishedYear: publishedDate ? publishedDate.getUTCFullYear() : null,
      published: published ? formatPartialDate(publishedDate, PRECISION_BY_LENGTH[published.length] ?? "DAY") : null,
      sortTime,
      overall: overall ? (RATING_OF_LETTER[overall] ?? null) : null,
      score,
      scoreMax,
      ratings,
      figures: {},
      ...(hasFigures ? { figuresPending: true } : {}),
    };
  });
}

/** The ratings text of one inspection (see PackedInspection). */
export function packRatings(codes: readonly string[], ratings: HeatmapRow["ratings"]): string {
  return codes.map((code) => (ratings[code] ? RATING_LETTERS[ratings[code]!] : "-")).join("");
}
