// For the integration tests of the national read models only: databases with
// the real dataset or complete synthetic data, and an independent, plain
// TypeScript computation of the figures (from Prisma reads, through the
// visibility rule), to check the aggregate SQL against.
import { PUBLIC_VIEWER, visibleInspectionWhere } from "../auth/visibility";
import type { Db } from "../db/client";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import type { KeyQuestionArea } from "../domain/frameworks";
import type { Rating } from "../domain/rating";
import { generateSynthetic, type SyntheticOptions } from "../synthetic/generate";
import { addToDistribution, emptyDistribution, type Distribution, type Programme } from "./national-distribution";
import { latestOf } from "./service-list";

export async function realDatabase(): Promise<TestDatabase> {
  const test = await createTestDatabase();
  await seed(test.db);
  return test;
}

export async function syntheticDatabase(options: SyntheticOptions): Promise<TestDatabase> {
  const test = await createTestDatabase();
  await generateSynthetic(test.db, options);
  return test;
}

export type PlainInspection = {
  id: number;
  serviceId: number;
  slug: string;
  name: string;
  nation: "ENGLAND" | "WALES";
  region: string | null;
  frameworkCode: string;
  programme: Programme;
  kind: string;
  overall: Rating | null;
  score: number | null;
  publishedOn: Date | null;
  fieldworkStart: Date | null;
  frameworkInUseFrom: number | null;
  ratings: Partial<Record<string, Rating>>;
  figures: Partial<Record<string, Partial<Record<KeyQuestionArea, number>>>>;
};

/** Every inspection the public may see, with its ratings and figures, read through Prisma. */
export async function visibleInspections(db: Db): Promise<PlainInspection[]> {
  const rows = await db.inspection.findMany({
    where: visibleInspectionWhere(PUBLIC_VIEWER),
    select: {
      id: true,
      serviceId: true,
      kind: true,
      overallRating: true,
      score: true,
      publishedOn: true,
      fieldworkStart: true,
      service: { select: { slug: true, name: true, nation: true, region: true } },
      framework: { select: { code: true, programme: true, inUseFrom: true } },
      standardRatings: { select: { rating: true, standard: { select: { code: true } } } },
      keyQuestionResults: { select: { percentYes: true, keyQuestion: { select: { area: true, standard: { select: { code: true } } } } } },
    },
  });
  return rows.map((r) => {
    const figures: PlainInspection["figures"] = {};
    for (const k of r.keyQuestionResults) (figures[k.keyQuestion.standard.code] ??= {})[k.keyQuestion.area] = k.percentYes;
    return {
      id: r.id,
      serviceId: r.serviceId,
      slug: r.service.slug,
      name: r.service.name,
      nation: r.service.nation,
      region: r.service.region,
      frameworkCode: r.framework.code,
      programme: r.framework.programme as Programme,
      kind: r.kind,
      overall: r.overallRating,
      score: r.score,
      publishedOn: r.publishedOn,
      fieldworkStart: r.fieldworkStart,
      frameworkInUseFrom: r.framework.inUseFrom,
      ratings: Object.fromEntries(r.standardRatings.map((s) => [s.standard.code, s.rating])),
      figures,
    };
  });
}

/** Each service's latest inspection under each programme, by lib/queries/service-list's own rule. */
export function latestPerServiceAndProgramme(rows: readonly PlainInspection[]): PlainInspection[] {
  const groups = new Map<string, PlainInspection[]>();
  for (const row of rows) {
    const key = `${row.serviceId}|${row.programme}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((g) => latestOf(g)!);
}

/** A standard's distribution over the inspections whose framework has it (`frameworks`). */
export function expectedDistribution(rows: readonly PlainInspection[], code: string, frameworks: readonly string[]): Distribution {
  const d = emptyDistribution();
  for (const row of rows) if (frameworks.includes(row.frameworkCode)) addToDistribution(d, row.ratings[code] ?? null);
  return d;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
}
