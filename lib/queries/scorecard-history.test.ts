import { describe, expect, it } from "vitest";
import { changesBetweenRatedInspections, newestFirst, orderingTime, type ChangeInput } from "./scorecard-history";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function inspection(id: number, overrides: Partial<ChangeInput> = {}): ChangeInput {
  return {
    id,
    kind: "FULL",
    publishedOn: null,
    fieldworkStart: null,
    frameworkInUseFrom: 2018,
    overallRating: null,
    score: null,
    programme: "STANDARDS_2018_2021",
    ...overrides,
  };
}

describe("ordering", () => {
  it("uses the publication date, else fieldwork, else 1 January of the framework's first year", () => {
    expect(orderingTime(inspection(1, { publishedOn: day("2024-05-14"), fieldworkStart: day("2024-02-26") }))).toBe(day("2024-05-14").getTime());
    expect(orderingTime(inspection(1, { fieldworkStart: day("2024-02-26") }))).toBe(day("2024-02-26").getTime());
    expect(orderingTime(inspection(1, { frameworkInUseFrom: 2025 }))).toBe(day("2025-01-01").getTime());
    expect(orderingTime(inspection(1, { frameworkInUseFrom: null }))).toBe(Number.NEGATIVE_INFINITY);
  });

  it("puts an undated 2025-programme inspection before a dated 2022 one, and breaks ties by the later record", () => {
    const old = inspection(1, { publishedOn: day("2022-06-14") });
    const undated2025 = inspection(2, { frameworkInUseFrom: 2025, programme: "PROGRAMME_2025" });
    const sameDayLater = inspection(3, { publishedOn: day("2022-06-14") });
    expect(newestFirst([old, undated2025, sameDayLater]).map((i) => i.id)).toEqual([2, 3, 1]);
  });
});

describe("changes between rated inspections", () => {
  it("compares each rated inspection with the one before, skipping thematic inspections", () => {
    const changes = changesBetweenRatedInspections([
      inspection(1, { publishedOn: day("2019-03-01"), overallRating: "INADEQUATE", score: 5 }),
      inspection(2, { publishedOn: day("2020-01-01"), kind: "THEMATIC" }),
      inspection(3, { publishedOn: day("2022-08-01"), kind: "REINSPECTION", overallRating: "REQUIRES_IMPROVEMENT", score: 14 }),
      inspection(4, { publishedOn: day("2024-08-01"), overallRating: "REQUIRES_IMPROVEMENT", score: null }),
    ]);
    expect(changes.get(1)).toBeUndefined();
    expect(changes.get(2)).toBeUndefined();
    expect(changes.get(3)).toEqual({
      previousId: 1,
      rating: { from: "INADEQUATE", to: "REQUIRES_IMPROVEMENT", direction: "better" },
      score: { from: 5, to: 14, difference: 9 },
      acrossProgrammes: false,
    });
    expect(changes.get(4)).toEqual({
      previousId: 3,
      rating: { from: "REQUIRES_IMPROVEMENT", to: "REQUIRES_IMPROVEMENT", direction: "same" },
      score: null,
      acrossProgrammes: false,
    });
  });

  it("gives no rating change when a rating is not recorded, and no score change across programmes", () => {
    const changes = changesBetweenRatedInspections([
      inspection(1, { publishedOn: day("2021-01-01"), overallRating: null, score: 20 }),
      inspection(2, { publishedOn: day("2023-01-01"), overallRating: "GOOD", score: 24 }),
      inspection(3, { publishedOn: day("2025-09-01"), overallRating: "OUTSTANDING", score: 30, programme: "PROGRAMME_2025" }),
    ]);
    expect(changes.get(2)).toEqual({ previousId: 1, rating: null, score: { from: 20, to: 24, difference: 4 }, acrossProgrammes: false });
    expect(changes.get(3)).toEqual({
      previousId: 2,
      rating: { from: "GOOD", to: "OUTSTANDING", direction: "better" },
      score: null,
      acrossProgrammes: true,
    });
  });

  it("reports a decline as worse", () => {
    const changes = changesBetweenRatedInspections([
      inspection(1, { publishedOn: day("2019-01-01"), overallRating: "OUTSTANDING" }),
      inspection(2, { publishedOn: day("2023-01-01"), overallRating: "INADEQUATE" }),
    ]);
    expect(changes.get(2)?.rating?.direction).toBe("worse");
  });
});
