import { describe, expect, it } from "vitest";
import { checkInspection, type InspectionFacts, type Problem } from "./consistency";
import { frameworkByCode, type FrameworkDefinition } from "./frameworks";
import { overallFromScore } from "./overall";
import type { Rating } from "./rating";
import { scoreOf } from "./score";
import { WILTSHIRE_RATINGS, wiltshireFacts } from "./wiltshire.fixture";

function framework(code: string): FrameworkDefinition {
  const found = frameworkByCode(code);
  if (!found) throw new Error(`framework ${code} missing`);
  return found;
}

function check(facts: InspectionFacts, code = facts.frameworkCode): Problem[] {
  return checkInspection(facts, framework(code));
}

function fields(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.field).sort();
}

function bare(overrides: Partial<InspectionFacts>): InspectionFacts {
  return { frameworkCode: "2021", overallRating: null, score: null, scoreMax: null, ratings: {}, keyQuestions: {}, ...overrides };
}

const EIGHT_INADEQUATE: Record<string, Rating> = Object.fromEntries(
  ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4"].map((c) => [c, "INADEQUATE" as Rating]),
);

describe("Wiltshire 2024 (framework 2021)", () => {
  const facts = wiltshireFacts();

  it("adds up to 20 out of 36, which is in the Good band", () => {
    const result = scoreOf(framework("2021").standards, WILTSHIRE_RATINGS);
    expect(result).toMatchObject({ score: 20, maxScore: 36, complete: true });
    expect(overallFromScore(result.score, framework("2021").scoreBands)).toBe("GOOD");
  });

  it("has no problems, key questions included", () => {
    expect(check(facts)).toEqual([]);
  });

  it("has no problems with the score left out (the standards still give Good)", () => {
    expect(check(wiltshireFacts({ score: null, scoreMax: null }))).toEqual([]);
  });
});

describe("checkInspection: one problem at a time", () => {
  it.each<[string, InspectionFacts, string[], RegExp]>([
    [
      "published score contradicts the standards",
      wiltshireFacts({ score: 21 }),
      ["score"],
      /score is 21.*add up to 20/,
    ],
    [
      "overall rating outside its score band",
      wiltshireFacts({ overallRating: "OUTSTANDING" }),
      ["overallRating"],
      /Outstanding.*score of 20.*Good band \(19–30\)/,
    ],
    [
      "score with a wrong maximum",
      wiltshireFacts({ scoreMax: 24 }),
      ["scoreMax"],
      /recorded as 24.*out of 36/,
    ],
    [
      "score above 36",
      bare({ score: 37 }),
      ["score"],
      /37 is not a whole number from 0 to 36/,
    ],
    [
      "negative score",
      bare({ score: -1 }),
      ["score"],
      /-1 is not a whole number from 0 to 36/,
    ],
    [
      "fractional score",
      bare({ score: 20.5 }),
      ["score"],
      /20\.5 is not a whole number/,
    ],
    [
      "partial data: score out of reach of the known standards",
      bare({ score: 34, ratings: { "1.1": "OUTSTANDING", "1.2": "GOOD", "2.4": "REQUIRES_IMPROVEMENT" } }),
      ["score"],
      /score is 34.*3 rated counting standards add up to 6.*from 6 to 33/,
    ],
    [
      "partial data: score below the known standards",
      bare({ score: 5, ratings: { "1.1": "OUTSTANDING", "1.2": "GOOD", "2.4": "REQUIRES_IMPROVEMENT" } }),
      ["score"],
      /from 6 to 33/,
    ],
    [
      "no score: known standards cannot reach the published overall rating",
      bare({ overallRating: "GOOD", ratings: EIGHT_INADEQUATE }),
      ["overallRating"],
      /Good \(which needs a score from 19 to 30\).*from 0 to 12.*Requires improvement or Inadequate/,
    ],
    [
      "no score, all rated: overall rating must be the band of their sum",
      wiltshireFacts({ score: null, overallRating: "REQUIRES_IMPROVEMENT" }),
      ["overallRating"],
      /Requires improvement.*from 20 to 20.*only give Good/,
    ],
    [
      "resettlement rated under the 2018 standards",
      bare({ frameworkCode: "2018", ratings: { "4.1": "GOOD" } }),
      ["ratings.4.1"],
      /4\.1 is not part of framework 2018.*belongs to 2021/,
    ],
    [
      "resettlement rated under 2018-or-2021",
      bare({ frameworkCode: "2018-or-2021", ratings: { "4.1": "GOOD" } }),
      ["ratings.4.1"],
      /not part of framework 2018-or-2021/,
    ],
    [
      "unknown standard code",
      bare({ ratings: { "5.1": "GOOD" } }),
      ["ratings.5.1"],
      /no standard 5\.1 in any framework/,
    ],
    [
      "a value that is not a rating",
      bare({ ratings: { "1.1": "Good" as Rating } }),
      ["ratings.1.1"],
      /"Good", which is not one of/,
    ],
    [
      "an overall rating that is not a rating",
      bare({ overallRating: "good" as Rating }),
      ["overallRating"],
      /"good" is not one of/,
    ],
    [
      "key questions on an organisational standard",
      bare({ keyQuestions: { "3.4": { DESISTANCE: 80 } } }),
      ["keyQuestions.3.4"],
      /3\.4 .* not case-based/,
    ],
    [
      "key questions on resettlement",
      bare({ keyQuestions: { "4.1": { DESISTANCE: 80 } } }),
      ["keyQuestions.4.1"],
      /not case-based/,
    ],
    [
      "key questions on a standard the framework lacks",
      bare({ keyQuestions: { "7.2": { DESISTANCE: 80 } } }),
      ["keyQuestions.7.2"],
      /no standard 7\.2/,
    ],
    [
      "key-question figure above 100",
      bare({ keyQuestions: { "2.1": { DESISTANCE: 101 } } }),
      ["keyQuestions.2.1.DESISTANCE"],
      /is 101.*whole percentage from 0 to 100/,
    ],
    [
      "key-question figure not a whole number",
      bare({ keyQuestions: { "3.2": { SAFETY_OF_OTHERS: 62.5 } } }),
      ["keyQuestions.3.2.SAFETY_OF_OTHERS"],
      /62\.5/,
    ],
    [
      "key-question figure below 0",
      bare({ keyQuestions: { "2.4": { SAFETY_OF_CHILD: -3 } } }),
      ["keyQuestions.2.4.SAFETY_OF_CHILD"],
      /-3/,
    ],
    [
      "key-question area that does not exist",
      bare({ keyQuestions: { "2.1": { VICTIMS: 70 } as never } }),
      ["keyQuestions.2.1.VICTIMS"],
      /not a key-question area/,
    ],
    [
      "fieldwork after publication",
      wiltshireFacts({ publishedOn: new Date("2024-02-01T00:00:00Z") }),
      ["publishedOn"],
      /published on 2024-02-01, before fieldwork started on 2024-02-26/,
    ],
    [
      "fieldwork after publication, month precision",
      bare({
        fieldworkStart: new Date("2024-06-01T00:00:00Z"),
        fieldworkStartPrecision: "MONTH",
        publishedOn: new Date("2024-05-01T00:00:00Z"),
        publishedOnPrecision: "MONTH",
      }),
      ["publishedOn"],
      /2024-05, before fieldwork started on 2024-06/,
    ],
    [
      "invalid publication date",
      bare({ publishedOn: new Date("not a date") }),
      ["publishedOn"],
      /not a valid date/,
    ],
  ])("%s", (_name, facts, expectedFields, message) => {
    const problems = check(facts);
    expect(fields(problems)).toEqual(expectedFields);
    expect(problems[0]?.message).toMatch(message);
  });
});

describe("checkInspection against another framework", () => {
  it("reports that the record's framework code differs", () => {
    const problems = checkInspection(wiltshireFacts({ frameworkCode: "2018" }), framework("2021"));
    expect(fields(problems)).toEqual(["frameworkCode"]);
    expect(problems[0]?.message).toMatch(/"2018".*"2021"/);
  });
});

describe("checkInspection: valid records", () => {
  it.each<[string, InspectionFacts]>([
    ["nothing but an overall rating", bare({ overallRating: "GOOD" })],
    ["partial data, score reachable", bare({ score: 33, ratings: { "1.1": "OUTSTANDING", "1.2": "GOOD", "2.4": "REQUIRES_IMPROVEMENT" } })],
    ["no score, overall still reachable", bare({ overallRating: "REQUIRES_IMPROVEMENT", ratings: EIGHT_INADEQUATE })],
    ["score at the 18/19 edge, Requires improvement", bare({ score: 18, overallRating: "REQUIRES_IMPROVEMENT" })],
    ["score at the 18/19 edge, Good", bare({ score: 19, overallRating: "GOOD" })],
    ["score 0, Inadequate (2018)", bare({ frameworkCode: "2018", score: 0, scoreMax: 36, overallRating: "INADEQUATE" })],
    ["3.4 Joint working rated under 2018", bare({ frameworkCode: "2018", ratings: { "3.4": "GOOD" } })],
    ["3.4 rated under 2018-or-2021", bare({ frameworkCode: "2018-or-2021", ratings: { "3.4": "GOOD" } })],
    ["resettlement does not move the score", wiltshireFacts({ ratings: { ...WILTSHIRE_RATINGS, "4.1": "INADEQUATE" } })],
    [
      "same month at month precision is not 'after'",
      bare({
        fieldworkStart: new Date("2024-05-20T00:00:00Z"),
        publishedOn: new Date("2024-05-01T00:00:00Z"),
        publishedOnPrecision: "MONTH",
      }),
    ],
    ["key-question figures at 0 and 100", bare({ keyQuestions: { "2.1": { DESISTANCE: 0, SAFETY_OF_CHILD: 100 } } })],
    ["2025 framework with only an overall rating", bare({ frameworkCode: "2025-IYJWCV", overallRating: "OUTSTANDING" })],
    ["2025 full inspection with only an overall rating", bare({ frameworkCode: "2025-IYJS", overallRating: "GOOD" })],
  ])("%s", (_name, facts) => {
    expect(check(facts)).toEqual([]);
  });
});

describe("the 2025 frameworks", () => {
  it.each(["2025-IYJWCV", "2025-IYJS"])("%s has no standards, and scoring it is a problem", (code) => {
    expect(framework(code).standards).toEqual([]);
    const problems = check(bare({ frameworkCode: code, overallRating: "GOOD", score: 24, scoreMax: 36 }));
    expect(fields(problems)).toEqual(["score", "scoreMax"]);
    expect(problems.find((p) => p.field === "score")?.message).toMatch(new RegExp(`${code} is not scored.*24`));
  });

  it.each(["2025-IYJWCV", "2025-IYJS"])("%s rejects ratings and key questions for old standard codes", (code) => {
    const problems = check(
      bare({ frameworkCode: code, ratings: { "1.1": "GOOD" }, keyQuestions: { "2.1": { DESISTANCE: 70 } } }),
    );
    expect(fields(problems)).toEqual(["keyQuestions.2.1", "ratings.1.1"]);
    expect(problems[0]?.message).toMatch(/has no recorded standards/);
  });
});

describe("checkInspection reports every problem at once", () => {
  it("lists all of them, not just the first", () => {
    const facts = wiltshireFacts({
      score: 25,
      scoreMax: 40,
      overallRating: "INADEQUATE",
      ratings: { ...WILTSHIRE_RATINGS, "6.1": "GOOD" },
      keyQuestions: {
        "2.1": { DESISTANCE: 94, SAFETY_OF_CHILD: 163, SAFETY_OF_OTHERS: 56 },
        "1.4": { DESISTANCE: 50 },
      },
      fieldworkStart: new Date("2024-06-01T00:00:00Z"),
    });
    const problems = check(facts);
    expect(fields(problems)).toEqual([
      "keyQuestions.1.4",
      "keyQuestions.2.1.SAFETY_OF_CHILD",
      "overallRating",
      "publishedOn",
      "ratings.6.1",
      "score",
      "scoreMax",
    ]);
    const byField = new Map(problems.map((p) => [p.field, p.message]));
    expect(byField.get("score")).toMatch(/25.*20/);
    expect(byField.get("scoreMax")).toMatch(/40/);
    expect(byField.get("overallRating")).toMatch(/Inadequate.*score of 25.*Good/);
    expect(byField.get("keyQuestions.2.1.SAFETY_OF_CHILD")).toMatch(/163/);
  });
});

describe("checkInspection never changes its input", () => {
  it("leaves the facts exactly as given", () => {
    const facts = wiltshireFacts({ score: 30, overallRating: "INADEQUATE", ratings: { ...WILTSHIRE_RATINGS, "9.9": "GOOD" } });
    const before = structuredClone(facts);
    const problems = check(facts);
    expect(problems.length).toBeGreaterThan(0);
    expect(facts).toEqual(before);
    expect(facts.score).toBe(30);
    expect(facts.overallRating).toBe("INADEQUATE");
  });
});
