// Checks one inspection's recorded facts against its framework's rules.
// It only reports: it never changes or fills in any value. Published figures
// are kept as published even where they disagree with the rules.

import {
  FRAMEWORKS,
  isKeyQuestionArea,
  standardByCode,
  type FrameworkDefinition,
  type KeyQuestionArea,
  type StandardDefinition,
} from "./frameworks";
import { bandFor, overallFromScore, possibleOverallRatings } from "./overall";
import { isRating, ratingLabel, type Rating } from "./rating";
import { fullScore, possibleScoreRange, scoreOf } from "./score";
import { isoPartialDate, type DatePrecision } from "./partial-date";

export type InspectionFacts = {
  frameworkCode: string;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  /** Standard code → rating; absent = not recorded. */
  ratings: Partial<Record<string, Rating>>;
  /** Standard code → area → % of cases answered "Yes". */
  keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>;
  fieldworkStart?: Date | null;
  publishedOn?: Date | null;
  /** How precisely the date is known; DAY when absent. Dates are compared at the coarser of the two. */
  fieldworkStartPrecision?: DatePrecision | null;
  publishedOnPrecision?: DatePrecision | null;
};

/** `field` is e.g. "score", "overallRating", "ratings.3.4", "keyQuestions.2.1.DESISTANCE", "publishedOn". */
export type Problem = { field: string; message: string };

function describeStandard(standard: StandardDefinition): string {
  return `standard ${standard.code} (${standard.name})`;
}

function listRatings(ratings: readonly Rating[]): string {
  const labels = ratings.map(ratingLabel);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} or ${labels[labels.length - 1]}`;
}

function frameworksWithStandard(code: string): FrameworkDefinition[] {
  return FRAMEWORKS.filter((framework) => framework.standards.some((s) => s.code === code));
}

function missingStandardMessage(code: string, framework: FrameworkDefinition, what: string): string {
  if (framework.standards.length === 0) {
    return `Framework ${framework.code} has no recorded standards, so ${what} for standard ${code} cannot be held under it.`;
  }
  const elsewhere = frameworksWithStandard(code);
  if (elsewhere.length > 0) {
    return `Standard ${code} is not part of framework ${framework.code} (it belongs to ${elsewhere
      .map((f) => f.code)
      .join(", ")}), so ${what} for it cannot be held under this framework.`;
  }
  return `There is no standard ${code} in any framework, so ${what} for it cannot be held.`;
}

function checkRatings(facts: InspectionFacts, framework: FrameworkDefinition, problems: Problem[]): void {
  for (const [code, value] of Object.entries(facts.ratings)) {
    if (value === undefined) continue;
    const field = `ratings.${code}`;
    const standard = standardByCode(framework, code);
    if (!standard) {
      problems.push({ field, message: missingStandardMessage(code, framework, "a rating") });
      continue;
    }
    if (!isRating(value)) {
      problems.push({
        field,
        message: `The rating for ${describeStandard(standard)} is "${String(value)}", which is not one of Outstanding, Good, Requires improvement or Inadequate.`,
      });
    }
  }
}

/** Only the ratings that are valid rating words for standards of the framework. */
function usableRatings(facts: InspectionFacts, framework: FrameworkDefinition): Partial<Record<string, Rating>> {
  const usable: Partial<Record<string, Rating>> = {};
  for (const standard of framework.standards) {
    const value = facts.ratings[standard.code];
    if (isRating(value)) usable[standard.code] = value;
  }
  return usable;
}

function checkScoreAndOverall(facts: InspectionFacts, framework: FrameworkDefinition, problems: Problem[]): void {
  const { score, scoreMax, overallRating } = facts;

  if (overallRating !== null && !isRating(overallRating)) {
    problems.push({
      field: "overallRating",
      message: `The overall rating "${String(overallRating)}" is not one of Outstanding, Good, Requires improvement or Inadequate.`,
    });
  }

  if (!framework.scored) {
    if (score !== null) {
      problems.push({
        field: "score",
        message: `Framework ${framework.code} is not scored, but a score of ${score} is recorded.`,
      });
    }
    if (scoreMax !== null) {
      problems.push({
        field: "scoreMax",
        message: `Framework ${framework.code} is not scored, but a maximum score of ${scoreMax} is recorded.`,
      });
    }
    return;
  }

  const expectedMax = fullScore(framework.standards);
  const countingTotal = framework.standards.filter((s) => s.countsTowardOverall).length;

  if (scoreMax !== null && scoreMax !== expectedMax) {
    problems.push({
      field: "scoreMax",
      message: `The maximum score is recorded as ${scoreMax}, but framework ${framework.code} scores out of ${expectedMax} (${countingTotal} counting standards, 3 points each).`,
    });
  }

  let scoreUsable = false;
  if (score !== null) {
    if (!Number.isInteger(score) || score < 0 || score > expectedMax) {
      problems.push({
        field: "score",
        message: `The score ${score} is not a whole number from 0 to ${expectedMax}.`,
      });
    } else if (scoreMax !== null && scoreMax !== expectedMax && score > scoreMax) {
      problems.push({
        field: "score",
        message: `The score ${score} is above its recorded maximum of ${scoreMax}.`,
      });
      scoreUsable = true;
    } else {
      scoreUsable = true;
    }
  }

  const ratings = usableRatings(facts, framework);
  const known = scoreOf(framework.standards, ratings);
  const range = possibleScoreRange(framework.standards, ratings);

  if (score !== null && scoreUsable) {
    if (known.complete) {
      if (score !== known.score) {
        problems.push({
          field: "score",
          message: `The score is ${score}, but all ${known.countingCount} counting standards are rated and add up to ${known.score} out of ${expectedMax}.`,
        });
      }
    } else if (score < range.min || score > range.max) {
      const unknown = known.countingCount - known.ratedCount;
      problems.push({
        field: "score",
        message: `The score is ${score}, but the ${known.ratedCount} rated counting standards add up to ${known.score}, so with the other ${unknown} unrated the score can only be from ${range.min} to ${range.max}.`,
      });
    }
  }

  const bands = framework.scoreBands;
  if (overallRating === null || !isRating(overallRating) || bands.length === 0) return;

  if (score !== null) {
    if (!scoreUsable) return; // the score itself is already reported
    const expected = overallFromScore(score, bands);
    if (expected === null) {
      problems.push({
        field: "score",
        message: `No overall-rating band of framework ${framework.code} covers a score of ${score}.`,
      });
    } else if (expected !== overallRating) {
      const band = bandFor(expected, bands);
      const span = band ? ` (${band.minScore}–${band.maxScore})` : "";
      problems.push({
        field: "overallRating",
        message: `The overall rating is ${ratingLabel(overallRating)}, but a score of ${score} falls in the ${ratingLabel(expected)} band${span}.`,
      });
    }
    return;
  }

  const possible = possibleOverallRatings(range, bands);
  if (!possible.includes(overallRating)) {
    const band = bandFor(overallRating, bands);
    const needed = band ? ` (which needs a score from ${band.minScore} to ${band.maxScore})` : "";
    const couldBe = possible.length > 0 ? `, which can only give ${listRatings(possible)}` : "";
    problems.push({
      field: "overallRating",
      message: `The overall rating is ${ratingLabel(overallRating)}${needed}, but the rated standards allow only a score from ${range.min} to ${range.max}${couldBe}.`,
    });
  }
}

function checkKeyQuestions(facts: InspectionFacts, framework: FrameworkDefinition, problems: Problem[]): void {
  for (const [code, figures] of Object.entries(facts.keyQuestions)) {
    if (figures === undefined) continue;
    const standard = standardByCode(framework, code);
    if (!standard) {
      problems.push({
        field: `keyQuestions.${code}`,
        message: missingStandardMessage(code, framework, "key-question figures"),
      });
      continue;
    }
    if (!standard.caseBased) {
      problems.push({
        field: `keyQuestions.${code}`,
        message: `Standard ${standard.code} (${standard.name}) is not case-based, so it has no key-question figures.`,
      });
      continue;
    }
    for (const [area, value] of Object.entries(figures)) {
      if (value === undefined) continue;
      const field = `keyQuestions.${code}.${area}`;
      if (!isKeyQuestionArea(area)) {
        problems.push({
          field,
          message: `"${area}" is not a key-question area; the areas are DESISTANCE, SAFETY_OF_CHILD and SAFETY_OF_OTHERS.`,
        });
        continue;
      }
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) {
        problems.push({
          field,
          message: `The ${area} figure for standard ${code} is ${String(value)}; it must be a whole percentage from 0 to 100.`,
        });
      }
    }
  }
}

const PRECISION_ORDER: Record<DatePrecision, number> = { YEAR: 0, MONTH: 1, DAY: 2 };

/** The date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (UTC), i.e. comparable as text at that precision. */
function dateAt(date: Date, precision: DatePrecision): string {
  return isoPartialDate(date, precision) ?? "";
}

function isValidDate(value: Date | null | undefined): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function checkDates(facts: InspectionFacts, problems: Problem[]): void {
  const { fieldworkStart, publishedOn } = facts;
  if (fieldworkStart != null && !isValidDate(fieldworkStart)) {
    problems.push({ field: "fieldworkStart", message: "The fieldwork start date is not a valid date." });
  }
  if (publishedOn != null && !isValidDate(publishedOn)) {
    problems.push({ field: "publishedOn", message: "The publication date is not a valid date." });
  }
  if (!isValidDate(fieldworkStart) || !isValidDate(publishedOn)) return;

  const fieldworkPrecision = facts.fieldworkStartPrecision ?? "DAY";
  const publishedPrecision = facts.publishedOnPrecision ?? "DAY";
  const precision =
    PRECISION_ORDER[fieldworkPrecision] <= PRECISION_ORDER[publishedPrecision] ? fieldworkPrecision : publishedPrecision;
  const start = dateAt(fieldworkStart, precision);
  const published = dateAt(publishedOn, precision);
  if (start > published) {
    problems.push({
      field: "publishedOn",
      message: `The report is recorded as published on ${dateAt(publishedOn, publishedPrecision)}, before fieldwork started on ${dateAt(fieldworkStart, fieldworkPrecision)}.`,
    });
  }
}

/**
 * Every problem found in one inspection's facts under the given framework.
 * An empty list means the facts agree with every rule that can be checked.
 */
export function checkInspection(facts: InspectionFacts, framework: FrameworkDefinition): Problem[] {
  const problems: Problem[] = [];
  if (facts.frameworkCode !== framework.code) {
    problems.push({
      field: "frameworkCode",
      message: `The inspection is recorded under framework "${facts.frameworkCode}" but is being checked against framework "${framework.code}".`,
    });
  }
  checkRatings(facts, framework, problems);
  checkScoreAndOverall(facts, framework, problems);
  checkKeyQuestions(facts, framework, problems);
  checkDates(facts, problems);
  return problems;
}
