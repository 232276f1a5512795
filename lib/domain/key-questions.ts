// Key questions of case-based standards: the % of inspected cases answered
// "Yes" for each of desistance, safety of the child and safety of other people.
//
// [S] stated: the standard's rating is driven by the lowest of its key-question
// figures, which is placed in a rating band (Wiltshire 2024 report footnotes).
// [U] not confirmed: the % edges of those bands. No framework records any, so
// with the recorded data every function here that needs thresholds returns null.

import type { Rating } from "./rating";

export type KeyQuestionThreshold = { rating: Rating; minPercent: number };

function isPercent(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

/**
 * The band a percentage falls in: the threshold with the highest `minPercent`
 * not above it. Null when there are no thresholds, the percentage is below
 * every threshold, or it is not a number from 0 to 100.
 */
export function keyQuestionBand(percent: number, thresholds: readonly KeyQuestionThreshold[]): Rating | null {
  if (!isPercent(percent)) return null;
  let best: KeyQuestionThreshold | null = null;
  for (const threshold of thresholds) {
    if (threshold.minPercent <= percent && (best === null || threshold.minPercent > best.minPercent)) {
      best = threshold;
    }
  }
  return best ? best.rating : null;
}

/** The lowest figure, ignoring anything that is not a finite number; null when there is none. */
export function lowestFigure(percentages: readonly number[]): number | null {
  const finite = percentages.filter((p) => Number.isFinite(p));
  return finite.length === 0 ? null : Math.min(...finite);
}

/** The band of the lowest figure; null when there are no figures or no thresholds. */
export function figureBand(percentages: readonly number[], thresholds: readonly KeyQuestionThreshold[]): Rating | null {
  const lowest = lowestFigure(percentages);
  return lowest === null ? null : keyQuestionBand(lowest, thresholds);
}
