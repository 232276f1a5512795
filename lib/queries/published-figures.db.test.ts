// The memo of published figures against a real PostgreSQL holding the real
// dataset: it gives what a direct computation gives; a publish, an edit of a
// rating, a withdrawal and an embargo passing each reach the next render; a
// draft or an embargoed result never enters it, even when a board member who
// may see their own embargoed result renders first; and a computation overtaken
// by a change of the data stores nothing stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_VIEWER, type Viewer } from "../auth/visibility";
import { createPrismaClient, type Db } from "../db/client";
import type { TestDatabase } from "../db/test-database";
import { compareDataVersions } from "../db/public-data-version";
import type { Rating } from "../domain/rating";
import { nationalOverview, programmeStandards, publishedNationalOverview, publishedProgrammeStandards } from "./national";
import type { AreaFilters } from "./national-filters";
import { realDatabase } from "./national-test-support";
import { PublishedFiguresMemo, VERSION_INTERVAL_MS, publishedFigures, readPublicDataVersion } from "./published-figures";
import { serviceScorecard, type Scorecard } from "./scorecard";
import { publishedStandardView, standardView } from "./standards";
import { readPublishedComparison } from "./scorecard-sql";

let test: TestDatabase;

beforeAll(async () => {
  test = await realDatabase();
});

afterAll(async () => {
  await test?.drop();
});

/** The same read through a new client, so through a new, empty memo: the direct computation. */
async function direct<T>(read: (db: Db) => Promise<T>): Promise<T> {
  const db = createPrismaClient(test.url, { max: 2 });
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
  }
}

async function card(slug: string, viewer: Viewer = PUBLIC_VIEWER, db: Db = test.db): Promise<Scorecard> {
  const result = await serviceScorecard(slug, viewer, db);
  if (!result) throw new Error(`no scorecard for ${slug}`);
  return result;
}

/** England's overall ratings as a scorecard compares them (Wiltshire's first level). */
function england(c: Scorecard): Record<Rating, number> {
  const level = c.comparison!.overall.levels[0]!;
  expect(level.label).toBe("England");
  return level.counts!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LATEST: AreaFilters = { nation: null, region: null, basis: "latest" };

describe("the memo of published figures", () => {
  it("gives the same scorecards, overviews and standards as a direct computation", async () => {
    for (const slug of ["wiltshire", "cardiff", "derby", "hampshire", "western-bay", "lincolnshire"]) {
      await card(slug); // kept now
      expect(await card(slug), slug).toEqual(await direct((db) => card(slug, PUBLIC_VIEWER, db)));
    }
    const filters: AreaFilters[] = [
      LATEST,
      { nation: null, region: null, basis: "all" },
      { nation: "WALES", region: null, basis: "latest" },
      { nation: "ENGLAND", region: "London", basis: "all" },
    ];
    for (const f of filters) {
      await publishedNationalOverview(f, test.db);
      expect(await publishedNationalOverview(f, test.db), JSON.stringify(f)).toEqual(await nationalOverview(f, test.db));
    }
    await publishedProgrammeStandards(test.db);
    expect(await publishedProgrammeStandards(test.db)).toEqual(await programmeStandards(test.db));
    // What is kept is shared by every render: frozen, so no render can change it for the next.
    expect(Object.isFrozen((await publishedNationalOverview(LATEST, test.db)).overall)).toBe(true);
  });

  it("reads the version at most once per interval, however many renders ask", async () => {
    let reads = 0;
    const memo = new PublishedFiguresMemo(() => {
      reads += 1;
      return readPublicDataVersion(test.db);
    });
    const versions = await Promise.all(Array.from({ length: 20 }, () => memo.version()));
    for (let i = 0; i < 20; i += 1) await memo.version();
    expect(reads).toBe(1);
    expect(new Set(versions).size).toBe(1);
    await sleep(VERSION_INTERVAL_MS + 50);
    await memo.version();
    expect(reads).toBe(2);
  });

  it("a publish, an edit of a rating, a withdrawal and an embargo passing each reach the next render; a draft or an embargo never enters", async () => {
    const db = test.db;
    const wiltshire = await db.service.findUniqueOrThrow({ where: { slug: "wiltshire" } });
    const framework = await db.framework.findUniqueOrThrow({ where: { code: "2021" } });
    const board: Viewer = { kind: "board", serviceIds: [wiltshire.id] };
    const base = await card("wiltshire");
    const baseline = england(base);
    const homeBase = await publishedNationalOverview(LATEST, db);
    // The home page reads the version at most once a second: its next render after that sees the change.
    const home = async () => {
      await sleep(VERSION_INTERVAL_MS + 50);
      const shown = await publishedNationalOverview(LATEST, db);
      expect(shown).toEqual(await nationalOverview(LATEST, db));
      return shown.overall[0]!.distribution;
    };
    const plus = (rating: Rating): Record<Rating, number> => ({ ...baseline, GOOD: baseline.GOOD - 1, [rating]: baseline[rating] + 1 });

    // A draft, newer than Wiltshire's published inspection, rated Outstanding: nowhere.
    const newer = await db.inspection.create({
      data: {
        serviceId: wiltshire.id,
        frameworkId: framework.id,
        kind: "FULL",
        serviceNameAtInspection: "Wiltshire (memo test)",
        publishedOn: new Date("2025-09-01T00:00:00Z"),
        publishedOnPrecision: "DAY",
        overallRating: "OUTSTANDING",
        score: 36,
        scoreMax: 36,
        visibility: "DRAFT",
        sourceUrls: [],
      },
    });
    try {
      expect(england(await card("wiltshire", board))).toEqual(baseline);
      expect(england(await card("wiltshire"))).toEqual(baseline);
      expect(await home()).toEqual(homeBase.overall[0]!.distribution);

      // Published: the next render counts it.
      await db.inspection.update({ where: { id: newer.id }, data: { visibility: "PUBLISHED" } });
      const published = await card("wiltshire");
      expect(published.latest!.id).toBe(newer.id);
      expect(england(published)).toEqual(plus("OUTSTANDING"));
      expect(published).toEqual(await direct((d) => card("wiltshire", PUBLIC_VIEWER, d)));
      expect((await home()).counts.OUTSTANDING).toBe(homeBase.overall[0]!.distribution.counts.OUTSTANDING + 1);

      // Its rating edited: the next render counts the new rating.
      await db.inspection.update({ where: { id: newer.id }, data: { overallRating: "INADEQUATE" } });
      const edited = await card("wiltshire");
      expect(england(edited)).toEqual(plus("INADEQUATE"));
      expect(edited).toEqual(await direct((d) => card("wiltshire", PUBLIC_VIEWER, d)));
      expect((await home()).counts.INADEQUATE).toBe(homeBase.overall[0]!.distribution.counts.INADEQUATE + 1);

      // Withdrawn: gone from the next render.
      await db.inspection.update({ where: { id: newer.id }, data: { visibility: "DRAFT" } });
      const withdrawn = await card("wiltshire");
      expect(withdrawn.latest!.id).toBe(base.latest!.id);
      expect(england(withdrawn)).toEqual(baseline);
      expect(await home()).toEqual(homeBase.overall[0]!.distribution);

      // Embargoed for a few seconds. The board sees its own result first (and its render computes the
      // figures of this version), but the figures compared with are the public ones, for the board and for the public.
      const liftsAt = Date.now() + 4_000;
      await db.inspection.update({ where: { id: newer.id }, data: { visibility: "EMBARGOED", embargoUntil: new Date(liftsAt) } });
      const boardCard = await card("wiltshire", board);
      expect(boardCard.latest!.id).toBe(newer.id);
      expect(england(boardCard)).toEqual(baseline);
      const publicCard = await card("wiltshire");
      expect(publicCard.latest!.id).toBe(base.latest!.id);
      expect(england(publicCard)).toEqual(baseline);
      expect(await home()).toEqual(homeBase.overall[0]!.distribution);

      // The embargo passes (no row changes): the next render counts it.
      await sleep(liftsAt - Date.now() + 100);
      const lifted = await card("wiltshire");
      expect(lifted.latest!.id).toBe(newer.id);
      expect(england(lifted)).toEqual(plus("INADEQUATE"));
      expect(lifted).toEqual(await direct((d) => card("wiltshire", PUBLIC_VIEWER, d)));
      expect((await home()).counts.INADEQUATE).toBe(homeBase.overall[0]!.distribution.counts.INADEQUATE + 1);
    } finally {
      await db.inspection.delete({ where: { id: newer.id } });
    }
    expect(england(await card("wiltshire"))).toEqual(baseline);
  });

  it("a computation overtaken by a change of the data stores nothing stale", async () => {
    const db = test.db;
    const memo = new PublishedFiguresMemo(() => readPublicDataVersion(db), 0);
    const wiltshire = await db.inspection.findFirstOrThrow({ where: { service: { slug: "wiltshire" }, visibility: "PUBLISHED" } });
    const count = (figures: Awaited<ReturnType<typeof readPublishedComparison>>, rating: Rating) =>
      figures.areas.overall.filter((o) => o.level === "nation" && o.area === "ENGLAND" && o.rating === rating).reduce((s, o) => s + o.n, 0);

    const before = await readPublicDataVersion(db);
    let during: string | null = null;
    let newer: Awaited<ReturnType<typeof readPublishedComparison>> | null = null;
    try {
      // A render at `before` computes; meanwhile a rating is edited and a render at the new version computes and finishes first.
      const older = await memo.at(before, "comparison", async () => {
        const figures = await readPublishedComparison(db);
        await db.inspection.update({ where: { id: wiltshire.id }, data: { overallRating: "INADEQUATE" } });
        during = await readPublicDataVersion(db);
        newer = await memo.at(during, "comparison", () => readPublishedComparison(db));
        return figures;
      });
      expect(during).not.toBe(before);
      expect(count(newer!, "INADEQUATE")).toBe(count(older, "INADEQUATE") + 1);
      // The older figures were not stored over the newer ones: every later render gets the newer.
      expect(memo.keptVersion).toBe(during);
      const never = async () => {
        throw new Error("computed again, though the figures of this version are kept");
      };
      expect(await memo.at(during!, "comparison", never)).toBe(newer);
      expect(await memo.at(before, "comparison", never)).toBe(newer);

      // The other order: a computation that read its version before a change, and finishes before any
      // render sees the new version, stores under its own (older) version only: the next render, at the new
      // version, computes again.
      const second = new PublishedFiguresMemo(() => readPublicDataVersion(db), 0);
      const start = await readPublicDataVersion(db);
      await second.at(start, "comparison", async () => {
        const figures = await readPublishedComparison(db);
        await db.inspection.update({ where: { id: wiltshire.id }, data: { overallRating: "GOOD" } });
        return figures;
      });
      expect(second.keptVersion).toBe(start);
      let computed = 0;
      const next = await second.at(await readPublicDataVersion(db), "comparison", () => {
        computed += 1;
        return readPublishedComparison(db);
      });
      expect(computed).toBe(1);
      expect(next).toEqual(await readPublishedComparison(db));
      expect(count(next, "INADEQUATE")).toBe(count(newer!, "INADEQUATE") - 1);
    } finally {
      await db.inspection.update({ where: { id: wiltshire.id }, data: { overallRating: "GOOD" } });
    }
  });

  it("a standard's page: the same as direct, and an edit of its rating reaches the next render", async () => {
    const db = test.db;
    const ALL: AreaFilters = { nation: null, region: null, basis: "all" };
    const base = await publishedStandardView("3.1", ALL, db);
    expect(base).toEqual(await direct((d) => standardView("3.1", ALL, d)));
    const rated = await db.standardRating.findFirstOrThrow({
      where: { standard: { code: "3.1" }, rating: { not: "OUTSTANDING" }, inspection: { visibility: "PUBLISHED" } },
    });
    try {
      await db.standardRating.updateMany({ where: { inspectionId: rated.inspectionId, standardId: rated.standardId }, data: { rating: "OUTSTANDING" } });
      await sleep(VERSION_INTERVAL_MS + 50);
      const shown = await publishedStandardView("3.1", ALL, db);
      expect(shown).toEqual(await direct((d) => standardView("3.1", ALL, d)));
      expect(shown!.overall.counts.OUTSTANDING).toBe(base!.overall.counts.OUTSTANDING + 1);
    } finally {
      await db.standardRating.updateMany({ where: { inspectionId: rated.inspectionId, standardId: rated.standardId }, data: { rating: rated.rating } });
    }
  });

  it("keeps one memo per database client", () => {
    expect(publishedFigures(test.db)).toBe(publishedFigures(test.db));
  });
});

describe("the memo of the app's client and the page cache", () => {
  it("never uses an older version than the page cache of the process read", async () => {
    const db = test.db;
    const served: { version: string | null } = { version: null };
    // An interval long enough that the memo's own read stays the first one throughout.
    const memo = new PublishedFiguresMemo(() => readPublicDataVersion(db), 60_000, () => served.version);
    const wiltshire = await db.inspection.findFirstOrThrow({ where: { service: { slug: "wiltshire" }, visibility: "PUBLISHED" } });
    const read = () => readPublishedComparison(db);
    const inadequate = (f: Awaited<ReturnType<typeof read>>) =>
      f.areas.overall.filter((o) => o.level === "nation" && o.area === "ENGLAND" && o.rating === "INADEQUATE").reduce((s, o) => s + o.n, 0);
    const before = await memo.get("comparison", read);
    try {
      await db.inspection.update({ where: { id: wiltshire.id }, data: { overallRating: "INADEQUATE" } });
      // The page cache reads the new version and drops its pages; the next render must not take the kept figures.
      served.version = await readPublicDataVersion(db);
      const after = await memo.get("comparison", read);
      expect(inadequate(after)).toBe(inadequate(before) + 1);
      expect(memo.keptVersion).toBe(served.version);
    } finally {
      await db.inspection.update({ where: { id: wiltshire.id }, data: { overallRating: "GOOD" } });
    }
  });

  it("is wired for the app's shared client only", async () => {
    const { db: appDb, isAppClient } = await import("../db/client");
    const { noteServedDataVersion } = await import("../db/public-data-version");
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = test.url;
    const app = appDb();
    try {
      expect(isAppClient(app)).toBe(true);
      expect(isAppClient(test.db)).toBe(false);
      const kept = await publishedProgrammeStandards(app);
      const current = await readPublicDataVersion(app);
      expect(publishedFigures(app).keptVersion).toBe(current);
      // A newer version noted by the page cache (one more write than now) is taken over the memo's own read.
      const [counter, ...rest] = current.split(".");
      const noted = [Number(counter) + 1, ...rest].join(".");
      noteServedDataVersion(noted);
      let computed = 0;
      await publishedFigures(app).get("standards of the 2018/2021 programme", async () => {
        computed += 1;
        return kept;
      });
      expect(computed).toBe(1);
      // A test's own client ignores it: its figures are kept under a version it read
      // itself (up to a second old, as earlier tests here used it), never the noted one.
      await publishedProgrammeStandards(test.db);
      const own = publishedFigures(test.db).keptVersion;
      expect(own).not.toBeNull();
      expect(compareDataVersions(own!, noted)).toBeLessThan(0);
    } finally {
      process.env.DATABASE_URL = saved;
      (globalThis as { yjsServedDataVersion?: string }).yjsServedDataVersion = undefined;
      await app.$disconnect();
      (globalThis as { yjsPrisma?: unknown }).yjsPrisma = undefined;
    }
  });
});
