import { describe, expect, it } from "vitest";
import { formatPartialDate, isoPartialDate } from "./partial-date";

describe("partial dates", () => {
  const d = new Date(Date.UTC(2024, 1, 26));
  it.each([
    ["DAY", "26 February 2024", "2024-02-26"],
    ["MONTH", "February 2024", "2024-02"],
    ["YEAR", "2024", "2024"],
  ] as const)("%s precision", (precision, text, iso) => {
    expect(formatPartialDate(d, precision)).toBe(text);
    expect(isoPartialDate(d, precision)).toBe(iso);
  });
  it("gives null, never a made-up date, when nothing is recorded", () => {
    expect(formatPartialDate(null, null)).toBeNull();
    expect(formatPartialDate(d, null)).toBeNull();
    expect(isoPartialDate(null, "DAY")).toBeNull();
  });
});
