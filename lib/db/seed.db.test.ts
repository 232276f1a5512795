// The seed against a real PostgreSQL: what it writes, that a rerun changes
// nothing, and that a self-contradictory record stops it without a trace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserFacingError } from "../errors";
import { loadDataset, type ParsedDataset } from "../import/dataset";
import type { Db } from "./client";
import { seed, type SeedSummary } from "./seed";
import { createTestDatabase, type TestDatabase } from "./test-database";

const WILTSHIRE_KEY = "hmip-dataset:wiltshire:2024-05-14:full";

/** Every row of every table (except the migrations log), as text, in a stable order. */
async function dumpAll(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  const dump: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${name}" t ORDER BY row_to_json(t)::text`,
    );
    dump[name] = rows.map((r) => r.row);
  }
  return dump;
}

async function wiltshire(db: Db) {
  const service = await db.service.findUniqueOrThrow({ where: { slug: "wiltshire" } });
  return db.inspection.findFirstOrThrow({
    where: { serviceId: service.id },
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }],
    include: {
      standardRatings: { include: { standard: true } },
      keyQuestionResults: { include: { keyQuestion: { include: { standard: true } } } },
    },
  });
}

describe("seed", () => {
  let test: TestDatabase;
  let data: ParsedDataset;
  let first: SeedSummary;
  let firstMs: number;

  beforeAll(async () => {
    test = await createTestDatabase();
    data = await loadDataset();
    const started = performance.now();
    first = await seed(test.db);
    firstMs = performance.now() - started;
    console.log(`first seed: ${Math.round(firstMs)} ms`);
  });

  afterAll(async () => {
    await test?.drop();
  });

  it("creates everything on the first run, in a few seconds", () => {
    expect(first.inspections).toEqual({ created: 171, updated: 0, unchanged: 0, deleted: 0 });
    expect(first.services).toEqual({ created: 156, updated: 0, unchanged: 0 });
    expect(first.frameworks).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(first.updated).toBe(0);
    expect(firstMs).toBeLessThan(15_000);
  });

  it("writes 155 current services and the former Western Bay with three successors", async () => {
    expect(await test.db.service.count()).toBe(156);
    expect(await test.db.service.count({ where: { current: true } })).toBe(155);
    const westernBay = await test.db.service.findUniqueOrThrow({
      where: { slug: "western-bay" },
      include: { successors: { include: { successor: true } }, localAuthorities: { include: { localAuthority: true } } },
    });
    expect(westernBay.current).toBe(false);
    expect(westernBay.nation).toBe("WALES");
    expect(westernBay.successors.map((s) => s.successor.name).sort()).toEqual(["Bridgend", "Neath Port Talbot", "Swansea"]);
    expect(westernBay.localAuthorities.map((l) => l.localAuthority.name).sort()).toEqual([
      "Bridgend",
      "Neath Port Talbot",
      "Swansea",
    ]);
  });

  it("links Dorset Combined to both its local authorities and maps regions to ONS names", async () => {
    const dorset = await test.db.service.findUniqueOrThrow({
      where: { slug: "dorset-combined-yos" },
      include: { localAuthorities: { include: { localAuthority: true } } },
    });
    expect(dorset.localAuthorities.map((l) => l.localAuthority.name).sort()).toEqual([
      "Bournemouth, Christchurch and Poole",
      "Dorset",
    ]);
    expect(dorset.region).toBe("South West");
    const regions = (await test.db.service.findMany({ distinct: ["region"], select: { region: true } })).map((r) => r.region);
    expect(regions).toContain("East of England");
    expect(regions).toContain("Yorkshire and The Humber");
    expect(regions).not.toContain("Eastern");
    expect(await test.db.service.count({ where: { nation: "WALES", NOT: { region: null } } })).toBe(0);
  });

  it("writes 171 published inspections", async () => {
    expect(await test.db.inspection.count()).toBe(171);
    expect(await test.db.inspection.count({ where: { visibility: "PUBLISHED" } })).toBe(171);
    expect(await test.db.inspection.count({ where: { discrepancyNote: { not: null } } })).toBe(0);
    expect(await test.db.standardRating.count()).toBe(487);
  });

  it("writes Wiltshire's latest inspection in full", async () => {
    const w = await wiltshire(test.db);
    expect(w.importKey).toBe(WILTSHIRE_KEY);
    expect(w).toMatchObject({ score: 20, scoreMax: 36, overallRating: "GOOD", publishedOnPrecision: "DAY" });
    expect(w.publishedOn).toEqual(new Date("2024-05-14T00:00:00Z"));
    expect(w.fieldworkStart).toEqual(new Date("2024-02-26T00:00:00Z"));
    expect(w.standardRatings).toHaveLength(13);
    const rating = (code: string) => w.standardRatings.find((r) => r.standard.code === code)?.rating;
    expect(rating("3.1")).toBe("INADEQUATE");
    expect(rating("4.1")).toBe("OUTSTANDING");
    expect(rating("1.4")).toBe("OUTSTANDING");
    expect(w.keyQuestionResults).toHaveLength(21);
    const figures = w.keyQuestionResults
      .filter((r) => r.keyQuestion.standard.code === "3.1")
      .sort((a, b) => a.keyQuestion.area.localeCompare(b.keyQuestion.area))
      .map((r) => [r.keyQuestion.area, r.percentYes]);
    expect(figures).toEqual([
      ["DESISTANCE", 83],
      ["SAFETY_OF_CHILD", 67],
      ["SAFETY_OF_OTHERS", 42],
    ]);
  });

  it("writes no rating row for a standard that is not recorded", async () => {
    const westernBay = await test.db.inspection.findUniqueOrThrow({
      where: { importKey: "hmip-dataset:western-bay:2019-03:full" },
      include: { standardRatings: true },
    });
    expect(westernBay.overallRating).toBe("INADEQUATE");
    expect(westernBay.standardRatings).toHaveLength(0);
    const overallOnly = data.inspections.filter((i) => Object.keys(i.ratings).length === 0).length;
    expect(await test.db.inspection.count({ where: { standardRatings: { none: {} } } })).toBe(overallOnly);
    // Records with no overall rating keep it null rather than a guess.
    expect(await test.db.inspection.count({ where: { overallRating: null } })).toBe(3);
  });

  it("gives 2025-framework inspections no standard ratings and no score", async () => {
    const rows = await test.db.inspection.findMany({
      where: { framework: { programme: "PROGRAMME_2025" } },
      include: { standardRatings: true, framework: true },
    });
    expect(rows).toHaveLength(17);
    for (const row of rows) {
      expect(row.standardRatings).toHaveLength(0);
      expect(row.score).toBeNull();
      expect(row.scoreMax).toBeNull();
    }
  });

  it("writes the frameworks with their parts", async () => {
    const f2021 = await test.db.framework.findUniqueOrThrow({
      where: { code: "2021" },
      include: { domains: true, standards: { include: { keyQuestions: true } }, scoreBands: true },
    });
    expect(f2021.domains).toHaveLength(4);
    expect(f2021.standards).toHaveLength(13);
    expect(f2021.standards.flatMap((s) => s.keyQuestions)).toHaveLength(21);
    expect(f2021.scoreBands.map((b) => [b.rating, b.minScore, b.maxScore]).sort()).toEqual(
      [
        ["GOOD", 19, 30],
        ["INADEQUATE", 0, 6],
        ["OUTSTANDING", 31, 36],
        ["REQUIRES_IMPROVEMENT", 7, 18],
      ].sort(),
    );
    expect(await test.db.framework.count()).toBe(5);
  });

  it("changes nothing on a second run", async () => {
    const before = await dumpAll(test.db);
    const second = await seed(test.db);
    expect(second.created).toBe(0);
    expect(second.updated).toBe(0);
    expect(second.deleted).toBe(0);
    expect(second.inspections.unchanged).toBe(171);
    expect(await dumpAll(test.db)).toEqual(before);
  });

  it("puts back framework parts edited or removed in the database", async () => {
    const before = await dumpAll(test.db);
    const f2018 = await test.db.framework.findUniqueOrThrow({ where: { code: "2018" } });
    await test.db.standard.update({
      where: { frameworkId_code: { frameworkId: f2018.id, code: "1.1" } },
      data: { name: "Edited" },
    });
    await test.db.scoreBand.delete({ where: { frameworkId_rating: { frameworkId: f2018.id, rating: "GOOD" } } });
    const summary = await seed(test.db);
    expect(summary.frameworks).toEqual({ created: 0, updated: 1, unchanged: 4 });
    expect(summary.inspections.updated).toBe(0);
    const after = await dumpAll(test.db);
    expect(after.Standard).toEqual(before.Standard);
    const withoutIds = (rows: string[]) => rows.map((r) => r.replace(/"id":\d+,/, "")).sort();
    expect(withoutIds(after.ScoreBand!)).toEqual(withoutIds(before.ScoreBand!));
  });

  it("updates only what changed when a record changes, and puts back what was there", async () => {
    const changed = structuredClone(data);
    const w = changed.inspections.find((i) => i.importKey === WILTSHIRE_KEY)!;
    w.notes = "A changed note.";
    delete w.ratings["4.1"];
    const summary = await seed(test.db, { data: changed });
    expect(summary.inspections).toEqual({ created: 0, updated: 1, unchanged: 170, deleted: 0 });
    expect(summary.services.updated).toBe(0);
    const row = await wiltshire(test.db);
    expect(row.notes).toBe("A changed note.");
    expect(row.standardRatings).toHaveLength(12);
    expect(row.version).toBe(2);

    const restored = await seed(test.db);
    expect(restored.inspections.updated).toBe(1);
    expect((await wiltshire(test.db)).standardRatings).toHaveLength(13);
  });
});

describe("seed with a self-contradictory record", () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    await seed(test.db);
  });

  afterAll(async () => {
    await test?.drop();
  });

  it("throws naming the service and the field, and leaves the database unchanged", async () => {
    const before = await dumpAll(test.db);
    const broken = structuredClone(await loadDataset());
    const w = broken.inspections.find((i) => i.importKey === WILTSHIRE_KEY)!;
    w.score = 25;
    // Another change that would be written if the seed went ahead.
    broken.inspections.find((i) => i.serviceSlug === "western-bay")!.notes = "Should never be written.";

    const error = await seed(test.db, { data: broken }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    const message = (error as Error).message;
    expect(message).toContain("Wiltshire Youth Justice Service");
    expect(message).toContain('"score"');
    expect(message).toContain("25");
    expect(await dumpAll(test.db)).toEqual(before);
  });

  it("stores the explanation instead when the record is listed as a discrepancy", async () => {
    const broken = structuredClone(await loadDataset());
    broken.inspections.find((i) => i.importKey === WILTSHIRE_KEY)!.score = 25;
    const summary = await seed(test.db, {
      data: broken,
      discrepancies: { [WILTSHIRE_KEY]: "Test: the published score disagrees with the ratings." },
    });
    expect(summary.inspections.updated).toBe(1);
    const row = await wiltshire(test.db);
    expect(row.score).toBe(25);
    expect(row.discrepancyNote).toBe("Test: the published score disagrees with the ratings.");
  });

  it("rejects a discrepancy entry for a record that agrees with the rules", async () => {
    await expect(
      seed(test.db, { discrepancies: { [WILTSHIRE_KEY]: "Not needed." } }),
    ).rejects.toThrow(/agrees with the rules/);
  });
});

describe("seed interrupted mid-transaction", () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
  });

  afterAll(async () => {
    await test?.drop();
  });

  it("leaves the database as it was when a write fails part-way", async () => {
    const before = await dumpAll(test.db);
    const data = structuredClone(await loadDataset());
    // Passes every check before writing, but the database's slug format check
    // rejects it after the frameworks and local authorities are written.
    const bad = "Not A Slug";
    data.services = data.services.map((s) => (s.slug === "swansea" ? { ...s, slug: bad } : s));
    for (const s of data.services) s.successorSlugs = s.successorSlugs.map((x) => (x === "swansea" ? bad : x));
    for (const i of data.inspections) if (i.serviceSlug === "swansea") i.serviceSlug = bad;
    await expect(seed(test.db, { data })).rejects.toThrow();
    expect(await dumpAll(test.db)).toEqual(before);
  });
});
