// Step 3 of an import: write what the preview showed, in one transaction, or
// nothing. The plan is made again inside the transaction (under a lock that also
// keeps the seed out), and the import is refused if it is not what staff saw
// (the preview's fingerprint) or if anything in it is refused or undecided.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { UserFacingError } from "../errors";
import type { ParsedImport } from "./import-file";
import { toDate, type InspectionState } from "./inspection-state";
import { loadReference, planImport, type DbClient, type ImportPreview, type PlanOptions, type Reference } from "./import-plan";

/** The seed's advisory lock (lib/db/seed.ts, SEED_LOCK_ID): an import and a seed never run at once. */
const DATA_WRITE_LOCK_ID = 74_110_001;

export type ApplyOptions = PlanOptions & {
  /** The fingerprint of the preview staff confirmed; the import is refused if the plan is no longer the same. */
  expectedFingerprint?: string;
  /** Written into each new inspection's import key, e.g. the staff member or file name (letters, digits, - and _). */
  batchLabel?: string;
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

function scalarFields(state: InspectionState, ref: Reference) {
  const frameworkId = ref.frameworkIds.get(state.frameworkCode);
  if (frameworkId === undefined) throw new UserFacingError(`Framework ${state.frameworkCode} is not in the database: run \`npm run db:seed\`.`);
  return {
    frameworkId,
    frameworkConfirmed: state.frameworkConfirmed,
    kind: state.kind,
    serviceNameAtInspection: state.serviceNameAtInspection,
    fieldworkStart: toDate(state.fieldworkStart),
    fieldworkStartPrecision: state.fieldworkStart?.precision ?? null,
    publishedOn: toDate(state.publishedOn),
    publishedOnPrecision: state.publishedOn?.precision ?? null,
    overallRating: state.overallRating,
    score: state.score,
    scoreMax: state.scoreMax,
    visibility: state.visibility,
    embargoUntil: state.embargoUntil ? new Date(state.embargoUntil) : null,
    sourceUrls: state.sourceUrls,
    notes: state.notes,
    discrepancyNote: state.discrepancyNote,
  };
}

function childRows(inspectionId: number, state: InspectionState, ref: Reference) {
  const ratings: Prisma.StandardRatingCreateManyInput[] = [];
  for (const [code, rating] of Object.entries(state.ratings)) {
    if (rating === undefined) continue;
    const standardId = ref.standardIds.get(`${state.frameworkCode}|${code}`);
    if (standardId === undefined) throw new Error(`no standard ${code} in framework ${state.frameworkCode}`);
    ratings.push({ inspectionId, standardId, rating });
  }
  const results: Prisma.KeyQuestionResultCreateManyInput[] = [];
  for (const [code, figures] of Object.entries(state.keyQuestions)) {
    for (const [area, percentYes] of Object.entries(figures ?? {})) {
      if (percentYes === undefined) continue;
      const keyQuestionId = ref.keyQuestionIds.get(`${state.frameworkCode}|${code}|${area}`);
      if (keyQuestionId === undefined) throw new Error(`no key question ${code} ${area} in framework ${state.frameworkCode}`);
      results.push({ inspectionId, keyQuestionId, percentYes });
    }
  }
  const recommendations: Prisma.RecommendationCreateManyInput[] = state.recommendations.map((text, i) => ({ inspectionId, ordinal: i + 1, text }));
  return { ratings, results, recommendations };
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
  const ratings: Prisma.StandardRatingCreateManyInput[] = [];
  const results: Prisma.KeyQuestionResultCreateManyInput[] = [];
  const recommendations: Prisma.RecommendationCreateManyInput[] = [];

  // New inspections: one insert for all, their ids read back by import key.
  let createdIds: number[] = [];
  if (preview.toAdd.length > 0) {
    const batch = `import:${batchLabel}:${Date.now().toString(36)}`;
    const created = await tx.inspection.createManyAndReturn({
      data: preview.toAdd.map((a) => ({ serviceId: a.serviceId, importKey: `${batch}:${a.index}`, ...scalarFields(a.inspection, ref) })),
      select: { id: true, importKey: true },
    });
    const idOf = new Map(created.map((c) => [c.importKey!, c.id]));
    createdIds = preview.toAdd.map((a) => idOf.get(`${batch}:${a.index}`)!);
    preview.toAdd.forEach((a, i) => {
      const children = childRows(createdIds[i]!, a.inspection, ref);
      ratings.push(...children.ratings);
      results.push(...children.results);
      recommendations.push(...children.recommendations);
    });
  }

  // Updates: each guarded by the version the plan read.
  const replaced = { ratings: [] as number[], results: [] as number[], recommendations: [] as number[] };
  for (const u of preview.toUpdate) {
    const id = u.existing.id;
    const updated = await tx.inspection.updateMany({
      where: { id, version: u.existing.version },
      data: { ...scalarFields(u.inspection, ref), version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw new ImportConflictError(`${u.existing.description} was changed by someone else while the import ran. Nothing was written: preview the file again.`);
    }
    const fields = new Set(u.changes.map((c) => c.field.split(".")[0]));
    const children = childRows(id, u.inspection, ref);
    // A change of framework moves every rating and figure to the new framework's standards.
    const all = fields.has("frameworkCode");
    if (all || fields.has("ratings")) {
      replaced.ratings.push(id);
      ratings.push(...children.ratings);
    }
    if (all || fields.has("keyQuestions")) {
      replaced.results.push(id);
      results.push(...children.results);
    }
    if (fields.has("recommendations")) {
      replaced.recommendations.push(id);
      recommendations.push(...children.recommendations);
    }
  }
  if (replaced.ratings.length > 0) await tx.standardRating.deleteMany({ where: { inspectionId: { in: replaced.ratings } } });
  if (replaced.results.length > 0) await tx.keyQuestionResult.deleteMany({ where: { inspectionId: { in: replaced.results } } });
  if (replaced.recommendations.length > 0) await tx.recommendation.deleteMany({ where: { inspectionId: { in: replaced.recommendations } } });
  if (ratings.length > 0) await tx.standardRating.createMany({ data: ratings });
  if (results.length > 0) await tx.keyQuestionResult.createMany({ data: results });
  if (recommendations.length > 0) await tx.recommendation.createMany({ data: recommendations });
  return { createdIds, updatedIds: preview.toUpdate.map((u) => u.existing.id) };
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
      await pauseBeforeCommitForTests();
      return { preview, ...written, transactionMs: performance.now() - started };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}
