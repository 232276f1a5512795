// The ordinal rating palette: blues for the better ratings, ambers and browns
// for the worse, avoiding red/green. Neighbouring ratings differ by at least
// 3:1 in contrast, and every mark also carries its letters or word.
import type { Rating } from "@/lib/domain/rating";

export const ratingColours: Record<Rating, { fill: string; text: string }> = {
  OUTSTANDING: { fill: "#0b1f44", text: "#ffffff" },
  GOOD: { fill: "#2e6fb7", text: "#ffffff" },
  REQUIRES_IMPROVEMENT: { fill: "#f2c14e", text: "#000000" },
  INADEQUATE: { fill: "#7f2704", text: "#ffffff" },
};

export const notRecordedColours = { fill: "#f3f4f6", text: "#374151" };
