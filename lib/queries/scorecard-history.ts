// The order of a service's inspections, which one is "latest", and what
// changed between one rated inspection and the one before. Pure functions.
import { compareRatings, type Rating } from "../domain/rating";
import type { InspectionKind } from "../domain/inspection-kind";

export type OrderableInspection = {
  id: number;
  kind: InspectionKind;
  publishedOn: Date | null;
  fieldworkStart: Date | null;
  /** First year of the inspection's framework: orders an undated inspection (a 2025-programme record is from 2025 or later). */
  frameworkInUseFrom: number | null;
};

/**
 * The date an inspection is ordered by: its publication date, else its
 * fieldwork start, else 1 January of its framework's first year.
 * The SQL of the comparisons (scorecard-sql.ts) orders by the same rule.
 */
export function orderingTime(i: Pick<OrderableInspection, "publishedOn" | "fieldworkStart" | "frameworkInUseFrom">): number {
  const date = i.publishedOn ?? i.fieldworkStart;
  if (date) return date.getTime();
  if (i.frameworkInUseFrom != null) return Date.UTC(i.frameworkInUseFrom, 0, 1);
  return Number.NEGATIVE_INFINITY;
}

/** Newest first; on the same date, the later record first. */
export function newestFirst<T extends OrderableInspection>(inspections: readonly T[]): T[] {
  return [...inspections].sort((a, b) => orderingTime(b) - orderingTime(a) || b.id - a.id);
}

/** Whether an inspection gives ratings at all: thematic inspections do not. */
export function isRated(kind: InspectionKind): boolean {
  return kind !== "THEMATIC";
}

export type RatingChange = "better" | "worse" | "same";

export type ChangeFromPrevious = {
  previousId: number;
  /** Null when either overall rating is not recorded. */
  rating: { from: Rating; to: Rating; direction: RatingChange } | null;
  /** Null unless both scores are recorded and both inspections are scored under the same programme. */
  score: { from: number; to: number; difference: number } | null;
  /** The two inspections are under different framework programmes (only the overall rating compares). */
  acrossProgrammes: boolean;
};

export type ChangeInput = OrderableInspection & {
  overallRating: Rating | null;
  score: number | null;
  programme: string;
};

function direction(from: Rating, to: Rating): RatingChange {
  const order = compareRatings(to, from);
  return order < 0 ? "better" : order > 0 ? "worse" : "same";
}

/**
 * For each rated inspection (by id), the change from the rated inspection
 * before it. Thematic inspections are skipped on both sides. The first rated
 * inspection has no entry.
 */
export function changesBetweenRatedInspections(inspections: readonly ChangeInput[]): Map<number, ChangeFromPrevious> {
  const rated = newestFirst(inspections.filter((i) => isRated(i.kind))).reverse();
  const changes = new Map<number, ChangeFromPrevious>();
  for (let index = 1; index < rated.length; index += 1) {
    const before = rated[index - 1]!;
    const after = rated[index]!;
    changes.set(after.id, {
      previousId: before.id,
      rating:
        before.overallRating && after.overallRating
          ? { from: before.overallRating, to: after.overallRating, direction: direction(before.overallRating, after.overallRating) }
          : null,
      score:
        before.score != null && after.score != null && before.programme === after.programme
          ? { from: before.score, to: after.score, difference: after.score - before.score }
          : null,
      acrossProgrammes: before.programme !== after.programme,
    });
  }
  return changes;
}
