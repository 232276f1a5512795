// Writing synthetic data into a real PostgreSQL: complete, in one go, and
// never into a database that holds the real dataset unless asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { UserFacingError } from "../errors";
import { buildSyntheticDataset, generateSynthetic, writeSyntheticDataset } from "./generate";

describe("writeSyntheticDataset", () => {
  let empty: TestDatabase;
  let real: TestDatabase;
  beforeAll(async () => {
    [empty, real] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seed(real.db);
  });
  afterAll(async () => {
    await Promise.all([empty?.drop(), real?.drop()]);
  });

  it("writes N services × M inspections with every rating and figure, into a fresh database", async () => {
    const result = await generateSynthetic(empty.db, { services: 120, inspectionsPerService: 3, seed: 4 });
    const { dataset } = result;
    const ratings = dataset.inspections.reduce((s, i) => s + Object.keys(i.ratings).length, 0);
    const figures = dataset.inspections.reduce((s, i) => s + Object.keys(i.keyQuestions).length * 3, 0);
    expect(result).toMatchObject({ services: 120, inspections: 360, standardRatings: ratings, keyQuestionResults: figures });
    expect(await empty.db.service.count()).toBe(120);
    expect(await empty.db.inspection.count({ where: { visibility: "PUBLISHED" } })).toBe(360);
    expect(await empty.db.standardRating.count()).toBe(ratings);
    expect(await empty.db.keyQuestionResult.count()).toBe(figures);
    expect(await empty.db.framework.count()).toBe(5);
    // Every 2018/2021 inspection has all twelve counting standards.
    const incomplete = await empty.db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from "Inspection" i join "Framework" f on f.id = i."frameworkId"
      where f.programme = 'STANDARDS_2018_2021'
        and (select count(*) from "StandardRating" sr join "Standard" st on st.id = sr."standardId"
             where sr."inspectionId" = i.id and st."countsTowardOverall") <> 12`;
    expect(incomplete[0]!.n).toBe(0);
    // The sequences carry on after the reserved ids: a new row gets a fresh id.
    const service = await empty.db.service.create({ data: { slug: "after-synthetic", name: "After", nation: "ENGLAND", sourceUrls: [] } });
    expect(service.id).toBeGreaterThan(120);
  });

  it("refuses a second run of the same seed into the same database, writing nothing", async () => {
    const before = await empty.db.inspection.count();
    await expect(generateSynthetic(empty.db, { services: 120, inspectionsPerService: 3, seed: 4 })).rejects.toThrow(/already holds synthetic data from seed 4/);
    expect(await empty.db.inspection.count()).toBe(before);
  });

  it("refuses a database that holds the real dataset, unless told to", async () => {
    const dataset = buildSyntheticDataset({ services: 10, inspectionsPerService: 2, seed: 9 });
    const error = await writeSyntheticDataset(real.db, dataset).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(/already holds the real national dataset \(171 inspections\)/);
    expect(await real.db.inspection.count()).toBe(171);

    const summary = await writeSyntheticDataset(real.db, dataset, { allowRealDataset: true });
    expect(summary.inspections).toBe(20);
    expect(await real.db.inspection.count()).toBe(191);
    // The real records are untouched, and a synthetic slug never takes a real one.
    expect(await real.db.inspection.count({ where: { importKey: { startsWith: "hmip-dataset:" } } })).toBe(171);
    expect(await real.db.service.count()).toBe(166);
  });
});
