import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./national-helpers";

/** Opens the heatmap and waits until it has hydrated (a person cannot act sooner either). */
async function openHeatmap(page: Page, query = "") {
  await page.goto(`/heatmap${query}`);
  await expect(page.locator("[data-heatmap][data-interactive]")).toBeVisible();
}

const VISIBLE_ROWS = "tbody tr[data-service]:not([hidden])";

test("the heatmap cell for Wiltshire 3.1 reads Inadequate, with its key-question figures on focus", async ({ page }) => {
  await openHeatmap(page);
  const cell = page.locator('tr[data-service="wiltshire"] td[data-code="3.1"]');
  await expect(cell).toContainText("Inadequate");
  await expect(cell).toContainText("I");
  await cell.focus();
  const tip = page.getByRole("tooltip");
  await expect(tip).toContainText("3.1 Out-of-court disposals: Assessment");
  await expect(tip).toContainText("Safety of other people: 42% of cases");
  await expect(cell).toHaveAttribute("aria-describedby", "heatmap-tip");
  // A standard not recorded is marked as such, never as a rating.
  const barnet = page.locator('tr[data-service="barnet"] td[data-code="1.4"]');
  await expect(barnet).toContainText("not recorded");
  await expect(barnet).toHaveClass(/not-recorded/);
});

test("filters change the rows, the count and the URL; back undoes them; all within 100 ms", async ({ page }) => {
  await openHeatmap(page);
  const count = page.getByTestId("heatmap-count");
  await expect(count).toContainText("Showing 149 services");
  const rows = page.locator(VISIBLE_ROWS);
  await expect(rows).toHaveCount(149);

  const ms = await page.evaluate(async () => {
    const select = document.querySelector<HTMLSelectElement>("#hm-region")!;
    const status = document.querySelector("[data-testid=heatmap-count]")!;
    const before = status.textContent;
    const started = performance.now();
    select.value = "London";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise<void>((resolve) => {
      const check = () => (status.textContent !== before ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - started;
  });
  expect(ms).toBeLessThan(100);
  await expect(page).toHaveURL(/\/heatmap\?region=London$/);
  const london = await rows.count();
  expect(london).toBeGreaterThan(10);
  expect(london).toBeLessThan(40);
  await expect(count).toContainText(`Showing ${london} services`);

  await page.getByLabel("Which inspections").selectOption("all");
  await expect(page).toHaveURL(/basis=all/);
  await expect(count).toContainText("inspections");

  await page.goBack();
  await expect(page).toHaveURL(/\/heatmap\?region=London$/);
  await expect(rows).toHaveCount(london);
  await page.goBack();
  await expect(page).toHaveURL(/\/heatmap$/);
  await expect(rows).toHaveCount(149);

  // A shared URL shows the same view, rendered on the server.
  await openHeatmap(page, "?region=London");
  await expect(rows).toHaveCount(london);
  await expect(page.getByLabel("English region")).toHaveValue("London");
});

test("sorting by a standard puts its best ratings first and not recorded last, within 100 ms", async ({ page }) => {
  await openHeatmap(page);
  const ms = await page.evaluate(async (selector) => {
    const button = document.querySelector<HTMLButtonElement>('th[title^="3.1"] button')!;
    const first = () => document.querySelector(selector)?.getAttribute("data-service");
    const before = first();
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () => (first() !== before ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - started;
  }, VISIBLE_ROWS);
  expect(ms).toBeLessThan(100);
  await expect(page).toHaveURL(/sort=std%3A3\.1/);
  const first = page.locator(VISIBLE_ROWS).first().locator('td[data-code="3.1"]');
  await expect(first).toContainText("Outstanding");
  const last = page.locator(VISIBLE_ROWS).last().locator('td[data-code="3.1"]');
  await expect(last).toContainText(/not recorded|not part of/);
});

test("arrow keys move between cells", async ({ page }) => {
  await openHeatmap(page);
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
  await openHeatmap(page);
  await page.getByRole("checkbox", { name: "Choose Wiltshire to compare" }).check();
  await page.getByRole("checkbox", { name: "Choose Cardiff to compare" }).check();
  await page.getByRole("link", { name: "Compare 2 services" }).click();
  await expect(page).toHaveURL(/\/compare\?services=wiltshire,cardiff$/);
  await expect(page.locator('table[data-compare="scores"] tbody tr')).toHaveCount(2);
});

test("a row links to the service's scorecard", async ({ page }) => {
  await openHeatmap(page);
  await page.locator('tr[data-service="wiltshire"]').getByRole("link", { name: "Wiltshire" }).click();
  await expect(page).toHaveURL(/\/services\/wiltshire$/);
});

test("the heatmap has no serious accessibility problems", async ({ page }) => {
  await openHeatmap(page, "?region=South%20West");
  await expectNoSeriousAxeViolations(page);
});
