// Readers for single values in an import file: rating words, percentages,
// dates, scores, framework codes, inspection types, visibility, links. Each
// returns the value, `undefined` for a blank cell, or an error saying why the
// text was not read. Nothing is guessed: a value is read as written or refused.
import type { DatePrecision, InspectionKind, Visibility } from "../db/generated/enums";
import { frameworkByCode } from "../domain/frameworks";
import { parseRatingAbbreviation, type Rating } from "../domain/rating";

export type Parsed<T> = { value: T | undefined; error?: undefined } | { value?: undefined; error: string };

const ok = <T>(value: T | undefined): Parsed<T> => ({ value });
const bad = <T>(error: string): Parsed<T> => ({ error });

/** A date given to a day, a month or a year: `iso` is the first day of that period (YYYY-MM-DD). */
export type PartialDateValue = { iso: string; precision: DatePrecision };

/** Cells that say "nothing recorded here". */
const BLANK = new Set(["", "-", "–", "—", "n/a", "na", "none", "not rated", "not recorded", "null"]);

export function isBlank(text: string): boolean {
  return BLANK.has(text.trim().toLowerCase());
}

const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

// ---------------------------------------------------------------------------
// Ratings

/**
 * A rating as a source or spreadsheet writes it: "Good", "requires improvement",
 * "REQUIRES_IMPROVEMENT", "RI", "O"/"G"/"I", or a word that text extraction has
 * split ("Requires i mprovement", "Inadeq uate").
 */
export function readRating(text: string): Rating | null {
  const direct = parseRatingAbbreviation(text);
  if (direct) return direct;
  const joined = text.replace(/\s+/g, "");
  // Re-joining split letters is only tried on text that is a single rating word once joined.
  return /^(outstanding|good|requiresimprovement|inadequate)$/i.test(joined) ? parseRatingAbbreviation(joined) : null;
}

export function parseRatingCell(text: string): Parsed<Rating> {
  if (isBlank(text)) return ok(undefined);
  const rating = readRating(text);
  return rating
    ? ok(rating)
    : bad(`${quote(text.trim())} is not a rating: write Outstanding, Good, Requires improvement or Inadequate (or O, G, RI, I), or leave the cell empty when it is not recorded.`);
}

// ---------------------------------------------------------------------------
// Numbers

export function parsePercentCell(text: string): Parsed<number> {
  if (isBlank(text)) return ok(undefined);
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:%|per ?cent)?\s*$/i.exec(text);
  if (!m) return bad(`${quote(text.trim())} is not a percentage: write a whole number from 0 to 100, such as 63 or 63%.`);
  const n = Number(m[1]);
  if (n < 0 || n > 100) return bad(`${m[1]}% is outside 0–100: a key-question figure is the percentage of cases, from 0 to 100.`);
  if (!Number.isInteger(n)) return bad(`${m[1]}% is not a whole percentage: the inspectorate publishes whole numbers, so write it as published.`);
  return ok(n);
}

export type ScoreValue = { score: number; scoreMax: number | null };

/** "20" or "20/36". */
export function parseScoreCell(text: string): Parsed<ScoreValue> {
  if (isBlank(text)) return ok(undefined);
  const m = /^\s*(\d{1,3})\s*(?:\/\s*(\d{1,3}))?\s*$/.exec(text);
  if (!m) return bad(`${quote(text.trim())} is not a score: write a whole number such as 20, or 20/36.`);
  const score = Number(m[1]);
  const scoreMax = m[2] === undefined ? null : Number(m[2]);
  if (scoreMax !== null && (scoreMax < 1 || scoreMax > 36)) return bad(`The maximum score ${scoreMax} is not from 1 to 36.`);
  if (score > (scoreMax ?? 36)) return bad(`The score ${score} is above the maximum of ${scoreMax ?? 36}.`);
  return ok({ score, scoreMax });
}

export function parseWholeNumberCell(text: string, what: string, min: number, max: number): Parsed<number> {
  if (isBlank(text)) return ok(undefined);
  const m = /^\s*(\d+)\s*$/.exec(text);
  if (!m || Number(m[1]) < min || Number(m[1]) > max) return bad(`${quote(text.trim())} is not ${what}: write a whole number from ${min} to ${max}.`);
  return ok(Number(m[1]));
}

// ---------------------------------------------------------------------------
// Dates

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  const short = MONTHS.findIndex((m) => w.length >= 3 && m.startsWith(w) && (w.length === 3 || w === "sept"));
  return short >= 0 ? short + 1 : null;
}

/** The date at the start of a period, or an error when the day or month does not exist. */
export function partialDate(year: number, month: number | null, day: number | null, text: string): Parsed<PartialDateValue> {
  if (year < 2000 || year > 2100) return bad(`${quote(text)} has the year ${year}; inspection dates are from 2000 to 2100.`);
  if (month !== null && (month < 1 || month > 12)) return bad(`${quote(text)} has no month ${month}.`);
  const m = month ?? 1;
  const d = day ?? 1;
  const date = new Date(Date.UTC(year, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return bad(`${quote(text)} is not a calendar date (there is no day ${d} in that month).`);
  const precision: DatePrecision = day !== null ? "DAY" : month !== null ? "MONTH" : "YEAR";
  return ok({ iso: date.toISOString().slice(0, 10), precision });
}

/**
 * "2024-02-26", "2024-02", "2024", "26/02/2024" (day first, as in the UK),
 * "02/2024", "26 February 2024", "26th Feb 2024", "February 2024". A spreadsheet's
 * " 00:00:00" after a date is allowed.
 */
export function parseDateCell(text: string): Parsed<PartialDateValue> {
  if (isBlank(text)) return ok(undefined);
  const t = text.trim().replace(/[ T]00:00(?::00(?:\.0+)?)?Z?$/, "");
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t))) {
    return partialDate(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null, t);
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) return partialDate(Number(m[3]), Number(m[2]), Number(m[1]), t);
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(t))) return partialDate(Number(m[2]), Number(m[1]), null, t);
  if ((m = /^(?:\w+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t))) {
    const month = monthNumber(m[2]!);
    if (month !== null) return partialDate(Number(m[3]), month, Number(m[1]), t);
  }
  if ((m = /^([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t))) {
    const month = monthNumber(m[1]!);
    if (month !== null) return partialDate(Number(m[2]), month, null, t);
  }
  return bad(`${quote(t)} is not a date: write 2024-02-26, 26/02/2024 or 26 February 2024 (or 2024-02 or 2024 when only the month or year is known).`);
}

/** The instant a London wall-clock time names (GMT in winter, BST in summer). */
function londonTime(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (t: number) => {
    const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "shortOffset" })
      .formatToParts(new Date(t))
      .find((p) => p.type === "timeZoneName")?.value;
    const m = /GMT([+-]\d+)?/.exec(name ?? "");
    return m?.[1] ? Number(m[1]) * 60 : 0;
  };
  const first = asUtc - offsetAt(asUtc) * 60_000;
  return new Date(asUtc - offsetAt(first) * 60_000);
}

/** "2026-05-01 09:30" (London time), "2026-05-01T09:30:00+01:00" or "…Z". */
export function parseInstantCell(text: string): Parsed<string> {
  if (isBlank(text)) return ok(undefined);
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return bad(`${quote(t)} is not a date and time: write 2026-05-01 09:30 (London time) or 2026-05-01T09:30+01:00.`);
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const check = partialDate(year, month, day, t);
  if (check.error) return bad(check.error);
  if (hour > 23 || minute > 59) return bad(`${quote(t)} is not a time of day.`);
  const date = m[7] ? new Date(`${m[1]}-${m[2]}-${m[3]}T${String(hour).padStart(2, "0")}:${m[5]}:${m[6] ?? "00"}${m[7]}`) : londonTime(year, month, day, hour, minute);
  if (Number.isNaN(date.getTime())) return bad(`${quote(t)} is not a date and time.`);
  return ok(date.toISOString());
}

// ---------------------------------------------------------------------------
// Framework, inspection type, visibility

export type FrameworkValue = { code: string; confirmed: boolean };

/** Codes, and the seed dataset's labels ("2018/2021 (not confirmed)", "2025 (IYJWCV)"). */
const FRAMEWORK_LABELS: Record<string, FrameworkValue> = {
  "2018/2021 (not confirmed)": { code: "2018-or-2021", confirmed: false },
  "2018 or 2021": { code: "2018-or-2021", confirmed: false },
  "2021 (not confirmed)": { code: "2021", confirmed: false },
  "2025 (iyjwcv)": { code: "2025-IYJWCV", confirmed: true },
  "2025 (iyjs)": { code: "2025-IYJS", confirmed: true },
};

export function parseFrameworkCell(text: string): Parsed<FrameworkValue> {
  if (isBlank(text)) return ok(undefined);
  const t = text.trim();
  const label = FRAMEWORK_LABELS[t.toLowerCase()];
  if (label) return ok(label);
  const code = ["2018", "2021", "2018-or-2021", "2025-IYJWCV", "2025-IYJS"].find((c) => c.toLowerCase() === t.toLowerCase());
  if (code && frameworkByCode(code)) return ok({ code, confirmed: code !== "2018-or-2021" });
  return bad(`${quote(t)} is not a framework: write 2018, 2021, 2018-or-2021, 2025-IYJWCV or 2025-IYJS.`);
}

const KINDS: Record<string, InspectionKind> = {
  full: "FULL",
  "full inspection": "FULL",
  reinspection: "REINSPECTION",
  "re-inspection": "REINSPECTION",
  "re inspection": "REINSPECTION",
  thematic: "THEMATIC",
  other: "OTHER",
  pilot: "OTHER",
};

export function parseKindCell(text: string): Parsed<InspectionKind> {
  if (isBlank(text)) return ok(undefined);
  const kind = KINDS[text.trim().toLowerCase().replace(/_/g, " ")];
  return kind ? ok(kind) : bad(`${quote(text.trim())} is not an inspection type: write full, reinspection, thematic or other.`);
}

const VISIBILITIES: Record<string, Visibility> = { draft: "DRAFT", published: "PUBLISHED", embargoed: "EMBARGOED" };

export function parseVisibilityCell(text: string): Parsed<Visibility> {
  if (isBlank(text)) return ok(undefined);
  const v = VISIBILITIES[text.trim().toLowerCase()];
  return v ? ok(v) : bad(`${quote(text.trim())} is not a visibility: write draft, published or embargoed.`);
}

// ---------------------------------------------------------------------------
// Links and text

export function parseUrlList(values: readonly string[]): Parsed<string[]> {
  const urls = values.flatMap((v) => v.split(/\s+/)).filter(Boolean);
  if (urls.length === 0) return ok(undefined);
  const badUrl = urls.find((u) => {
    if (!/^https?:\/\//i.test(u)) return true;
    try {
      new URL(u);
      return false;
    } catch {
      return true;
    }
  });
  return badUrl ? bad(`${quote(badUrl)} is not a web address starting with http:// or https://.`) : ok(urls);
}

/** One recommendation a line; a leading "1." or "2)" is the numbering, not the text. */
export function parseRecommendationLines(text: string): Parsed<string[]> {
  if (isBlank(text)) return ok(undefined);
  const items = text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^\d{1,2}[.)]\s+/, ""))
    .filter(Boolean);
  return ok(items);
}

export function parseTextCell(text: string, maxLength: number): Parsed<string> {
  const t = text.trim();
  if (t === "") return ok(undefined);
  if (t.length > maxLength) return bad(`The text is ${t.length} characters long; the most is ${maxLength}.`);
  return ok(t);
}
