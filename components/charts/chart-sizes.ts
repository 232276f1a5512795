// Chart heights, fixed from the number of rows, so that server-rendered pages
// keep their space while the (client-side) charts draw: no layout shift.
// Plain functions, usable on the server and in the browser.

export const RATING_ROW_HEIGHT = 34;
export const AXIS_HEIGHT = 28;
export const LEGEND_HEIGHT = 28;
export const BAR = 16;
export const GROUP_GAP = 14;

export function ratingBarsHeight(rows: number): number {
  return rows * RATING_ROW_HEIGHT + AXIS_HEIGHT + 8;
}

export function groupedBarsHeight(categories: number, series: number): number {
  return categories * (series * (BAR + 2) + GROUP_GAP) + AXIS_HEIGHT + LEGEND_HEIGHT + 8;
}
