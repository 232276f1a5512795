import { ratingAbbreviation, ratingLabel, type Rating } from "@/lib/domain/rating";
import { notRecordedColours, ratingColours } from "./palette";

/**
 * A rating as a badge: its letters and its word, never colour alone.
 * `null` is "not recorded", shown with a hatch and a dash, never as a rating.
 */
export function RatingBadge({ rating, size = "md" }: { rating: Rating | null; size?: "sm" | "md" | "lg" }) {
  const pad = size === "lg" ? "px-3 py-1.5 text-lg" : size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2 py-1 text-sm";
  if (rating === null) {
    return (
      <span
        className={`not-recorded inline-flex items-center gap-1.5 rounded border border-gray-400 font-medium ${pad}`}
        style={{ color: notRecordedColours.text }}
      >
        <span aria-hidden="true">–</span>
        <span>Not recorded</span>
      </span>
    );
  }
  const colours = ratingColours[rating];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded border border-black/40 font-semibold ${pad}`}
      style={{ backgroundColor: colours.fill, color: colours.text }}
    >
      <span aria-hidden="true" className="font-mono">
        {ratingAbbreviation(rating)}
      </span>
      <span>{ratingLabel(rating)}</span>
    </span>
  );
}
