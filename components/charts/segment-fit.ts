// Which text a rating segment can carry at a given bar width, decided without
// measuring anything in the browser: the segment is share% of its bar, so its
// letters fit once the bar is at least LETTERS_PX·100/share wide, and "G 64%"
// once it is FULL_PX·100/share. Each threshold is rounded up to one of the
// container-query widths in app/globals.css (section "Server-drawn charts"),
// where `data-fit-from` shows a text and `data-fit-until` hides it again.

/** Bar widths (px) with a container query in app/globals.css. Keep the two lists the same. */
export const FIT_WIDTHS = [80, 120, 160, 200, 240, 320, 400, 480, 560, 640, 800, 960, 1200] as const;

/** Room a segment needs for its letters ("RI") and for letters and share ("RI 100%"), in px. */
export const LETTERS_PX = 20;
export const FULL_PX = 60;

function widthFor(px: number, share: number): number | null {
  if (share <= 0) return null;
  const needed = (px * 100) / share;
  return FIT_WIDTHS.find((w) => w >= needed) ?? null;
}

/** The bar widths from which a segment of this share shows its letters, and its letters and share (null: never). */
export function segmentFit(share: number): { letters: number | null; full: number | null } {
  return { letters: widthFor(LETTERS_PX, share), full: widthFor(FULL_PX, share) };
}
