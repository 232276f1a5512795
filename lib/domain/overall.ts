// The overall rating as the band its score falls in.
// The bands themselves are data (see frameworks.ts: [D] derived, edges 6/7 and
// 30/31 not confirmed); these functions only read whatever bands they are given.

import { RATINGS, type Rating } from "./rating";

export type ScoreBand = { rating: Rating; minScore: number; maxScore: number };

/** The rating whose band (inclusive at both ends) holds the score; null when no band covers it or there are no bands. */
export function overallFromScore(score: number, bands: readonly ScoreBand[]): Rating | null {
  if (!Number.isFinite(score)) return null;
  const band = bands.find((b) => score >= b.minScore && score <= b.maxScore);
  return band ? band.rating : null;
}

/** The band for a rating, if the bands include one. */
export function bandFor(rating: Rating, bands: readonly ScoreBand[]): ScoreBand | undefined {
  return bands.find((b) => b.rating === rating);
}

/**
 * Every overall rating that some score in the range (inclusive) could produce,
 * best first. Empty when no band overlaps the range or there are no bands.
 */
export function possibleOverallRatings(range: { min: number; max: number }, bands: readonly ScoreBand[]): Rating[] {
  if (range.min > range.max) return [];
  return RATINGS.filter((rating) =>
    bands.some((b) => b.rating === rating && b.minScore <= range.max && b.maxScore >= range.min),
  );
}
