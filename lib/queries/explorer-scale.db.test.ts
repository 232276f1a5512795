// The explorer and the API's lists at scale: the real dataset plus 16,000
// synthetic services (with local authorities, inspections and standard ratings)
// made here in SQL. Each page must stay one round trip and quick, whatever the sort.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { apiInspections, apiServices } from "./api";
import { explorerPage, type ExplorerQuery } from "./explorer";

const SYNTHETIC = 16_000;
/** Generous for a shared two-core machine; the timings are printed. */
const BUDGET_MS = 2_500;

async function makeSynthetic(db: Db) {
  const f2021 = await db.framework.findUniqueOrThrow({ where: { code: "2021" } });
  await db.$executeRawUnsafe(
    `insert into "LocalAuthority" ("name") select 'Synthetic Borough ' || n from generate_series(1, ${SYNTHETIC}) n`,
  );
  await db.$executeRawUnsafe(`
    insert into "Service" ("slug", "name", "nation", "region", "current", "sourceUrls", "updatedAt")
    select 'synthetic-' || n, 'Synthetic Service ' || n,
      (case when n % 10 = 0 then 'WALES' else 'ENGLAND' end)::"Nation",
      case when n % 10 = 0 then null else (array['London','North West','South East','South West','West Midlands'])[1 + n % 5] end,
      true, array['https://example.org/synthetic'], now()
    from generate_series(1, ${SYNTHETIC}) n`);
  await db.$executeRawUnsafe(`
    insert into "ServiceLocalAuthority" ("serviceId", "localAuthorityId")
    select s."id", la."id" from "Service" s join "LocalAuthority" la on la."name" = 'Synthetic Borough ' || substr(s."slug", 11)
    where s."slug" like 'synthetic-%'`);
  // Two inspections a service: an older published one, and a newer one that is
  // published for most services but a draft for every seventh.
  await db.$executeRawUnsafe(`
    insert into "Inspection" ("serviceId", "frameworkId", "kind", "serviceNameAtInspection", "publishedOn", "publishedOnPrecision",
      "overallRating", "score", "scoreMax", "visibility", "sourceUrls", "updatedAt")
    select s."id", ${f2021.id}, 'FULL', s."name",
      date '2019-01-01' + ((s."id" * 37) % 1500) + k * 700, 'DAY',
      (array['OUTSTANDING','GOOD','REQUIRES_IMPROVEMENT','INADEQUATE'])[1 + (s."id" + k) % 4]::"Rating",
      (s."id" * 7 + k) % 37, 36,
      (case when k = 1 and s."id" % 7 = 0 then 'DRAFT' else 'PUBLISHED' end)::"Visibility",
      array['https://example.org/synthetic'], now()
    from "Service" s cross join generate_series(0, 1) k
    where s."slug" like 'synthetic-%'`);
  await db.$executeRawUnsafe(`
    insert into "StandardRating" ("inspectionId", "standardId", "rating")
    select i."id", st."id", (array['OUTSTANDING','GOOD','REQUIRES_IMPROVEMENT','INADEQUATE'])[1 + (i."id" + st."ordinal") % 4]::"Rating"
    from "Inspection" i join "Standard" st on st."frameworkId" = i."frameworkId"
    where i."serviceNameAtInspection" like 'Synthetic Service %'`);
  await db.$executeRawUnsafe(`analyze`);
}

const query = (over: Partial<ExplorerQuery>): ExplorerQuery => ({
  filters: {},
  sort: { key: "name", direction: "asc" },
  page: 1,
  pageSize: 50,
  ...over,
});

describe(`explorer with ${SYNTHETIC} synthetic services`, () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    await seed(test.db);
    const started = performance.now();
    await makeSynthetic(test.db);
    console.log(`made ${SYNTHETIC} synthetic services in ${Math.round(performance.now() - started)} ms`);
  }, 300_000);

  afterAll(async () => {
    await test?.drop();
  });

  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    await run(); // warm the plan cache
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    console.log(`${label}: ${Math.round(ms)} ms`);
    expect(ms, label).toBeLessThan(BUDGET_MS);
    return result;
  };

  it("pages, sorts and searches every service in one round trip within budget", async () => {
    const all = await timed("first page by name", () => explorerPage(query({}), test.db));
    expect(all.total).toBe(156 + SYNTHETIC);
    expect(all.roundTrips).toBe(1);
    expect(all.rows).toHaveLength(50);

    const byScore = await timed("sorted by score", () => explorerPage(query({ sort: { key: "score", direction: "desc" } }), test.db));
    expect(byScore.rows.every((r) => r.latest?.score === 36)).toBe(true);

    const byDomain = await timed("sorted by domain 2", () => explorerPage(query({ sort: { key: "domain-2", direction: "desc" } }), test.db));
    expect(byDomain.rows[0]!.latest!.domains["2"]).toMatchObject({ points: 12, maxPoints: 12 });

    const byStandard = await timed("sorted by standard 4.1", () =>
      explorerPage(query({ sort: { key: "standard-4.1", direction: "asc" } }), test.db),
    );
    expect(byStandard.rows.every((r) => r.latest?.standards["4.1"] === "INADEQUATE")).toBe(true);

    const search = await timed("search 'borough 1234'", () => explorerPage(query({ filters: { q: "borough 1234" }, pageSize: 200 }), test.db));
    expect(search.rows.map((r) => r.slug)).toEqual(
      expect.arrayContaining(["synthetic-1234", "synthetic-12340", "synthetic-12341"]),
    );
    expect(search.total).toBe(12); // 1234 and 12340 to 12349, and 11234

    const filtered = await timed("London, rated Good, since 2021", () =>
      explorerPage(query({ filters: { region: "London", rating: "GOOD", since: new Date("2021-01-01T00:00:00Z") } }), test.db),
    );
    expect(filtered.total).toBeGreaterThan(50);
    expect(filtered.rows.every((r) => r.region === "London" && r.latest?.overallRating === "GOOD")).toBe(true);

    const last = await timed("last page", () => explorerPage(query({ page: Math.ceil((156 + SYNTHETIC) / 50) }), test.db));
    expect(last.rows).toHaveLength((156 + SYNTHETIC) % 50 || 50);
  });

  it("never takes a draft as the latest inspection, at scale", async () => {
    const seventh = await explorerPage(query({ filters: { q: "Synthetic Service 700" }, pageSize: 200 }), test.db);
    const row = seventh.rows.find((r) => r.slug === "synthetic-700")!;
    const service = await test.db.service.findUniqueOrThrow({ where: { slug: "synthetic-700" } });
    // Every seventh service's newer inspection is a draft: only the older one counts.
    expect(row.inspectionCount).toBe(service.id % 7 === 0 ? 1 : 2);
    const drafts = await test.db.inspection.findMany({ where: { visibility: "DRAFT" }, select: { id: true }, take: 2000 });
    const page = await explorerPage(query({ pageSize: 200, sort: { key: "published", direction: "desc" } }), test.db);
    const ids = new Set(drafts.map((d) => d.id));
    expect(page.rows.some((r) => r.latest && ids.has(r.latest.id))).toBe(false);
  });

  it("serves the API's lists quickly at scale", async () => {
    const services = await timed("API services page 100", () => apiServices({}, 100, 100, test.db));
    expect(services.items).toHaveLength(100);
    const inspections = await timed("API inspections page 20 of 100", () => apiInspections({ region: "London" }, 20, 100, test.db));
    expect(inspections.items).toHaveLength(100);
    expect(inspections.total).toBeGreaterThan(2500);
  });
});
