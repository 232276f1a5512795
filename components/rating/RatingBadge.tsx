import { ratingGlossaryId } from "@/components/glossary/glossary-ids";
import { ratingAbbreviation, ratingLabel, type Rating } from "@/lib/domain/rating";
import { notRecordedColours, ratingColours } from "./palette";

/**
 * A rating as a badge: its letters and its word, never colour alone.
 * `null` is "not recorded", shown with a hatch and a dash, never as a rating.
 *
 * The badge explains itself: it is a button opening the rating's glossary
 * popover (components/glossary, once per page). `explain={false}` gives a plain
 * badge, for long tables that carry a RatingKey above them instead.
 */
export function RatingBadge({ rating, size = "md", explain = true }: { rating: Rating | null; size?: "sm" | "md" | "lg"; explain?: boolean }) {
  const pad = size === "lg" ? "px-3 py-1.5 text-lg" : size === "sm" ? "px-1.5 py-0.5 text-xs" : "px-2 py-1 text-sm";
  const Tag = explain ? "button" : "span";
  const trigger = explain ? { type: "button" as const, popoverTarget: ratingGlossaryId(rating), "data-glossary": "rating" } : {};
  if (rating === null) {
    return (
      <Tag
        {...trigger}
        className={`rating-badge not-recorded inline-flex items-center gap-1.5 rounded border border-gray-400 font-medium ${explain ? "glossary-trigger" : ""} ${pad}`}
        style={{ color: notRecordedColours.text }}
      >
        <span aria-hidden="true">–</span>
        <span>Not recorded</span>
      </Tag>
    );
  }
  const colours = ratingColours[rating];
  return (
    <Tag
      {...trigger}
      className={`rating-badge inline-flex items-center gap-1.5 rounded border border-black/40 font-semibold ${explain ? "glossary-trigger" : ""} ${pad}`}
      style={{ backgroundColor: colours.fill, color: colours.text }}
    >
      <span aria-hidden="true" className="font-mono">
        {ratingAbbreviation(rating)}
      </span>
      <span>{ratingLabel(rating)}</span>
    </Tag>
  );
}
