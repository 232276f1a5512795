// A deterministic generator of synthetic, COMPLETE inspection data: N services,
// each with M inspections spread over 2018–2026, every 2018/2021 inspection
// rated on all twelve counting standards (and 4.1 under the 2021 standards),
// with key-question figures for every case-based standard. Scores and overall
// ratings follow lib/domain's rules, so the pages and the benchmark can be
// tried on data that is as full as the real dataset is sparse.
//
// SYNTHETIC DATA ONLY. Nothing here is a fact about a real service. In
// particular the key-question bands used to rate case-based standards below
// (<50 / 50–64 / 65–79 / 80+) are an unconfirmed recollection ([U] in the
// methodology notes); they are used only to make plausible test data, never by
// the application.
//
// `buildSyntheticDataset` is pure (same seed, same data). `writeSyntheticDataset`
// writes it through Prisma: the frameworks first (the seed's own idempotent
// step, on an empty database only), then every synthetic row in one Prisma
// transaction, in bulk (see `insertColumns` for why not createMany). It
// refuses to write into a database that holds the real dataset unless told to.
import { checkInspection } from "../domain/consistency";
import { countingStandards, frameworkByCode, KEY_QUESTION_AREAS, type FrameworkDefinition, type KeyQuestionArea } from "../domain/frameworks";
import { overallFromScore } from "../domain/overall";
import type { Rating } from "../domain/rating";
import { scoreOf } from "../domain/score";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { seed } from "../db/seed";
import { UserFacingError } from "../errors";
import { slugify } from "../import/slug";
import { placeNames } from "./names";
import { seededRandom, type Random } from "./random";

export type SyntheticOptions = {
  /** How many services (N). */
  services: number;
  /** How many inspections each service has (M); 4 by default. */
  inspectionsPerService?: number;
  /** The PRNG seed; 1 by default. */
  seed?: number;
};

export type SyntheticService = {
  slug: string;
  name: string;
  nation: "ENGLAND" | "WALES";
  region: string | null;
};

export type SyntheticInspection = {
  importKey: string;
  serviceSlug: string;
  frameworkCode: string;
  frameworkConfirmed: boolean;
  kind: "FULL" | "REINSPECTION" | "OTHER";
  fieldworkStart: Date;
  publishedOn: Date;
  overallRating: Rating;
  score: number | null;
  scoreMax: number | null;
  casesInspected: number | null;
  ratings: Partial<Record<string, Rating>>;
  keyQuestions: Partial<Record<string, Record<KeyQuestionArea, number>>>;
};

export type SyntheticDataset = { seed: number; services: SyntheticService[]; inspections: SyntheticInspection[] };

export type SyntheticWriteSummary = {
  services: number;
  inspections: number;
  standardRatings: number;
  keyQuestionResults: number;
  milliseconds: number;
};

/** Import keys of synthetic inspections start with this. */
export const SYNTHETIC_IMPORT_KEY_PREFIX = "synthetic:";
/** Import keys of the real national dataset (lib/db/seed.ts) start with this. */
const REAL_IMPORT_KEY_PREFIX = "hmip-dataset:";

// Weights from the real list of services (156 services: 138 in England's nine regions, 18 in Wales).
const REGIONS: readonly (readonly [{ nation: "ENGLAND" | "WALES"; region: string | null }, number])[] = [
  [{ nation: "ENGLAND", region: "North East" }, 11],
  [{ nation: "ENGLAND", region: "North West" }, 20],
  [{ nation: "ENGLAND", region: "Yorkshire and The Humber" }, 15],
  [{ nation: "ENGLAND", region: "East Midlands" }, 8],
  [{ nation: "ENGLAND", region: "West Midlands" }, 11],
  [{ nation: "ENGLAND", region: "East of England" }, 10],
  [{ nation: "ENGLAND", region: "London" }, 31],
  [{ nation: "ENGLAND", region: "South East" }, 19],
  [{ nation: "ENGLAND", region: "South West" }, 13],
  [{ nation: "WALES", region: null }, 18],
];

const DAY = 86_400_000;
const TIMELINE_START = Date.UTC(2018, 8, 1);
const TIMELINE_END = Date.UTC(2026, 0, 31);
const REFRESH_2021 = Date.UTC(2021, 5, 1);
const REFRESH_2021_SETTLED = Date.UTC(2021, 10, 1);
const PROGRAMME_2025 = Date.UTC(2025, 3, 1);

/** How much harder a standard tends to be than the service's general level (organisational standards). */
const ORGANISATIONAL_EFFECT: Record<string, number> = { "1.1": 0.1, "1.2": 0.25, "1.3": -0.05, "1.4": 0.05, "3.4": 0.15, "4.1": 0.2 };
/** Typical % "Yes" for desistance per case-based standard; safety questions run lower (see below). */
const DESISTANCE_BASE: Record<string, number> = { "2.1": 84, "2.2": 80, "2.3": 83, "2.4": 77, "3.1": 82, "3.2": 79, "3.3": 84 };

function frameworkOrThrow(code: string): FrameworkDefinition {
  const framework = frameworkByCode(code);
  if (!framework) throw new Error(`framework ${code} is not defined in lib/domain`);
  return framework;
}

function frameworkFor(time: number, random: Random): { code: string; confirmed: boolean } {
  if (time >= PROGRAMME_2025) return { code: random.chance(0.15) ? "2025-IYJS" : "2025-IYJWCV", confirmed: true };
  if (time >= REFRESH_2021 && time < REFRESH_2021_SETTLED && random.chance(0.4)) return { code: "2018-or-2021", confirmed: false };
  return { code: time < Date.UTC(2021, 7, 1) ? "2018" : "2021", confirmed: true };
}

function organisationalRating(level: number): Rating {
  if (level > 1.35) return "OUTSTANDING";
  if (level > -0.45) return "GOOD";
  if (level > -1.8) return "REQUIRES_IMPROVEMENT";
  return "INADEQUATE";
}

/** Synthetic-only banding of the lowest key-question figure (see the note at the top). */
function caseRating(lowest: number): Rating {
  if (lowest >= 80) return "OUTSTANDING";
  if (lowest >= 65) return "GOOD";
  if (lowest >= 50) return "REQUIRES_IMPROVEMENT";
  return "INADEQUATE";
}

const percent = (value: number) => Math.max(0, Math.min(100, Math.round(value)));

function rateInspection(
  framework: FrameworkDefinition,
  level: number,
  random: Random,
): Pick<SyntheticInspection, "ratings" | "keyQuestions" | "score" | "scoreMax" | "overallRating"> {
  const ratings: Partial<Record<string, Rating>> = {};
  const keyQuestions: Partial<Record<string, Record<KeyQuestionArea, number>>> = {};
  for (const standard of framework.standards) {
    if (standard.caseBased) {
      const desistance = percent((DESISTANCE_BASE[standard.code] ?? 80) + 9 * level + random.normal(0, 6));
      // Safety work lags desistance, more so for other people's safety.
      const figures: Record<KeyQuestionArea, number> = {
        DESISTANCE: desistance,
        SAFETY_OF_CHILD: percent(desistance - 9 + random.normal(0, 6)),
        SAFETY_OF_OTHERS: percent(desistance - 14 + random.normal(0, 7)),
      };
      keyQuestions[standard.code] = figures;
      ratings[standard.code] = caseRating(Math.min(...KEY_QUESTION_AREAS.map((area) => figures[area])));
    } else {
      ratings[standard.code] = organisationalRating(level + (ORGANISATIONAL_EFFECT[standard.code] ?? 0) + random.normal(0, 0.7));
    }
  }
  const result = scoreOf(framework.standards, ratings);
  const overall = overallFromScore(result.score, framework.scoreBands);
  if (overall === null) throw new Error(`no overall band for score ${result.score} in framework ${framework.code}`);
  return { ratings, keyQuestions, score: result.score, scoreMax: result.maxScore, overallRating: overall };
}

/** The same data for the same options, on every run. */
export function buildSyntheticDataset(options: SyntheticOptions): SyntheticDataset {
  const count = options.services;
  const perService = options.inspectionsPerService ?? 4;
  const seedValue = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new UserFacingError(`The number of synthetic services must be a whole number of at least 1, not ${count}.`);
  if (!Number.isInteger(perService) || perService < 1 || perService > 12) {
    throw new UserFacingError(`Inspections per service must be a whole number from 1 to 12, not ${perService}.`);
  }
  const random = seededRandom(seedValue);
  const names = placeNames(count, random);
  const slot = (TIMELINE_END - TIMELINE_START) / perService;
  const services: SyntheticService[] = [];
  const inspections: SyntheticInspection[] = [];
  const usedSlugs = new Set<string>();

  for (const place of names) {
    let slug = slugify(place);
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(place)}-${n}`;
    usedSlugs.add(slug);
    const area = random.weighted(REGIONS);
    services.push({ slug, name: place, nation: area.nation, region: area.region });

    // A service's general level, which moves a little between inspections and improves slowly over time.
    const quality = random.normal(0, 0.75);
    let previous: { time: number; rating: Rating } | null = null;
    for (let k = 0; k < perService; k++) {
      const published = Math.floor((TIMELINE_START + slot * (k + 0.15 + 0.7 * random.next())) / DAY) * DAY;
      const fieldwork = published - random.int(70, 110) * DAY;
      const { code, confirmed } = frameworkFor(published, random);
      const framework = frameworkOrThrow(code);
      const level = quality + random.normal(0, 0.45) + 0.04 * ((published - TIMELINE_START) / (365 * DAY));
      // A re-inspection follows soon after a poor result, as Blackpool's and Surrey's did.
      const reinspection =
        previous !== null &&
        framework.programme === "STANDARDS_2018_2021" &&
        published - previous.time < 2.5 * 365 * DAY &&
        (previous.rating === "INADEQUATE" || (previous.rating === "REQUIRES_IMPROVEMENT" && random.chance(0.15)));
      const importKey = `${SYNTHETIC_IMPORT_KEY_PREFIX}${seedValue}:${slug}:${k + 1}`;
      let inspection: SyntheticInspection;
      if (framework.programme === "PROGRAMME_2025") {
        // The 2025 programme's standards are not recorded: an overall rating only.
        inspection = {
          importKey,
          serviceSlug: slug,
          frameworkCode: code,
          frameworkConfirmed: confirmed,
          kind: code === "2025-IYJS" ? "FULL" : "OTHER",
          fieldworkStart: new Date(fieldwork),
          publishedOn: new Date(published),
          overallRating: organisationalRating(level + random.normal(0, 0.5)),
          score: null,
          scoreMax: null,
          casesInspected: random.int(14, 60),
          ratings: {},
          keyQuestions: {},
        };
      } else {
        inspection = {
          importKey,
          serviceSlug: slug,
          frameworkCode: code,
          frameworkConfirmed: confirmed,
          kind: reinspection ? "REINSPECTION" : "FULL",
          fieldworkStart: new Date(fieldwork),
          publishedOn: new Date(published),
          casesInspected: random.int(20, 70),
          ...rateInspection(framework, level, random),
        };
      }
      inspections.push(inspection);
      previous = { time: published, rating: inspection.overallRating };
    }
  }
  return { seed: seedValue, services, inspections };
}

/** Every rule problem in the dataset (there should be none); used by the tests. */
export function checkSyntheticDataset(dataset: SyntheticDataset): string[] {
  const problems: string[] = [];
  for (const inspection of dataset.inspections) {
    const framework = frameworkOrThrow(inspection.frameworkCode);
    for (const p of checkInspection(
      {
        frameworkCode: inspection.frameworkCode,
        overallRating: inspection.overallRating,
        score: inspection.score,
        scoreMax: inspection.scoreMax,
        ratings: inspection.ratings,
        keyQuestions: inspection.keyQuestions,
        fieldworkStart: inspection.fieldworkStart,
        publishedOn: inspection.publishedOn,
        fieldworkStartPrecision: "DAY",
        publishedOnPrecision: "DAY",
      },
      framework,
    )) {
      problems.push(`${inspection.importKey} ${p.field}: ${p.message}`);
    }
    if (framework.programme === "STANDARDS_2018_2021") {
      const missing = framework.standards.filter((s) => inspection.ratings[s.code] === undefined);
      if (missing.length > 0) problems.push(`${inspection.importKey}: no rating for ${missing.map((s) => s.code).join(", ")}`);
      if (scoreOf(countingStandards(framework), inspection.ratings).ratedCount !== 12) problems.push(`${inspection.importKey}: not all twelve counting standards rated`);
    }
  }
  return problems;
}

type Tx = Prisma.TransactionClient;

/** Reserves `count` ids from a table's own sequence, so rows can be linked before they are written. */
async function reserveIds(tx: Tx, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `select nextval(pg_get_serial_sequence('"${table}"', 'id'))::int as id from generate_series(1, $1::int)`,
    count,
  );
  return rows.map((r) => r.id);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

type Column = readonly [name: string, sqlType: string, values: readonly (string | number | boolean | null)[]];

/**
 * Inserts rows given column by column, 20,000 rows per statement, through
 * `unnest` of one array parameter per column. Prisma's createMany took about
 * 210 s for 16,000 services × 4 inspections on the development machine (it
 * binds every value separately); this path writes the same rows far faster,
 * inside the same Prisma transaction.
 */
async function insertColumns(tx: Tx, table: string, columns: readonly Column[], constants: Record<string, string> = {}): Promise<void> {
  const rows = columns[0]?.[2].length ?? 0;
  const names = [...columns.map(([name]) => name), ...Object.keys(constants)].map((name) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const extra = Object.values(constants).map((sql) => `, ${sql}`).join("");
  for (let start = 0; start < rows; start += 20_000) {
    const values = columns.map(([, , all]) => all.slice(start, start + 20_000));
    await tx.$executeRawUnsafe(`insert into "${table}" (${names}) select *${extra} from unnest(${arrays})`, ...values);
  }
}


/**
 * Writes the dataset. Refuses (UserFacingError) when the database holds the
 * real national dataset, unless `allowRealDataset` is true.
 */
export async function writeSyntheticDataset(
  db: PrismaClient,
  dataset: SyntheticDataset,
  options: { allowRealDataset?: boolean } = {},
): Promise<SyntheticWriteSummary> {
  const started = performance.now();
  const real = await db.inspection.count({ where: { importKey: { startsWith: REAL_IMPORT_KEY_PREFIX } } });
  if (real > 0 && !options.allowRealDataset) {
    throw new UserFacingError(
      `This database already holds the real national dataset (${real} inspections), so synthetic services were not written. ` +
        `Write synthetic data into a separate database, or pass allowRealDataset: true to mix them on purpose.`,
    );
  }
  // A fresh database gets the frameworks, standards and key questions through the
  // seed's own step, with an empty dataset. (Only when it has none: with data
  // present, an empty dataset would make the seed remove the real records.)
  if ((await db.framework.count()) === 0) await seed(db, { data: { services: [], inspections: [] }, discrepancies: {} });

  const summary = await db.$transaction(
    async (tx) => {
      const frameworks = await tx.framework.findMany({ select: { id: true, code: true } });
      const standards = await tx.standard.findMany({ select: { id: true, code: true, frameworkId: true } });
      const keyQuestions = await tx.keyQuestion.findMany({ select: { id: true, area: true, standardId: true } });
      const frameworkIds = new Map(frameworks.map((f) => [f.code, f.id]));
      const frameworkCodes = new Map(frameworks.map((f) => [f.id, f.code]));
      const standardIds = new Map(standards.map((s) => [`${frameworkCodes.get(s.frameworkId)}|${s.code}`, s.id]));
      const standardKeys = new Map(standards.map((s) => [s.id, `${frameworkCodes.get(s.frameworkId)}|${s.code}`]));
      const keyQuestionIds = new Map(keyQuestions.map((k) => [`${standardKeys.get(k.standardId)}|${k.area}`, k.id]));

      // Names and slugs already in the database (real or earlier synthetic rows) are left alone.
      const takenSlugs = new Set((await tx.service.findMany({ select: { slug: true } })).map((s) => s.slug));
      const takenAuthorities = new Set((await tx.localAuthority.findMany({ select: { name: true } })).map((l) => l.name));
      const takenKeys = await tx.inspection.count({ where: { importKey: { in: dataset.inspections.slice(0, 1).map((i) => i.importKey) } } });
      if (takenKeys > 0) {
        throw new UserFacingError(`This database already holds synthetic data from seed ${dataset.seed}; use another seed or a fresh database.`);
      }
      const slugOf = new Map<string, string>();
      for (const service of dataset.services) {
        let slug = service.slug;
        for (let n = 2; takenSlugs.has(slug); n++) slug = `${service.slug}-synthetic-${n}`;
        takenSlugs.add(slug);
        slugOf.set(service.slug, slug);
      }

      const now = new Date().toISOString();
      const serviceIds = await reserveIds(tx, "Service", dataset.services.length);
      const serviceIdOf = new Map(dataset.services.map((s, i) => [s.slug, serviceIds[i]!]));
      await insertColumns(tx, "Service", [
        ["id", "int", serviceIds],
        ["slug", "text", dataset.services.map((s) => slugOf.get(s.slug)!)],
        ["name", "text", dataset.services.map((s) => s.name)],
        ["nation", '"Nation"', dataset.services.map((s) => s.nation)],
        ["region", "text", dataset.services.map((s) => s.region)],
        ["current", "boolean", dataset.services.map(() => true)],
        ["updatedAt", "timestamp", dataset.services.map(() => now)],
      ], { sourceUrls: "'{}'::text[]" });

      const newAuthorities = dataset.services.filter((s) => !takenAuthorities.has(s.name));
      const authorityIds = await reserveIds(tx, "LocalAuthority", newAuthorities.length);
      await insertColumns(tx, "LocalAuthority", [
        ["id", "int", authorityIds],
        ["name", "text", newAuthorities.map((s) => s.name)],
      ]);
      await insertColumns(tx, "ServiceLocalAuthority", [
        ["serviceId", "int", newAuthorities.map((s) => serviceIdOf.get(s.slug)!)],
        ["localAuthorityId", "int", authorityIds],
      ]);

      const nameOf = new Map(dataset.services.map((s) => [s.slug, s.name]));
      const inspectionIds = await reserveIds(tx, "Inspection", dataset.inspections.length);
      const ratingRows: Prisma.StandardRatingCreateManyInput[] = [];
      const resultRows: Prisma.KeyQuestionResultCreateManyInput[] = [];
      const inspectionRows: Prisma.InspectionCreateManyInput[] = dataset.inspections.map((inspection, i) => {
        const id = inspectionIds[i]!;
        for (const [code, rating] of Object.entries(inspection.ratings)) {
          if (rating) ratingRows.push({ inspectionId: id, standardId: standardIds.get(`${inspection.frameworkCode}|${code}`)!, rating });
        }
        for (const [code, figures] of Object.entries(inspection.keyQuestions)) {
          if (!figures) continue;
          for (const area of KEY_QUESTION_AREAS) {
            resultRows.push({
              inspectionId: id,
              keyQuestionId: keyQuestionIds.get(`${inspection.frameworkCode}|${code}|${area}`)!,
              percentYes: figures[area],
            });
          }
        }
        return {
          id,
          serviceId: serviceIdOf.get(inspection.serviceSlug)!,
          frameworkId: frameworkIds.get(inspection.frameworkCode)!,
          frameworkConfirmed: inspection.frameworkConfirmed,
          kind: inspection.kind,
          serviceNameAtInspection: nameOf.get(inspection.serviceSlug)!,
          fieldworkStart: inspection.fieldworkStart,
          fieldworkStartPrecision: "DAY",
          publishedOn: inspection.publishedOn,
          publishedOnPrecision: "DAY",
          overallRating: inspection.overallRating,
          score: inspection.score,
          scoreMax: inspection.scoreMax,
          visibility: "PUBLISHED",
          sourceUrls: [],
          notes: "Synthetic record made by lib/synthetic for testing; not a real inspection.",
          casesInspected: inspection.casesInspected,
          importKey: inspection.importKey,
        };
      });
      await insertColumns(tx, "Inspection", [
        ["id", "int", inspectionRows.map((r) => r.id!)],
        ["serviceId", "int", inspectionRows.map((r) => r.serviceId)],
        ["frameworkId", "int", inspectionRows.map((r) => r.frameworkId)],
        ["frameworkConfirmed", "boolean", inspectionRows.map((r) => r.frameworkConfirmed!)],
        ["kind", '"InspectionKind"', inspectionRows.map((r) => r.kind)],
        ["serviceNameAtInspection", "text", inspectionRows.map((r) => r.serviceNameAtInspection)],
        ["fieldworkStart", "date", inspectionRows.map((r) => isoDay(r.fieldworkStart as Date))],
        ["fieldworkStartPrecision", '"DatePrecision"', inspectionRows.map(() => "DAY")],
        ["publishedOn", "date", inspectionRows.map((r) => isoDay(r.publishedOn as Date))],
        ["publishedOnPrecision", '"DatePrecision"', inspectionRows.map(() => "DAY")],
        ["overallRating", '"Rating"', inspectionRows.map((r) => r.overallRating ?? null)],
        ["score", "int", inspectionRows.map((r) => r.score ?? null)],
        ["scoreMax", "int", inspectionRows.map((r) => r.scoreMax ?? null)],
        ["visibility", '"Visibility"', inspectionRows.map(() => "PUBLISHED")],
        ["notes", "text", inspectionRows.map((r) => r.notes ?? null)],
        ["casesInspected", "int", inspectionRows.map((r) => r.casesInspected ?? null)],
        ["importKey", "text", inspectionRows.map((r) => r.importKey ?? null)],
        ["updatedAt", "timestamp", inspectionRows.map(() => now)],
      ], { sourceUrls: "'{}'::text[]" });
      await insertColumns(tx, "StandardRating", [
        ["inspectionId", "int", ratingRows.map((r) => r.inspectionId)],
        ["standardId", "int", ratingRows.map((r) => r.standardId)],
        ["rating", '"Rating"', ratingRows.map((r) => r.rating)],
      ]);
      await insertColumns(tx, "KeyQuestionResult", [
        ["inspectionId", "int", resultRows.map((r) => r.inspectionId)],
        ["keyQuestionId", "int", resultRows.map((r) => r.keyQuestionId)],
        ["percentYes", "int", resultRows.map((r) => r.percentYes)],
      ]);
      return {
        services: dataset.services.length,
        inspections: inspectionRows.length,
        standardRatings: ratingRows.length,
        keyQuestionResults: resultRows.length,
      };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  // Fresh statistics, so the planner knows the tables just grew (the benchmark queries straight after).
  await db.$executeRawUnsafe(`analyze "Service", "Inspection", "StandardRating", "KeyQuestionResult"`);
  return { ...summary, milliseconds: Math.round(performance.now() - started) };
}

/** Builds and writes N × M synthetic inspections; see `buildSyntheticDataset`. */
export async function generateSynthetic(
  db: PrismaClient,
  options: SyntheticOptions & { allowRealDataset?: boolean },
): Promise<SyntheticWriteSummary & { dataset: SyntheticDataset }> {
  const dataset = buildSyntheticDataset(options);
  const summary = await writeSyntheticDataset(db, dataset, { allowRealDataset: options.allowRealDataset });
  return { ...summary, dataset };
}
