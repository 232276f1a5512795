// Dates that sources give to a day, a month or only a year.
export type DatePrecision = "DAY" | "MONTH" | "YEAR";
export type PartialDate = { date: Date; precision: DatePrecision };

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "26 February 2024", "February 2024" or "2024", at the precision recorded. */
export function formatPartialDate(date: Date | null | undefined, precision: DatePrecision | null | undefined): string | null {
  if (!date || !precision) return null;
  const year = date.getUTCFullYear();
  const month = months[date.getUTCMonth()];
  if (precision === "YEAR") return String(year);
  if (precision === "MONTH") return `${month} ${year}`;
  return `${date.getUTCDate()} ${month} ${year}`;
}

/** ISO text at the precision recorded: "2024-02-26", "2024-02" or "2024". */
export function isoPartialDate(date: Date | null | undefined, precision: DatePrecision | null | undefined): string | null {
  if (!date || !precision) return null;
  const iso = date.toISOString().slice(0, 10);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}
