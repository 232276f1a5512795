// The ids of the glossary popovers (small, so client components can import it).
import type { Rating } from "@/lib/domain/rating";

/** The popover's id for a rating ("none" for not recorded), or for a standard code. */
export function ratingGlossaryId(rating: Rating | null): string {
  return `glossary-rating-${rating ?? "none"}`;
}
export function standardGlossaryId(code: string): string {
  return `glossary-standard-${code.replace(/[^0-9a-z]/gi, "-")}`;
}
