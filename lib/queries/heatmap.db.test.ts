// The heatmap read model against the real dataset and complete synthetic data:
// the browser's rules (heatmap-filters.ts) and the server's SQL must pick,
// order and summarise the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/test-database";
import { heatmapFigures, heatmapPacked, heatmapView, HEATMAP_PAGE_SIZE, type HeatmapView } from "./heatmap";
import { unpackHeatmap } from "./heatmap-packed";
import {
  DEFAULT_HEATMAP_PARAMS,
  parseHeatmapParams,
  selectRows,
  sortValue,
  summariseRows,
  type HeatmapParams,
  type HeatmapRow,
} from "./heatmap-filters";
import { realDatabase, syntheticDatabase } from "./national-test-support";

const params = (query: string): HeatmapParams => parseHeatmapParams(new URLSearchParams(query));

function frameworksOf(view: HeatmapView) {
  return (framework: string) => view.columns.filter((c) => c.frameworks.includes(framework)).map((c) => c.code);
}

/** Every page of the server's answer, in order. */
async function allServerRows(db: TestDatabase["db"], p: HeatmapParams): Promise<{ rows: HeatmapRow[]; first: HeatmapView }> {
  const first = await heatmapView({ ...p, page: 1 }, db, { clientRowLimit: 0 });
  const rows = [...first.rows];
  const pages = Math.ceil((first.total ?? 0) / HEATMAP_PAGE_SIZE);
  for (let page = 2; page <= pages; page++) rows.push(...(await heatmapView({ ...p, page }, db, { clientRowLimit: 0 })).rows);
  return { rows, first };
}

/** The packed rows (sent apart when the page cannot hold them all) are the client-mode rows, figures asked for apart. */
async function expectPackedSameAsRows(db: TestDatabase["db"]) {
  const client = await heatmapView(DEFAULT_HEATMAP_PARAMS, db, { clientRowLimit: Number.MAX_SAFE_INTEGER });
  const unpacked = unpackHeatmap(JSON.parse(JSON.stringify(await heatmapPacked(db))));
  expect(unpacked.length).toBe(client.rows.length);
  const byId = new Map(client.rows.map((r) => [r.id, r]));
  let withFigures = 0;
  for (const row of unpacked) {
    const { figures, ...rest } = byId.get(row.id)!;
    const has = Object.keys(figures).length > 0;
    expect(row).toEqual({ ...rest, figures: {}, ...(has ? { figuresPending: true } : {}) });
    if (has && withFigures++ < 5) expect(await heatmapFigures(row.id, db)).toEqual(figures);
  }
  return withFigures;
}

async function expectSameAnswer(db: TestDatabase["db"], query: string) {
  const p = params(query);
  const client = await heatmapView(p, db, { clientRowLimit: Number.MAX_SAFE_INTEGER });
  expect(client.mode).toBe("client");
  const expected = selectRows(client.rows, p);
  const { rows, first } = await allServerRows(db, p);
  expect(first.mode).toBe("server");
  expect(first.total).toBe(expected.length);
  // The same rows, and the same order of the sort key (ties may differ in collation).
  expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
  expect(rows.map((r) => sortValue(r, p.sort))).toEqual(expected.map((r) => sortValue(r, p.sort)));
  // The same rows in full (ratings and key-question figures included).
  const byId = new Map(expected.map((r) => [r.id, r]));
  for (const row of rows) expect(row).toEqual(byId.get(row.id));
  // The same distribution of every column.
  expect(first.summary).toEqual(summariseRows(expected, client.columns.map((c) => c.code), frameworksOf(client)));
}

describe("heatmapView on the real dataset", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await realDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("sends every visible inspection to the browser, which shows each service's latest", async () => {
    const view = await heatmapView(DEFAULT_HEATMAP_PARAMS, test.db);
    expect(view.mode).toBe("client");
    expect(view.rows).toHaveLength(171);
    expect(view.inspections).toBe(171);
    expect(view.years).toEqual({ min: 2018, max: 2026 });
    const shown = selectRows(view.rows, DEFAULT_HEATMAP_PARAMS);
    expect(shown).toHaveLength(149);
    expect(new Set(shown.map((r) => r.slug)).size).toBe(149);
    expect(view.columns.map((c) => c.code)).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1"]);
  });

  it("has Wiltshire's 3.1 as Inadequate, with its key-question figures", async () => {
    const view = await heatmapView(DEFAULT_HEATMAP_PARAMS, test.db);
    const wiltshire = selectRows(view.rows, DEFAULT_HEATMAP_PARAMS).find((r) => r.slug === "wiltshire")!;
    expect(wiltshire).toMatchObject({ overall: "GOOD", score: 20, scoreMax: 36, frameworkCode: "2021", published: "14 May 2024" });
    expect(wiltshire.ratings["3.1"]).toBe("INADEQUATE");
    expect(wiltshire.figures["3.1"]).toEqual([83, 67, 42]);
    expect(Object.keys(wiltshire.ratings)).toHaveLength(13);
  });

  it("keeps not-recorded standards out of the ratings and counts them apart", async () => {
    const view = await heatmapView(DEFAULT_HEATMAP_PARAMS, test.db);
    const shown = selectRows(view.rows, DEFAULT_HEATMAP_PARAMS);
    const summary = summariseRows(shown, view.columns.map((c) => c.code), frameworksOf(view));
    // The 2025 programme's rows count toward no standard column.
    const standardsRows = shown.filter((r) => r.programme === "STANDARDS_2018_2021").length;
    expect(summary["1.1"]!.rated + summary["1.1"]!.notRecorded).toBe(standardsRows);
    expect(summary["3.1"]!.rated).toBe(shown.filter((r) => r.ratings["3.1"]).length);
  });

  it.each([
    "",
    "sort=std:3.1",
    "sort=score&dir=asc",
    "basis=all&sort=published",
    "region=London&sort=overall",
    "nation=wales",
    "framework=2021&from=2022&to=2023",
    "framework=2025&basis=all",
    "kind=reinspection&basis=all",
    "framework=standards&sort=std:4.1&dir=asc",
  ])("the server's SQL and the browser's rules agree: %s", async (query) => {
    await expectSameAnswer(test.db, query);
  });

  it("filters change the rows: a year range leaves out undated inspections", async () => {
    const view = await heatmapView(DEFAULT_HEATMAP_PARAMS, test.db);
    const all = selectRows(view.rows, params("basis=all"));
    const ranged = selectRows(view.rows, params("basis=all&from=2018&to=2026"));
    expect(all).toHaveLength(171);
    expect(ranged).toHaveLength(171 - 37);
    expect(ranged.every((r) => r.publishedYear !== null)).toBe(true);
  });
  it("packs every visible inspection for the browser as the page's rows, figures apart (one has them)", async () => {
    expect(await expectPackedSameAsRows(test.db)).toBe(1);
  });
});

describe("heatmapView on complete synthetic data", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await syntheticDatabase({ services: 260, inspectionsPerService: 4, seed: 5 });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("pages on the server when the data is large, one page of rows at a time", async () => {
    const view = await heatmapView(params("page=2"), test.db, { clientRowLimit: 100 });
    expect(view.mode).toBe("server");
    expect(view.total).toBe(260);
    expect(view.rows).toHaveLength(HEATMAP_PAGE_SIZE);
    const last = await heatmapView(params("page=3"), test.db, { clientRowLimit: 100 });
    expect(last.rows).toHaveLength(60);
    // Complete data: every 2018/2021 column is fully rated.
    for (const c of view.columns) expect(view.summary![c.code]!.notRecorded).toBe(0);
  });

  it.each(["", "sort=std:2.4", "sort=score", "basis=all&sort=std:1.1&dir=asc", "region=London", "framework=2018&kind=reinspection&basis=all", "from=2020&to=2022"])(
    "the server's SQL and the browser's rules agree: %s",
    async (query) => {
      await expectSameAnswer(test.db, query);
    },
  );
  it("packs every visible inspection for the browser as the page's rows, figures apart", async () => {
    expect(await expectPackedSameAsRows(test.db)).toBeGreaterThan(500);
  });
});
