// The public API's route handlers, called with real Request objects against a
// real PostgreSQL seeded with the real dataset. Every JSON body is parsed with
// the zod schemas the OpenAPI description is generated from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ATTRIBUTION, LICENCE_URL } from "@/lib/api/licence";
import {
  ErrorSchema,
  InspectionListResponseSchema,
  ServiceListResponseSchema,
  ServiceResponseSchema,
  StandardListResponseSchema,
} from "@/lib/api/schemas";
import { db as appDb } from "@/lib/db/client";
import { seed } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { parseCsv } from "@/lib/import/dataset";
import { GET as getInspections, OPTIONS as optionsInspections } from "./inspections/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getService } from "./services/[slug]/route";
import { GET as getServices } from "./services/route";
import { GET as getStandards } from "./standards/route";

const BASE = "http://localhost";

const request = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });

async function call(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(`${BASE}${path}`);
  const req = request(path, headers);
  const serviceMatch = /^\/api\/v1\/services\/([^/]+)$/.exec(url.pathname);
  if (serviceMatch) return getService(req, { params: Promise.resolve({ slug: decodeURIComponent(serviceMatch[1]!) }) });
  switch (url.pathname) {
    case "/api/v1/services":
      return getServices(req);
    case "/api/v1/inspections":
      return getInspections(req);
    case "/api/v1/standards":
      return getStandards(req);
    case "/api/v1/openapi.json":
      return getOpenApi(req);
  }
  throw new Error(`no route for ${path}`);
}

async function json<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const response = await call(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return schema.parse(await response.json());
}

async function badRequest(path: string): Promise<z.infer<typeof ErrorSchema>> {
  const response = await call(path);
  expect(response.status, path).toBe(400);
  const body = ErrorSchema.parse(await response.json());
  expect(body.error.status).toBe(400);
  return body;
}

async function csv(path: string, headers: Record<string, string> = {}): Promise<string[][]> {
  const response = await call(path, headers);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  const text = await response.text();
  expect(text.endsWith("\r\n")).toBe(true);
  return parseCsv(text);
}

/** Every item of a paged list, page by page. */
async function allPages<T>(
  path: string,
  schema: z.ZodType<{ data: T[]; pagination: { next: string | null } }>,
  pageSize: number,
): Promise<T[]> {
  const items: T[] = [];
  let page = 1;
  for (;;) {
    const body = await json(`${path}${path.includes("?") ? "&" : "?"}page=${page}&pageSize=${pageSize}`, schema);
    items.push(...body.data);
    if (!body.pagination.next) break;
    page++;
  }
  return items;
}

const MARKERS = { draft: "Draft marker inspection", future: "Future embargo marker inspection", past: "Past embargo marker inspection" };

describe("public API v1", () => {
  let test: TestDatabase;
  let ids: Record<keyof typeof MARKERS, number>;
  let publicCount: number;

  beforeAll(async () => {
    test = await createTestDatabase();
    await seed(test.db);
    process.env.DATABASE_URL = test.url;

    // Three inspections the public must (or, for the past embargo, may) see or not.
    const framework = await test.db.framework.findUniqueOrThrow({ where: { code: "2025-IYJS" } });
    const sunderland = await test.db.service.findUniqueOrThrow({ where: { slug: "sunderland" } });
    const lincolnshire = await test.db.service.findUniqueOrThrow({ where: { slug: "lincolnshire" } });
    const make = (serviceId: number, name: string, visibility: "DRAFT" | "EMBARGOED", embargoUntil: Date | null) =>
      test.db.inspection.create({
        data: {
          serviceId,
          frameworkId: framework.id,
          kind: "FULL",
          serviceNameAtInspection: name,
          publishedOn: new Date("2026-02-01T00:00:00Z"),
          publishedOnPrecision: "MONTH",
          overallRating: "OUTSTANDING",
          visibility,
          embargoUntil,
          sourceUrls: ["https://example.org/marker"],
        },
      });
    ids = {
      draft: (await make(sunderland.id, MARKERS.draft, "DRAFT", null)).id,
      future: (await make(sunderland.id, MARKERS.future, "EMBARGOED", new Date(Date.now() + 7 * 86_400_000))).id,
      past: (await make(lincolnshire.id, MARKERS.past, "EMBARGOED", new Date(Date.now() - 60_000))).id,
    };
    publicCount = await test.db.inspection.count({ where: { visibility: "PUBLISHED" } }) + 1;
  });

  afterAll(async () => {
    await appDb().$disconnect();
    await test?.drop();
  });

  describe("GET /api/v1/services", () => {
    it("pages every service in a stable order, with no overlap", async () => {
      const first = await json("/api/v1/services", ServiceListResponseSchema);
      expect(first.pagination).toMatchObject({ page: 1, pageSize: 100, total: 156, totalPages: 2, prev: null });
      expect(first.data).toHaveLength(100);
      expect(first.pagination.next).toBe("/api/v1/services?page=2&pageSize=100");
      const second = await json(first.pagination.next!, ServiceListResponseSchema);
      expect(second.data).toHaveLength(56);
      expect(second.pagination.next).toBeNull();

      const all = await allPages("/api/v1/services", ServiceListResponseSchema, 7);
      expect(all).toHaveLength(156);
      expect(new Set(all.map((s) => s.slug)).size).toBe(156);
      expect(all.map((s) => s.slug)).toEqual([...first.data, ...second.data].map((s) => s.slug));
    });

    it("returns an empty page past the end, and 400 for a page size above 500 or below 1", async () => {
      const past = await json("/api/v1/services?page=3", ServiceListResponseSchema);
      expect(past.data).toEqual([]);
      expect(past.pagination).toMatchObject({ total: 156, next: null, prev: "/api/v1/services?page=2&pageSize=100" });
      expect((await json("/api/v1/services?pageSize=500", ServiceListResponseSchema)).data).toHaveLength(156);
      for (const bad of ["pageSize=501", "pageSize=0", "pageSize=ten", "page=0", "page=1.5"]) {
        const body = await badRequest(`/api/v1/services?${bad}`);
        expect(body.error.parameters[0]!.name).toBe(bad.split("=")[0]);
        expect(body.error.message).toContain(bad.split("=")[0]);
      }
      expect((await badRequest("/api/v1/services?pageSize=501")).error.parameters[0]!.expected).toBe("a whole number from 1 to 500");
    });

    it("filters by place, nation, region, latest rating and framework", async () => {
      const poole = await json("/api/v1/services?q=Poole", ServiceListResponseSchema);
      expect(poole.data.map((s) => s.slug)).toEqual(["dorset-combined-yos"]);
      expect(poole.data[0]!.localAuthorities.map((l) => l.name)).toContain("Bournemouth, Christchurch and Poole");

      const wrecsam = await json("/api/v1/services?q=wrecsam", ServiceListResponseSchema);
      expect(wrecsam.data.map((s) => s.slug)).toEqual(["wrexham"]);
      expect(wrecsam.data[0]!.localAuthorities).toEqual([{ name: "Wrexham", welshName: "Wrecsam" }]);

      const wales = await json("/api/v1/services?nation=WALES&pageSize=500", ServiceListResponseSchema);
      expect(wales.pagination.total).toBe(await test.db.service.count({ where: { nation: "WALES" } }));
      expect(wales.data.every((s) => s.nation === "WALES" && s.region === null)).toBe(true);

      const london = await json("/api/v1/services?region=London&pageSize=500", ServiceListResponseSchema);
      expect(london.data.every((s) => s.region === "London")).toBe(true);
      expect(london.pagination.total).toBe(await test.db.service.count({ where: { region: "London" } }));

      const good = await json("/api/v1/services?rating=GOOD&pageSize=500", ServiceListResponseSchema);
      expect(good.data.length).toBeGreaterThan(20);
      expect(good.data.every((s) => s.latestInspection?.overallRating?.value === "GOOD")).toBe(true);

      const notRecorded = await json("/api/v1/services?rating=NOT_RECORDED&pageSize=500", ServiceListResponseSchema);
      expect(notRecorded.data.every((s) => s.latestInspection === null || s.latestInspection.overallRating === null)).toBe(true);
      expect(notRecorded.data.map((s) => s.slug)).toContain("sunderland");

      const f2018 = await json("/api/v1/services?framework=2018&pageSize=500", ServiceListResponseSchema);
      expect(f2018.data.every((s) => s.latestInspection?.framework.code === "2018")).toBe(true);
    });

    it("answers 400 naming the parameter for an unknown value or parameter", async () => {
      const rating = await badRequest("/api/v1/services?rating=Brilliant");
      expect(rating.error.parameters).toEqual([
        { name: "rating", value: "Brilliant", expected: "one of OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE, NOT_RECORDED" },
      ]);
      expect((await badRequest("/api/v1/services?region=Narnia")).error.parameters[0]!.name).toBe("region");
      expect((await badRequest("/api/v1/services?nation=SCOTLAND")).error.parameters[0]!.expected).toBe("one of ENGLAND, WALES");
      expect((await badRequest("/api/v1/services?framework=2019")).error.parameters[0]!.name).toBe("framework");
      const unknown = await badRequest("/api/v1/services?ratng=GOOD");
      expect(unknown.error.parameters[0]!.name).toBe("ratng");
      expect(unknown.error.parameters[0]!.expected).toContain("rating");
      expect((await badRequest("/api/v1/services?rating=GOOD&rating=INADEQUATE")).error.parameters[0]!.expected).toBe("the parameter once");
      expect((await badRequest("/api/v1/services?format=xml")).error.parameters[0]!.name).toBe("format");
    });

    it("serves CSV for Accept: text/csv and for ?format=csv, one row per service of the page", async () => {
      const rows = await csv("/api/v1/services?nation=WALES", { Accept: "text/csv" });
      const [header, ...body] = rows;
      expect(header!.slice(0, 7)).toEqual(["slug", "name", "nation", "region", "current", "local_authorities", "inspection_count"]);
      expect(header).toContain("latest_overall_rating");
      expect(header).toContain("latest_overall_rating_label");
      const wales = await json("/api/v1/services?nation=WALES", ServiceListResponseSchema);
      expect(body.map((r) => r[0])).toEqual(wales.data.map((s) => s.slug));
      expect(body.every((r) => r.length === header!.length)).toBe(true);
      const same = await csv("/api/v1/services?nation=WALES&format=csv");
      expect(same).toEqual(rows);
      // Not recorded stays empty, never 0.
      const col = (name: string) => header!.indexOf(name);
      for (const [i, service] of wales.data.entries()) {
        const row = body[i]!;
        expect(row[col("latest_score")]).toBe(service.latestInspection?.score == null ? "" : String(service.latestInspection.score));
        expect(row[col("latest_overall_rating")]).toBe(service.latestInspection?.overallRating?.value ?? "");
        expect(row[col("latest_published_on")]).toBe(service.latestInspection?.publishedOn?.date ?? "");
      }
      // JSON is the default, and wins over CSV when the client prefers it.
      expect((await call("/api/v1/services", { Accept: "application/json, text/csv;q=0.5" })).headers.get("content-type")).toMatch(/json/);
    });
  });

  describe("GET /api/v1/services/{slug}", () => {
    it("gives a service with its inspections, ratings as enum and label, dates at their precision", async () => {
      const { data } = await json("/api/v1/services/wiltshire", ServiceResponseSchema);
      expect(data.name).toBe("Wiltshire");
      expect(data.inspections.length).toBe(data.inspectionCount);
      const latest = data.latestInspection!;
      expect(latest.overallRating).toEqual({ value: "GOOD", label: "Good" });
      expect(latest.score).toBe(20);
      expect(latest.scoreMax).toBe(36);
      expect(latest.publishedOn).toEqual({ date: "2024-05-14", precision: "DAY" });
      expect(latest.fieldworkStart).toEqual({ date: "2024-02-26", precision: "DAY" });
      const full = data.inspections.find((i) => i.id === latest.id)!;
      expect(full.standards).toHaveLength(13);
      expect(full.standards.find((s) => s.code === "3.1")!.rating).toEqual({ value: "INADEQUATE", label: "Inadequate" });
      expect(full.standards.find((s) => s.code === "4.1")).toMatchObject({ countsTowardOverall: false, rating: { value: "OUTSTANDING" } });
      expect(full.keyQuestions.filter((k) => k.standardCode === "3.1").map((k) => [k.area, k.percentYes])).toEqual([
        ["DESISTANCE", 83],
        ["SAFETY_OF_CHILD", 67],
        ["SAFETY_OF_OTHERS", 42],
      ]);
    });

    it("keeps not-recorded values as null with the field present, never 0", async () => {
      const { data } = await json("/api/v1/services/western-bay", ServiceResponseSchema);
      expect(data.current).toBe(false);
      const inspection = data.inspections[0]!;
      expect(inspection.overallRating).toEqual({ value: "INADEQUATE", label: "Inadequate" });
      expect(inspection).toHaveProperty("score", null);
      expect(inspection).toHaveProperty("scoreMax", null);
      expect(inspection.standards.length).toBeGreaterThan(0);
      for (const s of inspection.standards) expect(s).toHaveProperty("rating", null);
      // A month-precision date stays a month.
      expect(inspection.publishedOn).toEqual({ date: "2019-03", precision: "MONTH" });
    });

    it("answers 404 for an unknown slug and 400 for an unknown parameter", async () => {
      const response = await call("/api/v1/services/no-such-service");
      expect(response.status).toBe(404);
      const body = ErrorSchema.parse(await response.json());
      expect(body.error.message).toContain("no-such-service");
      expect(response.headers.get("x-attribution")).toBe(ATTRIBUTION);
      expect((await badRequest("/api/v1/services/wiltshire?page=2")).error.parameters[0]!.name).toBe("page");
    });

    it("serves the service's inspections as CSV", async () => {
      const [header, ...rows] = await csv("/api/v1/services/wiltshire?format=csv");
      const { data } = await json("/api/v1/services/wiltshire", ServiceResponseSchema);
      expect(rows).toHaveLength(data.inspections.length);
      expect(header!.slice(0, 4)).toEqual(["service_slug", "service_name", "service_name_at_inspection", "id"]);
      const latestRow = rows.find((r) => r[header!.indexOf("id")] === String(data.latestInspection!.id))!;
      expect(latestRow[header!.indexOf("standard_3_1")]).toBe("INADEQUATE");
      expect(latestRow[header!.indexOf("published_on")]).toBe("2024-05-14");
      expect(latestRow[header!.indexOf("published_on_precision")]).toBe("DAY");
    });
  });

  describe("GET /api/v1/inspections", () => {
    it("pages every public inspection once, in a stable order", async () => {
      const first = await json("/api/v1/inspections?pageSize=50", InspectionListResponseSchema);
      expect(first.pagination.total).toBe(publicCount);
      const all = await allPages("/api/v1/inspections", InspectionListResponseSchema, 50);
      expect(all).toHaveLength(publicCount);
      expect(new Set(all.map((i) => i.id)).size).toBe(publicCount);
      const again = await allPages("/api/v1/inspections", InspectionListResponseSchema, 23);
      expect(again.map((i) => i.id)).toEqual(all.map((i) => i.id));
      // Newest first; undated last.
      const dates = all.map((i) => i.publishedOn?.date ?? null);
      const dated = dates.filter((d): d is string => d !== null);
      expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
      const firstDays = dated.map((d) => d.padEnd(10, d.length === 4 ? "-01-01" : "-01").slice(0, 10));
      expect(firstDays).toEqual([...firstDays].sort().reverse());
    });

    it("filters by service, nation, region, framework and rating", async () => {
      const wiltshire = await json("/api/v1/inspections?service=wiltshire", InspectionListResponseSchema);
      expect(wiltshire.data.length).toBeGreaterThan(0);
      expect(wiltshire.data.every((i) => i.service.slug === "wiltshire")).toBe(true);

      const wales = await json("/api/v1/inspections?nation=WALES&pageSize=500", InspectionListResponseSchema);
      const welshServices = new Set(
        (await test.db.service.findMany({ where: { nation: "WALES" }, select: { slug: true } })).map((s) => s.slug),
      );
      expect(wales.data.length).toBeGreaterThan(10);
      expect(wales.data.every((i) => welshServices.has(i.service.slug))).toBe(true);

      const f2025 = await json("/api/v1/inspections?framework=2025-IYJWCV&pageSize=500", InspectionListResponseSchema);
      expect(f2025.data.length).toBeGreaterThan(0);
      for (const i of f2025.data) {
        expect(i.framework).toMatchObject({ code: "2025-IYJWCV", programme: "PROGRAMME_2025" });
        expect(i.score).toBeNull();
        expect(i.standards).toEqual([]);
      }

      const inadequate = await json("/api/v1/inspections?rating=INADEQUATE&region=London&pageSize=500", InspectionListResponseSchema);
      expect(inadequate.data.every((i) => i.overallRating?.value === "INADEQUATE")).toBe(true);

      const none = await json("/api/v1/inspections?rating=NOT_RECORDED&pageSize=500", InspectionListResponseSchema);
      expect(none.data.length).toBe(await test.db.inspection.count({ where: { overallRating: null, visibility: "PUBLISHED" } }));
    });

    it("filters by publication date at the precision given", async () => {
      const in2024 = await json("/api/v1/inspections?publishedFrom=2024&publishedTo=2024&pageSize=500", InspectionListResponseSchema);
      expect(in2024.data.length).toBeGreaterThan(5);
      expect(in2024.data.every((i) => i.publishedOn!.date.startsWith("2024"))).toBe(true);
      const may = await json("/api/v1/inspections?publishedFrom=2024-05&publishedTo=2024-05&pageSize=500", InspectionListResponseSchema);
      expect(may.data.map((i) => i.service.slug)).toContain("wiltshire");
      expect(may.data.every((i) => i.publishedOn!.date.startsWith("2024-05"))).toBe(true);
      const day = await json("/api/v1/inspections?publishedFrom=2024-05-14&publishedTo=2024-05-14", InspectionListResponseSchema);
      expect(day.data.map((i) => i.publishedOn!.date)).toContain("2024-05-14");
      expect(day.data.every((i) => i.publishedOn!.date === "2024-05-14" || i.publishedOn!.date === "2024-05")).toBe(true);
    });

    it("answers 400 for malformed dates, unknown values and an unknown service", async () => {
      for (const [query, name] of [
        ["publishedFrom=2024-13", "publishedFrom"],
        ["publishedFrom=2024-02-30", "publishedFrom"],
        ["publishedTo=last-year", "publishedTo"],
        ["publishedFrom=14/05/2024", "publishedFrom"],
        ["rating=good", "rating"],
        ["framework=2030", "framework"],
        ["service=Wiltshire", "service"],
        ["service=no-such-service", "service"],
        ["publishedFrom=2024&publishedTo=2023", "publishedTo"],
        ["pageSize=1000", "pageSize"],
      ]) {
        const body = await badRequest(`/api/v1/inspections?${query}`);
        expect(body.error.parameters.map((p) => p.name), query).toEqual([name]);
        expect(body.error.parameters[0]!.expected.length).toBeGreaterThan(5);
      }
      expect((await badRequest("/api/v1/inspections?publishedFrom=2024-13")).error.parameters[0]!.expected).toBe(
        "a date as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
      );
    });

    it("serves CSV with one column per standard and empty cells for not recorded", async () => {
      const [header, ...rows] = await csv("/api/v1/inspections?pageSize=500", { Accept: "text/csv" });
      expect(rows).toHaveLength(publicCount);
      expect(header).toEqual(expect.arrayContaining(["standard_1_1", "standard_3_4", "standard_4_1", "overall_rating", "score"]));
      expect(rows.every((r) => r.length === header!.length)).toBe(true);
      const scoreCol = header!.indexOf("score");
      expect(rows.some((r) => r[scoreCol] === "")).toBe(true);
      expect(rows.filter((r) => r[scoreCol] === "0")).toHaveLength(
        await test.db.inspection.count({ where: { score: 0, visibility: "PUBLISHED" } }),
      );
    });
  });

  describe("GET /api/v1/standards", () => {
    it("lists the standards of every framework, or of one", async () => {
      const all = await json("/api/v1/standards", StandardListResponseSchema);
      expect(all.data).toHaveLength(await test.db.standard.count());
      const f2021 = await json("/api/v1/standards?framework=2021", StandardListResponseSchema);
      expect(f2021.data.map((s) => s.code)).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1"]);
      expect(f2021.data.find((s) => s.code === "4.1")!.countsTowardOverall).toBe(false);
      expect(f2021.data.find((s) => s.code === "2.1")!.keyQuestions).toHaveLength(3);
      expect((await badRequest("/api/v1/standards?framework=1999")).error.parameters[0]!.name).toBe("framework");
      const [header, ...rows] = await csv("/api/v1/standards?framework=2018&format=csv");
      expect(header![0]).toBe("framework_code");
      expect(rows).toHaveLength(12);
    });
  });

  describe("visibility", () => {
    const everything = async () => {
      const bodies: string[] = [];
      for (const path of [
        "/api/v1/services?pageSize=500",
        "/api/v1/services?pageSize=500&format=csv",
        "/api/v1/services/sunderland",
        "/api/v1/services/sunderland?format=csv",
        "/api/v1/services/lincolnshire",
        "/api/v1/inspections?pageSize=500",
        "/api/v1/inspections?pageSize=500&format=csv",
        "/api/v1/inspections?service=sunderland",
        "/api/v1/inspections?rating=OUTSTANDING&pageSize=500",
      ]) {
        const response = await call(path);
        expect(response.status, path).toBe(200);
        bodies.push(await response.text());
      }
      return bodies.join("\n");
    };

    it("never serves a draft or an inspection under embargo, and serves one whose embargo has passed", async () => {
      const text = await everything();
      expect(text).not.toContain(MARKERS.draft);
      expect(text).not.toContain(MARKERS.future);
      expect(text).toContain(MARKERS.past);

      const sunderland = await json("/api/v1/services/sunderland", ServiceResponseSchema);
      expect(sunderland.data.inspections).toEqual([]);
      expect(sunderland.data.latestInspection).toBeNull();
      expect(sunderland.data.inspectionCount).toBe(0);
      const outstanding = await json("/api/v1/services?rating=OUTSTANDING&pageSize=500", ServiceListResponseSchema);
      expect(outstanding.data.map((s) => s.slug)).not.toContain("sunderland");
      expect(outstanding.data.map((s) => s.slug)).toContain("lincolnshire");

      const all = await allPages("/api/v1/inspections", InspectionListResponseSchema, 500);
      const seen = new Set(all.map((i) => i.id));
      expect(seen.has(ids.draft)).toBe(false);
      expect(seen.has(ids.future)).toBe(false);
      expect(seen.has(ids.past)).toBe(true);
      const past = all.find((i) => i.id === ids.past)!;
      expect(past.publishedOn).toEqual({ date: "2026-02", precision: "MONTH" });
    });
  });

  describe("HTTP behaviour", () => {
    it("sends an ETag and Cache-Control, and 304 for a matching If-None-Match", async () => {
      const first = await call("/api/v1/services?nation=WALES");
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^".+"$/);
      expect(first.headers.get("cache-control")).toContain("max-age=");
      const again = await call("/api/v1/services?nation=WALES", { "If-None-Match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      const weak = await call("/api/v1/services?nation=WALES", { "If-None-Match": `"other", W/${etag}` });
      expect(weak.status).toBe(304);
      const stale = await call("/api/v1/services?nation=WALES", { "If-None-Match": '"something-else"' });
      expect(stale.status).toBe(200);
      const csvFirst = await call("/api/v1/services?nation=WALES&format=csv");
      expect(csvFirst.headers.get("etag")).not.toBe(etag);
    });

    it("opens CORS for GET and answers the preflight", async () => {
      const response = await call("/api/v1/inspections?pageSize=1");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const preflight = optionsInspections();
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    });

    it("carries the licence and attribution in every response: header and JSON meta", async () => {
      for (const path of [
        "/api/v1/services?pageSize=1",
        "/api/v1/services/wiltshire",
        "/api/v1/inspections?pageSize=1&format=csv",
        "/api/v1/standards",
        "/api/v1/services?rating=nope",
        "/api/v1/services/nope",
        "/api/v1/openapi.json",
      ]) {
        const response = await call(path);
        expect(response.headers.get("x-attribution"), path).toBe(ATTRIBUTION);
        expect(response.headers.get("link"), path).toContain(`<${LICENCE_URL}>; rel="license"`);
        if (response.headers.get("content-type")!.includes("json") && !path.includes("openapi")) {
          const body = (await response.json()) as { meta: { attribution: string; licence: { url: string } } };
          expect(body.meta.attribution).toBe("Contains public sector information licensed under the Open Government Licence v3.0");
          expect(body.meta.licence.url).toBe(LICENCE_URL);
        }
      }
      const paged = await call("/api/v1/inspections?pageSize=10&page=2");
      expect(paged.headers.get("x-total-count")).toBe(String(publicCount));
      expect(paged.headers.get("link")).toContain('rel="next"');
      expect(paged.headers.get("link")).toContain('rel="prev"');
    });
  });

  describe("GET /api/v1/openapi.json", () => {
    it("describes every endpoint in OpenAPI 3.1, with the parameters' rules from the zod schemas", async () => {
      const response = await call("/api/v1/openapi.json");
      expect(response.status).toBe(200);
      const doc = (await response.json()) as {
        openapi: string;
        info: { license: { url: string } };
        paths: Record<string, { get: { parameters?: { name: string; schema: Record<string, unknown> }[] } }>;
        components: { schemas: Record<string, Record<string, unknown>> };
      };
      expect(doc.openapi).toBe("3.1.0");
      expect(doc.info.license.url).toBe(LICENCE_URL);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(["/api/v1/services", "/api/v1/services/{slug}", "/api/v1/inspections", "/api/v1/standards"]),
      );
      const params = doc.paths["/api/v1/inspections"]!.get.parameters!;
      const byName = Object.fromEntries(params.map((p) => [p.name, p.schema]));
      expect(byName.pageSize).toMatchObject({ type: "integer", minimum: 1, maximum: 500 });
      expect(byName.rating!.enum).toEqual(["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_RECORDED"]);
      expect(byName.publishedFrom).toMatchObject({ type: "string", pattern: expect.any(String) });
      expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Service", "Inspection", "Rating", "PartialDate", "Error"]));
      // Every $ref points at a schema that exists.
      const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
      for (const r of refs) expect(doc.components.schemas[r.slice('"#/components/schemas/'.length, -1)], r).toBeDefined();
    });
  });
});
