import { RatingBadge } from "@/components/rating/RatingBadge";
import { RATINGS } from "@/lib/domain/rating";

/**
 * The four ratings and "not recorded", each explaining itself, above a long
 * table whose own badges stay plain (a button in every row would mean hundreds
 * of Tab stops).
 */
export function RatingKey() {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span>Ratings (choose one for what it means):</span>
      {RATINGS.map((r) => (
        <RatingBadge key={r} rating={r} size="sm" />
      ))}
      <RatingBadge rating={null} size="sm" />
    </p>
  );
}
