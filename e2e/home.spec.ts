import { expect, test } from "@playwright/test";

test("the home page lists every service with its latest published rating", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Youth justice inspection outcomes");
  const rows = page.locator("tbody tr[data-service]");
  // 155 current services and the former Western Bay service.
  await expect(rows).toHaveCount(156);

  const wiltshire = page.locator('tr[data-service="wiltshire"]');
  await expect(wiltshire).toContainText("Good");
  await expect(wiltshire).toContainText("20 / 36");
  await expect(wiltshire).toContainText("2024");

  // A service with no inspection in the dataset says so rather than showing a rating.
  await expect(page.locator('tr[data-service="lincolnshire"]')).toContainText("Not inspected in our records");
});

test("a service link opens its page, and an unknown service is a real 404", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Wiltshire", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/wiltshire$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wiltshire");

  const response = await page.goto("/services/no-such-service");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /list of every youth justice service/ })).toBeVisible();
});
