// Reads a published inspection report (its text, pasted or taken from the PDF)
// into a draft inspection for staff to check: the service, the fieldwork date,
// the framework (from the standards present), the ratings table (score, overall
// rating, every standard including resettlement), each case-based standard's
// key-question figures and the recommendations. Every field it could not read is
// listed with why; nothing is guessed, so an unread field stays unrecorded.
import type { KeyQuestionArea } from "../db/generated/enums";
import { frameworkByCode, KEY_QUESTION_AREAS, keyQuestionAreaLabel, standardByCode, type FrameworkDefinition } from "../domain/frameworks";
import { ratingLabel, type Rating } from "../domain/rating";
import { parseDateCell, readRating, type PartialDateValue } from "./cell-values";
import type { SourceLocation } from "./issues";
import { RowBuilder, type ImportRow } from "./import-row";
import { stripTitleWords } from "./service-names";

export type ReadField = { field: string; label: string; value: string; line: number | null };
export type UnreadField = { field: string; label: string; why: string };

export type ReportReading = {
  /** The draft as an import row, ready for planImport: a new inspection from it is a draft unless staff change its visibility. */
  row: ImportRow;
  found: ReadField[];
  unread: UnreadField[];
};

// ---------------------------------------------------------------------------
// Text helpers

type Line = { n: number; text: string };

function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/\u00ad/g, "")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, "-");
}

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();

/** A rating word as a pattern that also matches it split by text extraction ("Requires i mprovement"). */
const RATING_WORDS = ["Outstanding", "Good", "Requires improvement", "Inadequate"];
const spaced = (word: string) => word.split(" ").map((w) => w.split("").join("\\s?")).join("\\s+");
const RATING_PATTERN = `(?:${RATING_WORDS.map(spaced).join("|")})`;
const NOT_RATED_PATTERN = "(?:Not\\s+rated|Not\\s+applicable|N\\/A)";

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"];

function countWord(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  const i = NUMBER_WORDS.indexOf(word.toLowerCase());
  return i >= 0 ? i : null;
}

/** "Joint working" vs "Out-of-court disposal policy and provision": compared without case, punctuation or spaces. */
const nameKey = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

// ---------------------------------------------------------------------------

class Reader {
  readonly lines: Line[];
  readonly b = new RowBuilder(1, null, "the report");
  readonly found: ReadField[] = [];
  readonly unread: UnreadField[] = [];

  constructor(text: string) {
    this.lines = cleanText(text)
      .split("\n")
      .map((t, i) => ({ n: i + 1, text: t }));
  }

  at(line: number | null, part: string): SourceLocation {
    return { line, column: null, columnName: part };
  }

  read(field: string, label: string, value: string, line: number | null): void {
    this.found.push({ field, label, value, line });
  }

  miss(field: string, label: string, why: string): void {
    this.unread.push({ field, label, why });
  }

  /** Index of the first line matching, from `from`. */
  find(pattern: RegExp, from = 0, to = this.lines.length): number {
    for (let i = from; i < Math.min(to, this.lines.length); i++) if (pattern.test(this.lines[i]!.text)) return i;
    return -1;
  }

  join(from: number, to: number): string {
    return this.lines.slice(from, to).map((l) => l.text).join("\n");
  }
}

// ---------------------------------------------------------------------------
// Title, service and dates

function readTitle(r: Reader): void {
  const head = r.join(0, Math.min(r.lines.length, 80));
  const m = /\b(An?)\s+(joint\s+)?(re-?\s?inspection|inspection)\s+of\s+youth\s+(?:justice|offending)\s+(?:services?\s+)?in\s*\n?\s*([^\n]+)/i.exec(head);
  if (m) {
    const line = head.slice(0, m.index).split("\n").length;
    const place = squeeze(m[4]!);
    r.b.row.serviceName = place;
    r.b.row.locations.service = r.at(line, "title");
    const kind = /^re/i.test(m[3]!) ? "REINSPECTION" : "FULL";
    r.b.set("kind", kind, r.at(line, "title"));
    r.read("kind", "Inspection type", kind === "REINSPECTION" ? "Re-inspection (from the title)" : "Full inspection (from the title)", line);
  } else {
    r.miss("kind", "Inspection type", "The title (\"An inspection of youth justice services in …\") was not found in the first 80 lines.");
  }
  const cover = /HM Inspectorate of Probation,\s*([A-Z][a-z]+\s+\d{4})\b/.exec(head);
  const date = cover ? parseDateCell(cover[1]!) : null;
  if (cover && date?.value) {
    const line = head.slice(0, cover.index).split("\n").length;
    r.b.set("publishedOn", date.value, r.at(line, "cover"));
    r.read("publishedOn", "Published", `${cover[1]} (the month on the report's cover)`, line);
  } else {
    r.miss("publishedOn", "Published", "The report's date (\"HM Inspectorate of Probation, May 2024\") was not found on its cover.");
  }
}

function readFieldwork(r: Reader, monthFromTable: { value: PartialDateValue; line: number } | null): void {
  const text = r.join(0, r.lines.length);
  const m = /fieldwork[^.]{0,160}?\b(?:beginning|starting|began|started|commencing|commenced)\s+on\s+(?:\w+day\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})/i.exec(text);
  const day = m ? parseDateCell(m[1]!) : null;
  if (m && day?.value) {
    const line = text.slice(0, m.index).split("\n").length;
    r.b.set("fieldworkStart", day.value, r.at(line, "background"));
    r.read("fieldworkStart", "Fieldwork started", m[1]!, line);
  } else if (monthFromTable) {
    r.b.set("fieldworkStart", monthFromTable.value, r.at(monthFromTable.line, "ratings table"));
    r.read("fieldworkStart", "Fieldwork started", `${monthFromTable.value.iso.slice(0, 7)} (month only, from the ratings table)`, monthFromTable.line);
  } else {
    r.miss("fieldworkStart", "Fieldwork started", "No sentence saying when fieldwork began, and no \"Fieldwork started\" in the ratings table.");
  }
}

// ---------------------------------------------------------------------------
// Ratings table

type TableRow = { code: string; name: string; rating: Rating | null; line: number };

function readRatingsTable(r: Reader): { rows: TableRow[]; fieldworkMonth: { value: PartialDateValue; line: number } | null } {
  let start = r.find(/^\s*Ratings\s*$/i);
  if (start < 0) start = r.find(/Overall\s+rating/i) - 2;
  if (start < 0) {
    const why = "No \"Ratings\" heading or \"Overall rating\" line was found.";
    r.miss("ratings", "Ratings table", why);
    r.miss("score", "Score", why);
    r.miss("overallRating", "Overall rating", why);
    return { rows: [], fieldworkMonth: null };
  }
  let end = r.find(/^\s*Recommendations\s*$/i, start + 1, start + 120);
  if (end < 0) end = Math.min(r.lines.length, start + 80);

  // The section as one string, with a map from character offset back to its line.
  let flat = "";
  const lineAt: { offset: number; line: number }[] = [];
  for (const l of r.lines.slice(start, end)) {
    lineAt.push({ offset: flat.length, line: l.n });
    flat += `${l.text} `;
  }
  const lineOf = (offset: number) => [...lineAt].reverse().find((x) => x.offset <= offset)?.line ?? null;

  // Service name and fieldwork month: the table's first cell, "<name> Fieldwork started <Month Year>".
  let fieldworkMonth: { value: PartialDateValue; line: number } | null = null;
  const head = /^\s*Ratings\s+([\s\S]*?)\s+Fieldwork\s+started\s+([A-Z][a-z]+\s+\d{4})/i.exec(flat) ?? /()Fieldwork\s+started\s+([A-Z][a-z]+\s+\d{4})/i.exec(flat);
  if (head) {
    const name = squeeze(head[1] ?? "");
    if (name) {
      r.b.row.serviceName = name;
      r.b.row.locations.service = r.at(lineOf(head.index), "ratings table");
    }
    const month = parseDateCell(head[2]!);
    if (month.value) fieldworkMonth = { value: month.value, line: lineOf(head.index + head[0].length - head[2]!.length) ?? start + 1 };
  }

  const score = /Score\s*:?\s*(\d{1,2})\s*\/\s*(\d{1,2})/i.exec(flat);
  if (score) {
    const line = lineOf(score.index);
    r.b.set("score", Number(score[1]), r.at(line, "ratings table"));
    r.b.set("scoreMax", Number(score[2]), r.at(line, "ratings table"));
    r.read("score", "Score", `${score[1]}/${score[2]}`, line);
  } else {
    r.miss("score", "Score", "No \"Score N/36\" in the ratings table.");
  }

  const overall = new RegExp(`Overall\\s+rating\\s*:?\\s*(${RATING_PATTERN})(?![a-z])`, "i").exec(flat);
  const overallRating = overall ? readRating(overall[1]!) : null;
  if (overall && overallRating) {
    const line = lineOf(overall.index);
    r.b.set("overallRating", overallRating, r.at(line, "ratings table"));
    r.read("overallRating", "Overall rating", ratingLabel(overallRating), line);
  } else {
    r.miss("overallRating", "Overall rating", "No rating word after \"Overall rating\" in the ratings table.");
  }

  const rows: TableRow[] = [];
  const rowPattern = new RegExp(`(?<![\\d.])([1-9]\\.[1-9])\\.?\\s+([^\\d]*?)\\s*(${RATING_PATTERN}|${NOT_RATED_PATTERN})(?![a-z])`, "gi");
  for (const m of flat.matchAll(rowPattern)) {
    const rating = /^not|^n\//i.test(m[3]!) ? null : readRating(m[3]!);
    rows.push({ code: m[1]!, name: squeeze(m[2]!.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰*]/g, "")), rating, line: lineOf(m.index) ?? start + 1 });
  }
  return { rows, fieldworkMonth };
}

function decideFramework(r: Reader, rows: TableRow[]): FrameworkDefinition | null {
  const signals: { code: string; why: string; line: number }[] = [];
  const resettlement = rows.find((row) => row.code === "4.1");
  if (resettlement) signals.push({ code: "2021", why: "standard 4.1 (resettlement) is in the ratings table", line: resettlement.line });
  const s34 = rows.find((row) => row.code === "3.4");
  if (s34 && /joint\s*working/i.test(s34.name)) signals.push({ code: "2018", why: "standard 3.4 is named joint working", line: s34.line });
  if (s34 && /out.?of.?court\s+disposal\s+policy/i.test(s34.name)) signals.push({ code: "2021", why: "standard 3.4 is named out-of-court disposal policy and provision", line: s34.line });
  const codes = new Set(signals.map((s) => s.code));
  if (codes.size === 1) {
    const [first] = signals as [{ code: string; why: string; line: number }];
    r.b.set("frameworkCode", first.code, r.at(first.line, "ratings table"));
    r.b.row.frameworkConfirmed = true;
    r.read("frameworkCode", "Framework", `${first.code} (${signals.map((s) => s.why).join("; ")})`, first.line);
    return frameworkByCode(first.code)!;
  }
  if (codes.size > 1) {
    r.miss("frameworkCode", "Framework", `The table points both ways: ${signals.map((s) => s.why).join("; ")}.`);
  } else {
    r.miss("frameworkCode", "Framework", "The ratings table has neither standard 4.1 (2021 standards) nor a standard 3.4 named joint working (2018) or out-of-court disposal policy and provision (2021).");
  }
  return null;
}

function recordStandards(r: Reader, rows: TableRow[], framework: FrameworkDefinition | null): void {
  const expected = framework ? framework.standards : (frameworkByCode("2018-or-2021")?.standards ?? []);
  const seen = new Set<string>();
  for (const row of rows) {
    const standard = framework ? standardByCode(framework, row.code) : expected.find((s) => s.code === row.code);
    const field = `ratings.${row.code}`;
    if (seen.has(row.code)) {
      r.b.row.warnings.push({ line: row.line, column: null, columnName: "ratings table", field, message: `Standard ${row.code} appears twice in the ratings table; the first is kept.` });
      continue;
    }
    seen.add(row.code);
    if (!standard) {
      if (!(row.code === "4.1" && !framework)) {
        r.b.row.warnings.push({ line: row.line, column: null, columnName: "ratings table", field, message: `"${row.code} ${row.name}" is not a standard of ${framework ? `framework ${framework.code}` : "the 2018/2021 standards"}; it is not used.` });
      }
      continue;
    }
    const label = `${row.code} ${standard.name}`;
    if (framework && row.name && !nameKey(row.name).startsWith(nameKey(standard.name).slice(0, Math.min(12, nameKey(row.name).length)))) {
      r.miss(field, label, `The table names standard ${row.code} "${row.name}", not "${standard.name}", so its rating is not taken.`);
      continue;
    }
    if (row.rating === null) {
      r.read(field, label, "not rated (as the report says)", row.line);
      continue;
    }
    r.b.setRating(row.code, row.rating, r.at(row.line, "ratings table"));
    r.read(field, label, ratingLabel(row.rating), row.line);
  }
  for (const standard of expected) {
    if (!seen.has(standard.code)) r.miss(`ratings.${standard.code}`, `${standard.code} ${standard.name}`, "Not found in the ratings table.");
  }
}

// ---------------------------------------------------------------------------
// Key-question figures

function areaOf(question: string): KeyQuestionArea | null {
  if (/other people|others/i.test(question)) return "SAFETY_OF_OTHERS";
  if (/desist/i.test(question)) return "DESISTANCE";
  if (/child safe|safety of the child|child's safety|safety and wellbeing/i.test(question)) return "SAFETY_OF_CHILD";
  return null;
}

function readKeyQuestions(r: Reader, framework: FrameworkDefinition | null): void {
  const caseBased = (framework ?? frameworkByCode("2018-or-2021")!).standards.filter((s) => s.caseBased);
  const done = new Set<string>();
  for (let i = 0; i < r.lines.length; i++) {
    if (!/%\s*'?\s*Yes\s*'?\s*$/i.test(r.lines[i]!.text)) continue;
    // The standard the table belongs to: the nearest heading above it.
    let code: string | null = null;
    for (let j = i - 1; j >= Math.max(0, i - 40); j--) {
      const h = /^\s*([1-4]\.[1-9])\.?\s+([A-Za-z][A-Za-z ,'-]*?)\s*$/.exec(r.lines[j]!.text);
      if (h) {
        code = h[1]!;
        break;
      }
    }
    if (!code || done.has(code) || !caseBased.some((s) => s.code === code)) continue;
    done.add(code);
    const standard = caseBased.find((s) => s.code === code)!;

    // The questions: each ends with "?" and its figure; a question may wrap over lines.
    const text = r.join(i + 1, Math.min(r.lines.length, i + 16));
    const figures: Partial<Record<KeyQuestionArea, number>> = {};
    const problems: string[] = [];
    const pattern = /([^%]*?\?)\s*(\d{1,3})\s*%/g;
    let count = 0;
    for (const m of text.matchAll(pattern)) {
      const question = squeeze(m[1]!);
      if (!/^(Does|Do|Is|Are|Has|Have|Did|Was|Were)\b/.test(question) || question.length > 300) break;
      const line = r.lines[i]!.n + 1 + text.slice(0, m.index! + m[0].length).split("\n").length - 1;
      const area = areaOf(question);
      const percent = Number(m[2]);
      if (!area) problems.push(`"${question}" does not say which of desistance, the child's safety or other people's safety it asks about`);
      else if (figures[area] !== undefined) problems.push(`two questions about ${keyQuestionAreaLabel(area).toLowerCase()}`);
      else if (percent > 100) problems.push(`${percent}% is over 100`);
      else {
        figures[area] = percent;
        r.b.setKeyQuestion(code, area, percent, r.at(line, `${code} key questions`));
        r.read(`keyQuestions.${code}.${area}`, `${code} ${standard.name}: ${keyQuestionAreaLabel(area).toLowerCase()}`, `${percent}%`, line);
      }
      if (++count === 3) break;
    }
    for (const area of KEY_QUESTION_AREAS) {
      if (figures[area] === undefined) {
        r.miss(
          `keyQuestions.${code}.${area}`,
          `${code} ${standard.name}: ${keyQuestionAreaLabel(area).toLowerCase()}`,
          problems.length > 0 ? `The key-question table could not be read: ${problems.join("; ")}.` : "Not found in the standard's key-question table.",
        );
      }
    }
  }
  for (const s of caseBased) {
    if (done.has(s.code)) continue;
    for (const area of KEY_QUESTION_AREAS) {
      r.miss(`keyQuestions.${s.code}.${area}`, `${s.code} ${s.name}: ${keyQuestionAreaLabel(area).toLowerCase()}`, `No key-question table ("% 'Yes'") under a heading for standard ${s.code}.`);
    }
  }
}

// ---------------------------------------------------------------------------
// Recommendations

const STOP = /^\s*(Background|Contextual facts|Domain\s+(?:one|1)\b|Introduction|Further information|Foreword|Contents|Ratings|Acknowledgements)\b/i;

function readRecommendations(r: Reader): void {
  const start = r.find(/^\s*Recommendations\s*$/i);
  if (start < 0) {
    r.miss("recommendations", "Recommendations", "No \"Recommendations\" heading was found.");
    return;
  }
  const items: { n: number; text: string; line: number }[] = [];
  let current: { n: number; text: string; line: number } | null = null;
  for (let i = start + 1; i < Math.min(r.lines.length, start + 150); i++) {
    const text = r.lines[i]!.text.trim();
    if (STOP.test(text)) break;
    const item = /^(\d{1,2})[.)]\s+(.*)$/.exec(text);
    if (item) {
      current = { n: Number(item[1]), text: item[2]!.trim(), line: r.lines[i]!.n };
      items.push(current);
    } else if (text === "" || /:\s*$/.test(text)) {
      current = null;
    } else if (current) {
      current.text = `${current.text} ${text}`;
    }
  }
  const whole = r.join(0, r.lines.length);
  const stated = /\b(?:we\s+(?:have\s+)?(?:made|make)|makes?|making)\s+(\w+)\s+recommendations?\b/i.exec(whole);
  const expected = stated ? countWord(stated[1]!) : null;
  if (items.length === 0) {
    r.miss("recommendations", "Recommendations", "No numbered recommendations under the \"Recommendations\" heading.");
    return;
  }
  if (items.some((item, k) => item.n !== k + 1)) {
    r.miss("recommendations", "Recommendations", `The numbering is not 1, 2, 3…: found ${items.map((x) => x.n).join(", ")}.`);
    return;
  }
  if (expected !== null && expected !== items.length) {
    r.miss("recommendations", "Recommendations", `The report says it makes ${expected} recommendations, but ${items.length} numbered ones were read.`);
    return;
  }
  const list = items.map((x) => x.text.replace(/\s*[.;]\s*$/, "").replace(/\s+and$/, ""));
  r.b.set("recommendations", list, r.at(items[0]!.line, "recommendations"));
  r.read("recommendations", "Recommendations", `${list.length}${expected !== null ? " (as the report says)" : ""}`, items[0]!.line);
}

// ---------------------------------------------------------------------------

/** Reads a report's text into a draft inspection, listing what was read and what was not. */
export function readReportText(text: string): ReportReading {
  const r = new Reader(text);
  readTitle(r);
  const table = readRatingsTable(r);
  readFieldwork(r, table.fieldworkMonth);
  const framework = decideFramework(r, table.rows);
  recordStandards(r, table.rows, framework);
  readKeyQuestions(r, framework);
  readRecommendations(r);

  const row = r.b.row;
  row.serviceName = stripTitleWords(row.serviceName);
  if (row.serviceName) {
    r.found.unshift({ field: "service", label: "Service", value: row.serviceName, line: row.locations.service?.line ?? null });
  } else {
    r.unread.unshift({ field: "service", label: "Service", why: "Neither the title nor the ratings table names the service." });
  }
  return { row, found: r.found, unread: r.unread };
}
