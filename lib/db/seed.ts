// Writes the frameworks (from lib/domain) and the national dataset (prisma/data)
// into the database, in one transaction: a seed that fails or is killed leaves
// the database as it was. Idempotent: rows are matched by natural keys and only
// written when they differ, so a second run changes nothing (not even updatedAt).
//
// An inspection that staff have edited (editedByStaffAt set) is detached from the
// dataset: the seed neither updates nor deletes it, nor recreates it.
//
// Every inspection is checked against its framework's rules first. A record that
// contradicts them stops the seed, unless prisma/data/discrepancies.json explains
// it, in which case the explanation is stored as the inspection's discrepancyNote.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkInspection, frameworkByCode, FRAMEWORKS, type FrameworkDefinition } from "../domain";
import { UserFacingError } from "../errors";
import { DATA_DIR, loadDataset, type InspectionDraft, type ParsedDataset } from "../import/dataset";
import type { Prisma, PrismaClient } from "./generated/client";
import type { KeyQuestionArea, Rating } from "./generated/enums";

export const DISCREPANCIES_FILE = path.join(DATA_DIR, "discrepancies.json");

/** Import keys the seed owns: a stale one (no longer in the dataset) is deleted. */
const IMPORT_KEY_PREFIX = "hmip-dataset:";

/** Serialises concurrent seeds of the same database. */
const SEED_LOCK_ID = 7_411_0001;

export type Counts = { created: number; updated: number; unchanged: number };

export type SeedSummary = {
  frameworks: Counts;
  localAuthorities: Counts;
  services: Counts;
  inspections: Counts & { deleted: number };
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
};

export type SeedOptions = {
  /** The dataset to seed; prisma/data by default. */
  data?: ParsedDataset;
  /** Import key → explanation; prisma/data/discrepancies.json by default. */
  discrepancies?: Record<string, string>;
};

type Tx = Prisma.TransactionClient;

const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

// ---------------------------------------------------------------------------
// Checks before writing

/** Reads prisma/data/discrepancies.json: `{ "<import key>": "<explanation>" }`. */
export async function loadDiscrepancies(file = DISCREPANCIES_FILE): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new UserFacingError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new UserFacingError(`${file} must be a JSON object of import key → explanation.`);
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string" || !value.trim()) {
      throw new UserFacingError(`${file}: the explanation for "${key}" must be a non-empty string.`);
    }
  }
  return parsed as Record<string, string>;
}

function describe(draft: InspectionDraft): string {
  return `${draft.serviceNameAtInspection} (inspection record ${draft.index}, ${draft.importKey})`;
}

/**
 * Checks every inspection against its framework and the dataset's own joins.
 * Returns each inspection's discrepancy note (null when it agrees with the rules);
 * throws one UserFacingError listing every problem otherwise.
 */
export function checkDataset(data: ParsedDataset, discrepancies: Record<string, string>): Map<string, string | null> {
  const lines: string[] = [];
  const notes = new Map<string, string | null>();
  const slugs = new Set(data.services.map((s) => s.slug));

  for (const service of data.services) {
    for (const successor of service.successorSlugs) {
      if (!slugs.has(successor)) lines.push(`${service.name}: successor "${successor}" is not a service in the dataset.`);
    }
  }

  for (const draft of data.inspections) {
    if (notes.has(draft.importKey)) {
      lines.push(`${describe(draft)}, field "importKey": the import key is used by another record.`);
      continue;
    }
    if (!slugs.has(draft.serviceSlug)) {
      lines.push(`${describe(draft)}, field "serviceKey": service "${draft.serviceSlug}" is not in the dataset.`);
    }
    const framework = frameworkByCode(draft.frameworkCode);
    if (!framework) {
      lines.push(`${describe(draft)}, field "framework": there is no framework "${draft.frameworkCode}".`);
      continue;
    }
    const problems = checkInspection(draft, framework);
    const explanation = discrepancies[draft.importKey]?.trim() || null;
    if (problems.length > 0 && explanation === null) {
      for (const p of problems) lines.push(`${describe(draft)}, field "${p.field}": ${p.message}`);
    } else if (problems.length === 0 && explanation !== null) {
      lines.push(
        `${describe(draft)}: listed in discrepancies.json, but it agrees with the rules; remove the entry.`,
      );
    }
    notes.set(draft.importKey, explanation);
  }

  if (lines.length > 0) {
    throw new UserFacingError(
      `Seeding stopped before writing anything: ${lines.length} problem${lines.length === 1 ? "" : "s"} in the dataset.\n` +
        lines.map((l) => `  - ${l}`).join("\n") +
        `\nCorrect the record in prisma/data, or, where the published figures really disagree with the rules, ` +
        `add its import key to prisma/data/discrepancies.json with a short factual explanation.`,
    );
  }
  return notes;
}

// ---------------------------------------------------------------------------
// Comparison helpers

const sameDate = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Fields that differ, as an update payload; empty when the row already matches. */
function changes<T extends Record<string, unknown>>(row: Record<string, unknown>, wanted: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(wanted) as [keyof T & string, unknown][]) {
    const current = row[key];
    const same =
      value instanceof Date || current instanceof Date
        ? sameDate((current as Date | null) ?? null, (value as Date | null) ?? null)
        : Array.isArray(value)
          ? Array.isArray(current) && sameList(current as string[], value as string[])
          : current === value;
    if (!same) out[key] = value as T[typeof key];
  }
  return out;
}

const isEmpty = (o: object) => Object.keys(o).length === 0;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------------------
// Frameworks

type Stale = { domains: number[]; standards: number[]; keyQuestions: number[] };

async function seedFrameworks(tx: Tx, summary: Counts, stale: Stale): Promise<void> {
  // Flat reads, one after another: nested includes make Prisma send parallel
  // queries down the transaction's single connection.
  const frameworks = await tx.framework.findMany();
  const allDomains = await tx.domain.findMany();
  const allStandards = await tx.standard.findMany();
  const allKeyQuestions = await tx.keyQuestion.findMany();
  const allBands = await tx.scoreBand.findMany();
  const allThresholds = await tx.keyQuestionThreshold.findMany();
  const existing = frameworks.map((f) => ({
    ...f,
    domains: allDomains.filter((d) => d.frameworkId === f.id),
    standards: allStandards
      .filter((st) => st.frameworkId === f.id)
      .map((st) => ({ ...st, keyQuestions: allKeyQuestions.filter((k) => k.standardId === st.id) })),
    scoreBands: allBands.filter((b) => b.frameworkId === f.id),
    keyQuestionThresholds: allThresholds.filter((t) => t.frameworkId === f.id),
  }));
  const byCode = new Map(existing.map((f) => [f.code, f]));

  for (const def of FRAMEWORKS) {
    let changed = false;
    const staleBefore = stale.domains.length + stale.standards.length + stale.keyQuestions.length;
    const fields = {
      name: def.name,
      programme: def.programme,
      description: def.description,
      inUseFrom: def.inUseFrom,
      inUseTo: def.inUseTo,
      scored: def.scored,
      ordinal: def.ordinal,
    };
    const row = byCode.get(def.code);
    let frameworkId: number;
    if (!row) {
      frameworkId = (await tx.framework.create({ data: { code: def.code, ...fields }, select: { id: true } })).id;
    } else {
      frameworkId = row.id;
      const diff = changes(row, fields);
      if (!isEmpty(diff)) {
        await tx.framework.update({ where: { id: frameworkId }, data: diff });
        changed = true;
      }
    }
    const current = row ?? { domains: [], standards: [], scoreBands: [], keyQuestionThresholds: [] };

    // Domains.
    const domains = new Map(current.domains.map((d) => [d.number, d]));
    const newDomains = def.domains.filter((d) => !domains.has(d.number));
    if (newDomains.length > 0) {
      await tx.domain.createMany({ data: newDomains.map((d) => ({ frameworkId, number: d.number, name: d.name })) });
      changed = true;
    }
    for (const d of def.domains) {
      const existingDomain = domains.get(d.number);
      if (existingDomain && existingDomain.name !== d.name) {
        await tx.domain.update({ where: { id: existingDomain.id }, data: { name: d.name } });
        changed = true;
      }
    }
    const wantedDomains = new Set(def.domains.map((d) => d.number));
    stale.domains.push(...current.domains.filter((d) => !wantedDomains.has(d.number)).map((d) => d.id));
    const domainIds =
      newDomains.length > 0
        ? new Map((await tx.domain.findMany({ where: { frameworkId } })).map((d) => [d.number, d.id]))
        : new Map(current.domains.map((d) => [d.number, d.id]));

    // Standards.
    const standards = new Map(current.standards.map((s) => [s.code, s]));
    const standardFields = (s: FrameworkDefinition["standards"][number], ordinal: number) => {
      const domainId = domainIds.get(s.domainNumber);
      if (domainId === undefined) {
        throw new UserFacingError(`Framework ${def.code}: standard ${s.code} is in domain ${s.domainNumber}, which the framework does not define.`);
      }
      return {
        domainId,
        name: s.name,
        statement: s.statement,
        statementConfirmed: s.statementConfirmed,
        countsTowardOverall: s.countsTowardOverall,
        caseBased: s.caseBased,
        ordinal,
      };
    };
    const newStandards = def.standards
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => !standards.has(s.code));
    if (newStandards.length > 0) {
      await tx.standard.createMany({
        data: newStandards.map(({ s, i }) => ({ frameworkId, code: s.code, ...standardFields(s, i + 1) })),
      });
      changed = true;
    }
    for (const [i, s] of def.standards.entries()) {
      const existingStandard = standards.get(s.code);
      if (!existingStandard) continue;
      const diff = changes(existingStandard, standardFields(s, i + 1));
      if (!isEmpty(diff)) {
        await tx.standard.update({ where: { id: existingStandard.id }, data: diff });
        changed = true;
      }
    }
    const wantedStandards = new Set(def.standards.map((s) => s.code));
    stale.standards.push(...current.standards.filter((s) => !wantedStandards.has(s.code)).map((s) => s.id));
    const standardIds =
      newStandards.length > 0
        ? new Map((await tx.standard.findMany({ where: { frameworkId } })).map((s) => [s.code, s.id]))
        : new Map(current.standards.map((s) => [s.code, s.id]));

    // Key questions.
    const keyQuestions = new Map<string, (typeof current.standards)[number]["keyQuestions"][number]>(
      current.standards.flatMap((s) => s.keyQuestions.map((k) => [`${s.code}|${k.area}`, k] as const)),
    );
    const wantedKeyQuestions = new Set<string>();
    const newKeyQuestions: Prisma.KeyQuestionCreateManyInput[] = [];
    for (const s of def.standards) {
      for (const kq of s.keyQuestions) {
        const key = `${s.code}|${kq.area}`;
        wantedKeyQuestions.add(key);
        const existingKq = keyQuestions.get(key);
        if (!existingKq) newKeyQuestions.push({ standardId: standardIds.get(s.code)!, area: kq.area, text: kq.text });
        else if (existingKq.text !== kq.text) {
          await tx.keyQuestion.update({ where: { id: existingKq.id }, data: { text: kq.text } });
          changed = true;
        }
      }
    }
    if (newKeyQuestions.length > 0) {
      await tx.keyQuestion.createMany({ data: newKeyQuestions });
      changed = true;
    }
    for (const [key, kq] of keyQuestions) if (!wantedKeyQuestions.has(key)) stale.keyQuestions.push(kq.id);

    // Score bands and key-question thresholds (nothing depends on them).
    const bands = new Map(current.scoreBands.map((b) => [b.rating, b]));
    const newBands = def.scoreBands.filter((b) => !bands.has(b.rating));
    if (newBands.length > 0) {
      await tx.scoreBand.createMany({ data: newBands.map((b) => ({ frameworkId, ...b })) });
      changed = true;
    }
    for (const b of def.scoreBands) {
      const existingBand = bands.get(b.rating);
      if (!existingBand) continue;
      const diff = changes(existingBand, { minScore: b.minScore, maxScore: b.maxScore, confidence: b.confidence, source: b.source });
      if (!isEmpty(diff)) {
        await tx.scoreBand.update({ where: { id: existingBand.id }, data: diff });
        changed = true;
      }
    }
    const staleBands = current.scoreBands.filter((b) => !def.scoreBands.some((d) => d.rating === b.rating));
    if (staleBands.length > 0) {
      await tx.scoreBand.deleteMany({ where: { id: { in: staleBands.map((b) => b.id) } } });
      changed = true;
    }

    const thresholds = new Map(current.keyQuestionThresholds.map((t) => [t.rating, t]));
    const newThresholds = def.keyQuestionThresholds.filter((t) => !thresholds.has(t.rating));
    if (newThresholds.length > 0) {
      await tx.keyQuestionThreshold.createMany({ data: newThresholds.map((t) => ({ frameworkId, ...t })) });
      changed = true;
    }
    for (const t of def.keyQuestionThresholds) {
      const existingThreshold = thresholds.get(t.rating);
      if (!existingThreshold) continue;
      const diff = changes(existingThreshold, { minPercent: t.minPercent, source: t.source });
      if (!isEmpty(diff)) {
        await tx.keyQuestionThreshold.update({ where: { id: existingThreshold.id }, data: diff });
        changed = true;
      }
    }
    const staleThresholds = current.keyQuestionThresholds.filter(
      (t) => !def.keyQuestionThresholds.some((d) => d.rating === t.rating),
    );
    if (staleThresholds.length > 0) {
      await tx.keyQuestionThreshold.deleteMany({ where: { id: { in: staleThresholds.map((t) => t.id) } } });
      changed = true;
    }

    const staleHere = stale.domains.length + stale.standards.length + stale.keyQuestions.length - staleBefore;
    if (!row) summary.created++;
    else if (changed || staleHere > 0) summary.updated++;
    else summary.unchanged++;
  }
}

/** Deletes framework parts no longer defined, once no seeded inspection uses them. */
async function removeStaleFrameworkParts(tx: Tx, stale: Stale): Promise<void> {
  if (stale.keyQuestions.length + stale.standards.length + stale.domains.length === 0) return;
  const inUse =
    (await tx.keyQuestionResult.count({ where: { keyQuestionId: { in: stale.keyQuestions } } })) +
    (await tx.keyQuestionResult.count({ where: { keyQuestion: { standardId: { in: stale.standards } } } })) +
    (await tx.standardRating.count({ where: { standardId: { in: stale.standards } } })) +
    (await tx.standardRating.count({ where: { standard: { domainId: { in: stale.domains } } } }));
  if (inUse > 0) {
    throw new UserFacingError(
      `Some standards, domains or key questions are no longer defined in lib/domain/frameworks.ts, ` +
        `but ${inUse} recorded rating${inUse === 1 ? "" : "s"} outside the dataset still use${inUse === 1 ? "s" : ""} them. Nothing was written.`,
    );
  }
  await tx.keyQuestion.deleteMany({ where: { id: { in: stale.keyQuestions } } });
  await tx.standard.deleteMany({ where: { id: { in: stale.standards } } });
  await tx.domain.deleteMany({ where: { id: { in: stale.domains } } });
}

// ---------------------------------------------------------------------------
// Local authorities and services

async function seedLocalAuthorities(tx: Tx, data: ParsedDataset, summary: Counts): Promise<Map<string, number>> {
  const names = [...new Set(data.services.flatMap((s) => s.localAuthorities))];
  const existing = await tx.localAuthority.findMany({ where: { name: { in: names } }, select: { id: true, name: true, welshName: true } });
  const known = new Set(existing.map((la) => la.name));
  const missing = names.filter((n) => !known.has(n));
  // Welsh names (prisma/data/welsh-names.csv): written when the dataset carries them, null where none is recorded.
  const welsh = data.welshNames;
  const welshNameOf = (name: string) => (welsh ? (welsh[name] ?? null) : undefined);
  if (missing.length > 0) {
    await tx.localAuthority.createMany({ data: missing.map((name) => ({ name, welshName: welshNameOf(name) ?? null })) });
  }
  let updated = 0;
  for (const la of existing) {
    const wanted = welshNameOf(la.name);
    if (wanted === undefined || wanted === la.welshName) continue;
    await tx.localAuthority.update({ where: { id: la.id }, data: { welshName: wanted } });
    updated++;
  }
  summary.created += missing.length;
  summary.updated += updated;
  summary.unchanged += existing.length - updated;
  const all =
    missing.length > 0
      ? await tx.localAuthority.findMany({ where: { name: { in: names } }, select: { id: true, name: true } })
      : existing;
  return new Map(all.map((la) => [la.name, la.id]));
}

async function seedServices(
  tx: Tx,
  data: ParsedDataset,
  laIds: Map<string, number>,
  summary: Counts,
): Promise<Map<string, number>> {
  const slugs = data.services.map((s) => s.slug);
  const rows = await tx.service.findMany({ where: { slug: { in: slugs } } });
  const rowIds = rows.map((r) => r.id);
  const links = await tx.serviceLocalAuthority.findMany({ where: { serviceId: { in: rowIds } } });
  const successions = await tx.serviceSuccession.findMany({ where: { predecessorId: { in: rowIds } } });
  const existing = rows.map((r) => ({
    ...r,
    localAuthorities: links.filter((l) => l.serviceId === r.id),
    successors: successions.filter((x) => x.predecessorId === r.id),
  }));
  const bySlug = new Map(existing.map((s) => [s.slug, s]));
  const fields = (s: ParsedDataset["services"][number]) => ({
    name: s.name,
    nation: s.nation,
    region: s.region,
    current: s.current,
    sourceUrls: s.sourceUrls,
  });

  const fresh = data.services.filter((s) => !bySlug.has(s.slug));
  if (fresh.length > 0) await tx.service.createMany({ data: fresh.map((s) => ({ slug: s.slug, ...fields(s) })) });
  const changed = new Set<string>();
  for (const s of data.services) {
    const row = bySlug.get(s.slug);
    if (!row) continue;
    const diff = changes(row, fields(s));
    if (!isEmpty(diff)) {
      await tx.service.update({ where: { id: row.id }, data: diff });
      changed.add(s.slug);
    }
  }
  const ids =
    fresh.length > 0
      ? new Map((await tx.service.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((s) => [s.slug, s.id]))
      : new Map(existing.map((s) => [s.slug, s.id]));

  // Links to local authorities and successors: add what is missing, remove what is not in the dataset.
  const newLinks: Prisma.ServiceLocalAuthorityCreateManyInput[] = [];
  const newSuccessions: Prisma.ServiceSuccessionCreateManyInput[] = [];
  for (const s of data.services) {
    const serviceId = ids.get(s.slug)!;
    const row = bySlug.get(s.slug);

    const wantedLas = new Set(s.localAuthorities.map((name) => laIds.get(name)!));
    const haveLas = new Set(row?.localAuthorities.map((l) => l.localAuthorityId) ?? []);
    const addLas = [...wantedLas].filter((id) => !haveLas.has(id));
    const dropLas = [...haveLas].filter((id) => !wantedLas.has(id));
    newLinks.push(...addLas.map((localAuthorityId) => ({ serviceId, localAuthorityId })));
    if (dropLas.length > 0) {
      await tx.serviceLocalAuthority.deleteMany({ where: { serviceId, localAuthorityId: { in: dropLas } } });
    }

    const wantedSuccessors = new Set(s.successorSlugs.map((slug) => ids.get(slug)!));
    const haveSuccessors = new Set(row?.successors.map((x) => x.successorId) ?? []);
    const addSuccessors = [...wantedSuccessors].filter((id) => !haveSuccessors.has(id));
    const dropSuccessors = [...haveSuccessors].filter((id) => !wantedSuccessors.has(id));
    newSuccessions.push(...addSuccessors.map((successorId) => ({ predecessorId: serviceId, successorId })));
    if (dropSuccessors.length > 0) {
      await tx.serviceSuccession.deleteMany({ where: { predecessorId: serviceId, successorId: { in: dropSuccessors } } });
    }

    if (row && addLas.length + dropLas.length + addSuccessors.length + dropSuccessors.length > 0) changed.add(s.slug);
  }
  if (newLinks.length > 0) await tx.serviceLocalAuthority.createMany({ data: newLinks });
  if (newSuccessions.length > 0) await tx.serviceSuccession.createMany({ data: newSuccessions });

  summary.created += fresh.length;
  summary.updated += changed.size;
  summary.unchanged += existing.length - changed.size;
  return ids;
}

// ---------------------------------------------------------------------------
// Inspections

type ChildIds = {
  frameworkIds: Map<string, number>;
  /** "<framework code>|<standard code>" → standard id */
  standardIds: Map<string, number>;
  /** "<framework code>|<standard code>|<area>" → key question id */
  keyQuestionIds: Map<string, number>;
};

async function loadFrameworkIds(tx: Tx): Promise<ChildIds> {
  const frameworks = await tx.framework.findMany({ select: { id: true, code: true } });
  const standards = await tx.standard.findMany({ select: { id: true, code: true, frameworkId: true } });
  const keyQuestions = await tx.keyQuestion.findMany({ select: { id: true, area: true, standardId: true } });
  const ids: ChildIds = { frameworkIds: new Map(), standardIds: new Map(), keyQuestionIds: new Map() };
  const codeOfFramework = new Map(frameworks.map((f) => [f.id, f.code]));
  const keyOfStandard = new Map<number, string>();
  for (const f of frameworks) ids.frameworkIds.set(f.code, f.id);
  for (const st of standards) {
    const key = `${codeOfFramework.get(st.frameworkId)}|${st.code}`;
    keyOfStandard.set(st.id, key);
    ids.standardIds.set(key, st.id);
  }
  for (const k of keyQuestions) ids.keyQuestionIds.set(`${keyOfStandard.get(k.standardId)}|${k.area}`, k.id);
  return ids;
}

type RatingRow = { standardId: number; rating: Rating };
type ResultRow = { keyQuestionId: number; percentYes: number };

function wantedChildren(draft: InspectionDraft, ids: ChildIds): { ratings: RatingRow[]; results: ResultRow[] } {
  const ratings: RatingRow[] = [];
  for (const [code, rating] of Object.entries(draft.ratings)) {
    if (rating === undefined) continue; // not recorded: no row
    const standardId = ids.standardIds.get(`${draft.frameworkCode}|${code}`);
    if (standardId === undefined) throw new Error(`${draft.importKey}: no standard ${code} in framework ${draft.frameworkCode}`);
    ratings.push({ standardId, rating });
  }
  const results: ResultRow[] = [];
  for (const [code, byArea] of Object.entries(draft.keyQuestions)) {
    for (const [area, percentYes] of Object.entries(byArea ?? {}) as [KeyQuestionArea, number | undefined][]) {
      if (percentYes === undefined) continue;
      const keyQuestionId = ids.keyQuestionIds.get(`${draft.frameworkCode}|${code}|${area}`);
      if (keyQuestionId === undefined) throw new Error(`${draft.importKey}: no key question ${code} ${area} in framework ${draft.frameworkCode}`);
      results.push({ keyQuestionId, percentYes });
    }
  }
  ratings.sort((a, b) => a.standardId - b.standardId);
  results.sort((a, b) => a.keyQuestionId - b.keyQuestionId);
  return { ratings, results };
}

const ratingsKey = (rows: readonly RatingRow[]) =>
  [...rows].sort((a, b) => a.standardId - b.standardId).map((r) => `${r.standardId}:${r.rating}`).join(",");
const resultsKey = (rows: readonly ResultRow[]) =>
  [...rows].sort((a, b) => a.keyQuestionId - b.keyQuestionId).map((r) => `${r.keyQuestionId}:${r.percentYes}`).join(",");

async function seedInspections(
  tx: Tx,
  data: ParsedDataset,
  serviceIds: Map<string, number>,
  notes: Map<string, string | null>,
  summary: Counts & { deleted: number },
): Promise<void> {
  const ids = await loadFrameworkIds(tx);
  const keys = data.inspections.map((d) => d.importKey);

  // An inspection staff have edited is detached from the dataset: never deleted here.
  // Found first and deleted only if there are any: any statement on a public table,
  // even one that changes nothing, bumps the public data version (the page cache's).
  const stale = await tx.inspection.findMany({
    where: { importKey: { startsWith: IMPORT_KEY_PREFIX, notIn: keys }, editedByStaffAt: null },
    select: { id: true },
  });
  if (stale.length > 0) {
    const deleted = await tx.inspection.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
    summary.deleted += deleted.count;
  }

  const rows = await tx.inspection.findMany({ where: { importKey: { in: keys } } });
  const rowIds = rows.map((r) => r.id);
  const ratingRows = await tx.standardRating.findMany({ where: { inspectionId: { in: rowIds } } });
  const resultRows = await tx.keyQuestionResult.findMany({ where: { inspectionId: { in: rowIds } } });
  const ratingsOf = groupBy(ratingRows, (r) => r.inspectionId);
  const resultsOf = groupBy(resultRows, (r) => r.inspectionId);
  const existing = rows.map((r) => ({
    ...r,
    standardRatings: ratingsOf.get(r.id) ?? [],
    keyQuestionResults: resultsOf.get(r.id) ?? [],
  }));
  const byKey = new Map(existing.map((i) => [i.importKey!, i]));

  const fieldsOf = (draft: InspectionDraft) => ({
    serviceId: serviceIds.get(draft.serviceSlug)!,
    frameworkId: ids.frameworkIds.get(draft.frameworkCode)!,
    frameworkConfirmed: draft.frameworkConfirmed,
    kind: draft.kind,
    serviceNameAtInspection: draft.serviceNameAtInspection,
    fieldworkStart: draft.fieldworkStart,
    fieldworkStartPrecision: draft.fieldworkStartPrecision,
    publishedOn: draft.publishedOn,
    publishedOnPrecision: draft.publishedOnPrecision,
    overallRating: draft.overallRating,
    score: draft.score,
    scoreMax: draft.scoreMax,
    // Every record in the dataset is a published report.
    visibility: "PUBLISHED" as const,
    embargoUntil: null,
    sourceUrls: draft.sourceUrls,
    notes: draft.notes,
    discrepancyNote: notes.get(draft.importKey) ?? null,
  });

  const fresh = data.inspections.filter((d) => !byKey.has(d.importKey));
  if (fresh.length > 0) {
    await tx.inspection.createMany({ data: fresh.map((d) => ({ importKey: d.importKey, ...fieldsOf(d) })) });
  }
  const freshIds =
    fresh.length > 0
      ? new Map(
          (
            await tx.inspection.findMany({
              where: { importKey: { in: fresh.map((d) => d.importKey) } },
              select: { id: true, importKey: true },
            })
          ).map((i) => [i.importKey!, i.id]),
        )
      : new Map<string, number>();

  const newRatings: Prisma.StandardRatingCreateManyInput[] = [];
  const newResults: Prisma.KeyQuestionResultCreateManyInput[] = [];
  const replaceRatings: number[] = [];
  const replaceResults: number[] = [];

  for (const draft of data.inspections) {
    const wanted = wantedChildren(draft, ids);
    const row = byKey.get(draft.importKey);
    if (!row) {
      const inspectionId = freshIds.get(draft.importKey)!;
      newRatings.push(...wanted.ratings.map((r) => ({ inspectionId, ...r })));
      newResults.push(...wanted.results.map((r) => ({ inspectionId, ...r })));
      summary.created++;
      continue;
    }
    if (row.editedByStaffAt !== null) {
      // Detached: a staff correction is never overwritten by the dataset.
      summary.unchanged++;
      continue;
    }
    let changed = false;
    const diff = changes(row, fieldsOf(draft));
    if (!isEmpty(diff)) {
      await tx.inspection.update({ where: { id: row.id }, data: { ...diff, version: { increment: 1 } } });
      changed = true;
    }
    if (ratingsKey(row.standardRatings) !== ratingsKey(wanted.ratings)) {
      replaceRatings.push(row.id);
      newRatings.push(...wanted.ratings.map((r) => ({ inspectionId: row.id, ...r })));
      changed = true;
    }
    if (resultsKey(row.keyQuestionResults) !== resultsKey(wanted.results)) {
      replaceResults.push(row.id);
      newResults.push(...wanted.results.map((r) => ({ inspectionId: row.id, ...r })));
      changed = true;
    }
    if (changed) summary.updated++;
    else summary.unchanged++;
  }

  if (replaceRatings.length > 0) await tx.standardRating.deleteMany({ where: { inspectionId: { in: replaceRatings } } });
  if (replaceResults.length > 0) await tx.keyQuestionResult.deleteMany({ where: { inspectionId: { in: replaceResults } } });
  if (newRatings.length > 0) await tx.standardRating.createMany({ data: newRatings });
  if (newResults.length > 0) await tx.keyQuestionResult.createMany({ data: newResults });
}

// ---------------------------------------------------------------------------

/**
 * Lets the fault test (scripts/start.db.test.ts) kill a seed after it has
 * written everything but before it commits. Off unless the variable is set.
 */
async function pauseBeforeCommitForTests(): Promise<void> {
  const ms = Number(process.env.YJS_TEST_SEED_PAUSE_BEFORE_COMMIT_MS ?? 0);
  if (ms > 0) {
    console.log("seed: written, pausing before commit");
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/**
 * Seeds the frameworks and the dataset (prisma/data unless `options.data`) in one
 * transaction. Throws a UserFacingError, having written nothing, when the dataset
 * does not parse or a record contradicts the rules without an explanation.
 */
export async function seed(db: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const data = options.data ?? (await loadDataset());
  const discrepancies = options.discrepancies ?? (await loadDiscrepancies());
  const notes = checkDataset(data, discrepancies);

  const summary: SeedSummary = {
    frameworks: counts(),
    localAuthorities: counts(),
    services: counts(),
    inspections: { ...counts(), deleted: 0 },
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
  };

  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`);
      const stale: Stale = { domains: [], standards: [], keyQuestions: [] };
      await seedFrameworks(tx, summary.frameworks, stale);
      const laIds = await seedLocalAuthorities(tx, data, summary.localAuthorities);
      const serviceIds = await seedServices(tx, data, laIds, summary.services);
      await seedInspections(tx, data, serviceIds, notes, summary.inspections);
      await removeStaleFrameworkParts(tx, stale);
      await pauseBeforeCommitForTests();
    },
    { timeout: 120_000, maxWait: 20_000 },
  );

  for (const part of [summary.frameworks, summary.localAuthorities, summary.services, summary.inspections]) {
    summary.created += part.created;
    summary.updated += part.updated;
    summary.unchanged += part.unchanged;
  }
  summary.deleted = summary.inspections.deleted;
  return summary;
}
