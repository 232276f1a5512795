// The explorer's read model against a real PostgreSQL seeded with the real
// dataset: search, filters, sorting, paging, domain points and the visibility rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ratingPoints } from "../domain/rating";
import type { Db } from "../db/client";
import { seed } from "../db/seed";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { explorerPage, type ExplorerQuery, type ExplorerRow } from "./explorer";
import { serviceList } from "./service-list";

const query = (over: Partial<ExplorerQuery> & { filters?: ExplorerQuery["filters"] } = {}): ExplorerQuery => ({
  filters: {},
  sort: { key: "name", direction: "asc" },
  page: 1,
  pageSize: 500,
  ...over,
});

const slugs = (rows: ExplorerRow[]) => rows.map((r) => r.slug);

describe("explorerPage on the real dataset", () => {
  let test: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    await seed(db);
  });

  afterAll(async () => {
    await test?.drop();
  });

  it("lists every service once, in name order, in one round trip", async () => {
    const page = await explorerPage(query(), db);
    expect(page.total).toBe(156);
    expect(page.rows).toHaveLength(156);
    expect(page.roundTrips).toBe(1);
    const names = page.rows.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(new Set(slugs(page.rows)).size).toBe(156);
  });

  it("picks the same latest inspection as the service list", async () => {
    const page = await explorerPage(query(), db);
    const list = await serviceList(undefined, db);
    const bySlug = new Map(list.map((r) => [r.slug, r]));
    for (const row of page.rows) {
      const other = bySlug.get(row.slug)!;
      expect(row.latest?.id ?? null, row.slug).toBe(other.latest?.id ?? null);
      expect(row.inspectionCount, row.slug).toBe(other.inspectionCount);
      expect(row.localAuthorities.map((l) => l.name)).toEqual(other.localAuthorities);
    }
  });

  it.each([
    ["Poole", "dorset-combined-yos"],
    ["bournemouth", "dorset-combined-yos"],
    ["POOLE", "dorset-combined-yos"],
    ["christch", "dorset-combined-yos"],
    ["Wrecsam", "wrexham"],
    ["Caerdydd", "cardiff"],
    ["Ynys Môn", "gwynedd-and-ynys-mon"],
    ["ynys mon", "gwynedd-and-ynys-mon"],
    ["Pen-y-bont", "bridgend"],
  ])("finds a service by a place it covers: %s", async (q, slug) => {
    const page = await explorerPage(query({ filters: { q } }), db);
    expect(slugs(page.rows)).toContain(slug);
    for (const row of page.rows) {
      const text = [row.name, ...row.localAuthorities.flatMap((l) => [l.name, l.welshName ?? ""])].join(" ");
      expect(text.normalize("NFD").toLowerCase().replace(/[^a-z0-9]/g, "")).toContain(
        q.split(/\s+/)[0]!.normalize("NFD").toLowerCase().replace(/[^a-z0-9]/g, ""),
      );
    }
  });

  it("needs every word of the query to match", async () => {
    expect(slugs((await explorerPage(query({ filters: { q: "poole dorset" } }), db)).rows)).toEqual(["dorset-combined-yos"]);
    expect((await explorerPage(query({ filters: { q: "poole cardiff" } }), db)).total).toBe(0);
  });

  it("filters by nation and region", async () => {
    const wales = await explorerPage(query({ filters: { nation: "WALES" } }), db);
    expect(wales.total).toBe(await db.service.count({ where: { nation: "WALES" } }));
    expect(wales.rows.every((r) => r.nation === "WALES")).toBe(true);
    const london = await explorerPage(query({ filters: { region: "London" } }), db);
    expect(london.total).toBe(await db.service.count({ where: { region: "London" } }));
  });

  it("filters by the latest overall rating, as the service list computes it", async () => {
    const list = await serviceList(undefined, db);
    for (const rating of ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"] as const) {
      const page = await explorerPage(query({ filters: { rating } }), db);
      const expected = list.filter((r) => r.latest?.overallRating === rating).map((r) => r.slug).sort();
      expect(slugs(page.rows).sort(), rating).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
    const notRecorded = await explorerPage(query({ filters: { rating: "NOT_RECORDED" } }), db);
    expect(slugs(notRecorded.rows).sort()).toEqual(list.filter((r) => !r.latest?.overallRating).map((r) => r.slug).sort());
  });

  it("filters by framework and by the date of the latest inspection", async () => {
    const f2025 = await explorerPage(query({ filters: { framework: "2025-IYJWCV" } }), db);
    expect(f2025.total).toBeGreaterThan(0);
    expect(f2025.rows.every((r) => r.latest?.frameworkCode === "2025-IYJWCV")).toBe(true);

    const since = new Date("2024-01-01T00:00:00Z");
    const recent = await explorerPage(query({ filters: { since } }), db);
    for (const r of recent.rows) {
      const date = r.latest!.publishedOn ?? r.latest!.fieldworkStart;
      expect(date!.getTime()).toBeGreaterThanOrEqual(since.getTime());
    }
    const older = await explorerPage(query({ filters: { before: since } }), db);
    const dated = (await explorerPage(query(), db)).rows.filter((r) => r.latest && (r.latest.publishedOn ?? r.latest.fieldworkStart));
    expect(recent.total + older.total).toBe(dated.length);
  });

  it("sorts by score, highest first, with services without a score last", async () => {
    const page = await explorerPage(query({ sort: { key: "score", direction: "desc" } }), db);
    const scores = page.rows.map((r) => r.latest?.score ?? null);
    const firstNull = scores.indexOf(null);
    const scored = scores.slice(0, firstNull) as number[];
    expect(scored.length).toBeGreaterThan(50);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    expect(scores.slice(firstNull).every((s) => s === null)).toBe(true);

    const ascending = await explorerPage(query({ sort: { key: "score", direction: "asc" } }), db);
    const up = ascending.rows.map((r) => r.latest?.score ?? null).filter((s): s is number => s !== null);
    expect(up).toEqual([...scored].reverse());
  });

  it("sorts by a standard's rating and by a domain's share of points", async () => {
    const byStandard = await explorerPage(query({ sort: { key: "standard-1.1", direction: "desc" } }), db);
    const points = byStandard.rows.map((r) => r.latest?.standards["1.1"]).filter((x) => x !== undefined).map((r) => ratingPoints(r!));
    expect(points.length).toBeGreaterThan(10);
    expect(points).toEqual([...points].sort((a, b) => b - a));

    const byDomain = await explorerPage(query({ sort: { key: "domain-1", direction: "asc" } }), db);
    const shares = byDomain.rows.map((r) => r.latest?.domains["1"]).filter((d) => d !== undefined).map((d) => d!.points / d!.maxPoints);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it("gives each domain's points out of the maximum of its recorded standards", async () => {
    const [wiltshire] = (await explorerPage(query({ filters: { q: "Wiltshire" } }), db)).rows;
    const inspection = await db.inspection.findUniqueOrThrow({
      where: { id: wiltshire!.latest!.id },
      include: { standardRatings: { include: { standard: { include: { domain: true } } } } },
    });
    for (const number of ["1", "2", "3", "4"]) {
      const rated = inspection.standardRatings.filter((r) => r.standard.domain.number === number);
      const expected = rated.reduce((sum, r) => sum + ratingPoints(r.rating), 0);
      expect(wiltshire!.latest!.domains[number]).toEqual({
        points: expected,
        maxPoints: 3 * rated.length,
        rated: rated.length,
        standards: number === "1" || number === "2" ? 4 : number === "3" ? 4 : 1,
      });
    }
    // Wiltshire 2024: 20 out of 36 over the twelve counting standards (4.1 does not count).
    const domains = wiltshire!.latest!.domains;
    expect(domains["1"]!.points + domains["2"]!.points + domains["3"]!.points).toBe(20);
    expect(wiltshire!.latest!.standards["3.1"]).toBe("INADEQUATE");
  });

  it("says 'not recorded' by leaving out domains with no recorded standard", async () => {
    const westernBay = (await explorerPage(query({ filters: { q: "Western Bay" } }), db)).rows.find((r) => r.slug === "western-bay")!;
    expect(westernBay.latest!.overallRating).toBe("INADEQUATE");
    expect(westernBay.latest!.domains).toEqual({});
    expect(westernBay.latest!.standards).toEqual({});
  });

  it("pages with stable boundaries and counts past the end", async () => {
    const all = slugs((await explorerPage(query(), db)).rows);
    const pages: string[] = [];
    for (let page = 1; page <= 16; page++) {
      const p = await explorerPage(query({ page, pageSize: 10 }), db);
      expect(p.pageCount).toBe(16);
      expect(p.rows).toHaveLength(page === 16 ? 6 : 10);
      pages.push(...slugs(p.rows));
    }
    expect(pages).toEqual(all);
    const past = await explorerPage(query({ page: 17, pageSize: 10 }), db);
    expect(past.rows).toHaveLength(0);
    expect(past.total).toBe(156);
    expect(past.roundTrips).toBe(2);
  });
});

describe("explorerPage and unpublished inspections", () => {
  let test: TestDatabase;
  let db: Db;
  let wiltshireId: number;

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.db;
    await seed(db);
    wiltshireId = (await db.service.findUniqueOrThrow({ where: { slug: "wiltshire" } })).id;
  });

  afterAll(async () => {
    await test?.drop();
  });

  const latestOfWiltshire = async () =>
    (await explorerPage(query({ filters: { q: "Wiltshire" } }), db)).rows.find((r) => r.slug === "wiltshire")!.latest!;

  it("never shows a draft or an embargoed inspection before its time, and shows it once the time has passed", async () => {
    const framework = await db.framework.findUniqueOrThrow({ where: { code: "2025-IYJS" } });
    // A newer inspection rated Inadequate, which must stay out of sight until it is public.
    const create = (visibility: "DRAFT" | "EMBARGOED", embargoUntil: Date | null, importKey: string) =>
      db.inspection.create({
        data: {
          serviceId: wiltshireId,
          frameworkId: framework.id,
          kind: "FULL",
          serviceNameAtInspection: "Wiltshire (test)",
          publishedOn: new Date("2026-01-15T00:00:00Z"),
          publishedOnPrecision: "DAY",
          overallRating: "INADEQUATE",
          visibility,
          embargoUntil,
          importKey,
        },
      });
    const before = await latestOfWiltshire();
    expect(before.overallRating).toBe("GOOD");

    const draft = await create("DRAFT", null, "test:draft");
    const future = await create("EMBARGOED", new Date(Date.now() + 86_400_000), "test:future");
    let latest = await latestOfWiltshire();
    expect(latest.id).toBe(before.id);
    expect(latest.overallRating).toBe("GOOD");
    const inadequate = await explorerPage(query({ filters: { rating: "INADEQUATE", q: "Wiltshire" } }), db);
    expect(inadequate.total).toBe(0);

    await db.inspection.update({ where: { id: future.id }, data: { embargoUntil: new Date(Date.now() - 1000) } });
    latest = await latestOfWiltshire();
    expect(latest.id).toBe(future.id);
    expect(latest.overallRating).toBe("INADEQUATE");
    expect(draft.id).not.toBe(future.id);
  });
});
