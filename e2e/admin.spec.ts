// A member of staff, in the browser: signs in, is stopped by a field error,
// corrects it, saves a draft, embargoes it; the public cannot see it.
import { expect, test } from "@playwright/test";
import { createUserWithCli, e2eDatabaseUrl } from "../lib/auth/security-fixtures";

test("staff record a draft, correct a field error, and embargo it", async ({ page }) => {
  test.setTimeout(120_000);
  const staff = createUserWithCli(e2eDatabaseUrl(), "staff-ui@example.org", "staff");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
  await page.getByLabel("E-mail address").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inspections" })).toBeVisible();

  await page.getByRole("link", { name: "Record a new inspection" }).click();
  await page.locator("#f-serviceSlug").selectOption("swindon");
  await page.locator("#f-serviceNameAtInspection").fill("Swindon Youth Justice Service");
  await page.locator("#f-publishedOn").fill("2027-02-30");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expect(page.locator("#f-publishedOn")).toHaveAttribute("aria-invalid", "true");

  await page.locator("#f-publishedOn").fill("2027-02-27");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.locator('[data-status="DRAFT"]')).toBeVisible();
  const id = /\/admin\/inspections\/(\d+)/.exec(page.url())![1];

  await page.getByRole("button", { name: "Embargo until this time" }).click();
  await expect(page.locator('[data-status="EMBARGOED"]')).toBeVisible();

  const anonymous = await page.context().browser()!.newContext();
  const response = await (await anonymous.newPage()).goto(`/admin/inspections/${id}`);
  expect(response?.url()).toMatch(/\/sign-in/);
  await anonymous.close();
});
