import { describe, expect, it } from "vitest";
import { compareDataVersions, timestampLiteral } from "./public-data-version";

describe("compareDataVersions", () => {
  it("orders by the write counter first, then by the embargoes lifted", () => {
    expect(compareDataVersions("12.3.3", "12.3.3")).toBe(0);
    expect(compareDataVersions("12.3.3", "13.0.0")).toBeLessThan(0);
    expect(compareDataVersions("9.5.5", "10.0.0")).toBeLessThan(0); // numbers, not text
    expect(compareDataVersions("12.4.3", "12.3.3")).toBeGreaterThan(0);
    expect(compareDataVersions("12.3.3", "12.3.4")).toBeLessThan(0);
  });
});

describe("timestampLiteral", () => {
  it("writes the app's clock as a quoted UTC timestamp", () => {
    expect(timestampLiteral(new Date(Date.UTC(2026, 11, 1, 3, 4, 5, 6)))).toBe("'2026-12-01T03:04:05.006Z'::timestamptz");
  });
});
