// Round trips per page, counted statement by statement at a real PostgreSQL
// (lib/db/testing/statement-count.ts): the public API's inspection list and
// the standard pages each take at most three, and the same number on a small
// dataset and on one thirty times larger.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/test-database";
import { countingClient, type CountingClient } from "../db/testing/statement-count";
import { apiInspections, apiService, apiStandards } from "./api";
import { compareServices } from "./compare";
import { heatmapFigures, heatmapPacked, heatmapView } from "./heatmap";
import { DEFAULT_HEATMAP_PARAMS } from "./heatmap-filters";
import type { AreaFilters } from "./national-filters";
import { realDatabase, syntheticDatabase } from "./national-test-support";
import { LISTED_WHOLE_UP_TO, SERVICES_PER_BAND, standardBand, standardView } from "./standards";

const BUDGET = 3;
const ALL: AreaFilters = { nation: null, region: null, basis: "all" };
const LATEST: AreaFilters = { nation: null, region: null, basis: "latest" };

type Sizes = { small: CountingClient; large: CountingClient };

describe("statements per page, small and large synthetic datasets", () => {
  let small: TestDatabase;
  let large: TestDatabase;
  const clients = {} as Sizes;

  beforeAll(async () => {
    [small, large] = await Promise.all([
      syntheticDatabase({ services: 40, inspectionsPerService: 2, seed: 3 }),
      syntheticDatabase({ services: 1_200, inspectionsPerService: 3, seed: 3 }),
    ]);
    await large.db.$executeRawUnsafe("analyze");
    clients.small = countingClient(small.url);
    clients.large = countingClient(large.url);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([clients.small?.close(), clients.large?.close()]);
    await Promise.all([small?.drop(), large?.drop()]);
  });

  /** The statements `read` sends on each dataset; both within budget and equal. */
  async function statementsOf<T>(label: string, read: (c: CountingClient) => Promise<T>): Promise<{ small: T; large: T }> {
    const results = {} as { small: T; large: T };
    const counts: Record<string, number> = {};
    for (const size of ["small", "large"] as const) {
      const client = clients[size];
      await client.reset();
      results[size] = await read(client);
      counts[size] = client.statements.length;
    }
    console.log(`${label}: ${counts.small} statements (small), ${counts.large} (large)`);
    expect(counts.small).toBeLessThanOrEqual(BUDGET);
    expect(counts.large).toBe(counts.small);
    return results;
  }

  it("/compare: three statements once the programme's standards are kept, for up to six services", async () => {
    // The standards come from the memo of published figures: computed by the first
    // read after a change, then kept. Its version read (at most once a second, shared
    // by every render) is left out of the count; the page's own statements are not.
    const own = (c: CountingClient) => c.statements.filter((sql) => !sql.includes('"PublicDataVersion"'));
    const counts: Record<string, number> = {};
    for (const size of ["small", "large"] as const) {
      const client = clients[size];
      const slugs = (await client.db.service.findMany({ select: { slug: true }, orderBy: { slug: "asc" }, take: 6 })).map((s) => s.slug);
      await compareServices(slugs, client.db);
      await client.reset();
      const compared = await compareServices(slugs, client.db);
      expect(compared.services).toHaveLength(6);
      expect(compared.services.some((s) => s.standards && Object.keys(s.standards.ratings).length > 0)).toBe(true);
      counts[size] = own(client).length;
    }
    expect(counts.small).toBeLessThanOrEqual(BUDGET);
    expect(counts.large).toBe(counts.small);
  });

  it("/api/v1/inspections: one statement, whatever the filters, page or size", async () => {
    const plain = await statementsOf("inspections page 1", (c) => apiInspections({}, 1, 100, c.db));
    expect(plain.small.items).toHaveLength(80);
    expect(plain.large.items).toHaveLength(100);
    expect(plain.large.total).toBe(3_600);
    const filtered = await statementsOf("inspections filtered", (c) =>
      apiInspections({ nation: "ENGLAND", framework: "2021", rating: "GOOD" }, 2, 10, c.db),
    );
    expect(filtered.large.items).toHaveLength(10);
    expect(filtered.large.items.every((i) => i.framework.code === "2021" && i.overallRating?.value === "GOOD")).toBe(true);
    // Each comes with its framework's standards, its ratings and its key-question figures.
    expect(filtered.large.items.every((i) => i.standards.length >= 12 && i.standards.some((s) => s.rating !== null))).toBe(true);
    expect(filtered.large.items.every((i) => i.keyQuestions.length > 0)).toBe(true);
    const past = await statementsOf("inspections past the end", (c) => apiInspections({}, 500, 100, c.db));
    expect(past.large).toMatchObject({ items: [], total: 3_600, serviceKnown: true });
    const unknown = await statementsOf("inspections of an unknown service", (c) => apiInspections({ service: "no-such-service" }, 1, 10, c.db));
    expect(unknown.large).toMatchObject({ items: [], total: 0, serviceKnown: false });
  });

  it("/api/v1/services/<slug> and /api/v1/standards: two statements and one", async () => {
    const slugs = {} as Record<"small" | "large", string>;
    for (const size of ["small", "large"] as const) {
      // A service with a 2018/2021 inspection, so ratings and figures are read.
      const [row] = await clients[size].db.$queryRaw<{ slug: string }[]>`
        select s.slug from "Service" s join "Inspection" i on i."serviceId" = s.id join "Framework" f on f.id = i."frameworkId"
        where f.code = '2021' and i.visibility = 'PUBLISHED' order by s.slug limit 1`;
      slugs[size] = row!.slug;
    }
    const service = await statementsOf("service detail", (c) => apiService(c === clients.small ? slugs.small : slugs.large, c.db));
    expect(service.large!.inspections.length).toBeGreaterThan(0);
    expect(service.large!.latestInspection).not.toBeNull();
    expect(service.large!.inspections.some((i) => i.standards.some((s) => s.rating !== null))).toBe(true);
    const unknown = await statementsOf("service detail, unknown slug", (c) => apiService("no-such-service", c.db));
    expect(unknown.large).toBeNull();
    const standards = await statementsOf("standards", (c) => apiStandards(undefined, c.db));
    expect(standards.large).toEqual(standards.small);
  });

  it("/heatmap and /heatmap/rows: at most three statements, in either mode", async () => {
    // The small dataset is drawn in the browser (every row sent), the large one a page at a time by the server.
    const view = await statementsOf("heatmap", (c) => heatmapView(DEFAULT_HEATMAP_PARAMS, c.db, { clientRowLimit: 400 }));
    expect(view.small.mode).toBe("client");
    expect(view.large.mode).toBe("server");
    expect(view.large.rows.some((r) => Object.keys(r.ratings).length > 0 && Object.keys(r.figures).length > 0)).toBe(true);
    const past = await statementsOf("heatmap past the end", (c) => heatmapView({ ...DEFAULT_HEATMAP_PARAMS, page: 999 }, c.db, { clientRowLimit: 0 }));
    expect(past.large.rows).toEqual([]);
    expect(past.large.total).toBe(view.large.total);
    await statementsOf("heatmap rows, packed", (c) => heatmapPacked(c.db));
    const id = view.large.rows.find((r) => Object.keys(r.figures).length > 0)!.id;
    const figures = await statementsOf("one inspection's figures", (c) => heatmapFigures(c === clients.large ? id : -1, c.db));
    expect(figures.small).toBeNull();
    expect(figures.large).toEqual(view.large.rows.find((r) => r.id === id)!.figures);
  });

  it("/standards/<code>: two statements side by side, band lists bounded", async () => {
    for (const filters of [ALL, LATEST]) {
      const view = await statementsOf(`standard 3.1 (${filters.basis})`, (c) => standardView("3.1", filters, c.db));
      for (const band of view.large!.bands) {
        expect(band.entries.length).toBe(band.total <= LISTED_WHOLE_UP_TO ? band.total : SERVICES_PER_BAND);
      }
      expect(view.large!.bands.some((b) => b.total > LISTED_WHOLE_UP_TO)).toBe(true);
      const kq = view.large!.keyQuestions!;
      expect(kq.low.length).toBe(kq.lowTotal <= LISTED_WHOLE_UP_TO ? kq.lowTotal : SERVICES_PER_BAND);
    }
    const unknown = await statementsOf("standard 9.9", (c) => standardView("9.9", ALL, c.db));
    expect(unknown.small).toBeNull();
  });

  it("a band's own list: two statements, and its pages together are exactly the band", async () => {
    const view = (await standardView("3.1", ALL, clients.large.db))!;
    const good = view.bands.find((b) => b.rating === "GOOD")!;
    expect(good.total).toBeGreaterThan(LISTED_WHOLE_UP_TO);
    expect(good.entries).toHaveLength(SERVICES_PER_BAND);
    const first = await statementsOf("band page 1", (c) => standardBand("3.1", ALL, "GOOD", 1, c.db));
    const seen: number[] = [];
    for (let page = 1; page <= first.large!.pageCount; page++) {
      const part = (await standardBand("3.1", ALL, "GOOD", page, clients.large.db))!;
      expect(part.total).toBe(good.total);
      for (const e of part.entries) {
        expect(e.rating).toBe("GOOD");
        seen.push(e.inspectionId);
      }
    }
    expect(seen).toHaveLength(good.total);
    expect(new Set(seen).size).toBe(good.total);
    // The standard page's list is the band list's beginning, in the same order.
    expect(seen.slice(0, good.entries.length)).toEqual(good.entries.map((e) => e.inspectionId));
    const notRecorded = (await standardBand("3.1", ALL, null, 1, clients.large.db))!;
    expect(notRecorded.total).toBe(view.bands.find((b) => b.rating === null)!.total);
    expect(notRecorded.entries.every((e) => e.rating === null)).toBe(true);
  });
});

describe("band sizes on the real dataset", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await realDatabase();
  }, 120_000);
  afterAll(async () => {
    await test?.drop();
  });

  it(`lists every band of every standard whole (at most ${LISTED_WHOLE_UP_TO} in a band), in either basis`, async () => {
    const codes = await test.db.$queryRaw<{ code: string }[]>`
      select distinct st.code from "Standard" st join "Framework" f on f.id = st."frameworkId" where f.programme = 'STANDARDS_2018_2021'`;
    let largest = 0;
    for (const { code } of codes) {
      for (const filters of [ALL, LATEST]) {
        const view = (await standardView(code, filters, test.db))!;
        for (const band of view.bands) {
          largest = Math.max(largest, band.total);
          expect(band.entries).toHaveLength(band.total);
        }
        if (view.keyQuestions) expect(view.keyQuestions.low).toHaveLength(view.keyQuestions.lowTotal);
      }
    }
    console.log(`largest band on the real dataset: ${largest}`);
    expect(largest).toBeLessThanOrEqual(LISTED_WHOLE_UP_TO);
  });
});
