// The overall score: the sum of the points of the standards that count.
// [D] derived from data: points O 3, G 2, RI 1, I 0 summed over the 12
// counting standards give the published score out of 36.
// [S] stated: 4.1 resettlement does not count toward the overall rating.

import { MAX_POINTS_PER_STANDARD, ratingPoints, type Rating } from "./rating";

export type StandardRule = { code: string; countsTowardOverall: boolean };

export type ScoreResult = {
  /** Sum of the points of the counting standards that are rated. */
  score: number;
  /** 3 for each counting standard that is rated (fewer rated, lower maximum). */
  maxScore: number;
  /** How many counting standards are rated. */
  ratedCount: number;
  /** How many standards count toward the overall rating. */
  countingCount: number;
  /** Every counting standard is rated. */
  complete: boolean;
};

function counting(standards: readonly StandardRule[]): StandardRule[] {
  return standards.filter((standard) => standard.countsTowardOverall);
}

/** Scores the rated counting standards. Ratings for standards that do not count, or that are not listed, are ignored. */
export function scoreOf(standards: readonly StandardRule[], ratings: Partial<Record<string, Rating>>): ScoreResult {
  const countingRules = counting(standards);
  let score = 0;
  let ratedCount = 0;
  for (const standard of countingRules) {
    const rating = ratings[standard.code];
    if (rating === undefined) continue;
    score += ratingPoints(rating);
    ratedCount += 1;
  }
  return {
    score,
    maxScore: ratedCount * MAX_POINTS_PER_STANDARD,
    ratedCount,
    countingCount: countingRules.length,
    complete: ratedCount === countingRules.length,
  };
}

/** The highest score the counting standards can reach when all are rated Outstanding. */
export function fullScore(standards: readonly StandardRule[]): number {
  return counting(standards).length * MAX_POINTS_PER_STANDARD;
}

/**
 * The lowest and highest full score still possible: the known counting
 * standards at their points, each unknown one anywhere from 0 to 3.
 */
export function possibleScoreRange(
  standards: readonly StandardRule[],
  ratings: Partial<Record<string, Rating>>,
): { min: number; max: number } {
  const known = scoreOf(standards, ratings);
  const unknown = known.countingCount - known.ratedCount;
  return { min: known.score, max: known.score + unknown * MAX_POINTS_PER_STANDARD };
}
