import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIT_WIDTHS, FULL_PX, LETTERS_PX, segmentFit } from "./segment-fit";

describe("segmentFit", () => {
  it("gives each text the narrowest listed bar width at which the segment has room for it", () => {
    // 64% of a 120 px bar is 76.8 px: room for "G 64%" (60 px); of 80 px, 51.2 px is not.
    expect(segmentFit(64)).toEqual({ letters: 80, full: 120 });
    // 10%: letters need a 200 px bar, "G 10%" a 600 px one (so 640).
    expect(segmentFit(10)).toEqual({ letters: 200, full: 640 });
    for (const share of [1, 3, 8, 25, 50, 99, 100]) {
      const fit = segmentFit(share);
      if (fit.letters !== null) expect((fit.letters * share) / 100).toBeGreaterThanOrEqual(LETTERS_PX);
      if (fit.full !== null) expect((fit.full * share) / 100).toBeGreaterThanOrEqual(FULL_PX);
    }
  });
  it("never shows a text a segment has no room for even at the widest listed bar, nor anything for 0%", () => {
    expect(segmentFit(1)).toEqual({ letters: null, full: null });
    expect(segmentFit(3)).toEqual({ letters: 800, full: null });
    expect(segmentFit(0)).toEqual({ letters: null, full: null });
  });
  it("has a container query in app/globals.css for every width it can give", () => {
    const css = readFileSync(path.join(import.meta.dirname, "..", "..", "app", "globals.css"), "utf8");
    for (const w of FIT_WIDTHS) {
      expect(css).toContain(`@container (min-width: ${w}px) {\n  .chart-bar [data-fit-from="${w}"] {\n    display: inline;`);
      expect(css).toContain(`@container (min-width: ${w}px) {\n  .chart-bar [data-fit-until="${w}"] {\n    display: none;`);
    }
    // The "until" rules come after every "from" rule, so that they win when both apply.
    expect(css.lastIndexOf("[data-fit-from=")).toBeLessThan(css.indexOf("[data-fit-until="));
  });
});
