// Query parameters of the public API (/api/v1/...) and of the services
// explorer, as zod schemas. The same schemas validate requests and generate the
// OpenAPI description (lib/api/openapi.ts), so the two cannot drift apart.
import { z } from "zod";
import { FRAMEWORKS } from "../domain/frameworks";
import type { DatePrecision } from "../domain/partial-date";
import { RATINGS } from "../domain/rating";
import { ONS_REGIONS, parsePartialDate } from "../import/dataset";
import { MAX_QUERY_LENGTH } from "../search/place-search";

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export const NATIONS = ["ENGLAND", "WALES"] as const;
export const RATING_FILTERS = [...RATINGS, "NOT_RECORDED"] as const;
export const FRAMEWORK_CODES = FRAMEWORKS.map((f) => f.code) as [string, ...string[]];
export const FORMATS = ["json", "csv"] as const;

/** A date given as YYYY, YYYY-MM or YYYY-MM-DD: the period it names. */
export type DateBound = { from: Date; to: Date; precision: DatePrecision; text: string };

/** The first day after the period that starts at `date` with this precision. */
export function periodEnd(date: Date, precision: DatePrecision): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (precision === "YEAR") return new Date(Date.UTC(y + 1, 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(y, m + 1, 1));
  return new Date(Date.UTC(y, m, d + 1));
}

const expectations = new Map<z.ZodType, string>();

/** Records what a parameter expects, in words, for error messages and the docs. */
function expecting<T extends z.ZodType>(schema: T, expected: string, description: string, example?: string | number): T {
  const described = schema.meta({ description: `${description} Expected: ${expected}.`, ...(example !== undefined ? { examples: [example] } : {}) }) as T;
  expectations.set(described, expected);
  return described;
}

/** The expectation text of a parameter schema (unwrapping optional and default). */
export function expectationOf(schema: z.ZodType): string | undefined {
  let current: z.ZodType | undefined = schema;
  for (let i = 0; current && i < 5; i++) {
    const known = expectations.get(current);
    if (known) return known;
    const inner: z.ZodType | undefined = (current as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
    current = inner;
  }
  return undefined;
}

const partialDate = (name: string, description: string) =>
  expecting(
    z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .transform((text, ctx): DateBound => {
        const parsed = parsePartialDate(text);
        if (parsed === null || typeof parsed === "string") {
          ctx.addIssue({ code: "custom", message: `${name}: ${parsed ?? "empty"}` });
          return z.NEVER;
        }
        return { from: parsed.date, to: periodEnd(parsed.date, parsed.precision), precision: parsed.precision, text };
      }),
    "a date as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
    description,
    "2024-05",
  );

export const param = {
  q: expecting(
    z.string().max(MAX_QUERY_LENGTH),
    `text of at most ${MAX_QUERY_LENGTH} characters`,
    "Place-name search: every word must appear in the service's name or in the English or Welsh name of a local authority it covers. Case, accents, spaces and punctuation are ignored, and parts of words match.",
    "Poole",
  ),
  nation: expecting(z.enum(NATIONS), `one of ${NATIONS.join(", ")}`, "The service's nation.", "WALES"),
  region: expecting(z.enum(ONS_REGIONS), `one of ${ONS_REGIONS.join(", ")}`, "The service's English region (ONS name); Welsh services have none.", "South West"),
  latestRating: expecting(
    z.enum(RATING_FILTERS),
    `one of ${RATING_FILTERS.join(", ")}`,
    "The overall rating of the service's latest published inspection; NOT_RECORDED for services whose latest inspection has no recorded overall rating, or that have no published inspection.",
    "GOOD",
  ),
  rating: expecting(
    z.enum(RATING_FILTERS),
    `one of ${RATING_FILTERS.join(", ")}`,
    "The inspection's overall rating; NOT_RECORDED for inspections whose overall rating is not recorded.",
    "INADEQUATE",
  ),
  latestFramework: expecting(
    z.enum(FRAMEWORK_CODES),
    `one of ${FRAMEWORK_CODES.join(", ")}`,
    "The framework of the service's latest published inspection.",
    "2021",
  ),
  framework: expecting(z.enum(FRAMEWORK_CODES), `one of ${FRAMEWORK_CODES.join(", ")}`, "The framework of the inspection.", "2021"),
  standardsFramework: expecting(z.enum(FRAMEWORK_CODES), `one of ${FRAMEWORK_CODES.join(", ")}`, "Only the standards of this framework.", "2021"),
  service: expecting(
    z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    "the slug of a service, as in /api/v1/services (lower-case words joined by hyphens)",
    "Only this service's inspections.",
    "wiltshire",
  ),
  publishedFrom: partialDate(
    "publishedFrom",
    "Inspections published on or after the start of this day, month or year. A publication date known only to the month or year counts as the first day of that month or year.",
  ),
  publishedTo: partialDate(
    "publishedTo",
    "Inspections published on or before the end of this day, month or year (same rule for partial dates).",
  ),
  page: expecting(
    z.coerce.number<string>().int().min(1).max(1_000_000).default(1),
    "a whole number from 1",
    "The page to return, from 1. A page past the last returns an empty list.",
    2,
  ),
  pageSize: expecting(
    z.coerce.number<string>().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    `a whole number from 1 to ${MAX_PAGE_SIZE}`,
    `How many items a page holds (default ${DEFAULT_PAGE_SIZE}).`,
    50,
  ),
  format: expecting(
    z.enum(FORMATS),
    `one of ${FORMATS.join(", ")}`,
    "json (the default) or csv. The Accept header (text/csv) chooses the same way; this parameter wins.",
    "csv",
  ),
};

export const servicesParameters = z.strictObject({
  q: param.q.optional(),
  nation: param.nation.optional(),
  region: param.region.optional(),
  rating: param.latestRating.optional(),
  framework: param.latestFramework.optional(),
  page: param.page,
  pageSize: param.pageSize,
  format: param.format.optional(),
});

export const serviceParameters = z.strictObject({ format: param.format.optional() });

export const inspectionsParameters = z.strictObject({
  service: param.service.optional(),
  nation: param.nation.optional(),
  region: param.region.optional(),
  framework: param.framework.optional(),
  rating: param.rating.optional(),
  publishedFrom: param.publishedFrom.optional(),
  publishedTo: param.publishedTo.optional(),
  page: param.page,
  pageSize: param.pageSize,
  format: param.format.optional(),
});

export const standardsParameters = z.strictObject({
  framework: param.standardsFramework.optional(),
  format: param.format.optional(),
});

export const noParameters = z.strictObject({});

export type ParameterProblem = { name: string; value: string | null; expected: string };

/** Problems named in one answer, and the longest name or value quoted back (a 10 KB value is cut, not echoed). */
export const MAX_PROBLEMS = 10;
const MAX_QUOTED = 100;
const clip = (text: string) => (text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}… (${text.length.toLocaleString("en-GB")} characters)` : text);
export function clipped(problems: readonly ParameterProblem[]): ParameterProblem[] {
  return problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, name: clip(p.name), value: p.value === null ? null : clip(p.value) }));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ParameterProblem[] };

/**
 * Validates URL query parameters against a schema. Empty values count as
 * absent; a parameter given twice, an unknown parameter or a bad value is a
 * problem naming the parameter and what it expects.
 */
export function parseParameters<S extends z.ZodObject>(schema: S, search: URLSearchParams): Parsed<z.output<S>> {
  const problems: ParameterProblem[] = [];
  const input: Record<string, string> = {};
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name).filter((v) => v !== "");
    if (values.length === 0) continue;
    if (!(name in shape)) {
      const known = Object.keys(shape);
      problems.push({
        name,
        value: values[0]!,
        expected: known.length ? `no such parameter; this endpoint takes ${known.join(", ")}` : "no such parameter; this endpoint takes none",
      });
      continue;
    }
    if (values.length > 1) {
      problems.push({ name, value: values.join(","), expected: "the parameter once" });
      continue;
    }
    input[name] = values[0]!;
  }
  if (problems.length > 0) return { ok: false, problems: clipped(problems) };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "");
    if (seen.has(name)) continue;
    seen.add(name);
    const field = shape[name];
    problems.push({ name, value: input[name] ?? null, expected: (field && expectationOf(field)) ?? issue.message });
  }
  return { ok: false, problems: clipped(problems) };
}

/** "rating: expected one of …, got "GOD"" — one line per problem. */
export function describeProblems(problems: readonly ParameterProblem[]): string {
  return problems
    .map((p) => `${p.name}: expected ${p.expected}${p.value === null ? "" : `, got ${JSON.stringify(p.value)}`}`)
    .join("; ");
}
