// Unpublished results never reach the national views: a draft inspection and
// one embargoed until tomorrow, both newer than Wiltshire's published one and
// rated Outstanding throughout, change nothing. One whose embargo has passed
// is public, and does change them (so the test can fail).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/test-database";
import { compareServices } from "./compare";
import { heatmapFigures, heatmapPacked, heatmapView } from "./heatmap";
import { unpackHeatmap } from "./heatmap-packed";
import { DEFAULT_HEATMAP_PARAMS, selectRows } from "./heatmap-filters";
import { nationalOverview } from "./national";
import type { AreaFilters } from "./national-filters";
import { realDatabase } from "./national-test-support";
import { standardView } from "./standards";

const LATEST: AreaFilters = { nation: null, region: null, basis: "latest" };
const ALL: AreaFilters = { nation: null, region: null, basis: "all" };
const DAY = 86_400_000;

async function snapshot(db: TestDatabase["db"]) {
  const heatmap = await heatmapView(DEFAULT_HEATMAP_PARAMS, db);
  const heatmapServer = await heatmapView({ ...DEFAULT_HEATMAP_PARAMS, basis: "all" }, db, { clientRowLimit: 0 });
  return {
    overviewLatest: await nationalOverview(LATEST, db),
    overviewAll: await nationalOverview(ALL, db),
    heatmapWiltshire: selectRows(heatmap.rows, DEFAULT_HEATMAP_PARAMS).find((r) => r.slug === "wiltshire"),
    heatmapRows: heatmap.rows.length,
    heatmapServerTotal: heatmapServer.total,
    heatmapServerSummary: heatmapServer.summary,
    // What the browser gets when the heatmap is too large to send with the page.
    heatmapPacked: selectRows(unpackHeatmap(await heatmapPacked(db)), DEFAULT_HEATMAP_PARAMS).find((r) => r.slug === "wiltshire"),
    standard: await standardView("3.1", LATEST, db),
    standardAll: await standardView("2.1", ALL, db),
    compare: await compareServices(["wiltshire", "cardiff"], db),
  };
}

describe("unpublished inspections in the national views", () => {
  let test: TestDatabase;
  let makeInspection: (visibility: "DRAFT" | "EMBARGOED", embargoUntil: Date | null) => Promise<number>;

  beforeAll(async () => {
    test = await realDatabase();
    const db = test.db;
    const wiltshire = await db.service.findUniqueOrThrow({ where: { slug: "wiltshire" } });
    const framework = await db.framework.findUniqueOrThrow({
      where: { code: "2021" },
      include: { standards: { include: { keyQuestions: true } } },
    });
    makeInspection = async (visibility, embargoUntil) => {
      const created = await db.inspection.create({
        data: {
          serviceId: wiltshire.id,
          frameworkId: framework.id,
          kind: "FULL",
          serviceNameAtInspection: "Wiltshire",
          publishedOn: new Date("2025-03-01T00:00:00Z"),
          publishedOnPrecision: "DAY",
          overallRating: "OUTSTANDING",
          score: 36,
          scoreMax: 36,
          visibility,
          embargoUntil,
          sourceUrls: [],
          standardRatings: { create: framework.standards.map((s) => ({ standardId: s.id, rating: "OUTSTANDING" as const })) },
          keyQuestionResults: {
            create: framework.standards.flatMap((s) => s.keyQuestions.map((k) => ({ keyQuestionId: k.id, percentYes: 100 }))),
          },
        },
      });
      return created.id;
    };
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("never counts a draft or an inspection still under embargo", async () => {
    const before = await snapshot(test.db);
    const draft = await makeInspection("DRAFT", null);
    const embargoed = await makeInspection("EMBARGOED", new Date(Date.now() + DAY));
    const after = await snapshot(test.db);
    expect(after).toEqual(before);
    expect(after.heatmapWiltshire).toMatchObject({ overall: "GOOD", published: "14 May 2024" });
    expect(after.standard!.bands.find((b) => b.rating === "INADEQUATE")!.entries.map((e) => e.slug)).toContain("wiltshire");
    expect(after.compare.services[0]!.latest!.published).toBe("14 May 2024");
    expect(after.heatmapPacked).toMatchObject({ overall: "GOOD", published: "14 May 2024" });
    expect(await heatmapFigures(draft, test.db)).toBeNull();
    expect(await heatmapFigures(embargoed, test.db)).toBeNull();
    await test.db.inspection.deleteMany({ where: { id: { in: [draft, embargoed] } } });
  });

  it("counts an embargoed inspection once its embargo has passed", async () => {
    const before = await snapshot(test.db);
    const released = await makeInspection("EMBARGOED", new Date(Date.now() - DAY));
    const after = await snapshot(test.db);
    expect(after.overviewAll.inspections.STANDARDS_2018_2021).toBe(before.overviewAll.inspections.STANDARDS_2018_2021 + 1);
    expect(after.heatmapWiltshire).toMatchObject({ overall: "OUTSTANDING", published: "1 March 2025" });
    expect(after.heatmapServerTotal).toBe(before.heatmapServerTotal! + 1);
    expect(after.standard!.bands.find((b) => b.rating === "OUTSTANDING")!.entries.map((e) => e.slug)).toContain("wiltshire");
    expect(after.standardAll!.keyQuestions!.inspectionsWithFigures).toBe(2);
    expect(after.compare.services[0]!.latest!.published).toBe("1 March 2025");
    expect(after.heatmapPacked).toMatchObject({ overall: "OUTSTANDING", published: "1 March 2025", figuresPending: true });
    expect((await heatmapFigures(released, test.db))!["3.1"]).toEqual([100, 100, 100]);
    await test.db.inspection.delete({ where: { id: released } });
  });
});
