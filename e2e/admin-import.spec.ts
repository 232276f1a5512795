// A member of staff imports a spreadsheet in the browser: preview first, then
// one confirmed write; a refused file writes nothing and says where and why.
import { expect, test } from "@playwright/test";
import { createUserWithCli, e2eDatabaseUrl } from "../lib/auth/security-fixtures";

const header =
  "service,published,fieldwork_start,framework,inspection_type,overall_rating,score,score_max,1.1 Governance and leadership,1.2 Staff,1.3 Partnerships and services,1.4 Information and facilities";

test("staff preview and confirm an import; a bad file is refused with its line", async ({ page }) => {
  test.setTimeout(120_000);
  const staff = createUserWithCli(e2eDatabaseUrl(), "staff-import@example.org", "staff");
  await page.goto("/admin/import");
  await page.getByLabel("E-mail address").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import inspections" })).toBeVisible();

  // A refused file: an unknown rating word, reported with its line.
  const spreadsheet = page.locator("form").filter({ has: page.locator('input[value="file"]') });
  await spreadsheet.getByLabel("File").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\nSwindon,2027-03-01,,2021,full,Splendid,,,Good,Good,Good,Good\n`),
  });
  await spreadsheet.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("heading", { name: "Preview: bad.csv" })).toBeVisible();
  await expect(page.getByText("1 refused", { exact: true })).toBeVisible();
  await expect(page.getByLabel("The preview, row by row")).toContainText("Splendid");
  await expect(page.getByRole("button", { name: /Confirm/ })).toHaveCount(0);

  // A good file: one new inspection, previewed, then written.
  await spreadsheet.getByLabel("File").setInputFiles({
    name: "swindon.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\nSwindon,2027-03-01,,2021,full,Good,,,Good,Good,Outstanding,Good\n`),
  });
  await spreadsheet.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("heading", { name: "Preview: swindon.csv" })).toBeVisible();
  await expect(page.getByText("1 to add", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: /Confirm/ }).click();
  await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("1 inspections added");

  // It is a draft: the admin list shows it, the public scorecard does not.
  await page.goto("/admin");
  await expect(page.locator("body")).toContainText("Swindon");
  const anonymous = await page.context().browser()!.newContext();
  const publicPage = await anonymous.newPage();
  await publicPage.goto("/services/swindon");
  await expect(publicPage.locator("body")).not.toContainText("1 March 2027");
  await anonymous.close();
});
