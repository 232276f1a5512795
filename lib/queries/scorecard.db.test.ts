// The scorecard read model against a real PostgreSQL holding the real dataset:
// Wiltshire's figures as published, partial records, national comparisons
// checked against an independent count, the visibility rule (page query and
// downloads), and the number of SQL statements sent.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient, type Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { RATINGS, type Rating } from "../domain/rating";
import { serviceScorecard, type Scorecard } from "./scorecard";
import { scorecardCsv, scorecardJson } from "./scorecard-csv";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  await seed(test.db);
  // The route handlers read through the app's shared client, built from DATABASE_URL on first use.
  process.env.DATABASE_URL = test.url;
});

afterAll(async () => {
  await test?.drop();
});

async function card(slug: string, database: Db = test.db): Promise<Scorecard> {
  const result = await serviceScorecard(slug, undefined, database);
  if (!result) throw new Error(`no scorecard for ${slug}`);
  return result;
}

function ratingOf(c: Scorecard, code: string): Rating | null | undefined {
  const all = [...(c.latest?.domains.flatMap((d) => d.standards) ?? []), ...(c.latest?.notCounting ?? [])];
  return all.find((s) => s.code === code)?.rating;
}

describe("Wiltshire, against the published report", () => {
  let wiltshire: Scorecard;
  beforeAll(async () => {
    wiltshire = await card("wiltshire");
  });

  it("shows the latest inspection: full, framework 2021, fieldwork 26 February 2024, published 14 May 2024, Good, 20 / 36", () => {
    const latest = wiltshire.latest!;
    expect(latest.kind).toBe("FULL");
    expect(latest.frameworkCode).toBe("2021");
    expect(latest.fieldworkStart?.toISOString().slice(0, 10)).toBe("2024-02-26");
    expect(latest.publishedOn?.toISOString().slice(0, 10)).toBe("2024-05-14");
    expect(latest.overallRating).toBe("GOOD");
    expect(latest.score).toBe(20);
    expect(latest.scoreMax).toBe(36);
    expect(latest.recordedStandards).toBe(13);
  });

  it("groups the twelve counting standards in domains 1–3 and keeps resettlement apart", () => {
    const latest = wiltshire.latest!;
    expect(latest.domains.map((d) => [d.number, d.name, d.standards.map((s) => s.code)])).toEqual([
      ["1", "Organisational delivery", ["1.1", "1.2", "1.3", "1.4"]],
      ["2", "Court disposals", ["2.1", "2.2", "2.3", "2.4"]],
      ["3", "Out-of-court disposals", ["3.1", "3.2", "3.3", "3.4"]],
    ]);
    expect(latest.notCounting).toEqual([
      expect.objectContaining({ code: "4.1", name: "Resettlement policy and provision", rating: "OUTSTANDING", countsTowardOverall: false }),
    ]);
  });

  it.each<[string, Rating]>([
    ["1.1", "GOOD"],
    ["1.4", "OUTSTANDING"],
    ["2.1", "REQUIRES_IMPROVEMENT"],
    ["2.2", "REQUIRES_IMPROVEMENT"],
    ["2.3", "REQUIRES_IMPROVEMENT"],
    ["2.4", "GOOD"],
    ["3.1", "INADEQUATE"],
    ["3.4", "GOOD"],
    ["4.1", "OUTSTANDING"],
  ])("rates %s %s", (code, rating) => {
    expect(ratingOf(wiltshire, code)).toBe(rating);
  });

  it("gives 3.1's key-question figures 83%, 67%, 42%, with 42% the lowest", () => {
    const oocdAssessment = wiltshire.latest!.keyQuestions.find((k) => k.code === "3.1")!;
    expect(oocdAssessment.figures.map((f) => [f.area, f.percent])).toEqual([
      ["DESISTANCE", 83],
      ["SAFETY_OF_CHILD", 67],
      ["SAFETY_OF_OTHERS", 42],
    ]);
    expect(oocdAssessment.lowest).toBe(42);
    expect(wiltshire.latest!.keyQuestions.map((k) => k.code)).toEqual(["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]);
  });

  it("draws no band and flags no difference, as no thresholds are recorded", () => {
    for (const k of wiltshire.latest!.keyQuestions) {
      expect(k.band).toBeNull();
      expect(k.differsFromBand).toBe(false);
    }
    expect(wiltshire.latest!.framework.keyQuestionThresholds).toEqual([]);
  });

  it("gives no national median from the single inspection with key-question figures, but says how many there are", () => {
    for (const figure of wiltshire.latest!.keyQuestions.flatMap((k) => k.figures)) {
      expect(figure.nationalN).toBe(1);
      expect(figure.nationalMedian).toBeNull();
    }
  });

  it("has no recommendations recorded and one inspection in its history", () => {
    expect(wiltshire.latest!.recommendations).toEqual([]);
    expect(wiltshire.history.map((h) => h.id)).toEqual([wiltshire.latest!.id]);
    expect(wiltshire.history[0]!.change).toBeNull();
  });

  it("compares within the 2018/2021 standards, for England and the South West", () => {
    const comparison = wiltshire.comparison!;
    expect(comparison.programme).toBe("STANDARDS_2018_2021");
    expect(comparison.scopes.map((s) => s.label)).toEqual(["England", "South West"]);
    for (const scope of comparison.scopes) {
      expect(scope.frameworks.every((f) => ["2018", "2021", "2018-or-2021"].includes(f.code))).toBe(true);
      expect(scope.n).toBe(scope.frameworks.reduce((sum, f) => sum + f.n, 0));
    }
    // Wiltshire's own 13 recorded ratings are all compared.
    expect(comparison.standards.map((s) => s.code)).toHaveLength(13);
    expect(comparison.notCompared).toEqual([]);
    expect(comparison.score?.score).toBe(20);
  });
});

/** Each current service's latest public inspection within the 2018/2021 standards, computed apart from the query. */
async function independentLatest(nation: "ENGLAND" | "WALES", region?: string) {
  const inspections = await test.db.inspection.findMany({
    where: {
      kind: { not: "THEMATIC" },
      OR: [{ visibility: "PUBLISHED" }, { visibility: "EMBARGOED", embargoUntil: { lte: new Date() } }],
      framework: { programme: "STANDARDS_2018_2021" },
      service: { current: true, nation, ...(region ? { region } : {}) },
    },
    include: { framework: true, standardRatings: { include: { standard: true } } },
  });
  const key = (i: (typeof inspections)[number]) =>
    (i.publishedOn ?? i.fieldworkStart ?? new Date(Date.UTC(i.framework.inUseFrom!, 0, 1))).getTime();
  const latest = new Map<number, (typeof inspections)[number]>();
  for (const i of inspections) {
    const best = latest.get(i.serviceId);
    if (!best || key(i) > key(best) || (key(i) === key(best) && i.id > best.id)) latest.set(i.serviceId, i);
  }
  return [...latest.values()];
}

describe("national and regional comparisons", () => {
  it("count the overall ratings, a standard's ratings and the scores exactly as an independent count does", async () => {
    const wiltshire = await card("wiltshire");
    for (const [level, region] of [
      ["nation", undefined],
      ["region", "South West"],
    ] as const) {
      const latest = await independentLatest("ENGLAND", region);
      const overall = wiltshire.comparison!.overall.levels.find((l) => l.level === level)!;
      const expected = Object.fromEntries(RATINGS.map((r) => [r, latest.filter((i) => i.overallRating === r).length]));
      expect(overall.n).toBe(latest.filter((i) => i.overallRating !== null).length);
      expect(overall.enough).toBe(overall.n >= 5);
      expect(overall.counts).toEqual(overall.enough ? expected : null);

      const courtAssessment = wiltshire.comparison!.standards.find((s) => s.code === "2.1")!.levels.find((l) => l.level === level)!;
      const rated21 = latest.flatMap((i) => i.standardRatings.filter((r) => r.standard.code === "2.1").map((r) => r.rating));
      expect(courtAssessment.n).toBe(rated21.length);
      expect(courtAssessment.sameAsService).toBe(
        rated21.length >= 5 ? rated21.filter((r) => r === "REQUIRES_IMPROVEMENT").length : null,
      );

      const scores = latest.flatMap((i) => (i.score === null ? [] : [i.score]));
      const distribution = wiltshire.comparison!.score!.levels.find((l) => l.level === level)!;
      expect(distribution.n).toBe(scores.length);
      if (scores.length >= 5) {
        expect(distribution.below).toBe(scores.filter((s) => s < 20).length);
        expect(distribution.same).toBe(scores.filter((s) => s === 20).length);
        expect(distribution.above).toBe(scores.filter((s) => s > 20).length);
        expect(distribution.counts).toHaveLength(37);
        const sorted = [...scores].sort((a, b) => a - b);
        const mid = Math.floor(sorted.length / 2);
        const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
        expect(distribution.median).toBe(median);
      } else {
        expect(distribution).toMatchObject({ enough: false, counts: [], median: null, below: null, same: null, above: null });
      }
    }
  });

  it("never pools 3.4 Joint working (2018) with 3.4 out-of-court disposal policy (2021)", async () => {
    const wiltshire = await card("wiltshire");
    const row = wiltshire.comparison!.standards.find((s) => s.code === "3.4")!;
    expect(row.name).toBe("Out-of-court disposal policy and provision");
    const latest = await independentLatest("ENGLAND");
    const expected = latest.flatMap((i) =>
      i.standardRatings.filter((r) => r.standard.code === "3.4" && r.standard.name === row.name),
    ).length;
    expect(row.levels[0]!.n).toBe(expected);
  });

  it("has no region level for a Welsh service, and compares a 2025-programme inspection only within that programme", async () => {
    const bridgend = await card("bridgend");
    // Bridgend's undated 2025-programme inspection is newer than its 2022 one.
    expect(bridgend.latest?.frameworkCode).toBe("2025-IYJWCV");
    expect(bridgend.latest?.publishedOn).toBeNull();
    expect(bridgend.latest?.undatedFromYear).toBe(2025);
    expect(bridgend.history.map((h) => h.frameworkCode)).toEqual(["2025-IYJWCV", "2021"]);
    const comparison = bridgend.comparison!;
    expect(comparison.programme).toBe("PROGRAMME_2025");
    expect(comparison.scopes.map((s) => s.label)).toEqual(["Wales"]);
    expect(comparison.scopes[0]!.frameworks.every((f) => f.code.startsWith("2025"))).toBe(true);
    expect(comparison.standards).toEqual([]);
    expect(comparison.score).toBeNull();
    expect(bridgend.latest!.domains).toEqual([]);
    expect(bridgend.latest!.keyQuestions).toEqual([]);
  });
});

describe("partial data and the states that must be right", () => {
  it("a service with no inspection has no latest, no comparison and an empty history", async () => {
    const lincolnshire = await card("lincolnshire");
    expect(lincolnshire.service.name).toBe("Lincolnshire");
    expect(lincolnshire.latest).toBeNull();
    expect(lincolnshire.comparison).toBeNull();
    expect(lincolnshire.history).toEqual([]);
  });

  it("an unknown slug gives null", async () => {
    expect(await serviceScorecard("no-such-service", undefined, test.db)).toBeNull();
  });

  it("an inspection with only an overall rating lists every standard as not recorded and compares only the overall rating", async () => {
    const hampshire = await card("hampshire");
    const latest = hampshire.latest!;
    expect(latest.frameworkCode).toBe("2018");
    expect(latest.overallRating).toBe("GOOD");
    expect(latest.score).toBeNull();
    expect(latest.recordedStandards).toBe(0);
    expect(latest.standardCount).toBe(12);
    const standards = latest.domains.flatMap((d) => d.standards);
    expect(standards).toHaveLength(12);
    expect(standards.every((s) => s.rating === null)).toBe(true);
    expect(latest.notCounting).toEqual([]);
    expect(latest.hasKeyQuestionFigures).toBe(false);
    expect(hampshire.comparison!.overall.rating).toBe("GOOD");
    expect(hampshire.comparison!.standards).toEqual([]);
    expect(hampshire.comparison!.notCompared).toHaveLength(12);
    expect(hampshire.comparison!.score).toBeNull();
  });

  it("an inspection whose overall rating is not recorded is never compared as a rating", async () => {
    const card_ = await card("monmouthshire-and-torfaen");
    expect(card_.latest!.overallRating).toBeNull();
    const overall = card_.comparison!.overall;
    expect(overall.rating).toBeNull();
    for (const level of overall.levels) expect(level.sameAsService).toBeNull();
  });

  it("a 2025-programme inspection is not scored and compares across programmes by overall rating only", async () => {
    const derby = await card("derby");
    expect(derby.latest!.frameworkCode).toBe("2025-IYJWCV");
    expect(derby.latest!.frameworkScored).toBe(false);
    expect(derby.history[0]!.change).toMatchObject({ acrossProgrammes: true, score: null });
  });

  it("a former service links to its successors, and each successor back to it", async () => {
    const westernBay = await card("western-bay");
    expect(westernBay.service.current).toBe(false);
    expect(westernBay.service.successors.map((s) => s.slug)).toEqual(["bridgend", "neath-port-talbot", "swansea"]);
    expect(westernBay.history[0]!.serviceNameAtInspection).toMatch(/^Western Bay/);
    for (const slug of ["bridgend", "neath-port-talbot", "swansea"]) {
      expect((await card(slug)).service.predecessors).toEqual([{ slug: "western-bay", name: westernBay.service.name }]);
    }
  });

  it("a service inspected more than once shows the change between rated inspections, newest first", async () => {
    const cardiff = await card("cardiff");
    expect(cardiff.history.map((h) => h.kind)).toEqual(["REINSPECTION", "FULL"]);
    const [reinspection, first] = cardiff.history;
    expect(reinspection!.change?.previousId).toBe(first!.id);
    expect(reinspection!.change?.rating).toEqual({ from: "INADEQUATE", to: "REQUIRES_IMPROVEMENT", direction: "better" });
    expect(first!.change).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Visibility: unpublished inspections never reach the public.

async function createInspection(
  serviceSlug: string,
  data: Omit<Prisma.InspectionUncheckedCreateInput, "serviceId" | "frameworkId" | "kind" | "serviceNameAtInspection">,
) {
  const service = await test.db.service.findUniqueOrThrow({ where: { slug: serviceSlug } });
  const framework = await test.db.framework.findUniqueOrThrow({ where: { code: "2021" }, include: { standards: true } });
  const standard = (code: string) => framework.standards.find((s) => s.code === code)!.id;
  return test.db.inspection.create({
    data: {
      serviceId: service.id,
      frameworkId: framework.id,
      kind: "REINSPECTION",
      serviceNameAtInspection: `${service.name} (test record)`,
      sourceUrls: ["https://example.test/unpublished-report"],
      ...data,
      standardRatings: { create: [{ standardId: standard("1.1"), rating: "INADEQUATE" }] },
      recommendations: { create: [{ ordinal: 1, text: "A recommendation only the test knows" }] },
    },
  });
}

async function download(path: "data.csv" | "data.json", slug: string, table?: string): Promise<Response> {
  const params = Promise.resolve({ slug });
  const url = `http://localhost/services/${slug}/${path}${table ? `?table=${table}` : ""}`;
  if (path === "data.csv") {
    const { GET } = await import("../../app/services/[slug]/data.csv/route");
    return GET(new Request(url), { params });
  }
  const { GET } = await import("../../app/services/[slug]/data.json/route");
  return GET(new Request(url), { params });
}

describe("unpublished inspections", () => {
  const created: number[] = [];
  afterAll(async () => {
    await test.db.inspection.deleteMany({ where: { id: { in: created } } });
  });

  it("a draft and an inspection embargoed until tomorrow appear nowhere for the public; once an embargo has passed, it does", async () => {
    const before = await card("wiltshire");
    const nationalBefore = before.comparison!.overall.levels[0]!;

    const draft = await createInspection("wiltshire", {
      visibility: "DRAFT",
      publishedOn: new Date("2025-06-02T00:00:00Z"),
      publishedOnPrecision: "DAY",
      overallRating: "INADEQUATE",
      score: 3,
      scoreMax: 36,
    });
    const embargoed = await createInspection("wiltshire", {
      visibility: "EMBARGOED",
      embargoUntil: new Date(Date.now() + 24 * 3600 * 1000),
      publishedOn: new Date("2025-07-03T00:00:00Z"),
      publishedOnPrecision: "DAY",
      overallRating: "INADEQUATE",
      score: 4,
      scoreMax: 36,
    });
    created.push(draft.id, embargoed.id);

    const hidden = await card("wiltshire");
    expect(hidden.history.map((h) => h.id)).toEqual([before.latest!.id]);
    expect(hidden.latest!.id).toBe(before.latest!.id);
    expect(hidden.comparison!.overall.levels[0]).toEqual(nationalBefore);
    expect(hidden.comparison!.score).toEqual(before.comparison!.score);

    for (const table of ["inspections", "comparison", "score-distribution", "key-questions"]) {
      const response = await download("data.csv", "wiltshire", table);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain("test record");
      expect(text).not.toContain("example.test");
      expect(text).not.toContain("2025-06-02");
      expect(text).not.toContain("2025-07-03");
      if (table === "inspections") expect(text.trim().split("\r\n")).toHaveLength(2);
    }
    const jsonResponse = await download("data.json", "wiltshire");
    const json = await jsonResponse.json();
    expect(json.inspections.map((i: { id: number }) => i.id)).toEqual([before.latest!.id]);
    const jsonText = JSON.stringify(json);
    expect(jsonText).not.toContain("test record");
    expect(jsonText).not.toContain("A recommendation only the test knows");

    const passed = await createInspection("wiltshire", {
      visibility: "EMBARGOED",
      embargoUntil: new Date(Date.now() - 60 * 1000),
      publishedOn: new Date("2025-05-01T00:00:00Z"),
      publishedOnPrecision: "DAY",
      overallRating: "REQUIRES_IMPROVEMENT",
      score: 15,
      scoreMax: 36,
    });
    created.push(passed.id);

    const shown = await card("wiltshire");
    expect(shown.history.map((h) => h.id)).toEqual([passed.id, before.latest!.id]);
    expect(shown.latest!.id).toBe(passed.id);
    expect(shown.latest!.recommendations).toEqual(["A recommendation only the test knows"]);
    expect(shown.history[0]!.change?.rating).toEqual({ from: "GOOD", to: "REQUIRES_IMPROVEMENT", direction: "worse" });
    expect(shown.history[0]!.change?.score).toEqual({ from: 20, to: 15, difference: -5 });
    // Now Wiltshire's latest is the passed embargo: England's Good count falls by one and RI rises by one.
    const national = shown.comparison!.overall.levels[0]!;
    expect(national.counts!.GOOD).toBe(nationalBefore.counts!.GOOD - 1);
    expect(national.counts!.REQUIRES_IMPROVEMENT).toBe(nationalBefore.counts!.REQUIRES_IMPROVEMENT + 1);

    const csv = await (await download("data.csv", "wiltshire")).text();
    expect(csv).toContain("2025-05-01");
    expect(csv).toContain("Wiltshire (test record)");
    expect(csv).not.toContain("2025-06-02");
    expect(csv.trim().split("\r\n")).toHaveLength(3);
    const shownJson = await (await download("data.json", "wiltshire")).json();
    expect(shownJson.inspections.map((i: { id: number }) => i.id)).toEqual([passed.id, before.latest!.id]);
  });
});

describe("downloads", () => {
  it("the inspections CSV holds Wiltshire's figures as published, with words for ratings", async () => {
    const wiltshire = await card("wiltshire");
    const lines = scorecardCsv(wiltshire, "inspections").trim().split("\r\n");
    const header = lines[0]!.split(",");
    const row = lines[1]!;
    expect(header.slice(0, 4)).toEqual(["service_slug", "service_name_at_inspection", "inspection_id", "kind"]);
    expect(header).toContain("standard_4.1");
    expect(row).toContain("2024-02-26");
    expect(row).toContain("2024-05-14");
    expect(row).toMatch(/,Good,20,36,13,13,/);
    const cells = row.split(",");
    expect(cells[header.indexOf("standard_3.1")]).toBe("Inadequate");
    expect(cells[header.indexOf("standard_1.4")]).toBe("Outstanding");
    expect(cells[header.indexOf("standard_2.1")]).toBe("Requires improvement");
  });

  it("the key-questions CSV has 21 rows, one per figure drawn", async () => {
    const lines = scorecardCsv(await card("wiltshire"), "key-questions").trim().split("\r\n");
    expect(lines).toHaveLength(22);
    expect(lines.filter((l) => l.includes(",3.1,"))).toHaveLength(3);
    expect(lines.find((l) => l.includes(",3.1,") && l.includes("Safety of other people"))).toMatch(/,42,England,1,$/);
  });

  it("a service with no inspection gives header-only tables, and the JSON says so", async () => {
    const lincolnshire = await card("lincolnshire");
    expect(scorecardCsv(lincolnshire, "inspections").trim().split("\r\n")).toHaveLength(1);
    expect(scorecardJson(lincolnshire)).toMatchObject({ latestInspectionId: null, inspections: [], latest: null, comparison: null });
  });

  it("an unknown service is a 404 and an unknown table a 400 naming the tables", async () => {
    const missing = await download("data.csv", "no-such-service");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/no youth justice service "no-such-service"/);
    expect((await download("data.json", "no-such-service")).status).toBe(404);
    const bad = await download("data.csv", "wiltshire", "ratings");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/"ratings".*inspections, key-questions, comparison, score-distribution/);
  });
});

// ---------------------------------------------------------------------------
// Round trips: the same fixed number of statements whatever the number of inspections.

describe("statements sent to PostgreSQL", () => {
  let pool: pg.Pool;
  let counted: PrismaClient;
  const statements: string[] = [];

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: test.url, max: 4 });
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      statements.push(typeof first === "string" ? first : String((first as { text?: string }).text));
      return query(...args);
    };
    counted = new PrismaClient({ adapter: new PrismaPg(pool) });

    // A (former, so not compared) service with 40 inspections, each fully recorded.
    const framework = await test.db.framework.findUniqueOrThrow({
      where: { code: "2021" },
      include: { standards: { include: { keyQuestions: true } } },
    });
    const service = await test.db.service.create({
      data: { slug: "many-inspections-test", name: "Many inspections (test)", nation: "ENGLAND", region: "South West", current: false, sourceUrls: [] },
    });
    for (let n = 0; n < 40; n += 1) {
      await test.db.inspection.create({
        data: {
          serviceId: service.id,
          frameworkId: framework.id,
          kind: n % 5 === 0 ? "THEMATIC" : "FULL",
          serviceNameAtInspection: `Many inspections ${n}`,
          publishedOn: new Date(Date.UTC(2021, 0, 1 + n * 20)),
          publishedOnPrecision: "DAY",
          overallRating: "GOOD",
          score: 24,
          scoreMax: 36,
          visibility: "PUBLISHED",
          sourceUrls: [`https://example.test/${n}`],
          standardRatings: { create: framework.standards.map((s) => ({ standardId: s.id, rating: "GOOD" as const })) },
          keyQuestionResults: {
            create: framework.standards.flatMap((s) => s.keyQuestions.map((k) => ({ keyQuestionId: k.id, percentYes: 70 }))),
          },
          recommendations: { create: [1, 2, 3].map((ordinal) => ({ ordinal, text: `Recommendation ${ordinal}` })) },
        },
      });
    }
  });

  afterAll(async () => {
    await counted?.$disconnect();
    await pool?.end();
  });

  async function countFor(slug: string): Promise<{ count: number; card: Scorecard | null }> {
    await counted.$queryRaw`select 1`; // connect first, so connection set-up is not counted
    statements.length = 0;
    const result = await serviceScorecard(slug, undefined, counted as unknown as Db);
    return { count: statements.length, card: result };
  }

  it("is one statement for a service with one inspection and for one with forty, once the published figures are kept", async () => {
    // The first render after the data changed also computes the published figures: one more statement.
    const cold = await countFor("wiltshire");
    expect(cold.count).toBe(2);
    const one = await countFor("wiltshire");
    expect(one.card).toEqual(cold.card);
    expect(one.card!.history).toHaveLength(1);
    const many = await countFor("many-inspections-test");
    expect(many.card!.history).toHaveLength(40);
    expect(many.card!.latest!.kind).toBe("FULL");
    expect(many.card!.history.filter((h) => h.change !== null)).toHaveLength(31);
    const none = await countFor("lincolnshire");
    console.log(`statements: first render ${cold.count}, one inspection ${one.count}, forty inspections ${many.count}, none ${none.count}`);
    // The budget is at most three round trips: one (service, inspections and data version), the figures from memory.
    expect(one.count).toBe(1);
    expect(many.count).toBe(1);
    expect(none.count).toBe(1);
  });

  it("is one statement for an unknown slug", async () => {
    const unknown = await countFor("no-such-service");
    expect(unknown.card).toBeNull();
    expect(unknown.count).toBe(1);
  });
});
