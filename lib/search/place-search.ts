// Place-name search: people arrive with a town, a council or a Welsh name, not
// a service name. A query matches a service when every word of it appears,
// ignoring case, accents, spaces and punctuation, somewhere in the service's
// name or the English or Welsh names of the local authorities it covers.
// "Poole" finds Dorset Combined (Bournemouth, Christchurch and Poole); "Môn",
// "mon" and "Ynys Mon" all find Gwynedd and Ynys Mon; "wrecs" finds Wrexham.
//
// The same folding runs in JavaScript (for the query) and in SQL (for the
// names), so that the database does the matching for any number of services.

/** The longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 100;

/** The most words a query may have. */
export const MAX_QUERY_WORDS = 8;

/**
 * Folds text for matching: decomposes accented letters, lower-cases, and keeps
 * only a–z and 0–9 ("Ynys Môn" → "ynysmon", "Pen-y-bont" → "penybont").
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** The folded words of a query, without empties or repeats; [] for a blank query. */
export function searchWords(query: string): string[] {
  const words = query
    .trim()
    .split(/\s+/)
    .map(foldForSearch)
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** Whether `haystacks` (names) match every word of `query`: the rule the SQL applies, for tests and small lists. */
export function matchesPlace(query: string, haystacks: readonly string[]): boolean {
  const words = searchWords(query);
  const folded = haystacks.map(foldForSearch).join("|");
  return words.every((w) => folded.includes(w));
}

/** The SQL expression that folds `expression` exactly as `foldForSearch` does. */
export function foldSql(expression: string): string {
  // NFD before lower(): under the C locale lower() only knows ASCII, so the
  // accent must be split off first ("Ô" → "O" + combining mark → "o").
  return `regexp_replace(lower(normalize(${expression}, NFD)), '[^a-z0-9]+', '', 'g')`;
}

/**
 * A SQL condition true when the service matches every word, with the words as
 * positional parameters starting at `$firstParam`. Returns the condition and
 * the parameter values ("%word%" patterns).
 */
export function placeMatchSql(words: readonly string[], firstParam: number, placesExpression: string): { sql: string; params: string[] } {
  const params = words.map((w) => `%${w}%`);
  const sql = words.map((_, i) => `${placesExpression} like $${firstParam + i}`).join(" and ");
  return { sql: sql || "true", params };
}
