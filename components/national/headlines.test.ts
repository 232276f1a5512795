import { describe, expect, it } from "vitest";
import { distributionOf } from "@/lib/queries/national-distribution";
import { frameworkHeadline, keyQuestionHeadline, overallHeadline, spreadHeadline, standardsHeadline, trendHeadline } from "./headlines";

const d = (o: number, g: number, ri: number, i: number, nr = 0) =>
  distributionOf([
    { rating: "OUTSTANDING", count: o },
    { rating: "GOOD", count: g },
    { rating: "REQUIRES_IMPROVEMENT", count: ri },
    { rating: "INADEQUATE", count: i },
    { rating: null, count: nr },
  ]);

describe("headlines", () => {
  it("state the most common overall rating with its n, or say there are too few", () => {
    expect(overallHeadline(d(17, 75, 49, 4, 3), "services")).toBe(
      "Good was the most common overall rating of services: 75 of 145 (52%); 92 of 145 (63%) were Good or Outstanding.",
    );
    expect(overallHeadline(d(1, 1, 1, 0, 40), "services")).toMatch(/Too few services have an overall rating to describe \(3;/);
  });

  it("name the weakest and strongest standards, skipping those with fewer than five ratings", () => {
    const text = standardsHeadline([
      { label: "3.1", distribution: d(4, 1, 1, 7) },
      { label: "1.2", distribution: d(25, 48, 0, 2) },
      { label: "2.2", distribution: d(0, 0, 2, 2) },
    ]);
    expect(text).toBe("3.1 is most often rated below Good: 8 of 13 (62%); 1.2 least often: 2 of 75 (3%).");
  });

  it("say that safety lags desistance only when every drawn standard shows it", () => {
    expect(keyQuestionHeadline([{ code: "2.1", label: "2.1", desistance: null, child: null, others: null }], 1)).toMatch(/recorded for 1 inspection here: too few/);
    const lag = keyQuestionHeadline(
      [
        { code: "2.1", label: "2.1 Court: assessment", desistance: 86, child: 77, others: 72 },
        { code: "3.1", label: "3.1 Out-of-court: assessment", desistance: 85, child: 80, others: 80 },
      ],
      300,
    );
    expect(lag).toMatch(/lags work on desistance in all 2 case-based standards/);
    expect(lag).toMatch(/widest in 2.1 Court: assessment \(median 86% against 72%\)/);
    expect(keyQuestionHeadline([{ code: "2.1", label: "2.1", desistance: 60, child: 70, others: 50 }], 9)).toMatch(/in 0 of 1/);
  });

  it("describe a spread, a trend and frameworks from rows with at least five ratings", () => {
    expect(spreadHeadline([{ label: "London", distribution: d(2, 8, 10, 0) }, { label: "Wales", distribution: d(5, 10, 0, 0) }], "region")).toBe(
      "The share rated Good or Outstanding ranges from 50% in London (10 of 20) to 100% in Wales (15 of 15).",
    );
    expect(
      trendHeadline([
        { label: "2019", year: 2019, distribution: d(0, 8, 7, 2) },
        { label: "2020", year: 2020, distribution: d(0, 1, 1, 0) },
        { label: "2024", year: 2024, distribution: d(2, 14, 6, 2) },
      ]),
    ).toBe("The share of inspections rated Good or Outstanding under the 2018/2021 standards rose from 47% in 2019 (n=17) to 67% in 2024 (n=24).");
    expect(frameworkHeadline([{ label: "2018 standards", distribution: d(4, 0, 0, 3) }, { label: "2021 standards", distribution: d(0, 1, 1, 2) }], "3.1")).toBe(
      "Share of 3.1 ratings that were Good or Outstanding: 57% under the 2018 standards (4 of 7).",
    );
  });
});
