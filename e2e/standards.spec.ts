import { expect, test } from "@playwright/test";
import { expectEveryChartHasItsTable, expectNoSeriousAxeViolations } from "./national-helpers";

test("the standards index lists the thirteen standards with how often each is rated", async ({ page }) => {
  await page.goto("/standards");
  await expect(page.locator("tr[data-standard]")).toHaveCount(13);
  await expect(page.locator('tr[data-standard="4.1"]')).toContainText("52 of 88");
  await page.getByRole("link", { name: "3.1 Out-of-court disposals: Assessment" }).click();
  await expect(page).toHaveURL(/\/standards\/3\.1$/);
});

test("the page for 3.1 lists Wiltshire under Inadequate and says what the standard asks", async ({ page }) => {
  await page.goto("/standards/3.1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("3.1 Out-of-court disposals: Assessment");
  await expect(page.getByRole("heading", { name: "What it asks" })).toBeVisible();
  await expect(page.getByText(/Assessment draws on good information/).first()).toBeVisible();
  const inadequate = page.locator('[data-band="INADEQUATE"]');
  await expect(inadequate.getByRole("link", { name: "Wiltshire" })).toBeVisible();
  await expect(page.locator('[data-band="OUTSTANDING"]').getByRole("link", { name: "Wiltshire" })).toHaveCount(0);
  // Services below 50% on a key question: Wiltshire's 42% for keeping other people safe.
  const low = page.locator("table[data-low-figures]");
  await expect(low.locator("tbody tr")).toHaveCount(1);
  await expect(low).toContainText("42%");
  await expectEveryChartHasItsTable(page, 3);
});

test("filters on a standard's page change its counts and its URL", async ({ page }) => {
  await page.goto("/standards/1.2");
  const counts = page.getByTestId("standard-counts");
  const before = await counts.textContent();
  await page.getByLabel("Nation", { exact: true }).selectOption("wales");
  await expect(page).toHaveURL(/\/standards\/1\.2\?nation=wales$/);
  await expect(counts).not.toHaveText(before!);
  await expect(counts).toContainText("in Wales");
});

test("an unknown standard is a real 404", async ({ page }) => {
  const response = await page.goto("/standards/9.9");
  expect(response?.status()).toBe(404);
});

test("a standard's page has no serious accessibility problems", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/standards/2.4");
  await expectNoSeriousAxeViolations(page);
});

test("a band's own page lists the same inspections as the band on the standard's page", async ({ page }) => {
  await page.goto("/standards/3.1");
  const inadequate = await page.locator('[data-band="INADEQUATE"] li a').allTextContents();
  expect(inadequate).toContain("Wiltshire");
  await page.goto("/standards/3.1/bands/inadequate");
  await expect(page.getByTestId("band-count")).toContainText(`${inadequate.length} inspection`);
  expect(await page.getByTestId("band-entries").locator("li a").allTextContents()).toEqual(inadequate);
  expect((await page.goto("/standards/3.1/bands/excellent"))?.status()).toBe(404);
});
