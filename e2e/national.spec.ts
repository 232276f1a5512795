import { expect, test } from "@playwright/test";
import { expectEveryChartHasItsTable, expectNoSeriousAxeViolations } from "./national-helpers";

test("the overview draws every chart with its headline, table and CSV", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Youth justice inspection outcomes");
  await expectEveryChartHasItsTable(page, 5);
  // The charts draw, each mark with its rating's letters.
  const standards = page.locator('figure[data-chart="standards"]');
  await expect(standards.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(standards.locator("svg text", { hasText: /^G \d+%$/ }).first()).toBeVisible();
  // Screen readers get each mark by name: its row, rating, count and share.
  await expect(page.locator('figure[data-chart="overall"]').getByRole("img", { name: /\(n=145\): Good, 75 of 145 \(52%\)$/ })).toHaveCount(1);
  // Headlines state findings with their n.
  await expect(page.locator('figure[data-chart="overall"] h3')).toContainText("of 145");
  // One inspection has key-question figures: nothing is drawn from it, and the page says so.
  await expect(page.locator('figure[data-chart="key-questions"]')).toContainText("Not drawn");
  await expect(page.locator('figure[data-chart="standards"]')).toContainText(/Of these 148 inspections, \d+ have all twelve counting standards recorded/);
});

test("filters change the counts and the URL, and the back button undoes them", async ({ page }) => {
  await page.goto("/?basis=all");
  const counts = page.getByTestId("overview-counts");
  await expect(counts).toContainText("154 under the 2018/2021 standards and 17 under the 2025 programme");
  await expect(page.locator('figure[data-chart="standards"]')).toContainText("5 have all twelve counting standards recorded, 97 have some and 52 have only the overall rating");
  await page.getByLabel("English region").selectOption("London");
  await expect(page).toHaveURL(/region=London/);
  await expect(page).toHaveURL(/basis=all/);
  await expect(counts).not.toContainText("154 under the 2018/2021 standards");
  const london = await counts.textContent();
  await expect(page.locator('figure[data-chart="regions"] table tbody tr')).toHaveCount(1);
  await page.goBack();
  await expect(page).not.toHaveURL(/region=/);
  await expect(counts).toContainText("154 under the 2018/2021 standards");
  await expect(page.getByLabel("English region")).toHaveValue("");
  await page.goForward();
  await expect(counts).toHaveText(london!);
});

test("the overview works without JavaScript as a plain form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Nation", { exact: true }).selectOption("wales");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/nation=wales/);
  await expect(page.getByText(/18 services in Wales/)).toBeVisible();
  await context.close();
});

test("the overview has no serious accessibility problems", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page.locator('figure[data-chart="years"] [role="img"]').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
