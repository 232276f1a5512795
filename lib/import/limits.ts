// Size limits of what staff may upload. A bulk file of 1,000 inspections in the
// import format is about 300 KB; a published report PDF is usually 1–3 MB and
// 30–60 pages, with the ratings table on page 4 or 5.

/** The largest CSV or JSON file accepted: 5 MB. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
/** The most rows (inspections) one file may hold. */
export const MAX_IMPORT_ROWS = 5_000;
/** The largest report PDF accepted: 20 MB. */
export const MAX_REPORT_PDF_BYTES = 20 * 1024 * 1024;
/** Pages of a report PDF that are read; the rest are left unread (and the reading says so). */
export const MAX_REPORT_PDF_PAGES = 80;
/** The most text of a report that is read, pasted or taken from a PDF: 2 MB. */
export const MAX_REPORT_TEXT_CHARS = 2 * 1024 * 1024;

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
