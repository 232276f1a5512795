// The server-drawn rating chart's markup: what it draws and names is what the
// table beside it says.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RatingBarsChart } from "./RatingBarsChart";
import { ratingBarData, ratingTable } from "./rating-table";

const rows = [
  {
    label: "1.1 Governance",
    distribution: { rated: 53, notRecorded: 2, counts: { OUTSTANDING: 13, GOOD: 34, REQUIRES_IMPROVEMENT: 6, INADEQUATE: 0 } },
  },
  { label: "2018", distribution: { rated: 4, notRecorded: 1, counts: { OUTSTANDING: 1, GOOD: 2, REQUIRES_IMPROVEMENT: 1, INADEQUATE: 0 } } },
];

function render() {
  return renderToStaticMarkup(<RatingBarsChart data={ratingBarData(rows)} label="Test chart" />);
}

describe("RatingBarsChart", () => {
  it("draws one named segment per rating held, as wide as its share in the table, and none for a rating no one has", () => {
    const html = render();
    const marks = [...html.matchAll(/<rect x="([\d.]+)%" y="0.5" width="([\d.]+)%"[^>]*role="img" aria-label="([^"]+)"/g)].map((m) => ({
      x: Number(m[1]),
      width: Number(m[2]),
      name: m[3],
    }));
    expect(marks.map((m) => m.name)).toEqual([
      "1.1 Governance (n=53): Outstanding, 13 of 53 (25%)",
      "1.1 Governance (n=53): Good, 34 of 53 (64%)",
      "1.1 Governance (n=53): Requires improvement, 6 of 53 (11%)",
    ]);
    const table = ratingTable(rows, "Standard");
    expect(table.rows[0]!.slice(1, 4)).toEqual(["13 (25%)", "34 (64%)", "6 (11%)"]);
    expect(marks.map((m) => m.width)).toEqual([25, 64, 11]);
    // Stacked end to end, filling the bar.
    expect(marks.map((m) => m.x)).toEqual([0, 25, 89]);
    // Each segment's letters (and share, where it fits) as text, hidden from screen readers (the name says it).
    expect(html).toMatch(/<g aria-hidden="true"[^>]*><text[^>]*data-fit-from="80" data-fit-until="120">G<\/text><text[^>]*data-fit-from="120">G 64%<\/text><\/g>/);
  });

  it("draws a row with fewer than five rated as a hatched 'not drawn' bar, never as ratings", () => {
    const html = render();
    expect(html).toMatch(/<p class="not-recorded[^"]*"[^>]*data-too-few="">.*fewer than 5 rated: not drawn<\/p>/);
    expect(html).not.toContain("2018 (n=4): Good");
    // Its numbers are still in the row's detail.
    expect(html).toContain(">2018 (n=4)</button>");
    expect(html).toContain("n = 4 rated; 1 not recorded: fewer than 5 rated: not drawn");
  });

  it("gives each row label a popover with the row's counts, n and not recorded", () => {
    const html = render();
    const targets = [...html.matchAll(/popovertarget="([^"]+)"/gi)].map((m) => m[1]);
    const ids = [...html.matchAll(/ id="([^"]+)" popover="auto"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(targets).toContain(id);
    expect(html).toContain("<li>Good: 34 (64%)</li>");
    expect(html).toContain("n = 53 rated; 2 not recorded");
  });
});
