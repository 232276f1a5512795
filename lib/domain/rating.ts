// The inspectorate's four-point rating scale, used both for each standard and
// for a service's overall rating.
// [S] stated: every standard and the overall rating use Outstanding / Good /
// Requires improvement / Inadequate (HMIP "Our standards and ratings" page).

/** Best first. Spelled exactly as the Prisma `Rating` enum. */
export const RATINGS = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"] as const;
export type Rating = (typeof RATINGS)[number];

// [D] derived from data: points per rating. Every published score out of 36
// seen so far equals the sum of these points over the 12 counting standards.
// [U] not confirmed: the rule text that sets the points was not read.
const POINTS: Record<Rating, number> = {
  OUTSTANDING: 3,
  GOOD: 2,
  REQUIRES_IMPROVEMENT: 1,
  INADEQUATE: 0,
};

// [S] stated: the inspectorate's own wording of the four ratings.
const LABELS: Record<Rating, string> = {
  OUTSTANDING: "Outstanding",
  GOOD: "Good",
  REQUIRES_IMPROVEMENT: "Requires improvement",
  INADEQUATE: "Inadequate",
};

const ABBREVIATIONS: Record<Rating, string> = {
  OUTSTANDING: "O",
  GOOD: "G",
  REQUIRES_IMPROVEMENT: "RI",
  INADEQUATE: "I",
};

/** The most points one standard can earn (an Outstanding rating). */
export const MAX_POINTS_PER_STANDARD = 3;

/** Points a rating earns toward the overall score: 3, 2, 1 or 0. */
export function ratingPoints(rating: Rating): number {
  return POINTS[rating];
}

/** The rating in the inspectorate's words, e.g. "Requires improvement". */
export function ratingLabel(rating: Rating): string {
  return LABELS[rating];
}

/** Short form for tight tables: "O", "G", "RI", "I". */
export function ratingAbbreviation(rating: Rating): string {
  return ABBREVIATIONS[rating];
}

export function isRating(value: unknown): value is Rating {
  return typeof value === "string" && (RATINGS as readonly string[]).includes(value);
}

/** Lower-cases, turns underscores and hyphens into spaces, drops anything that is
 *  not a letter or a space (quotes, full stops, footnote marks) and squeezes spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-\u2010-\u2015]+/g, " ")
    .replace(/[^a-z\s]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const WORDS: Record<string, Rating> = {
  outstanding: "OUTSTANDING",
  good: "GOOD",
  "requires improvement": "REQUIRES_IMPROVEMENT",
  "require improvement": "REQUIRES_IMPROVEMENT",
  requiresimprovement: "REQUIRES_IMPROVEMENT",
  ri: "REQUIRES_IMPROVEMENT",
  inadequate: "INADEQUATE",
};

/**
 * Reads a rating word as a source writes it: any case, extra spaces,
 * underscores ("REQUIRES_IMPROVEMENT"), "Requires Improvement" or "RI".
 * Returns null when the text is not a rating word. The one-letter forms
 * ("O", "G", "I") are not accepted here, as a lone letter is too easily
 * something else; use `parseRatingAbbreviation` where they are expected.
 */
export function parseRatingWord(text: string): Rating | null {
  return WORDS[normalise(text)] ?? null;
}

/** Reads "O", "G", "RI" or "I" (any case, surrounding spaces allowed), then falls back to `parseRatingWord`. */
export function parseRatingAbbreviation(text: string): Rating | null {
  const key = normalise(text);
  for (const rating of RATINGS) {
    if (ABBREVIATIONS[rating].toLowerCase() === key) return rating;
  }
  return parseRatingWord(text);
}

/** Orders ratings best first (for sorting). Negative when `a` is better than `b`. */
export function compareRatings(a: Rating, b: Rating): number {
  return RATINGS.indexOf(a) - RATINGS.indexOf(b);
}
