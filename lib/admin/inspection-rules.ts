// The inspection form's rules, with no I/O, so the browser (live preview) and
// the server (which decides) run the same code. Input is checked by zod, then by
// the inspectorate's rules in lib/domain (checkInspection), then each
// case-based standard's rating is compared with its key-question band.
import { z } from "zod";
import { checkInspection, type Problem } from "../domain/consistency";
import {
  frameworkByCode,
  KEY_QUESTION_AREAS,
  type FrameworkDefinition,
  type KeyQuestionArea,
} from "../domain/frameworks";
import { figureBand, lowestFigure, type KeyQuestionThreshold } from "../domain/key-questions";
import { overallFromScore, possibleOverallRatings } from "../domain/overall";
import type { DatePrecision } from "../domain/partial-date";
import { RATINGS, ratingLabel, type Rating } from "../domain/rating";
import { fullScore, possibleScoreRange, scoreOf } from "../domain/score";
import type { InspectionKind } from "../domain/inspection-kind";

export const INSPECTION_KINDS = ["FULL", "REINSPECTION", "THEMATIC", "OTHER"] as const satisfies readonly InspectionKind[];

/** What the form holds: text as typed, so nothing is lost between saves. */
export type InspectionFormValues = {
  serviceSlug: string;
  frameworkCode: string;
  frameworkConfirmed: boolean;
  kind: InspectionKind;
  serviceNameAtInspection: string;
  /** "", "YYYY", "YYYY-MM" or "YYYY-MM-DD": the form sets the precision. */
  fieldworkStart: string;
  publishedOn: string;
  overallRating: Rating | "";
  score: string;
  scoreMax: string;
  casesInspected: string;
  /** Standard code → rating, "" for not recorded. */
  ratings: Record<string, Rating | "">;
  /** Standard code → staff confirm the rating differs from its key-question band by the panel's judgement. */
  panelJudgement: Record<string, boolean>;
  /** Standard code → area → % as typed. */
  keyQuestions: Record<string, Partial<Record<KeyQuestionArea, string>>>;
  recommendations: string[];
  /** One address a line. */
  sourceUrls: string;
  notes: string;
  discrepancyNote: string;
};

/** A checked inspection, ready to write. */
export type InspectionRecord = {
  serviceSlug: string;
  frameworkCode: string;
  frameworkConfirmed: boolean;
  kind: InspectionKind;
  serviceNameAtInspection: string;
  fieldworkStart: Date | null;
  fieldworkStartPrecision: DatePrecision | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  casesInspected: number | null;
  ratings: Partial<Record<string, Rating>>;
  /** Codes of standards rated by panel judgement against their key-question band. */
  panelJudgement: string[];
  keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>;
  recommendations: string[];
  sourceUrls: string[];
  notes: string | null;
  discrepancyNote: string | null;
};

export function emptyFormValues(frameworkCode = "2021"): InspectionFormValues {
  return {
    serviceSlug: "",
    frameworkCode,
    frameworkConfirmed: true,
    kind: "FULL",
    serviceNameAtInspection: "",
    fieldworkStart: "",
    publishedOn: "",
    overallRating: "",
    score: "",
    scoreMax: "",
    casesInspected: "",
    ratings: {},
    panelJudgement: {},
    keyQuestions: {},
    recommendations: [],
    sourceUrls: "",
    notes: "",
    discrepancyNote: "",
  };
}

// ---------------------------------------------------------------------------
// Partial dates

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2024-05-14" → day, "2024-05" → month, "2024" → year; null when it is not a real date. */
export function parsePartialDate(text: string): { date: Date; precision: DatePrecision } | null {
  const m = PARTIAL_DATE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 2000 || year > 2100) return null;
  return { date, precision: m[3] !== undefined ? "DAY" : m[2] !== undefined ? "MONTH" : "YEAR" };
}

// ---------------------------------------------------------------------------
// zod: the shape and the ranges

const text = (max: number) => z.string().max(max, `Keep this under ${max} characters.`);
const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d+$/.test(v), `${label} must be a whole number, or left empty if not recorded.`)
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || (v >= min && v <= max), `${label} must be from ${min} to ${max}.`);
const partialDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || parsePartialDate(v) !== null, `${label} must be a real date written 2024-05-14, 2024-05 or 2024.`)
    .transform((v) => (v === "" ? null : parsePartialDate(v)));

const ratingOrEmpty = z.union([z.enum(RATINGS), z.literal("")], {
  error: "Choose Outstanding, Good, Requires improvement, Inadequate or not recorded.",
});

const urlList = z
  .string()
  .max(10_000)
  .transform((v) => v.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.url({ protocol: /^https?$/, error: "Each source must be a web address starting http:// or https://." }))
      .max(20, "Give at most 20 sources."),
  );

export const inspectionFormSchema = z.object({
  serviceSlug: z.string().trim().min(1, "Choose the service inspected.").max(100),
  frameworkCode: z.string().trim().min(1, "Choose the framework the inspection was made under.").max(40),
  frameworkConfirmed: z.boolean(),
  kind: z.enum(INSPECTION_KINDS, { error: "Choose the kind of inspection." }),
  serviceNameAtInspection: text(200)
    .trim()
    .min(1, "Give the service's name as the report writes it."),
  fieldworkStart: partialDate("The fieldwork start"),
  publishedOn: partialDate("The publication date"),
  overallRating: ratingOrEmpty,
  score: wholeNumber("The score", 0, 36),
  scoreMax: wholeNumber("The maximum score", 1, 36),
  casesInspected: wholeNumber("The number of cases inspected", 0, 10_000),
  ratings: z.record(z.string().max(10), ratingOrEmpty),
  panelJudgement: z.record(z.string().max(10), z.boolean()),
  keyQuestions: z.record(
    z.string().max(10),
    z.partialRecord(z.enum(KEY_QUESTION_AREAS as [KeyQuestionArea, ...KeyQuestionArea[]]), wholeNumber("A key-question figure", 0, 100)),
  ),
  recommendations: z.array(text(4000).trim()).max(50, "Give at most 50 recommendations."),
  sourceUrls: urlList,
  notes: text(4000).trim(),
  discrepancyNote: text(2000).trim(),
});

export type FieldErrors = Record<string, string[]>;

function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

// ---------------------------------------------------------------------------
// What the rules make of the ratings: shown live and after saving

export type StandardBand = {
  code: string;
  lowest: number | null;
  band: Rating | null;
  rating: Rating | null;
  differs: boolean;
};

export type ComputedSummary = {
  frameworkCode: string;
  scored: boolean;
  /** Points of the rated counting standards. */
  score: number;
  fullScore: number;
  ratedCount: number;
  countingCount: number;
  complete: boolean;
  /** The full score still possible while some counting standards are not rated. */
  range: { min: number; max: number };
  /** The band of the computed score (complete ratings only). */
  overallFromScore: Rating | null;
  /** Every overall rating the rated standards still allow. */
  possibleOverall: Rating[];
  bands: StandardBand[];
};

/** The score, overall band and key-question bands that the entered ratings give. */
export function computeSummary(
  framework: FrameworkDefinition,
  ratings: Partial<Record<string, Rating>>,
  keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>,
  thresholds: readonly KeyQuestionThreshold[],
): ComputedSummary {
  const known = scoreOf(framework.standards, ratings);
  const range = possibleScoreRange(framework.standards, ratings);
  const bands: StandardBand[] = framework.standards
    .filter((s) => s.caseBased)
    .map((s) => {
      const figures = Object.values(keyQuestions[s.code] ?? {}).filter((v): v is number => typeof v === "number");
      const band = figureBand(figures, thresholds);
      const rating = ratings[s.code] ?? null;
      return { code: s.code, lowest: lowestFigure(figures), band, rating, differs: band !== null && rating !== null && band !== rating };
    });
  return {
    frameworkCode: framework.code,
    scored: framework.scored,
    score: known.score,
    fullScore: fullScore(framework.standards),
    ratedCount: known.ratedCount,
    countingCount: known.countingCount,
    complete: known.complete && known.countingCount > 0,
    range,
    overallFromScore: known.complete && known.countingCount > 0 ? overallFromScore(known.score, framework.scoreBands) : null,
    possibleOverall: framework.scored ? possibleOverallRatings(range, framework.scoreBands) : [],
    bands,
  };
}

// ---------------------------------------------------------------------------
// The whole check

export type ValidationResult =
  | { ok: true; record: InspectionRecord; computed: ComputedSummary; explained: Problem[] }
  | { ok: false; errors: FieldErrors; computed: ComputedSummary | null };

/**
 * Checks submitted form values. `thresholds` are the key-question thresholds
 * recorded for the chosen framework (in the database; none are recorded today).
 * Problems the inspectorate's rules find block saving unless a discrepancy note
 * explains them, as for the seed; a rating that differs from its key-question
 * band needs the panel-judgement box ticked.
 */
export function validateInspectionForm(input: unknown, thresholds: readonly KeyQuestionThreshold[]): ValidationResult {
  const parsed = inspectionFormSchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) addError(errors, issue.path.map(String).join(".") || "form", issue.message);
    return { ok: false, errors, computed: null };
  }
  const v = parsed.data;
  const errors: FieldErrors = {};
  const framework = frameworkByCode(v.frameworkCode);
  if (!framework) {
    addError(errors, "frameworkCode", `There is no framework "${v.frameworkCode}".`);
    return { ok: false, errors, computed: null };
  }

  const ratings: Partial<Record<string, Rating>> = {};
  for (const [code, rating] of Object.entries(v.ratings)) if (rating !== "") ratings[code] = rating;
  const keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>> = {};
  for (const [code, byArea] of Object.entries(v.keyQuestions)) {
    const figures: Partial<Record<KeyQuestionArea, number>> = {};
    for (const [area, value] of Object.entries(byArea) as [KeyQuestionArea, number | null | undefined][]) {
      if (typeof value === "number") figures[area] = value;
    }
    if (Object.keys(figures).length > 0) keyQuestions[code] = figures;
  }

  const record: InspectionRecord = {
    serviceSlug: v.serviceSlug,
    frameworkCode: framework.code,
    frameworkConfirmed: v.frameworkConfirmed,
    kind: v.kind,
    serviceNameAtInspection: v.serviceNameAtInspection,
    fieldworkStart: v.fieldworkStart?.date ?? null,
    fieldworkStartPrecision: v.fieldworkStart?.precision ?? null,
    publishedOn: v.publishedOn?.date ?? null,
    publishedOnPrecision: v.publishedOn?.precision ?? null,
    overallRating: v.overallRating === "" ? null : v.overallRating,
    score: v.score,
    scoreMax: v.scoreMax,
    casesInspected: v.casesInspected,
    ratings,
    panelJudgement: [],
    keyQuestions,
    recommendations: v.recommendations.filter((r) => r !== ""),
    sourceUrls: v.sourceUrls,
    notes: v.notes === "" ? null : v.notes,
    discrepancyNote: v.discrepancyNote === "" ? null : v.discrepancyNote,
  };

  if (record.score !== null && record.scoreMax !== null && record.score > record.scoreMax) {
    addError(errors, "score", `The score ${record.score} is above the maximum score of ${record.scoreMax}.`);
  }

  const problems = checkInspection(record, framework);
  if (record.discrepancyNote === null) {
    for (const p of problems) {
      addError(
        errors,
        p.field,
        `${p.message} Correct it; or, if the published report really gives these figures, say why in the discrepancy note.`,
      );
    }
  }

  const computed = computeSummary(framework, ratings, keyQuestions, thresholds);
  for (const b of computed.bands) {
    if (!b.differs) continue;
    if (v.panelJudgement[b.code] === true) {
      record.panelJudgement.push(b.code);
    } else {
      addError(
        errors,
        `ratings.${b.code}`,
        `The lowest key-question figure for standard ${b.code} is ${b.lowest}%, which falls in the ${ratingLabel(b.band!)} band, ` +
          `but the rating is ${ratingLabel(b.rating!)}. If this is the panel's judgement, tick "Rated by panel judgement" for this standard and save again.`,
      );
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors, computed };
  return { ok: true, record, computed, explained: record.discrepancyNote === null ? [] : problems };
}

/** Form values for a stored record (the reverse of validation). */
export function recordToFormValues(record: InspectionRecord): InspectionFormValues {
  const iso = (date: Date | null, precision: DatePrecision | null) => {
    if (!date || !precision) return "";
    const full = date.toISOString().slice(0, 10);
    return precision === "YEAR" ? full.slice(0, 4) : precision === "MONTH" ? full.slice(0, 7) : full;
  };
  const keyQuestions: InspectionFormValues["keyQuestions"] = {};
  for (const [code, byArea] of Object.entries(record.keyQuestions)) {
    keyQuestions[code] = Object.fromEntries(Object.entries(byArea ?? {}).map(([area, value]) => [area, String(value)]));
  }
  return {
    serviceSlug: record.serviceSlug,
    frameworkCode: record.frameworkCode,
    frameworkConfirmed: record.frameworkConfirmed,
    kind: record.kind,
    serviceNameAtInspection: record.serviceNameAtInspection,
    fieldworkStart: iso(record.fieldworkStart, record.fieldworkStartPrecision),
    publishedOn: iso(record.publishedOn, record.publishedOnPrecision),
    overallRating: record.overallRating ?? "",
    score: record.score === null ? "" : String(record.score),
    scoreMax: record.scoreMax === null ? "" : String(record.scoreMax),
    casesInspected: record.casesInspected === null ? "" : String(record.casesInspected),
    ratings: Object.fromEntries(Object.entries(record.ratings).map(([code, r]) => [code, r ?? ""])),
    panelJudgement: Object.fromEntries(record.panelJudgement.map((code) => [code, true])),
    keyQuestions,
    recommendations: [...record.recommendations],
    sourceUrls: record.sourceUrls.join("\n"),
    notes: record.notes ?? "",
    discrepancyNote: record.discrepancyNote ?? "",
  };
}
