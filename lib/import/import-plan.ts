// Step 2 of an import: match each row to a service and to any inspection already
// recorded, and work out what would be added, changed, skipped or refused. Reads
// the database; writes nothing (import-apply.ts writes). The preview it returns
// is plain data: a page or the command line shows it as it is.
import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { visibleInspectionWhere } from "../auth/visibility";
import { checkInspection } from "../domain/consistency";
import { frameworkByCode, type KeyQuestionArea } from "../domain/frameworks";
import { UserFacingError } from "../errors";
import type { PartialDateValue } from "./cell-values";
import type { ParsedImport } from "./import-file";
import { issueAt, type ImportIssue, type SourceLocation } from "./issues";
import type { ImportRow, RejectedRow } from "./import-row";
import {
  describeState,
  diffStates,
  factsOf,
  fromDate,
  mergeRow,
  stateFromRow,
  toDate,
  type FieldChange,
  type InspectionState,
} from "./inspection-state";
import { describeUnmatched, ServiceCatalogue, type MatchLayer, type ServiceEntry, type ServiceVariant } from "./service-names";
import { loadServiceVariants } from "./service-variants";

export type DbClient = Prisma.TransactionClient;

export type DuplicateChoice = "update" | "skip";

export type PlanOptions = {
  /**
   * What to do with rows that match a recorded inspection and differ from it.
   * Unset: they wait for a decision, and the import cannot be applied.
   */
  duplicates?: DuplicateChoice;
  /** A decision for single rows (row index → choice), over `duplicates`. */
  decisions?: Record<number, DuplicateChoice>;
  /** Known variants of service names; prisma/data/service-name-variants.csv by default. */
  variants?: ServiceVariant[];
};

export type MatchedService = { id: number; slug: string; name: string; matchedBy: MatchLayer; matchedName: string };

type RowBase = {
  index: number;
  line: number | null;
  label: string;
  serviceName: string;
  service: MatchedService;
  /** Not blocking: what was read with a caveat, rule problems a discrepancy note explains. */
  warnings: ImportIssue[];
};

export type InspectionToAdd = RowBase & { inspection: InspectionState; serviceId: number };

export type InspectionMatch = RowBase & {
  existing: { id: number; version: number; description: string };
  /** Why the row was taken to be this inspection. */
  matchedOn: string;
  changes: FieldChange[];
  /** The inspection as it would be after the update. */
  inspection: InspectionState;
};

export type ImportPreview = {
  format: ParsedImport["format"];
  encoding: ParsedImport["encoding"];
  fileIssues: ImportIssue[];
  toAdd: InspectionToAdd[];
  toUpdate: InspectionMatch[];
  toSkip: InspectionMatch[];
  /** Rows identical to what is recorded: nothing to write. */
  unchanged: InspectionMatch[];
  /** Rows that would change a recorded inspection, waiting for "update" or "skip". */
  needsDecision: InspectionMatch[];
  rejected: RejectedRow[];
  unusedColumns: ParsedImport["unusedColumns"];
  /** Whether applying would write: nothing refused, nothing undecided. */
  canApply: boolean;
  /** Why it cannot be applied, in plain words. */
  blockers: string[];
  /** Identifies exactly what would be written; apply refuses if the database has moved on since. */
  fingerprint: string;
};

// ---------------------------------------------------------------------------
// What is recorded

type Recorded = InspectionState & { id: number; version: number; serviceId: number };

export type Reference = {
  frameworkIds: Map<string, number>;
  /** "<framework code>|<standard code>" → standard id */
  standardIds: Map<string, number>;
  /** "<framework code>|<standard code>|<area>" → key question id */
  keyQuestionIds: Map<string, number>;
  frameworkCodes: Map<number, string>;
  standardCodes: Map<number, string>;
  keyQuestions: Map<number, { code: string; area: KeyQuestionArea }>;
};

export async function loadReference(db: DbClient): Promise<Reference> {
  const frameworks = await db.framework.findMany({ select: { id: true, code: true } });
  if (frameworks.length === 0) {
    throw new UserFacingError("The database has no frameworks: load them first with `npm run db:seed` (or `npm start`).");
  }
  const standards = await db.standard.findMany({ select: { id: true, code: true, frameworkId: true } });
  const keyQuestions = await db.keyQuestion.findMany({ select: { id: true, area: true, standardId: true } });
  const codeOf = new Map(frameworks.map((f) => [f.id, f.code]));
  const ref: Reference = {
    frameworkIds: new Map(frameworks.map((f) => [f.code, f.id])),
    standardIds: new Map(),
    keyQuestionIds: new Map(),
    frameworkCodes: codeOf,
    standardCodes: new Map(standards.map((s) => [s.id, s.code])),
    keyQuestions: new Map(),
  };
  const keyOfStandard = new Map<number, string>();
  for (const s of standards) {
    const key = `${codeOf.get(s.frameworkId)}|${s.code}`;
    keyOfStandard.set(s.id, key);
    ref.standardIds.set(key, s.id);
  }
  for (const k of keyQuestions) {
    ref.keyQuestionIds.set(`${keyOfStandard.get(k.standardId)}|${k.area}`, k.id);
    ref.keyQuestions.set(k.id, { code: ref.standardCodes.get(k.standardId)!, area: k.area });
  }
  return ref;
}

async function loadCatalogue(db: DbClient, variants: ServiceVariant[]): Promise<ServiceCatalogue> {
  const services = await db.service.findMany({ select: { id: true, slug: true, name: true, current: true }, orderBy: { id: "asc" } });
  const links = await db.serviceLocalAuthority.findMany({ select: { serviceId: true, localAuthority: { select: { name: true } } } });
  const names = await db.inspection.findMany({
    where: visibleInspectionWhere({ kind: "staff" }),
    select: { serviceId: true, serviceNameAtInspection: true },
    distinct: ["serviceId", "serviceNameAtInspection"],
  });
  const entries: ServiceEntry[] = services.map((s) => ({
    ...s,
    localAuthorities: links.filter((l) => l.serviceId === s.id).map((l) => l.localAuthority.name),
    inspectionNames: names.filter((n) => n.serviceId === s.id).map((n) => n.serviceNameAtInspection),
  }));
  return new ServiceCatalogue(entries, variants);
}

/** Every inspection of the given services, as comparable states (a fixed number of queries). */
async function loadRecorded(db: DbClient, serviceIds: number[], ref: Reference): Promise<Recorded[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db.inspection.findMany({
    where: { AND: [visibleInspectionWhere({ kind: "staff" }), { serviceId: { in: serviceIds } }] },
    orderBy: { id: "asc" },
  });
  const ids = rows.map((r) => r.id);
  const ratings = await db.standardRating.findMany({ where: { inspectionId: { in: ids } }, select: { inspectionId: true, rating: true, standardId: true } });
  const results = await db.keyQuestionResult.findMany({ where: { inspectionId: { in: ids } }, select: { inspectionId: true, percentYes: true, keyQuestionId: true } });
  const recommendations = await db.recommendation.findMany({ where: { inspectionId: { in: ids } }, orderBy: [{ inspectionId: "asc" }, { ordinal: "asc" }] });
  const codeOf = ref.frameworkCodes;
  const byId = new Map<number, Recorded>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      version: r.version,
      serviceId: r.serviceId,
      frameworkCode: codeOf.get(r.frameworkId)!,
      frameworkConfirmed: r.frameworkConfirmed,
      kind: r.kind,
      serviceNameAtInspection: r.serviceNameAtInspection,
      fieldworkStart: fromDate(r.fieldworkStart, r.fieldworkStartPrecision),
      publishedOn: fromDate(r.publishedOn, r.publishedOnPrecision),
      overallRating: r.overallRating,
      score: r.score,
      scoreMax: r.scoreMax,
      visibility: r.visibility,
      embargoUntil: r.embargoUntil?.toISOString() ?? null,
      sourceUrls: r.sourceUrls,
      notes: r.notes,
      discrepancyNote: r.discrepancyNote,
      ratings: {},
      keyQuestions: {},
      recommendations: [],
    });
  }
  for (const r of ratings) byId.get(r.inspectionId)!.ratings[ref.standardCodes.get(r.standardId)!] = r.rating;
  for (const r of results) {
    const kq = byId.get(r.inspectionId)!.keyQuestions;
    const question = ref.keyQuestions.get(r.keyQuestionId)!;
    (kq[question.code] ??= {})[question.area] = r.percentYes;
  }
  for (const r of recommendations) byId.get(r.inspectionId)!.recommendations.push(r.text);
  return [...byId.values()];
}

// ---------------------------------------------------------------------------
// Telling whether a row is an inspection already recorded

const ORDER = { YEAR: 0, MONTH: 1, DAY: 2 } as const;

/** Two dates agree when they are the same at the coarser of their precisions. */
export function sameDate(a: PartialDateValue, b: PartialDateValue): boolean {
  const precision = ORDER[a.precision] <= ORDER[b.precision] ? a.precision : b.precision;
  const length = precision === "YEAR" ? 4 : precision === "MONTH" ? 7 : 10;
  return a.iso.slice(0, length) === b.iso.slice(0, length);
}

function anyDate(s: { publishedOn?: PartialDateValue | null; fieldworkStart?: PartialDateValue | null }): PartialDateValue | null {
  return s.publishedOn ?? s.fieldworkStart ?? null;
}

function frameworksCompatible(a: string | undefined, b: string): boolean {
  if (a === undefined || a === b) return true;
  const unconfirmed = "2018-or-2021";
  return (a === unconfirmed && (b === "2018" || b === "2021")) || (b === unconfirmed && (a === "2018" || a === "2021"));
}

const YEAR_MS = 366 * 24 * 3600 * 1000;

/** How the row is the recorded inspection: "exact", "possible", or not at all (null), with the reason. */
function matchOf(row: ImportRow, recorded: Recorded): { strength: "exact" | "possible"; reason: string } | null {
  if (row.kind && row.kind !== recorded.kind) return null;
  const show = (d: PartialDateValue) => d.iso.slice(0, d.precision === "DAY" ? 10 : d.precision === "MONTH" ? 7 : 4);
  if (row.publishedOn && recorded.publishedOn) {
    return sameDate(row.publishedOn, recorded.publishedOn) ? { strength: "exact", reason: `same service and publication date (${show(recorded.publishedOn)})` } : null;
  }
  if (row.fieldworkStart && recorded.fieldworkStart) {
    return sameDate(row.fieldworkStart, recorded.fieldworkStart) ? { strength: "exact", reason: `same service and fieldwork start (${show(recorded.fieldworkStart)})` } : null;
  }
  const rowDate = anyDate(row);
  const recordedDate = anyDate(recorded);
  if (rowDate && recordedDate) {
    const near = Math.abs(toDate(rowDate)!.getTime() - toDate(recordedDate)!.getTime()) <= YEAR_MS;
    return near ? { strength: "possible", reason: `same service, dates within a year of each other (${show(rowDate)} and ${show(recordedDate)})` } : null;
  }
  const framework = row.frameworkCode ?? row.frameworkIfNew?.code;
  if (!frameworksCompatible(framework, recorded.frameworkCode)) return null;
  return { strength: "possible", reason: rowDate || recordedDate ? "same service and framework, and one of the two has no date" : "same service and framework, both undated" };
}

// ---------------------------------------------------------------------------

/** Fields whose cells a problem with this field may come from, most likely first. */
function relatedFields(field: string): (string | RegExp)[] {
  if (field === "score" || field === "scoreMax" || field === "overallRating") return [field, "score", "overallRating", /^ratings\./];
  if (field.startsWith("keyQuestions.")) return [field, field.split(".").slice(0, 2).join("."), new RegExp(`^${field.split(".").slice(0, 2).join("\\.")}\\.`)];
  if (field === "publishedOn" || field === "fieldworkStart") return [field, "publishedOn", "fieldworkStart"];
  return [field];
}

/** Where in the file a problem with `field` is: its cell, a related cell, or the row. */
const where = (row: ImportRow, field: string): SourceLocation => {
  for (const candidate of relatedFields(field)) {
    if (typeof candidate === "string") {
      if (row.locations[candidate]) return row.locations[candidate];
    } else {
      const key = Object.keys(row.locations).find((k) => candidate.test(k));
      if (key) return row.locations[key]!;
    }
  }
  return { line: row.line, column: null, columnName: null };
};

function reject(row: ImportRow, issues: ImportIssue[]): RejectedRow {
  return { index: row.index, line: row.line, label: row.label, serviceName: row.serviceName, issues };
}

/** The rule problems of a state, placed at the cells they concern. */
function ruleProblems(row: ImportRow, state: InspectionState): ImportIssue[] {
  const framework = frameworkByCode(state.frameworkCode)!;
  return checkInspection(factsOf(state), framework).map((p) => issueAt(where(row, p.field), p.field, p.message));
}

/** Checks that are not rules of the inspectorate but of the dashboard. */
function publicationProblems(row: ImportRow, state: InspectionState): ImportIssue[] {
  const issues: ImportIssue[] = [];
  if (state.visibility !== "DRAFT" && state.sourceUrls.length === 0) {
    issues.push(issueAt(where(row, "visibility"), "sourceUrls", `An inspection that is ${state.visibility.toLowerCase()} must link to its sources: add the report's address in source_urls, or leave it as a draft.`));
  }
  if (state.visibility === "EMBARGOED" && state.embargoUntil === null) {
    issues.push(issueAt(where(row, "visibility"), "embargoUntil", "An embargoed inspection needs the date and time its embargo ends."));
  }
  return issues;
}

export async function planImport(db: DbClient, parsed: ParsedImport, options: PlanOptions = {}): Promise<ImportPreview> {
  const preview: ImportPreview = {
    format: parsed.format,
    encoding: parsed.encoding,
    fileIssues: parsed.fileIssues,
    toAdd: [],
    toUpdate: [],
    toSkip: [],
    unchanged: [],
    needsDecision: [],
    rejected: [...parsed.rejected],
    unusedColumns: parsed.unusedColumns,
    canApply: false,
    blockers: [],
    fingerprint: "",
  };
  if (parsed.fileIssues.length === 0 && parsed.rows.length > 0) {
    const variants = options.variants ?? (await loadServiceVariants());
    const catalogue = await loadCatalogue(db, variants);

    // Services.
    const matched = new Map<number, MatchedService>();
    for (const row of parsed.rows) {
      const match = catalogue.match(row.serviceKey ?? row.serviceName);
      if (!match.ok) {
        preview.rejected.push(reject(row, [issueAt(where(row, "service"), "service", describeUnmatched(row.serviceKey ?? row.serviceName, match))]));
        continue;
      }
      matched.set(row.index, { id: match.service.id, slug: match.service.slug, name: match.service.name, matchedBy: match.layer, matchedName: match.matchedName });
    }

    // Inspections already recorded.
    const recorded = await loadRecorded(db, [...new Set([...matched.values()].map((s) => s.id))], await loadReference(db));
    const recordedByService = new Map<number, Recorded[]>();
    for (const r of recorded) {
      const list = recordedByService.get(r.serviceId) ?? [];
      list.push(r);
      recordedByService.set(r.serviceId, list);
    }
    const claimed = new Map<number, ImportRow>(); // recorded id → the row that matched it
    const addedByService = new Map<number, { row: ImportRow; recorded: Recorded }[]>();

    for (const row of parsed.rows) {
      const service = matched.get(row.index);
      if (!service) continue;
      const base: RowBase = { index: row.index, line: row.line, label: row.label, serviceName: row.serviceName, service, warnings: [...row.warnings] };

      const candidates = (recordedByService.get(service.id) ?? [])
        .map((r) => ({ r, m: matchOf(row, r) }))
        .filter((c): c is { r: Recorded; m: NonNullable<ReturnType<typeof matchOf>> } => c.m !== null);
      const exact = candidates.filter((c) => c.m.strength === "exact");
      const pool = exact.length > 0 ? exact : candidates;
      if (pool.length > 1) {
        preview.rejected.push(
          reject(row, [
            issueAt(where(row, "service"), null, `This could be any of ${pool.length} recorded inspections of ${service.name}: ${pool.map((c) => `${describeState(c.r)} [id ${c.r.id}]`).join("; ")}. Give the publication date to the day.`),
          ]),
        );
        continue;
      }

      if (pool.length === 1) {
        const { r, m } = pool[0]!;
        const earlier = claimed.get(r.id);
        if (earlier) {
          preview.rejected.push(reject(row, [issueAt(where(row, "service"), null, `This is the same inspection as ${earlier.label} (${describeState(r)}).`)]));
          continue;
        }
        claimed.set(r.id, row);
        const after = mergeRow(r, row);
        const changes = diffStates(r, after);
        const item: InspectionMatch = { ...base, existing: { id: r.id, version: r.version, description: describeState(r) }, matchedOn: m.reason, changes, inspection: after };
        if (changes.length === 0) {
          preview.unchanged.push(item);
          continue;
        }
        const problems = [...ruleProblems(row, after), ...publicationProblems(row, after)];
        const explained = after.discrepancyNote !== null;
        const blocking = problems.filter((p) => !explained || p.field === "sourceUrls" || p.field === "embargoUntil");
        if (blocking.length > 0) {
          preview.rejected.push(reject(row, blocking.map((p) => ({ ...p, message: `After the update: ${p.message}` }))));
          continue;
        }
        item.warnings.push(...problems.map((p) => ({ ...p, message: `Explained by the discrepancy note: ${p.message}` })));
        if (r.visibility !== "DRAFT" && !(r.visibility === "EMBARGOED" && r.embargoUntil && new Date(r.embargoUntil) > new Date())) {
          item.warnings.push(issueAt(where(row, "service"), null, "This inspection is public: the changes will show on the dashboard as soon as they are applied."));
        }
        const choice = options.decisions?.[row.index] ?? options.duplicates;
        if (choice === "update") preview.toUpdate.push(item);
        else if (choice === "skip") preview.toSkip.push(item);
        else preview.needsDecision.push(item);
        continue;
      }

      // A new inspection.
      const framework = row.frameworkCode !== undefined
        ? { code: row.frameworkCode, confirmed: row.frameworkConfirmed ?? true }
        : row.frameworkIfNew;
      if (!framework) {
        preview.rejected.push(reject(row, [issueAt(where(row, "frameworkCode"), "frameworkCode", "A new inspection needs its framework (2018, 2021, 2018-or-2021, 2025-IYJWCV or 2025-IYJS); it cannot be told from this row.")]));
        continue;
      }
      if (!row.publishedOn && !row.fieldworkStart) {
        preview.rejected.push(reject(row, [issueAt(where(row, "publishedOn"), "publishedOn", "A new inspection needs its publication date or fieldwork start, so that it can be told apart from the service's other inspections.")]));
        continue;
      }
      const twin = (addedByService.get(service.id) ?? []).find((a) => matchOf(row, a.recorded) !== null);
      if (twin) {
        preview.rejected.push(reject(row, [issueAt(where(row, "service"), null, `This is the same inspection as ${twin.row.label}: the file holds it twice.`)]));
        continue;
      }
      const state = stateFromRow(row, framework.code, framework.confirmed);
      const problems = [...ruleProblems(row, state), ...publicationProblems(row, state)];
      const explained = state.discrepancyNote !== null;
      const blocking = problems.filter((p) => !explained || p.field === "sourceUrls" || p.field === "embargoUntil");
      if (blocking.length > 0) {
        preview.rejected.push(reject(row, blocking));
        continue;
      }
      base.warnings.push(...problems.map((p) => ({ ...p, message: `Explained by the discrepancy note: ${p.message}` })));
      if (state.sourceUrls.length === 0) base.warnings.push(issueAt(where(row, "sourceUrls"), "sourceUrls", "No source link: add the report's address before publishing."));
      if (!framework.confirmed) base.warnings.push(issueAt(where(row, "frameworkCode"), "frameworkCode", `Recorded under framework ${framework.code}: which standards applied is not confirmed.`));
      const same = addedByService.get(service.id) ?? [];
      same.push({ row, recorded: { ...state, id: 0, version: 0, serviceId: service.id } });
      addedByService.set(service.id, same);
      preview.toAdd.push({ ...base, serviceId: service.id, inspection: state });
    }
  }

  preview.rejected.sort((a, b) => a.index - b.index);
  finish(preview);
  return preview;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function finish(preview: ImportPreview): void {
  const blockers: string[] = [];
  if (preview.fileIssues.length > 0) blockers.push("The file cannot be read as it is (see the problems above).");
  if (preview.rejected.length > 0) {
    blockers.push(`${plural(preview.rejected.length, "row is", "rows are")} refused: correct ${preview.rejected.length === 1 ? "it" : "them"} (or delete ${preview.rejected.length === 1 ? "it" : "them"} from the file) and upload it again. Nothing is imported while any row is refused.`);
  }
  if (preview.needsDecision.length > 0) {
    blockers.push(`${plural(preview.needsDecision.length, "row matches an inspection", "rows match inspections")} already recorded and would change ${preview.needsDecision.length === 1 ? "it" : "them"}: choose to update or to skip.`);
  }
  preview.blockers = blockers;
  preview.canApply = blockers.length === 0;
  const payload = {
    add: preview.toAdd.map((a) => [a.serviceId, a.inspection]),
    update: preview.toUpdate.map((u) => [u.existing.id, u.existing.version, u.inspection]),
  };
  preview.fingerprint = createHash("sha256").update(JSON.stringify(payload)).digest("hex").slice(0, 32);
}

