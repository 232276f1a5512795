// /compare's read model against the real dataset and complete synthetic data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../db/test-database";
import { compareServices } from "./compare";
import { latestPerServiceAndProgramme, realDatabase, syntheticDatabase, visibleInspections } from "./national-test-support";
import { latestOf } from "./service-list";

describe("compareServices on the real dataset", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await realDatabase();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("puts Wiltshire and Dorset side by side, in the order asked, with their latest inspections", async () => {
    const c = await compareServices(["wiltshire", "dorset-combined-yos"], test.db);
    expect(c.unknown).toEqual([]);
    expect(c.services.map((s) => s.slug)).toEqual(["wiltshire", "dorset-combined-yos"]);
    const [wiltshire, dorset] = c.services;
    expect(wiltshire!.latest).toMatchObject({ published: "14 May 2024", overall: "GOOD", score: 20, scoreMax: 36, frameworkCode: "2021" });
    expect(wiltshire!.standards!.ratings["3.1"]).toBe("INADEQUATE");
    expect(wiltshire!.standards!.figures["3.1"]).toEqual({ DESISTANCE: 83, SAFETY_OF_CHILD: 67, SAFETY_OF_OTHERS: 42 });
    expect(Object.keys(dorset!.standards!.ratings)).toHaveLength(13);
    expect(dorset!.standards!.figures).toEqual({});
  });

  it("names the slugs that are not services", async () => {
    const c = await compareServices(["wiltshire", "no-such-service", "cardiff"], test.db);
    expect(c.unknown).toEqual(["no-such-service"]);
    expect(c.services.map((s) => s.slug)).toEqual(["wiltshire", "cardiff"]);
  });

  it("shows a service last inspected under the 2025 programme with its older 2018/2021 standards", async () => {
    const rows = await visibleInspections(test.db);
    const derby = rows.filter((r) => r.slug === "derby");
    expect(latestOf(derby)!.programme).toBe("PROGRAMME_2025");
    const c = await compareServices(["derby", "wiltshire"], test.db);
    const m = c.services[0]!;
    expect(m.latest!.programme).toBe("PROGRAMME_2025");
    expect(m.latest!.score).toBeNull();
    expect(m.standards?.programme).toBe("STANDARDS_2018_2021");
  });
});

describe("compareServices on complete synthetic data", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await syntheticDatabase({ services: 40, inspectionsPerService: 5, seed: 2 });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("takes each service's latest inspection and its latest under the 2018/2021 standards, complete", async () => {
    const rows = await visibleInspections(test.db);
    const slugs = [...new Set(rows.map((r) => r.slug))].slice(0, 6);
    const c = await compareServices(slugs, test.db);
    const latestStandards = latestPerServiceAndProgramme(rows).filter((r) => r.programme === "STANDARDS_2018_2021");
    for (const s of c.services) {
      const own = rows.filter((r) => r.slug === s.slug);
      expect(s.latest!.id).toBe(latestOf(own)!.id);
      const expected = latestStandards.find((r) => r.slug === s.slug)!;
      expect(s.standards!.id).toBe(expected.id);
      expect(s.standards!.ratings).toEqual(expected.ratings);
      expect(Object.keys(s.standards!.figures).sort()).toEqual(["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]);
    }
  });
});
