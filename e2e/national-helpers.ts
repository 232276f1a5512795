// Checks shared by the national views' end-to-end specs.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every chart on the page has a headline, a subtitle, a table of its numbers and a CSV of them. */
export async function expectEveryChartHasItsTable(page: Page, atLeast = 1) {
  const figures = page.locator("figure[data-chart]");
  const count = await figures.count();
  expect(count).toBeGreaterThanOrEqual(atLeast);
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    const id = await figure.getAttribute("data-chart");
    await expect(figure.locator("h3")).not.toBeEmpty();
    await expect(figure.locator("p").first()).not.toBeEmpty();
    const table = figure.locator(`table[data-chart-table="${id}"]`);
    await expect(table).toHaveCount(1);
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    const csv = figure.getByRole("link", { name: "Download these numbers (CSV)" });
    expect(await csv.getAttribute("href")).toMatch(/^data:text\/csv;charset=utf-8,/);
    expect(await csv.getAttribute("download")).toMatch(/\.csv$/);
  }
}

/** No serious or critical accessibility violations (axe-core). */
export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
