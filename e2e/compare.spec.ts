import { expect, test } from "@playwright/test";
import { expectEveryChartHasItsTable, expectNoSeriousAxeViolations } from "./national-helpers";

test("compare shows two services side by side", async ({ page }) => {
  await page.goto("/compare?services=wiltshire,dorset-combined-yos");
  const scores = page.locator('table[data-compare="scores"]');
  await expect(scores.locator('tr[data-service="wiltshire"]')).toContainText("14 May 2024");
  await expect(scores.locator('tr[data-service="wiltshire"]')).toContainText("20 / 36");
  await expect(scores.locator('tr[data-service="dorset-combined-yos"]')).toContainText("Good");
  const grid = page.locator('table[data-compare="standards"]');
  await expect(grid.locator("thead th")).toHaveCount(3);
  await expect(grid.locator('tr[data-standard="3.1"] td[data-service="wiltshire"]')).toContainText("Inadequate");
  await expect(grid.locator('tr[data-standard="4.1"] td[data-service="dorset-combined-yos"]')).toContainText("Good");
  // Key questions: one grouped-bar chart per key question, each with its table.
  await expectEveryChartHasItsTable(page, 3);
  const desistance = page.locator('figure[data-chart="compare-desistance"]');
  await expect(desistance.locator("[data-grouped-bars] rect").first()).toBeVisible();
  // Each bar is named for screen readers and as long as its figure in the table; a missing figure draws no bar and says so.
  const bar = desistance.getByRole("img", { name: /^2\.1 Court: assessment: Wiltshire \d+%$/ });
  await expect(bar).toHaveCount(1);
  const value = Number((await bar.getAttribute("aria-label"))!.match(/(\d+)%$/)![1]);
  await expect(desistance.locator("table tbody tr").first()).toContainText(`${value}%`);
  expect(await bar.getAttribute("width")).toBe(`${value}%`);
  await expect(desistance.locator("[data-grouped-bars] text", { hasText: "B: not recorded" }).first()).toBeVisible();
  await expect(page.locator('figure[data-chart="compare-safety_of_others"]')).toContainText("only Wiltshire has figures recorded");
});

test.describe("bad input gets a clear message, not a crash", () => {
  const cases: [string, string][] = [
    ["?services=wiltshire", "Only one service was chosen"],
    ["?services=a,b,c,d,e,f,g", "7 services were chosen; at most 6"],
    ["?services=", "No services were chosen"],
    ["?services=wiltshire,atlantis", "One service was not found: “atlantis”"],
  ];
  for (const [query, message] of cases) {
    test(query, async ({ page }) => {
      const response = await page.goto(`/compare${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId("compare-problem")).toContainText(message);
      await expect(page.locator('table[data-compare="scores"]')).toHaveCount(0);
    });
  }

  test("an unknown service among known ones is named, and the rest are compared", async ({ page }) => {
    await page.goto("/compare?services=wiltshire,atlantis,cardiff");
    await expect(page.getByTestId("compare-problem")).toContainText("“atlantis”");
    await expect(page.locator('table[data-compare="scores"] tbody tr')).toHaveCount(2);
  });
});

test("the compare page has no serious accessibility problems", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/compare?services=wiltshire,cardiff,leeds");
  await expectNoSeriousAxeViolations(page);
});
