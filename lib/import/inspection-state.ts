// An inspection's recorded facts in plain, comparable form (standard codes, not
// database ids; dates with their precision), used to compare an import row with
// what is recorded, list the differences field by field, and check the result
// with the inspectorate's rules before anything is written.
import type { InspectionKind, KeyQuestionArea, Visibility } from "../db/generated/enums";
import type { InspectionFacts } from "../domain/consistency";
import { frameworkByCode, KEY_QUESTION_AREAS, keyQuestionAreaLabel, standardByCode } from "../domain/frameworks";
import { inspectionKindLabel } from "../domain/inspection-kind";
import { formatPartialDate } from "../domain/partial-date";
import { ratingLabel, type Rating } from "../domain/rating";
import type { PartialDateValue } from "./cell-values";
import type { ImportRow } from "./import-row";

export type InspectionState = {
  frameworkCode: string;
  frameworkConfirmed: boolean;
  kind: InspectionKind;
  serviceNameAtInspection: string;
  fieldworkStart: PartialDateValue | null;
  publishedOn: PartialDateValue | null;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  visibility: Visibility;
  /** ISO instant. */
  embargoUntil: string | null;
  sourceUrls: string[];
  notes: string | null;
  discrepancyNote: string | null;
  ratings: Partial<Record<string, Rating>>;
  keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>;
  recommendations: string[];
};

const PRECISION = { YEAR: 0, MONTH: 1, DAY: 2 } as const;

export type FieldChange = { field: string; label: string; from: string | null; to: string | null };

export function toDate(value: PartialDateValue | null): Date | null {
  return value ? new Date(`${value.iso}T00:00:00Z`) : null;
}

export function fromDate(date: Date | null, precision: PartialDateValue["precision"] | null): PartialDateValue | null {
  return date && precision ? { iso: date.toISOString().slice(0, 10), precision } : null;
}

/** The facts lib/domain checks. */
export function factsOf(state: InspectionState): InspectionFacts {
  return {
    frameworkCode: state.frameworkCode,
    overallRating: state.overallRating,
    score: state.score,
    scoreMax: state.scoreMax,
    ratings: state.ratings,
    keyQuestions: state.keyQuestions,
    fieldworkStart: toDate(state.fieldworkStart),
    publishedOn: toDate(state.publishedOn),
    fieldworkStartPrecision: state.fieldworkStart?.precision ?? null,
    publishedOnPrecision: state.publishedOn?.precision ?? null,
  };
}

/** The full score of a scored framework (36), or null. */
function fullScoreOf(frameworkCode: string): number | null {
  const framework = frameworkByCode(frameworkCode);
  if (!framework?.scored) return null;
  return framework.standards.filter((s) => s.countsTowardOverall).length * 3;
}

/** A new inspection from a row. `frameworkCode` and `kind` are decided by the caller. */
export function stateFromRow(row: ImportRow, frameworkCode: string, frameworkConfirmed: boolean): InspectionState {
  return {
    frameworkCode,
    frameworkConfirmed,
    kind: row.kind ?? "FULL",
    serviceNameAtInspection: row.serviceName,
    fieldworkStart: row.fieldworkStart ?? null,
    publishedOn: row.publishedOn ?? null,
    overallRating: row.overallRating ?? null,
    score: row.score ?? null,
    scoreMax: row.scoreMax ?? (row.score !== undefined ? fullScoreOf(frameworkCode) : null),
    visibility: row.visibility ?? "DRAFT",
    embargoUntil: row.embargoUntil ?? null,
    sourceUrls: row.sourceUrls ?? [],
    notes: row.notes ?? null,
    discrepancyNote: row.discrepancyNote ?? null,
    ratings: { ...row.ratings },
    keyQuestions: structuredClone(row.keyQuestions),
    recommendations: row.recommendations ?? [],
  };
}

/**
 * The recorded inspection with the row's fields laid over it. Fields the row does
 * not give are kept; sources are added to the recorded ones; the name at
 * inspection is never changed by an import.
 */
export function mergeRow(existing: InspectionState, row: ImportRow): InspectionState {
  // A less precise date that agrees with the recorded one ("May 2024" for 14 May 2024) adds nothing.
  const date = (given: PartialDateValue | undefined, recorded: PartialDateValue | null) =>
    given && recorded && PRECISION[given.precision] < PRECISION[recorded.precision] && recorded.iso.startsWith(given.iso.slice(0, given.precision === "YEAR" ? 4 : 7))
      ? recorded
      : (given ?? recorded);
  const frameworkCode = row.frameworkCode ?? existing.frameworkCode;
  const keyQuestions = structuredClone(existing.keyQuestions);
  for (const [code, figures] of Object.entries(row.keyQuestions)) {
    keyQuestions[code] = { ...(keyQuestions[code] ?? {}), ...figures };
  }
  const sourceUrls = [...existing.sourceUrls];
  for (const url of row.sourceUrls ?? []) if (!sourceUrls.includes(url)) sourceUrls.push(url);
  const visibility = row.visibility ?? existing.visibility;
  return {
    frameworkCode,
    frameworkConfirmed: row.frameworkCode !== undefined ? (row.frameworkConfirmed ?? true) : existing.frameworkConfirmed,
    kind: row.kind ?? existing.kind,
    serviceNameAtInspection: existing.serviceNameAtInspection,
    fieldworkStart: date(row.fieldworkStart, existing.fieldworkStart),
    publishedOn: date(row.publishedOn, existing.publishedOn),
    overallRating: row.overallRating ?? existing.overallRating,
    score: row.score ?? existing.score,
    scoreMax: row.scoreMax ?? (row.score !== undefined ? (existing.scoreMax ?? fullScoreOf(frameworkCode)) : existing.scoreMax),
    visibility,
    embargoUntil: visibility === "EMBARGOED" ? (row.embargoUntil ?? existing.embargoUntil) : null,
    sourceUrls,
    notes: row.notes ?? existing.notes,
    discrepancyNote: row.discrepancyNote ?? existing.discrepancyNote,
    ratings: { ...existing.ratings, ...row.ratings },
    keyQuestions,
    recommendations: row.recommendations ?? existing.recommendations,
  };
}

// ---------------------------------------------------------------------------
// Differences

const showDate = (d: PartialDateValue | null) => (d ? formatPartialDate(toDate(d), d.precision) : null);
const showRating = (r: Rating | null | undefined) => (r ? ratingLabel(r) : null);
const showNumber = (n: number | null | undefined, suffix = "") => (n === null || n === undefined ? null : `${n}${suffix}`);

function standardName(frameworkCode: string, code: string): string {
  const framework = frameworkByCode(frameworkCode);
  const standard = framework ? standardByCode(framework, code) : undefined;
  return standard ? `${code} ${standard.name}` : code;
}

/** Every field whose value differs, in a fixed order, with both values as shown to staff. */
export function diffStates(before: InspectionState, after: InspectionState): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, label: string, from: string | null, to: string | null) => {
    if (from !== to) changes.push({ field, label, from, to });
  };
  add("frameworkCode", "Framework", before.frameworkCode, after.frameworkCode);
  add("frameworkConfirmed", "Framework confirmed", before.frameworkConfirmed ? "yes" : "no", after.frameworkConfirmed ? "yes" : "no");
  add("kind", "Inspection type", inspectionKindLabel(before.kind), inspectionKindLabel(after.kind));
  add("serviceNameAtInspection", "Name at inspection", before.serviceNameAtInspection, after.serviceNameAtInspection);
  add("fieldworkStart", "Fieldwork started", showDate(before.fieldworkStart), showDate(after.fieldworkStart));
  add("publishedOn", "Published", showDate(before.publishedOn), showDate(after.publishedOn));
  add("overallRating", "Overall rating", showRating(before.overallRating), showRating(after.overallRating));
  add("score", "Score", showNumber(before.score), showNumber(after.score));
  add("scoreMax", "Maximum score", showNumber(before.scoreMax), showNumber(after.scoreMax));

  const codes = [...new Set([...Object.keys(before.ratings), ...Object.keys(after.ratings)])].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  for (const code of codes) {
    add(`ratings.${code}`, `Standard ${standardName(after.frameworkCode, code)}`, showRating(before.ratings[code]), showRating(after.ratings[code]));
  }
  const kqCodes = [...new Set([...Object.keys(before.keyQuestions), ...Object.keys(after.keyQuestions)])].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  for (const code of kqCodes) {
    for (const area of KEY_QUESTION_AREAS) {
      add(
        `keyQuestions.${code}.${area}`,
        `${code} key question: ${keyQuestionAreaLabel(area).toLowerCase()}`,
        showNumber(before.keyQuestions[code]?.[area], "%"),
        showNumber(after.keyQuestions[code]?.[area], "%"),
      );
    }
  }
  add("visibility", "Visibility", before.visibility.toLowerCase(), after.visibility.toLowerCase());
  add("embargoUntil", "Embargo until", before.embargoUntil, after.embargoUntil);
  add("sourceUrls", "Sources", before.sourceUrls.join(" ") || null, after.sourceUrls.join(" ") || null);
  add("notes", "Notes", before.notes, after.notes);
  add("discrepancyNote", "Discrepancy note", before.discrepancyNote, after.discrepancyNote);
  const recs = (r: string[]) => (r.length === 0 ? null : r.map((t, i) => `${i + 1}. ${t}`).join("\n"));
  add("recommendations", "Recommendations", recs(before.recommendations), recs(after.recommendations));
  return changes;
}

/** "Wiltshire Youth Justice Service, published 14 May 2024 (full inspection, 2021 standards)". */
export function describeState(state: InspectionState): string {
  const when = state.publishedOn
    ? `published ${showDate(state.publishedOn)}`
    : state.fieldworkStart
      ? `fieldwork from ${showDate(state.fieldworkStart)}`
      : "undated";
  return `${state.serviceNameAtInspection}, ${when} (${inspectionKindLabel(state.kind).toLowerCase()}, framework ${state.frameworkCode})`;
}
