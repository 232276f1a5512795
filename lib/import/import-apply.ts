// Step 3 of an import: write what the preview showed, in one transaction, or
// nothing. The plan is made again inside the transaction (under a lock that also
// keeps the seed out), and the import is refused if it is not what staff saw
// (the preview's fingerprint) or if anything in it is refused or undecided.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { deleteRatingPairs, deleteResultPairs, insertInspections, insertKeyQuestionResults, insertRatings, insertRecommendations, updateInspections, type InspectionColumns } from "./bulk-writes";
import { UserFacingError } from "../errors";
import { COMMAND_LINE, type Actor } from "../audit/audit-log";
import type { ParsedImport } from "./import-file";
import type { InspectionState } from "./inspection-state";
import { loadReference, planImport, type DbClient, type ImportPreview, type PlanOptions, type Reference } from "./import-plan";

/** The seed's advisory lock (lib/db/seed.ts, SEED_LOCK_ID): an import and a seed never run at once. */
const DATA_WRITE_LOCK_ID = 74_110_001;

export type ApplyOptions = PlanOptions & {
  /** The fingerprint of the preview staff confirmed; the import is refused if the plan is no longer the same. */
  expectedFingerprint?: string;
  /** Written into each new inspection's import key, e.g. the staff member or file name (letters, digits, - and _). */
  batchLabel?: string;
  /** Who imports: recorded in the audit log with every inspection added or changed (the command line by default). */
  actor?: Actor;
};

export type ImportResult = {
  preview: ImportPreview;
  createdIds: number[];
  updatedIds: number[];
  /** Milliseconds spent inside the transaction. */
  transactionMs: number;
};

/** Refused: nothing was written. `preview` says why. */
export class ImportRefusedError extends UserFacingError {
  constructor(
    message: string,
    readonly preview: ImportPreview,
  ) {
    super(message);
  }
}

/** Another change reached a matched inspection between planning and writing. */
export class ImportConflictError extends UserFacingError {}

type Tx = Prisma.TransactionClient;

function columns(state: InspectionState, ref: Reference): InspectionColumns {
  const frameworkId = ref.frameworkIds.get(state.frameworkCode);
  if (frameworkId === undefined) throw new UserFacingError(`Framework ${state.frameworkCode} is not in the database: run \`npm run db:seed\`.`);
  return {
    frameworkId,
    serviceId: 0,
    frameworkConfirmed: state.frameworkConfirmed,
    kind: state.kind,
    serviceNameAtInspection: state.serviceNameAtInspection,
    fieldworkStart: state.fieldworkStart?.iso ?? null,
    fieldworkStartPrecision: state.fieldworkStart?.precision ?? null,
    publishedOn: state.publishedOn?.iso ?? null,
    publishedOnPrecision: state.publishedOn?.precision ?? null,
    overallRating: state.overallRating,
    score: state.score,
    scoreMax: state.scoreMax,
    visibility: state.visibility,
    embargoUntil: state.embargoUntil,
    sourceUrls: state.sourceUrls,
    notes: state.notes,
    discrepancyNote: state.discrepancyNote,
  };
}

type Children = {
  ratings: { inspectionId: number; standardId: number; rating: string }[];
  results: { inspectionId: number; keyQuestionId: number; percentYes: number }[];
  recommendations: { inspectionId: number; ordinal: number; text: string }[];
};

function childRows(inspectionId: number, state: InspectionState, ref: Reference, into: Children, parts: { ratings: boolean; results: boolean; recommendations: boolean }): void {
  if (parts.ratings) {
    for (const [code, rating] of Object.entries(state.ratings)) {
      if (rating === undefined) continue;
      const standardId = ref.standardIds.get(`${state.frameworkCode}|${code}`);
      if (standardId === undefined) throw new Error(`no standard ${code} in framework ${state.frameworkCode}`);
      into.ratings.push({ inspectionId, standardId, rating });
    }
  }
  if (parts.results) {
    for (const [code, figures] of Object.entries(state.keyQuestions)) {
      for (const [area, percentYes] of Object.entries(figures ?? {})) {
        if (percentYes === undefined) continue;
        const keyQuestionId = ref.keyQuestionIds.get(`${state.frameworkCode}|${code}|${area}`);
        if (keyQuestionId === undefined) throw new Error(`no key question ${code} ${area} in framework ${state.frameworkCode}`);
        into.results.push({ inspectionId, keyQuestionId, percentYes });
      }
    }
  }
  if (parts.recommendations) {
    state.recommendations.forEach((text, i) => into.recommendations.push({ inspectionId, ordinal: i + 1, text }));
  }
}

/**
 * Lets the fault test (scripts/import.db.test.ts) kill an import after it has
 * written everything but before it commits. Off unless the variable is set.
 */
async function pauseBeforeCommitForTests(): Promise<void> {
  const ms = Number(process.env.YJS_TEST_IMPORT_PAUSE_BEFORE_COMMIT_MS ?? 0);
  if (ms > 0) {
    console.log("import: written, pausing before commit");
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

async function write(tx: Tx, preview: ImportPreview, batchLabel: string): Promise<{ createdIds: number[]; updatedIds: number[] }> {
  const ref = await loadReference(tx as DbClient);
  const children: Children = { ratings: [], results: [], recommendations: [] };
  const everything = { ratings: true, results: true, recommendations: true };

  // New inspections: one statement for all, their ids read back by import key.
  const batch = `import:${batchLabel}:${Date.now().toString(36)}`;
  const ids = await insertInspections(
    tx,
    preview.toAdd.map((a) => ({ ...columns(a.inspection, ref), serviceId: a.serviceId, importKey: `${batch}:${a.index}` })),
  );
  const createdIds = preview.toAdd.map((a) => ids.get(`${batch}:${a.index}`)!);
  preview.toAdd.forEach((a, i) => childRows(createdIds[i]!, a.inspection, ref, children, everything));

  // Updates: one statement, each row guarded by the version the plan read.
  const updated = await updateInspections(
    tx,
    preview.toUpdate.map((u) => ({ ...columns(u.inspection, ref), serviceId: u.service.id, id: u.existing.id, version: u.existing.version })),
  );
  // Only what changed is rewritten: a rating or figure that changed is deleted and
  // written again; a change of framework moves them all to the new framework's standards.
  const whole = { ratings: [] as number[], results: [] as number[], recommendations: [] as number[] };
  const ratingPairs: { inspectionId: number; standardId: number }[] = [];
  const resultPairs: { inspectionId: number; keyQuestionId: number }[] = [];
  for (const u of preview.toUpdate) {
    const id = u.existing.id;
    if (!updated.has(id)) {
      throw new ImportConflictError(`${u.existing.description} was changed by someone else while the import ran. Nothing was written: preview the file again.`);
    }
    const state = u.inspection;
    const fields = u.changes.map((c) => c.field);
    if (fields.includes("frameworkCode")) {
      whole.ratings.push(id);
      whole.results.push(id);
      childRows(id, state, ref, children, { ratings: true, results: true, recommendations: false });
    } else {
      for (const field of fields) {
        // "ratings.2.1" and "keyQuestions.2.1.DESISTANCE": the standard code holds a dot itself.
        const [part, ...rest] = field.split(".");
        const area = part === "keyQuestions" ? rest.pop() : undefined;
        const code = rest.join(".");
        if (part === "ratings") {
          ratingPairs.push({ inspectionId: id, standardId: ref.standardIds.get(`${state.frameworkCode}|${code}`)! });
          const rating = state.ratings[code];
          if (rating) children.ratings.push({ inspectionId: id, standardId: ref.standardIds.get(`${state.frameworkCode}|${code}`)!, rating });
        } else if (part === "keyQuestions" && area) {
          const keyQuestionId = ref.keyQuestionIds.get(`${state.frameworkCode}|${code}|${area}`)!;
          resultPairs.push({ inspectionId: id, keyQuestionId });
          const percentYes = state.keyQuestions[code]?.[area as keyof NonNullable<InspectionState["keyQuestions"][string]>];
          if (percentYes !== undefined) children.results.push({ inspectionId: id, keyQuestionId, percentYes });
        }
      }
    }
    if (fields.includes("recommendations")) {
      whole.recommendations.push(id);
      childRows(id, state, ref, children, { ratings: false, results: false, recommendations: true });
    }
  }
  if (whole.ratings.length > 0) await tx.standardRating.deleteMany({ where: { inspectionId: { in: whole.ratings } } });
  if (whole.results.length > 0) await tx.keyQuestionResult.deleteMany({ where: { inspectionId: { in: whole.results } } });
  if (whole.recommendations.length > 0) await tx.recommendation.deleteMany({ where: { inspectionId: { in: whole.recommendations } } });
  await deleteRatingPairs(tx, ratingPairs);
  await deleteResultPairs(tx, resultPairs);
  await insertRatings(tx, children.ratings);
  await insertKeyQuestionResults(tx, children.results);
  await insertRecommendations(tx, children.recommendations);
  return { createdIds, updatedIds: preview.toUpdate.map((u) => u.existing.id) };
}

/** One audit entry per inspection added or changed, in the import's transaction. */
async function recordImportAudit(tx: Tx, actor: Actor, preview: ImportPreview, written: { createdIds: number[]; updatedIds: number[] }): Promise<void> {
  const base = { actorId: actor.id, actorEmail: actor.email, entityType: "inspection" };
  const entries = [
    ...written.createdIds.map((id) => ({ ...base, action: "inspection.import.create", entityId: String(id) })),
    ...preview.toUpdate.map((u) => ({
      ...base,
      action: "inspection.import.update",
      entityId: String(u.existing.id),
      before: JSON.parse(JSON.stringify(u.changes.map((c) => ({ field: c.field, value: c.from })))) as Prisma.InputJsonValue,
      after: JSON.parse(JSON.stringify(u.changes.map((c) => ({ field: c.field, value: c.to })))) as Prisma.InputJsonValue,
    })),
  ];
  if (entries.length > 0) await (tx as Prisma.TransactionClient).auditEntry.createMany({ data: entries });
}

/**
 * Plans the import again inside one transaction and writes it: every new
 * inspection, every update, or nothing. Throws ImportRefusedError (nothing
 * written) when a row is refused or undecided, or when `expectedFingerprint` is
 * given and the plan differs from the preview staff confirmed.
 */
export async function applyImport(db: PrismaClient, parsed: ParsedImport, options: ApplyOptions = {}): Promise<ImportResult> {
  const batchLabel = (options.batchLabel ?? "file").replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 40) || "file";
  return db.$transaction(
    async (tx) => {
      const started = performance.now();
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${DATA_WRITE_LOCK_ID})`);
      const preview = await planImport(tx as DbClient, parsed, options);
      if (!preview.canApply) {
        throw new ImportRefusedError(`Nothing was imported. ${preview.blockers.join(" ")}`, preview);
      }
      if (options.expectedFingerprint !== undefined && options.expectedFingerprint !== preview.fingerprint) {
        throw new ImportRefusedError(
          "Nothing was imported: the recorded inspections changed after the preview was made, so the preview no longer shows what would be written. Preview the file again.",
          preview,
        );
      }
      const written = await write(tx, preview, batchLabel);
      await recordImportAudit(tx, options.actor ?? COMMAND_LINE, preview, written);
      await pauseBeforeCommitForTests();
      return { preview, ...written, transactionMs: performance.now() - started };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}
