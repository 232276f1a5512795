import { describe, expect, it } from "vitest";
import { dateToUkLocal, formatUkDateTime, ukLocalToDate } from "./uk-time";

describe("UK time", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(ukLocalToDate("2026-01-15T09:30")?.toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(ukLocalToDate("2026-06-18T09:30")?.toISOString()).toBe("2026-06-18T08:30:00.000Z");
  });
  it("round-trips through the input's format and formats for people", () => {
    const d = ukLocalToDate("2026-10-25T00:15")!;
    expect(dateToUkLocal(d)).toBe("2026-10-25T00:15");
    expect(formatUkDateTime(new Date("2026-06-18T08:30:00Z"))).toBe("18 June 2026 at 09:30 UK time");
  });
  it("refuses what is not a real date and time", () => {
    for (const bad of ["", "2026-02-30T10:00", "2026-06-18 09:30", "2026-06-18T24:00", "tomorrow"]) expect(ukLocalToDate(bad)).toBeNull();
  });
});
