import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./national-helpers";

/** Opens the heatmap and waits until it has hydrated (a person cannot act sooner either). */
async function openHeatmap(page: Page, query = "") {
  await page.goto(`/heatmap${query}`);
  await expect(page.locator("[data-heatmap][data-interactive]")).toBeVisible();
}

/** Rows drawn in the table (only those in and near view are: the rest are spacers). */
const VISIBLE_ROWS = "tbody tr[data-service]";
const SOUTH_WEST = "?region=South%20West";

/** How many rows the table says it has, beyond its two header rows and the distribution row. */
async function rowCount(page: Page): Promise<number> {
  return Number(await page.locator("table[aria-rowcount]").getAttribute("aria-rowcount")) - 3;
}

test("the heatmap cell for Wiltshire 3.1 reads Inadequate, with its key-question figures on focus", async ({ page }) => {
  await openHeatmap(page, SOUTH_WEST);
  const cell = page.locator('tr[data-service="wiltshire"] td[data-code="3.1"]');
  await expect(cell).toContainText("Inadequate");
  await expect(cell).toContainText("I");
  await cell.focus();
  const tip = page.getByRole("tooltip");
  await expect(tip).toContainText("3.1 Out-of-court disposals: Assessment");
  await expect(tip).toContainText("Safety of other people: 42% of cases");
  await expect(cell).toHaveAttribute("aria-describedby", "heatmap-tip");
  // A standard not recorded is marked as such, never as a rating.
  const bath = page.locator('tr[data-service="bath-and-north-east-somerset"] td[data-code="2.1"]');
  await expect(bath).toContainText("not recorded");
  await expect(bath).toHaveClass(/not-recorded/);
});

test("filters change the rows, the count and the URL; back undoes them", async ({ page }) => {
  await openHeatmap(page);
  const count = page.getByTestId("heatmap-count");
  await expect(count).toContainText("Showing 149 services");
  expect(await rowCount(page)).toBe(149);

  await page.getByLabel("English region").selectOption("London");
  await expect(page).toHaveURL(/\/heatmap\?region=London$/);
  await expect(count).not.toContainText("Showing 149 services");
  const london = await rowCount(page);
  expect(london).toBeGreaterThan(10);
  expect(london).toBeLessThan(40);
  await expect(count).toContainText(`Showing ${london} services`);
  const drawn = await page.locator(VISIBLE_ROWS).count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThanOrEqual(london);

  await page.getByLabel("Which inspections").selectOption("all");
  await expect(page).toHaveURL(/basis=all/);
  await expect(count).toContainText("inspections");

  await page.goBack();
  await expect(page).toHaveURL(/\/heatmap\?region=London$/);
  await expect(count).toContainText(`Showing ${london} services`);
  await page.goBack();
  await expect(page).toHaveURL(/\/heatmap$/);
  await expect(count).toContainText("Showing 149 services");

  // A shared URL shows the same view, rendered on the server.
  await openHeatmap(page, "?region=London");
  expect(await rowCount(page)).toBe(london);
  await expect(count).toContainText(`Showing ${london} services`);
  await expect(page.getByLabel("English region")).toHaveValue("London");
});

test("only the rows in view are drawn, and scrolling draws the rest", async ({ page }) => {
  await openHeatmap(page);
  const drawn = await page.locator(VISIBLE_ROWS).count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(149);
  await page.locator("[data-heatmap-scroll]").evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('tr[data-service="york"]')).toBeVisible();
  await expect(page.locator('tr[data-service="barnet"]')).toHaveCount(0);
});

test("sorting by a standard puts its best ratings first and not recorded last", async ({ page }) => {
  await openHeatmap(page);
  await page.getByRole("button", { name: /^3\.1 Out-of-court disposals: Assessment: sort/ }).click();
  await expect(page).toHaveURL(/sort=std%3A3\.1/);
  const first = page.locator(VISIBLE_ROWS).first().locator('td[data-code="3.1"]');
  await expect(first).toContainText("Outstanding");
  await page.locator("[data-heatmap-scroll]").evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = page.locator(VISIBLE_ROWS).last().locator('td[data-code="3.1"]');
  await expect(last).toContainText(/not recorded|not part of/);
});

test("arrow keys move between cells", async ({ page }) => {
  await openHeatmap(page, SOUTH_WEST);
  const wiltshire = page.locator('tr[data-service="wiltshire"]');
  await wiltshire.locator('td[data-code="3.1"]').focus();
  await page.keyboard.press("ArrowRight");
  await expect(wiltshire.locator('td[data-code="3.2"]')).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(wiltshire.locator('td[data-code="2.4"]')).toBeFocused();
  await expect(page.getByRole("tooltip")).toContainText("2.4 Court disposals: Reviewing");
  await page.keyboard.press("Home");
  await expect(page.getByRole("tooltip")).toContainText("overall rating");
});

test("services chosen on the heatmap open side by side on the compare page", async ({ page }) => {
  await openHeatmap(page, SOUTH_WEST);
  await page.getByRole("checkbox", { name: "Choose Wiltshire to compare" }).check();
  await page.getByRole("checkbox", { name: "Choose Dorset Combined YOS to compare" }).check();
  await page.getByRole("link", { name: "Compare 2 services" }).click();
  await expect(page).toHaveURL(/\/compare\?services=wiltshire,dorset-combined-yos$/);
  await expect(page.locator('table[data-compare="scores"] tbody tr')).toHaveCount(2);
});

test("a row links to the service's scorecard", async ({ page }) => {
  await openHeatmap(page, SOUTH_WEST);
  await page.locator('tr[data-service="wiltshire"]').getByRole("link", { name: "Wiltshire" }).click();
  await expect(page).toHaveURL(/\/services\/wiltshire$/);
});

test("the heatmap has no serious accessibility problems", async ({ page }) => {
  test.setTimeout(120_000);
  await openHeatmap(page, SOUTH_WEST);
  await expectNoSeriousAxeViolations(page);
});
