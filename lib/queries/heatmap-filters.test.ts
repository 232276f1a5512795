import { describe, expect, it } from "vitest";
import {
  DEFAULT_HEATMAP_PARAMS,
  compareRows,
  heatmapQuery,
  latestPerService,
  matchesFilters,
  parseHeatmapParams,
  rankNames,
  selectRows,
  sortRows,
  summariseRows,
  type HeatmapRow,
} from "./heatmap-filters";

const parse = (q: string) => parseHeatmapParams(new URLSearchParams(q));

function row(overrides: Partial<HeatmapRow>): HeatmapRow {
  return {
    id: 1,
    slug: "a",
    name: "A",
    nation: "ENGLAND",
    region: "London",
    frameworkCode: "2021",
    programme: "STANDARDS_2018_2021",
    kind: "FULL",
    publishedYear: 2022,
    published: "2022",
    sortTime: Date.UTC(2022, 0, 1),
    overall: "GOOD",
    score: 20,
    scoreMax: 36,
    ratings: {},
    figures: {},
    ...overrides,
  };
}

describe("parseHeatmapParams and heatmapQuery", () => {
  it("reads every filter and writes it back, leaving defaults out", () => {
    const query = "region=London&framework=2021&from=2019&to=2023&kind=reinspection&basis=all&sort=std%3A3.1&dir=asc&page=3";
    const p = parse(query);
    expect(p).toEqual({
      nation: "ENGLAND", region: "London", framework: "2021", from: 2019, to: 2023, kind: "REINSPECTION",
      basis: "all", sort: "std:3.1", dir: "asc", page: 3,
    });
    expect(parse(heatmapQuery(p).toString())).toEqual(p);
    expect(heatmapQuery(DEFAULT_HEATMAP_PARAMS).toString()).toBe("");
  });

  it("drops values it does not know instead of failing, and swaps a reversed year range", () => {
    expect(parse("nation=mars&region=Atlantis&framework=1999&kind=x&sort=std:9.99&dir=up&page=-2&from=abc")).toEqual(DEFAULT_HEATMAP_PARAMS);
    expect(parse("from=2024&to=2019")).toMatchObject({ from: 2019, to: 2024 });
    expect(parse("sort=score")).toMatchObject({ sort: "score", dir: "desc" });
  });
});

describe("the heatmap's row rules", () => {
  const early = row({ id: 1, slug: "x", name: "X", sortTime: Date.UTC(2019, 0, 1), publishedYear: 2019, overall: "INADEQUATE" });
  const late = row({ id: 2, slug: "x", name: "X", sortTime: Date.UTC(2023, 0, 1), publishedYear: 2023, overall: "GOOD" });
  const undated = row({ id: 3, slug: "x", name: "X", sortTime: null, publishedYear: null, overall: "OUTSTANDING" });
  const other = row({ id: 4, slug: "y", name: "Y", region: null, nation: "WALES", ratings: { "3.1": "INADEQUATE" } });

  it("takes the latest dated inspection of each service, undated last", () => {
    expect(latestPerService([undated, early, late, other]).map((r) => r.id).sort()).toEqual([2, 4]);
    expect(latestPerService([undated]).map((r) => r.id)).toEqual([3]);
  });

  it("filters before it picks the latest: a year range finds an older inspection", () => {
    const p = { ...DEFAULT_HEATMAP_PARAMS, to: 2020 };
    expect(selectRows([early, late, undated, other], p).map((r) => r.id)).toEqual([1]);
    expect(matchesFilters(undated, p)).toBe(false);
    expect(selectRows([early, late, other], { ...DEFAULT_HEATMAP_PARAMS, nation: "WALES" }).map((r) => r.id)).toEqual([4]);
  });

  it("sorts by a standard best first, with not-recorded last in either direction", () => {
    const a = row({ id: 10, slug: "a", name: "A", ratings: { "3.1": "GOOD" } });
    const b = row({ id: 11, slug: "b", name: "B", ratings: {} });
    const c = row({ id: 12, slug: "c", name: "C", ratings: { "3.1": "OUTSTANDING" } });
    expect([a, b, c].sort(compareRows("std:3.1", "desc")).map((r) => r.name)).toEqual(["C", "A", "B"]);
    expect([a, b, c].sort(compareRows("std:3.1", "asc")).map((r) => r.name)).toEqual(["A", "C", "B"]);
  });

  it("summarises only the standards a row's framework has, and never the 2025 programme's rows", () => {
    const r2018 = row({ id: 20, slug: "p", frameworkCode: "2018", ratings: { "1.1": "GOOD" } });
    const r2025 = row({ id: 21, slug: "q", frameworkCode: "2025-IYJWCV", programme: "PROGRAMME_2025", overall: "OUTSTANDING" });
    const standardsOf = (f: string) => (f === "2021" ? ["1.1", "4.1"] : f === "2018" ? ["1.1"] : []);
    const summary = summariseRows([r2018, r2025, row({ id: 22, ratings: { "4.1": "GOOD" } })], ["1.1", "4.1"], standardsOf);
    expect(summary["1.1"]).toEqual({ counts: { OUTSTANDING: 0, GOOD: 1, REQUIRES_IMPROVEMENT: 0, INADEQUATE: 0 }, rated: 1, notRecorded: 1 });
    expect(summary["4.1"]).toEqual({ counts: { OUTSTANDING: 0, GOOD: 1, REQUIRES_IMPROVEMENT: 0, INADEQUATE: 0 }, rated: 1, notRecorded: 0 });
  });
});

describe("sortRows", () => {
  it("orders rows exactly as compareRows does, for every sort key and direction", () => {
    const ratings = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", undefined] as const;
    // Names with case, accents and repeats; ties broken by name and then the later inspection.
    const names = ["Barnet", "barnet", "Bárnet", "Ealing", "York", "Vale of Glamorgan", "vale of glamorgan", "Ynys Môn", "Ealing"];
    const rows: HeatmapRow[] = names.flatMap((name, i) =>
      [0, 1, 2].map((j) =>
        row({
          id: i * 10 + j,
          slug: name.toLowerCase(),
          name,
          overall: j === 2 ? null : ratings[(i + j) % 4]!,
          score: j === 1 ? null : (i * 7 + j * 5) % 37,
          sortTime: j === 2 ? null : Date.UTC(2019 + ((i + j) % 5), j, 1),
          ratings: { "3.1": ratings[(i * 3 + j) % 5], "1.1": ratings[(i + 2 * j) % 5] },
        }),
      ),
    );
    const ranks = rankNames(rows);
    for (const sort of ["name", "overall", "score", "published", "std:3.1", "std:1.1"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const expected = [...rows].sort(compareRows(sort, dir)).map((r) => r.id);
        expect(sortRows(rows, sort, dir, ranks).map((r) => r.id), `${sort} ${dir}`).toEqual(expected);
      }
    }
  });
});
