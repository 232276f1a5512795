import { expect, test } from "@playwright/test";

test("the home page is the national overview, with a way to every service but no row per service", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Youth justice inspection outcomes");
  await expect(page.getByRole("heading", { level: 2, name: "Overall ratings" })).toBeVisible();
  // Bounded whatever the number of services: the list lives at /services, paged.
  await expect(page.locator("tr[data-service]")).toHaveCount(0);
  const all = page.getByRole("link", { name: "all 156 services" });
  await expect(all).toHaveAttribute("href", "/services");

  // The list, where it now lives: 155 current services and the former Western Bay service.
  await all.click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole("heading", { level: 2, name: "Services 1 to 50 of 156" })).toBeVisible();
});

test("searching a place from the home page finds its service with its latest published rating", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Search by place").fill("Wiltshire");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/services\?q=Wiltshire$/);
  const wiltshire = page.locator('tr[data-service="wiltshire"]');
  await expect(wiltshire).toContainText("Good");
  await expect(wiltshire).toContainText("20 / 36");
  await expect(wiltshire).toContainText("2024");

  // A service with no inspection in the dataset says so rather than showing a rating.
  await page.goto("/services?q=Lincolnshire");
  await expect(page.locator('tr[data-service="lincolnshire"]')).toContainText("No inspection in our records");
});

test("a service link opens its page, and an unknown service is a real 404", async ({ page }) => {
  await page.goto("/services?q=Wiltshire");
  await page.getByRole("link", { name: "Wiltshire", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/wiltshire$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wiltshire");

  const response = await page.goto("/services/no-such-service");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /list of every youth justice service/ })).toBeVisible();
});
