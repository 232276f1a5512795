// Set-based writes for the import: each statement takes all its rows as one JSON
// parameter (jsonb_to_recordset), so 1,000 inspections with 13,000 ratings and
// 21,000 key-question figures are a handful of statements, not thousands.
// Prisma's createMany was measured at about 12 s for that load; these take well under 1 s.
import type { Prisma } from "../db/generated/client";

type Tx = Prisma.TransactionClient;

/** The columns of "Inspection" an import writes (ids resolved, dates as YYYY-MM-DD, instants as ISO). */
export type InspectionColumns = {
  serviceId: number;
  frameworkId: number;
  frameworkConfirmed: boolean;
  kind: string;
  serviceNameAtInspection: string;
  fieldworkStart: string | null;
  fieldworkStartPrecision: string | null;
  publishedOn: string | null;
  publishedOnPrecision: string | null;
  overallRating: string | null;
  score: number | null;
  scoreMax: number | null;
  visibility: string;
  embargoUntil: string | null;
  sourceUrls: string[];
  notes: string | null;
  discrepancyNote: string | null;
};

/** Each written column: its name, its type in the JSON record, and how the record's value becomes the column's. */
const FIELDS: [column: string, type: string, value: string][] = [
  ["serviceId", "int", `x."serviceId"`],
  ["frameworkId", "int", `x."frameworkId"`],
  ["frameworkConfirmed", "boolean", `x."frameworkConfirmed"`],
  ["kind", "text", `x."kind"::"InspectionKind"`],
  ["serviceNameAtInspection", "text", `x."serviceNameAtInspection"`],
  ["fieldworkStart", "date", `x."fieldworkStart"`],
  ["fieldworkStartPrecision", "text", `x."fieldworkStartPrecision"::"DatePrecision"`],
  ["publishedOn", "date", `x."publishedOn"`],
  ["publishedOnPrecision", "text", `x."publishedOnPrecision"::"DatePrecision"`],
  ["overallRating", "text", `x."overallRating"::"Rating"`],
  ["score", "int", `x."score"`],
  ["scoreMax", "int", `x."scoreMax"`],
  ["visibility", "text", `x."visibility"::"Visibility"`],
  // Prisma keeps DateTime as UTC in a column without time zone.
  ["embargoUntil", "timestamptz", `(x."embargoUntil" at time zone 'UTC')`],
  ["sourceUrls", "text[]", `coalesce(x."sourceUrls", '{}')`],
  ["notes", "text", `x."notes"`],
  ["discrepancyNote", "text", `x."discrepancyNote"`],
];

const RECORD = FIELDS.map(([c, t]) => `"${c}" ${t}`).join(", ");
const COLUMNS = FIELDS.map(([c]) => `"${c}"`).join(", ");
const VALUES = FIELDS.map(([, , v]) => v).join(", ");

/** Inserts inspections; returns each new id by its import key. */
export async function insertInspections(tx: Tx, rows: (InspectionColumns & { importKey: string })[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const created = await tx.$queryRawUnsafe<{ id: number; importKey: string }[]>(
    `insert into "Inspection" (${COLUMNS}, "importKey", "updatedAt", "editedByStaffAt")
     select ${VALUES}, x."importKey", (now() at time zone 'UTC'), (now() at time zone 'UTC')
     from jsonb_to_recordset($1::jsonb) as x(${RECORD}, "importKey" text)
     returning "id", "importKey"`,
    JSON.stringify(rows),
  );
  return new Map(created.map((c) => [c.importKey, c.id]));
}

/**
 * Updates inspections whose version is still the one the plan read, raising the
 * version; returns the ids updated (an id missing means someone else changed it).
 */
export async function updateInspections(tx: Tx, rows: (InspectionColumns & { id: number; version: number })[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const assignments = FIELDS.map(([c]) => `"${c}" = v."${c}"`).join(", ");
  const aliased = FIELDS.map(([c, , v]) => `${v} as "${c}"`).join(", ");
  const updated = await tx.$queryRawUnsafe<{ id: number }[]>(
    // An imported change is a staff edit: the seed must never write over it.
    `update "Inspection" i set ${assignments}, "version" = i."version" + 1, "updatedAt" = (now() at time zone 'UTC'),
       "editedByStaffAt" = (now() at time zone 'UTC')
     from (select x."id", x."version", ${aliased} from jsonb_to_recordset($1::jsonb) as x(${RECORD}, "id" int, "version" int)) v
     where i."id" = v."id" and i."version" = v."version"
     returning i."id"`,
    JSON.stringify(rows),
  );
  return new Set(updated.map((u) => u.id));
}

// Child rows go in as parallel arrays (unnest), the cheapest form PostgreSQL reads.

export async function insertRatings(tx: Tx, rows: { inspectionId: number; standardId: number; rating: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `insert into "StandardRating" ("inspectionId", "standardId", "rating")
     select * from unnest($1::int[], $2::int[], $3::"Rating"[])`,
    rows.map((r) => r.inspectionId),
    rows.map((r) => r.standardId),
    rows.map((r) => r.rating),
  );
}

export async function insertKeyQuestionResults(tx: Tx, rows: { inspectionId: number; keyQuestionId: number; percentYes: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `insert into "KeyQuestionResult" ("inspectionId", "keyQuestionId", "percentYes")
     select * from unnest($1::int[], $2::int[], $3::int[])`,
    rows.map((r) => r.inspectionId),
    rows.map((r) => r.keyQuestionId),
    rows.map((r) => r.percentYes),
  );
}

export async function insertRecommendations(tx: Tx, rows: { inspectionId: number; ordinal: number; text: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `insert into "Recommendation" ("inspectionId", "ordinal", "text")
     select * from unnest($1::int[], $2::int[], $3::text[])`,
    rows.map((r) => r.inspectionId),
    rows.map((r) => r.ordinal),
    rows.map((r) => r.text),
  );
}

/** Deletes the ratings of the given (inspection, standard) pairs. */
export async function deleteRatingPairs(tx: Tx, pairs: { inspectionId: number; standardId: number }[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.$executeRawUnsafe(
    `delete from "StandardRating" r using unnest($1::int[], $2::int[]) as d(i, s) where r."inspectionId" = d.i and r."standardId" = d.s`,
    pairs.map((p) => p.inspectionId),
    pairs.map((p) => p.standardId),
  );
}

/** Deletes the key-question figures of the given (inspection, key question) pairs. */
export async function deleteResultPairs(tx: Tx, pairs: { inspectionId: number; keyQuestionId: number }[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.$executeRawUnsafe(
    `delete from "KeyQuestionResult" k using unnest($1::int[], $2::int[]) as d(i, q) where k."inspectionId" = d.i and k."keyQuestionId" = d.q`,
    pairs.map((p) => p.inspectionId),
    pairs.map((p) => p.keyQuestionId),
  );
}
