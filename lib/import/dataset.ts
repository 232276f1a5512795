// Parses the seed dataset (prisma/data) into typed drafts, without touching the
// database: the YJB list of current services (CSV) and the inspection records
// (JSON). Every problem found is collected and reported together, each naming
// the record and the field, so one run shows everything that needs fixing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DatePrecision, InspectionKind, KeyQuestionArea, Nation, Rating } from "../db/generated/enums";
import { parseRatingWord } from "../domain/rating";
import { UserFacingError } from "../errors";
import { slugify } from "./slug";

// Inside the Next.js server bundle import.meta.dirname is undefined; the app runs from the project root there.
export const DATA_DIR = import.meta.dirname
  ? path.resolve(import.meta.dirname, "..", "..", "prisma", "data")
  : path.resolve(process.cwd(), "prisma", "data");
export const INSPECTIONS_FILE = "hmip-yjs-inspections.json";
export const SERVICES_FILE = "yjs-services.csv";
export const WELSH_NAMES_FILE = "welsh-names.csv";

export type ServiceDraft = {
  slug: string;
  name: string;
  nation: Nation;
  /** ONS English region; null in Wales. */
  region: string | null;
  /** In the YJB's current list; false for a former service such as Western Bay. */
  current: boolean;
  localAuthorities: string[];
  sourceUrls: string[];
  /** Slugs of the current services that took over a former service's area. */
  successorSlugs: string[];
};

export type InspectionDraft = {
  /** Position in the inspections file (0-based). */
  index: number;
  importKey: string;
  serviceSlug: string;
  serviceNameAtInspection: string;
  frameworkCode: string;
  frameworkConfirmed: boolean;
  kind: InspectionKind;
  fieldworkStart: Date | null;
  fieldworkStartPrecision: DatePrecision | null;
  publishedOn: Date | null;
  publishedOnPrecision: DatePrecision | null;
  overallRating: Rating | null;
  score: number | null;
  scoreMax: number | null;
  /** Only known ratings: a missing code means "not recorded". */
  ratings: Partial<Record<string, Rating>>;
  keyQuestions: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>;
  sourceUrls: string[];
  notes: string | null;
};

export type ParsedDataset = {
  services: ServiceDraft[];
  inspections: InspectionDraft[];
  /** Local authority name → its Welsh name, where recorded. Absent: the seed leaves Welsh names as they are. */
  welshNames?: Record<string, string>;
};

export type DatasetIssue = { record: string; field: string; message: string };

/** Every problem found in the dataset files, listed one per line. */
export class DatasetError extends UserFacingError {
  constructor(readonly issues: DatasetIssue[]) {
    super(
      `The seed dataset has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n` +
        issues.map((i) => `  - ${i.record}, field "${i.field}": ${i.message}`).join("\n"),
    );
    // `name` stays "UserFacingError", which scripts look for to print the message alone.
  }
}

// ---------------------------------------------------------------------------
// Mappings from the dataset's words to the schema's

/** YJB region names that differ from the ONS English regions. */
const REGION_TO_ONS: Record<string, string | null> = {
  Eastern: "East of England",
  Yorkshire: "Yorkshire and The Humber",
  Wales: null,
};

export const ONS_REGIONS = [
  "North East",
  "North West",
  "Yorkshire and The Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
] as const;

const NATIONS: Record<string, Nation> = { England: "ENGLAND", Wales: "WALES" };

const FRAMEWORKS: Record<string, { code: string; confirmed: boolean }> = {
  "2018": { code: "2018", confirmed: true },
  "2021": { code: "2021", confirmed: true },
  "2018/2021 (not confirmed)": { code: "2018-or-2021", confirmed: false },
  "2021 (not confirmed)": { code: "2021", confirmed: false },
  "2025 (IYJWCV)": { code: "2025-IYJWCV", confirmed: true },
  "2025 (IYJS)": { code: "2025-IYJS", confirmed: true },
};

const KINDS: Record<string, InspectionKind> = {
  full: "FULL",
  reinspection: "REINSPECTION",
  thematic: "THEMATIC",
  other: "OTHER",
};

const AREAS: Record<string, KeyQuestionArea> = {
  desistance: "DESISTANCE",
  safetyOfChild: "SAFETY_OF_CHILD",
  safetyOfOthers: "SAFETY_OF_OTHERS",
};

/** The maximum score of the 2018/2021 programme: 12 scored standards × 3 points. */
export const SCORE_MAX = 36;

/**
 * Former services (serviceKey null in the dataset): no single current service
 * covers their area, so each becomes a non-current service of its own.
 */
const FORMER_SERVICES: { pattern: RegExp; slug: string; successors: string[] }[] = [
  { pattern: /^Western Bay\b/i, slug: "western-bay", successors: ["Bridgend", "Neath Port Talbot", "Swansea"] },
];

const RECORD_KEYS = new Set([
  "service",
  "serviceKey",
  "localAuthorities",
  "nation",
  "region",
  "fieldworkStart",
  "published",
  "overallRating",
  "score",
  "ratings",
  "keyQuestions",
  "inspectionType",
  "framework",
  "sources",
  "notes",
]);

// ---------------------------------------------------------------------------
// Small parsers

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error("unterminated quoted field at the end of the CSV");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * "YYYY", "YYYY-MM" or "YYYY-MM-DD" → the first day of that period (UTC) and its
 * precision; null for null; a string describing the problem when invalid.
 */
export function parsePartialDate(value: unknown): { date: Date; precision: DatePrecision } | null | string {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return `expected a date string or null, got ${JSON.stringify(value)}`;
  const m = DATE_PATTERN.exec(value);
  if (!m) return `"${value}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return `"${value}" has no month ${m[2]}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `"${value}" is not a calendar date`;
  return { date, precision: m[3] !== undefined ? "DAY" : m[2] !== undefined ? "MONTH" : "YEAR" };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

// ---------------------------------------------------------------------------
// Services

const SERVICE_COLUMNS = ["service", "local_authorities", "nation", "region", "source_url"] as const;

/** The YJB list of current services (one row per service). */
export function parseServicesCsv(text: string, issues: DatasetIssue[] = []): ServiceDraft[] {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    issues.push({ record: "services CSV", field: "(file)", message: (error as Error).message });
    return [];
  }
  const header = rows[0] ?? [];
  if (SERVICE_COLUMNS.some((c, i) => header[i]?.trim() !== c) || header.length !== SERVICE_COLUMNS.length) {
    issues.push({
      record: "services CSV",
      field: "(header)",
      message: `expected columns ${SERVICE_COLUMNS.join(",")}, got ${header.join(",")}`,
    });
    return [];
  }
  const services: ServiceDraft[] = [];
  const seenSlugs = new Map<string, string>();
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const name = (cells[0] ?? "").trim();
    const record = `services CSV line ${line} (${name || "no name"})`;
    const problem = (field: string, message: string) => issues.push({ record, field, message });
    if (cells.length !== SERVICE_COLUMNS.length) {
      problem("(row)", `expected ${SERVICE_COLUMNS.length} cells, got ${cells.length}`);
      return;
    }
    const [, las = "", nationText = "", regionText = "", urls = ""] = cells.map((c) => c.trim());
    let ok = true;
    if (!name) {
      problem("service", "is empty");
      ok = false;
    }
    const slug = slugify(name);
    if (name && !slug) {
      problem("service", `"${name}" gives an empty slug`);
      ok = false;
    } else if (slug && seenSlugs.has(slug)) {
      problem("service", `slug "${slug}" is also the slug of "${seenSlugs.get(slug)}"`);
      ok = false;
    }
    const nation = NATIONS[nationText];
    if (!nation) {
      problem("nation", `"${nationText}" is not England or Wales`);
      ok = false;
    }
    let region: string | null = regionText in REGION_TO_ONS ? REGION_TO_ONS[regionText]! : regionText;
    if (region !== null && !(ONS_REGIONS as readonly string[]).includes(region)) {
      problem("region", `"${regionText}" is not a known region`);
      ok = false;
    } else if (nation === "WALES" && region !== null) {
      problem("region", `a Welsh service has the English region "${regionText}"`);
      ok = false;
    } else if (nation === "ENGLAND" && region === null) {
      problem("region", `an English service has region "${regionText}"`);
      ok = false;
    }
    const localAuthorities = las.split(";").map((s) => s.trim()).filter(Boolean);
    if (localAuthorities.length === 0) {
      problem("local_authorities", "is empty");
      ok = false;
    }
    const sourceUrls = urls.split(/\s+/).filter(Boolean);
    const badUrl = sourceUrls.find((u) => !/^https?:\/\/\S+$/.test(u));
    if (sourceUrls.length === 0 || badUrl) {
      problem("source_url", badUrl ? `"${badUrl}" is not an http(s) URL` : "is empty");
      ok = false;
    }
    if (slug) seenSlugs.set(slug, name);
    if (!ok || !nation) return;
    region = nation === "WALES" ? null : region;
    services.push({ slug, name, nation, region, current: true, localAuthorities, sourceUrls, successorSlugs: [] });
  });
  return services;
}

// ---------------------------------------------------------------------------
// Inspections

/** `hmip-dataset:<service slug>:<published, fieldwork or "undated">:<type>`. */
export function importKeyFor(serviceSlug: string, published: string | null, fieldworkStart: string | null, type: string): string {
  return `hmip-dataset:${serviceSlug}:${published ?? fieldworkStart ?? "undated"}:${type}`;
}

/**
 * The inspection records, joined to `services` by `serviceKey`. Former services
 * (serviceKey null) are appended to `services` as non-current services.
 */
export function parseInspectionsJson(
  text: string,
  services: ServiceDraft[],
  issues: DatasetIssue[] = [],
): InspectionDraft[] {
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    issues.push({ record: "inspections JSON", field: "(file)", message: `is not valid JSON: ${(error as Error).message}` });
    return [];
  }
  if (!Array.isArray(records)) {
    issues.push({ record: "inspections JSON", field: "(file)", message: "is not an array of records" });
    return [];
  }
  const byName = new Map(services.map((s) => [s.name, s]));
  const bySlug = new Map(services.map((s) => [s.slug, s]));
  const drafts: InspectionDraft[] = [];
  const keys = new Map<string, number>();

  records.forEach((raw: unknown, index) => {
    const name =
      raw && typeof raw === "object" && typeof (raw as { service?: unknown }).service === "string"
        ? (raw as { service: string }).service
        : "no service name";
    const record = `inspection record ${index} (${name})`;
    let ok = true;
    const problem = (field: string, message: string) => {
      issues.push({ record, field, message });
      ok = false;
    };
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      problem("(record)", "is not an object");
      return;
    }
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!RECORD_KEYS.has(key)) problem(key, "is not a known field");

    if (typeof r.service !== "string" || !r.service.trim()) problem("service", "must be a non-empty string");
    const serviceName = typeof r.service === "string" ? r.service.trim() : "";

    // Nation and region of the record, checked against the service it joins.
    const nation = typeof r.nation === "string" ? NATIONS[r.nation] : undefined;
    if (!nation) problem("nation", `${JSON.stringify(r.nation)} is not "England" or "Wales"`);
    if (r.region !== null && typeof r.region !== "string") problem("region", "must be a string or null");
    const region = typeof r.region === "string" ? r.region : null;

    // The service.
    let service: ServiceDraft | undefined;
    if (typeof r.serviceKey === "string") {
      service = byName.get(r.serviceKey);
      if (!service) problem("serviceKey", `"${r.serviceKey}" is not a service in the services CSV`);
      else {
        if (nation && service.nation !== nation) problem("nation", `${r.nation} disagrees with the service's nation`);
        if (service.region !== region) problem("region", `${JSON.stringify(region)} disagrees with the service's region ${JSON.stringify(service.region)}`);
      }
    } else if (r.serviceKey === null) {
      const former = FORMER_SERVICES.find((f) => f.pattern.test(serviceName));
      if (!former) {
        problem("serviceKey", "is null, but the record is not a known former service (only Western Bay is)");
      } else if (!nation) {
        // reported above
      } else {
        service = bySlug.get(former.slug);
        const las = isStringArray(r.localAuthorities) ? r.localAuthorities.map((s) => s.trim()).filter(Boolean) : [];
        if (las.length === 0) problem("localAuthorities", "a former service needs its local authorities");
        const successorSlugs: string[] = [];
        for (const successor of former.successors) {
          const s = byName.get(successor);
          if (!s) problem("serviceKey", `successor "${successor}" of the former service is not in the services CSV`);
          else successorSlugs.push(s.slug);
        }
        if (!service) {
          service = {
            slug: former.slug,
            name: serviceName,
            nation,
            region,
            current: false,
            localAuthorities: las,
            sourceUrls: isStringArray(r.sources) ? r.sources : [],
            successorSlugs,
          };
          services.push(service);
          bySlug.set(service.slug, service);
        } else if (service.current) {
          problem("serviceKey", `the former service's slug "${former.slug}" is taken by a current service`);
        }
      }
    } else {
      problem("serviceKey", "must be a service name or null");
    }

    // Dates.
    const dates: Partial<Record<"fieldworkStart" | "published", { date: Date; precision: DatePrecision } | null>> = {};
    for (const field of ["fieldworkStart", "published"] as const) {
      const parsed = parsePartialDate(r[field]);
      if (typeof parsed === "string") problem(field, parsed);
      else dates[field] = parsed;
    }

    // Ratings.
    const ratingOf = (field: string, value: unknown): Rating | null => {
      if (value === null || value === undefined) return null;
      if (typeof value !== "string") {
        problem(field, `expected a rating word or null, got ${JSON.stringify(value)}`);
        return null;
      }
      const rating = parseRatingWord(value);
      if (!rating) problem(field, `"${value}" is not a rating word`);
      return rating;
    };
    const overallRating = ratingOf("overallRating", r.overallRating);
    const ratings: Partial<Record<string, Rating>> = {};
    if (!r.ratings || typeof r.ratings !== "object" || Array.isArray(r.ratings)) problem("ratings", "must be an object");
    else {
      for (const [code, value] of Object.entries(r.ratings as Record<string, unknown>)) {
        if (!/^\d+\.\d+$/.test(code)) problem(`ratings.${code}`, "is not a standard code");
        const rating = ratingOf(`ratings.${code}`, value);
        if (rating) ratings[code] = rating;
      }
    }

    // Score.
    let score: number | null = null;
    if (r.score !== null && r.score !== undefined) {
      if (typeof r.score !== "number" || !Number.isInteger(r.score) || r.score < 0 || r.score > SCORE_MAX) {
        problem("score", `${JSON.stringify(r.score)} is not a whole number from 0 to ${SCORE_MAX}`);
      } else score = r.score;
    }

    // Key questions.
    const keyQuestions: InspectionDraft["keyQuestions"] = {};
    if (r.keyQuestions !== undefined && r.keyQuestions !== null) {
      if (typeof r.keyQuestions !== "object" || Array.isArray(r.keyQuestions)) problem("keyQuestions", "must be an object");
      else {
        for (const [code, byArea] of Object.entries(r.keyQuestions as Record<string, unknown>)) {
          if (!/^\d+\.\d+$/.test(code)) problem(`keyQuestions.${code}`, "is not a standard code");
          if (!byArea || typeof byArea !== "object" || Array.isArray(byArea)) {
            problem(`keyQuestions.${code}`, "must be an object of percentages");
            continue;
          }
          const results: Partial<Record<KeyQuestionArea, number>> = {};
          for (const [areaKey, value] of Object.entries(byArea as Record<string, unknown>)) {
            const area = AREAS[areaKey];
            if (!area) problem(`keyQuestions.${code}.${areaKey}`, "is not desistance, safetyOfChild or safetyOfOthers");
            else if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) {
              problem(`keyQuestions.${code}.${areaKey}`, `${JSON.stringify(value)} is not a whole percentage 0-100`);
            } else results[area] = value;
          }
          keyQuestions[code] = results;
        }
      }
    }

    // Type and framework.
    const kind = typeof r.inspectionType === "string" ? KINDS[r.inspectionType] : undefined;
    if (!kind) problem("inspectionType", `${JSON.stringify(r.inspectionType)} is not full, reinspection, thematic or other`);
    const framework = typeof r.framework === "string" ? FRAMEWORKS[r.framework] : undefined;
    if (!framework) problem("framework", `${JSON.stringify(r.framework)} is not a known framework`);

    // Sources and notes.
    if (!isStringArray(r.sources) || r.sources.length === 0) problem("sources", "must be a non-empty list of URLs");
    else {
      const bad = r.sources.find((u) => !/^https?:\/\/\S+$/.test(u));
      if (bad) problem("sources", `"${bad}" is not an http(s) URL`);
    }
    if (r.notes !== null && r.notes !== undefined && typeof r.notes !== "string") problem("notes", "must be a string or null");
    if (r.localAuthorities !== undefined && !isStringArray(r.localAuthorities)) problem("localAuthorities", "must be a list of names");

    if (!ok || !service || !kind || !framework) return;

    const fieldwork = dates.fieldworkStart ?? null;
    const published = dates.published ?? null;
    let importKey = importKeyFor(
      service.slug,
      typeof r.published === "string" ? r.published : null,
      typeof r.fieldworkStart === "string" ? r.fieldworkStart : null,
      r.inspectionType as string,
    );
    const seen = keys.get(importKey) ?? 0;
    keys.set(importKey, seen + 1);
    if (seen > 0) importKey = `${importKey}:${seen + 1}`;

    drafts.push({
      index,
      importKey,
      serviceSlug: service.slug,
      serviceNameAtInspection: serviceName,
      frameworkCode: framework.code,
      frameworkConfirmed: framework.confirmed,
      kind,
      fieldworkStart: fieldwork?.date ?? null,
      fieldworkStartPrecision: fieldwork?.precision ?? null,
      publishedOn: published?.date ?? null,
      publishedOnPrecision: published?.precision ?? null,
      overallRating,
      score,
      scoreMax: score === null ? null : SCORE_MAX,
      ratings,
      keyQuestions,
      sourceUrls: r.sources as string[],
      notes: typeof r.notes === "string" && r.notes.trim() ? r.notes : null,
    });
  });

  const unique = new Set(drafts.map((d) => d.importKey));
  if (unique.size !== drafts.length) {
    issues.push({ record: "inspections JSON", field: "(import keys)", message: "import keys are not unique" });
  }
  return drafts;
}

// ---------------------------------------------------------------------------
// Welsh names of Welsh local authorities (used by place-name search)

const WELSH_NAME_COLUMNS = ["local_authority", "welsh_name", "source"] as const;

/** welsh-names.csv: one row per Welsh local authority of `services`, with its Welsh name and source URLs. */
export function parseWelshNamesCsv(text: string, services: readonly ServiceDraft[], issues: DatasetIssue[] = []): Record<string, string> {
  const names: Record<string, string> = {};
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    issues.push({ record: "Welsh names CSV", field: "(file)", message: (error as Error).message });
    return names;
  }
  const header = rows[0] ?? [];
  if (header.length !== WELSH_NAME_COLUMNS.length || WELSH_NAME_COLUMNS.some((c, i) => header[i]?.trim() !== c)) {
    issues.push({ record: "Welsh names CSV", field: "(header)", message: `expected columns ${WELSH_NAME_COLUMNS.join(",")}, got ${header.join(",")}` });
    return names;
  }
  const welshAuthorities = new Set(services.filter((s) => s.nation === "WALES").flatMap((s) => s.localAuthorities));
  rows.slice(1).forEach((cells, i) => {
    const [authority = "", welshName = "", urls = ""] = cells.map((c) => c.trim());
    const problem = (field: string, message: string) =>
      issues.push({ record: `Welsh names CSV line ${i + 2} (${authority || "no name"})`, field, message });
    if (cells.length !== WELSH_NAME_COLUMNS.length) return problem("(row)", `expected ${WELSH_NAME_COLUMNS.length} cells, got ${cells.length}`);
    if (!welshAuthorities.has(authority)) return problem("local_authority", `"${authority}" is not a local authority of a Welsh service in the services CSV`);
    if (authority in names) return problem("local_authority", "is listed twice");
    if (!welshName) return problem("welsh_name", "is empty");
    const sources = urls.split(/\s+/).filter(Boolean);
    const badUrl = sources.find((u) => !/^https?:\/\/\S+$/.test(u));
    if (sources.length === 0 || badUrl) return problem("source", badUrl ? `"${badUrl}" is not an http(s) URL` : "is empty");
    names[authority] = welshName;
  });
  return names;
}

/** The dataset files, parsed; throws a DatasetError listing every problem. */
export function parseDataset(input: { inspectionsJson: string; servicesCsv: string; welshNamesCsv?: string }): ParsedDataset {
  const issues: DatasetIssue[] = [];
  const services = parseServicesCsv(input.servicesCsv, issues);
  const inspections = parseInspectionsJson(input.inspectionsJson, services, issues);
  const welshNames = input.welshNamesCsv === undefined ? undefined : parseWelshNamesCsv(input.welshNamesCsv, services, issues);
  if (issues.length > 0) throw new DatasetError(issues);
  return welshNames === undefined ? { services, inspections } : { services, inspections, welshNames };
}

/** Reads and parses the dataset in `dir` (prisma/data by default). */
export async function loadDataset(dir = DATA_DIR): Promise<ParsedDataset> {
  const [inspectionsJson, servicesCsv, welshNamesCsv] = await Promise.all([
    readFile(path.join(dir, INSPECTIONS_FILE), "utf8"),
    readFile(path.join(dir, SERVICES_FILE), "utf8"),
    readFile(path.join(dir, WELSH_NAMES_FILE), "utf8"),
  ]);
  return parseDataset({ inspectionsJson, servicesCsv, welshNamesCsv });
}
