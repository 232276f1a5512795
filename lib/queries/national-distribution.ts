// Plain types and arithmetic shared by the national read models and the pages
// that draw them. Pure (no database), so client components may import it.
import { RATINGS, type Rating } from "../domain/rating";

/** The fewest inspections a distribution, median or percentage is drawn from. */
export const MIN_N = 5;

export type RatingCounts = Record<Rating, number>;

/**
 * How the inspections that could have a figure split: `counts` by rating,
 * `rated` (their sum: the n of every percentage) and `notRecorded` (no
 * figure). `rated + notRecorded` is every inspection counted.
 */
export type Distribution = { counts: RatingCounts; rated: number; notRecorded: number };

export type Programme = "STANDARDS_2018_2021" | "PROGRAMME_2025";

export const PROGRAMME_LABELS: Record<Programme, string> = {
  STANDARDS_2018_2021: "2018/2021 standards",
  PROGRAMME_2025: "2025 programme",
};

export function emptyCounts(): RatingCounts {
  return { OUTSTANDING: 0, GOOD: 0, REQUIRES_IMPROVEMENT: 0, INADEQUATE: 0 };
}

export function emptyDistribution(): Distribution {
  return { counts: emptyCounts(), rated: 0, notRecorded: 0 };
}

/** Adds `count` inspections with `rating` (null: not recorded) to a distribution, in place. */
export function addToDistribution(distribution: Distribution, rating: Rating | null, count = 1): Distribution {
  if (rating === null) distribution.notRecorded += count;
  else {
    distribution.counts[rating] += count;
    distribution.rated += count;
  }
  return distribution;
}

/** Builds a distribution from rows of (rating or null, count), as aggregate SQL returns them. */
export function distributionOf(rows: readonly { rating: string | null; count: number }[]): Distribution {
  const distribution = emptyDistribution();
  for (const row of rows) addToDistribution(distribution, row.rating === null ? null : asRating(row.rating), row.count);
  return distribution;
}

export function asRating(value: string): Rating {
  if ((RATINGS as readonly string[]).includes(value)) return value as Rating;
  throw new Error(`"${value}" is not a rating`);
}

/** Whole-number percentage of `part` in `whole`; null when `whole` is below MIN_N. */
export function percentOf(part: number, whole: number): number | null {
  if (whole < MIN_N || whole === 0) return null;
  return Math.round((100 * part) / whole);
}

/**
 * Shares of each rating that add up to exactly 100 (largest remainders), for
 * drawing 100% bars; null when fewer than MIN_N inspections are rated.
 */
export function sharesOf(distribution: Distribution): RatingCounts | null {
  const n = distribution.rated;
  if (n < MIN_N) return null;
  const raw = RATINGS.map((r) => (100 * distribution.counts[r]) / n);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  const shares = emptyCounts();
  RATINGS.forEach((r, i) => (shares[r] = floors[i]!));
  return shares;
}

/** Median and quartiles of key-question figures; null figures when fewer than MIN_N inspections have one. */
export type FigureSummary = { n: number; median: number | null; lowerQuartile: number | null; upperQuartile: number | null };

export function figureSummary(n: number, median: number | null, lower: number | null, upper: number | null): FigureSummary {
  if (n < MIN_N) return { n, median: null, lowerQuartile: null, upperQuartile: null };
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { n, median: round(median), lowerQuartile: round(lower), upperQuartile: round(upper) };
}

/**
 * PostgreSQL's percentile_cont (linear interpolation between the two nearest
 * values) of a distribution given as how many times each value occurs, so SQL
 * can send a histogram of whole-number figures instead of sorting every one.
 * Null for an empty distribution.
 */
export function percentileOfCounts(counts: readonly { value: number; n: number }[], fraction: number): number | null {
  const sorted = [...counts].filter((c) => c.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (index < seen) return c.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  const below = valueAt(Math.floor(position));
  const above = valueAt(Math.ceil(position));
  return below + (above - below) * (position - Math.floor(position));
}

/** "12 of 40" style n for captions. */
export function nOf(part: number, whole: number): string {
  return `${part.toLocaleString("en-GB")} of ${whole.toLocaleString("en-GB")}`;
}
