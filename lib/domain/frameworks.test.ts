import { describe, expect, it } from "vitest";
import {
  FRAMEWORKS,
  KEY_QUESTION_AREAS,
  countingStandards,
  frameworkByCode,
  keyQuestionAreaLabel,
  type FrameworkDefinition,
  type KeyQuestionArea,
} from "./frameworks";
import { RATINGS } from "./rating";

function framework(code: string): FrameworkDefinition {
  const found = frameworkByCode(code);
  if (!found) throw new Error(`framework ${code} missing`);
  return found;
}

const SHARED_CODES = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"];
const CASE_BASED_CODES = ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"];

describe("key-question areas", () => {
  it("are the three Prisma enum values", () => {
    expect(KEY_QUESTION_AREAS).toEqual(["DESISTANCE", "SAFETY_OF_CHILD", "SAFETY_OF_OTHERS"]);
  });
  it.each<[KeyQuestionArea, string]>([
    ["DESISTANCE", "Desistance"],
    ["SAFETY_OF_CHILD", "Safety of the child"],
    ["SAFETY_OF_OTHERS", "Safety of other people"],
  ])("%s is labelled %s", (area, label) => {
    expect(keyQuestionAreaLabel(area)).toBe(label);
  });
});

describe("FRAMEWORKS", () => {
  it("has exactly the five framework codes, in ordinal order", () => {
    expect(FRAMEWORKS.map((f) => f.code)).toEqual(["2018", "2021", "2018-or-2021", "2025-IYJWCV", "2025-IYJS"]);
    expect(FRAMEWORKS.map((f) => f.ordinal)).toEqual([1, 2, 3, 4, 5]);
  });

  it("finds a framework by code and returns undefined for an unknown one", () => {
    expect(frameworkByCode("2021")?.code).toBe("2021");
    expect(frameworkByCode("2019")).toBeUndefined();
    expect(frameworkByCode("")).toBeUndefined();
  });

  it.each<[string, string, boolean]>([
    ["2018", "STANDARDS_2018_2021", true],
    ["2021", "STANDARDS_2018_2021", true],
    ["2018-or-2021", "STANDARDS_2018_2021", true],
    ["2025-IYJWCV", "PROGRAMME_2025", false],
    ["2025-IYJS", "PROGRAMME_2025", false],
  ])("%s belongs to %s, scored=%s", (code, programme, scored) => {
    const f = framework(code);
    expect(f.programme).toBe(programme);
    expect(f.scored).toBe(scored);
  });

  it.each<[string, string[], string[]]>([
    ["2018", SHARED_CODES, ["1", "2", "3"]],
    ["2021", [...SHARED_CODES, "4.1"], ["1", "2", "3", "4"]],
    ["2018-or-2021", SHARED_CODES, ["1", "2", "3"]],
    ["2025-IYJWCV", [], []],
    ["2025-IYJS", [], []],
  ])("%s has the right standards and domains", (code, standardCodes, domainNumbers) => {
    const f = framework(code);
    expect(f.standards.map((s) => s.code)).toEqual(standardCodes);
    expect(f.domains.map((d) => d.number)).toEqual(domainNumbers);
  });

  it.each<[string, string]>([
    ["2018", "Joint working"],
    ["2021", "Out-of-court disposal policy and provision"],
  ])("%s names 3.4 %s", (code, name) => {
    expect(framework(code).standards.find((s) => s.code === "3.4")?.name).toBe(name);
  });

  it("names 3.4 of 2018-or-2021 as either version, not confirmed which", () => {
    const name = framework("2018-or-2021").standards.find((s) => s.code === "3.4")?.name ?? "";
    expect(name).toMatch(/joint working/i);
    expect(name).toMatch(/policy and provision/i);
    expect(name).toMatch(/not confirmed/i);
  });

  it("names the four domains in the inspectorate's words", () => {
    expect(framework("2021").domains).toEqual([
      { number: "1", name: "Organisational delivery" },
      { number: "2", name: "Court disposals" },
      { number: "3", name: "Out-of-court disposals" },
      { number: "4", name: "Resettlement" },
    ]);
  });

  it("makes 4.1 Resettlement policy and provision a non-counting standard in domain 4", () => {
    const resettlement = framework("2021").standards.find((s) => s.code === "4.1");
    expect(resettlement).toMatchObject({
      name: "Resettlement policy and provision",
      domainNumber: "4",
      countsTowardOverall: false,
      caseBased: false,
    });
  });

  it.each(["2018", "2021", "2018-or-2021"])("%s has 12 counting standards", (code) => {
    expect(countingStandards(framework(code)).map((s) => s.code)).toEqual(SHARED_CODES);
  });

  describe.each(FRAMEWORKS.map((f) => [f.code, f] as const))("%s", (_code, f) => {
    it("has unique standard codes", () => {
      const codes = f.standards.map((s) => s.code);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it("puts every standard in one of its domains, numbered by its code", () => {
      const numbers = new Set(f.domains.map((d) => d.number));
      for (const s of f.standards) {
        expect(numbers.has(s.domainNumber)).toBe(true);
        expect(s.code.split(".")[0]).toBe(s.domainNumber);
      }
    });

    it("gives every case-based standard three key questions, one per area, and others none", () => {
      for (const s of f.standards) {
        if (s.caseBased) {
          expect(s.keyQuestions.map((q) => q.area)).toEqual([...KEY_QUESTION_AREAS]);
          for (const q of s.keyQuestions) expect(q.text.trim().length).toBeGreaterThan(10);
        } else {
          expect(s.keyQuestions).toEqual([]);
        }
      }
    });

    it("records no key-question thresholds (their edges are not confirmed)", () => {
      expect(f.keyQuestionThresholds).toEqual([]);
    });

    it("has a description", () => {
      expect(f.description.length).toBeGreaterThan(40);
    });
  });

  it.each(["2018", "2021", "2018-or-2021"])("%s marks exactly 2.1–2.4 and 3.1–3.3 case-based", (code) => {
    expect(framework(code).standards.filter((s) => s.caseBased).map((s) => s.code)).toEqual(CASE_BASED_CODES);
  });

  it("confirms only the assessment statements (2.1 and 3.1)", () => {
    for (const code of ["2018", "2021", "2018-or-2021"]) {
      const confirmed = framework(code).standards.filter((s) => s.statementConfirmed).map((s) => s.code);
      expect(confirmed).toEqual(["2.1", "3.1"]);
    }
  });

  it("leaves the undecided 3.4 without a statement", () => {
    expect(framework("2018-or-2021").standards.find((s) => s.code === "3.4")?.statement).toBeNull();
  });

  describe.each(["2018", "2021", "2018-or-2021"])("score bands of %s", (code) => {
    const bands = framework(code).scoreBands;
    it.each<[string, number, number]>([
      ["INADEQUATE", 0, 6],
      ["REQUIRES_IMPROVEMENT", 7, 18],
      ["GOOD", 19, 30],
      ["OUTSTANDING", 31, 36],
    ])("%s covers %i–%i", (rating, min, max) => {
      expect(bands.find((b) => b.rating === rating)).toMatchObject({ minScore: min, maxScore: max });
    });
    it("are all derived from data, with a source saying so", () => {
      expect(bands).toHaveLength(4);
      for (const band of bands) {
        expect(band.confidence).toBe("derived");
        expect(band.source).toMatch(/derived from published scores/i);
      }
    });
    it("cover 0–36 with no gap or overlap, one band per rating", () => {
      const sorted = [...bands].sort((a, b) => a.minScore - b.minScore);
      expect(sorted[0]?.minScore).toBe(0);
      expect(sorted[sorted.length - 1]?.maxScore).toBe(36);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i]?.minScore).toBe((sorted[i - 1]?.maxScore ?? NaN) + 1);
      }
      expect(new Set(bands.map((b) => b.rating))).toEqual(new Set(RATINGS));
    });
  });

  it.each(["2025-IYJWCV", "2025-IYJS"])("%s has no standards, domains or bands and says its standards are not known", (code) => {
    const f = framework(code);
    expect(f.standards).toEqual([]);
    expect(f.domains).toEqual([]);
    expect(f.scoreBands).toEqual([]);
    expect(f.description).toMatch(/standards are not known/i);
  });
});
