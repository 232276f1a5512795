// The table and CSV of a 100% stacked rating chart, built from the same
// distributions the chart draws.
import { RATINGS, ratingLabel } from "@/lib/domain/rating";
import { MIN_N, sharesOf, type Distribution } from "@/lib/queries/national-distribution";
import type { ChartTable } from "./ChartFigure";

export type RatingBarRow = { label: string; distribution: Distribution };

export function ratingTable(rows: readonly RatingBarRow[], firstColumn: string): ChartTable {
  const header = [firstColumn, ...RATINGS.map(ratingLabel), "Rated (n)", "Not recorded"];
  const csvHeader = [
    firstColumn,
    ...RATINGS.flatMap((r) => [`${ratingLabel(r)} (count)`, `${ratingLabel(r)} (% of rated)`]),
    "Rated (n)",
    "Not recorded",
  ];
  const tableRows = rows.map(({ label, distribution }) => {
    const shares = sharesOf(distribution);
    return [
      label,
      ...RATINGS.map((r) => (shares ? `${distribution.counts[r]} (${shares[r]}%)` : `${distribution.counts[r]}`)),
      distribution.rated,
      distribution.notRecorded,
    ];
  });
  const csvRows = rows.map(({ label, distribution }) => {
    const shares = sharesOf(distribution);
    return [label, ...RATINGS.flatMap((r) => [distribution.counts[r], shares ? shares[r] : ""]), distribution.rated, distribution.notRecorded];
  });
  return { header, rows: tableRows, csvHeader, csvRows };
}

/** Rows of a 100% bar chart: shares when at least MIN_N are rated, else null (drawn as "too few"). */
export function ratingBarData(rows: readonly RatingBarRow[]) {
  return rows.map(({ label, distribution }) => ({
    label,
    rated: distribution.rated,
    notRecorded: distribution.notRecorded,
    counts: distribution.counts,
    shares: sharesOf(distribution),
  }));
}

export const TOO_FEW = `fewer than ${MIN_N} rated: not drawn`;
