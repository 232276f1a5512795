import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/import/dataset";

/** The table in view, as the download should hold it: the export text of every cell, row by row. */
async function tableInView(page: Page): Promise<{ columns: string[]; rows: string[][] }> {
  const table = page.getByTestId("explorer-table");
  const columns = await table.locator("thead th[data-column]").evaluateAll((ths) =>
    ths.map((th) => th.getAttribute("data-column")!).filter((c) => c !== "select"),
  );
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("[data-export]")].map((cell) => cell.getAttribute("data-export") ?? "")),
  );
  return { columns, rows };
}

test("searching a town finds the service that covers it", async ({ page }) => {
  await page.goto("/services");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find a youth justice service");
  await page.getByLabel("Search by place").fill("Poole");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/services\?q=Poole/);
  const rows = page.locator("tbody tr[data-service]");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-service", "dorset-combined-yos");
  await expect(rows.first()).toContainText("Bournemouth, Christchurch and Poole");
  await expect(page.getByRole("heading", { level: 2, name: "Services 1 to 1 of 1" })).toBeVisible();

  // Welsh names and accents.
  await page.goto("/services?q=Wrecsam");
  await expect(page.locator("tbody tr[data-service]")).toHaveCount(1);
  await expect(page.locator('tr[data-service="wrexham"]')).toBeVisible();
  await page.goto(`/services?q=${encodeURIComponent("ynys môn")}`);
  await expect(page.locator('tr[data-service="gwynedd-and-ynys-mon"]')).toBeVisible();
});

test("sorting by score puts the highest first, then reverses, and keeps the sort in the URL", async ({ page }) => {
  await page.goto("/services");
  await page.getByTestId("explorer-table").locator('th[data-column="score"] a').click();
  await expect(page).toHaveURL(/sort=score&dir=desc/);
  await expect(page.locator('th[data-column="score"]')).toHaveAttribute("aria-sort", "descending");
  const scores = async () =>
    (await page.locator('td[data-column="score"]').evaluateAll((tds) => tds.map((td) => td.getAttribute("data-export") ?? "")))
      .filter((t) => t !== "")
      .map((t) => Number(t.split(" / ")[0]));
  const down = await scores();
  expect(down.length).toBeGreaterThan(20);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect(down[0]).toBeGreaterThanOrEqual(down[down.length - 1]!);

  await page.getByTestId("explorer-table").locator('th[data-column="score"] a').click();
  await expect(page).toHaveURL(/sort=score&dir=asc/);
  const up = await scores();
  expect(up).toEqual([...up].sort((a, b) => a - b));
  // The sort survives a reload: the URL is the state.
  await page.reload();
  await expect(page.locator('th[data-column="score"]')).toHaveAttribute("aria-sort", "ascending");
});

test("filters narrow the table and a bad value is named, not fatal", async ({ page }) => {
  await page.goto("/services");
  await page.getByLabel("Nation").selectOption("WALES");
  await page.getByLabel("Latest overall rating").selectOption("GOOD");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/nation=WALES/);
  await expect(page).toHaveURL(/rating=GOOD/);
  const nations = await page.locator('td[data-column="nation"]').allTextContents();
  expect(nations.length).toBeGreaterThan(0);
  expect(new Set(nations)).toEqual(new Set(["Wales"]));
  const ratings = await page.locator('td[data-column="rating"]').evaluateAll((tds) => tds.map((td) => td.getAttribute("data-export")));
  expect(new Set(ratings)).toEqual(new Set(["Good"]));

  await page.goto("/services?rating=BRILLIANT&since=2024-13");
  // (Next.js adds an empty route announcer with the same role.)
  const alert = page.getByRole("alert").filter({ hasText: "not understood" });
  await expect(alert).toContainText("rating");
  await expect(alert).toContainText("since");
  await expect(page.locator("tbody tr[data-service]")).toHaveCount(50);
});

test("the CSV download holds exactly the rows and columns in view", async ({ page }) => {
  await page.goto("/services?nation=WALES&sort=score&dir=desc&cols=2.1,4.1");
  await expect(page.locator('th[data-column="standard-2.1"]')).toBeVisible();
  const view = await tableInView(page);
  expect(view.rows.length).toBeGreaterThan(10);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these rows as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const [header, ...rows] = parseCsv(text);
  expect(header).toHaveLength(view.columns.length);
  expect(header).toContain("2.1 Assessment");
  expect(header).toContain("Score");
  expect(rows).toEqual(view.rows);
  // And those are the cells a reader sees.
  const firstName = await page.locator("tbody tr").first().locator("th").innerText();
  expect(firstName).toContain(rows[0]![0]!.replace(" (former service)", ""));
});

test("the XLSX download opens and matches the table", async ({ page }) => {
  await page.goto("/services?region=London&size=25");
  const view = await tableInView(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these rows as Excel (XLSX)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet("Services")!;
  const values: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= view.columns.length; i++) {
      const v = row.getCell(i).value;
      cells.push(v === null || v === undefined ? "" : String(v));
    }
    values.push(cells);
  });
  expect(values[0]).toContain("Latest overall rating");
  expect(values.slice(1)).toEqual(view.rows);
  const about = workbook.getWorksheet("About")!;
  expect(String(about.getCell("B1").value)).toBe("Contains public sector information licensed under the Open Government Licence v3.0");
});

test("ticked rows open together in the comparison", async ({ page }) => {
  await page.goto("/services?q=york");
  await expect(page.getByText("Tick two or more services to compare them.")).toBeVisible();
  const boxes = page.locator("tbody input[type=checkbox]");
  expect(await boxes.count()).toBeGreaterThanOrEqual(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const slugs = await page.locator("tbody tr[data-service]").evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.getAttribute("data-service")));
  const link = page.getByRole("link", { name: "Compare 2 selected services" });
  await expect(link).toHaveAttribute("href", `/compare?services=${slugs.join(",")}`);
});

test("ticked rows open in the comparison without JavaScript too, and the table is drawn on the server", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/services?q=york");
  await expect(page.getByTestId("explorer-table").locator("th[aria-sort]")).toHaveCount(1);
  const boxes = page.locator("tbody input[type=checkbox]");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const slugs = await page.locator("tbody tr[data-service]").evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.getAttribute("data-service")!));
  await page.getByRole("button", { name: "Compare the ticked services" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?services=${slugs[0]}&services=${slugs[1]}$`));
  await expect(page.locator('table[data-compare="scores"] tr[data-service]')).toHaveCount(2);
  await context.close();
});

test("the header box ticks every row, and Clear unticks them", async ({ page }) => {
  await page.goto("/services?q=york");
  const boxes = page.locator("tbody input[type=checkbox]");
  const count = await boxes.count();
  await page.getByLabel("Select every service on this page to compare").check();
  await expect(page.getByRole("link", { name: `Compare ${Math.min(count, 10)} selected services` })).toBeVisible();
  await page.getByRole("button", { name: `Clear selection (${count})` }).click();
  await expect(page.getByText("Tick two or more services to compare them.")).toBeVisible();
  expect(await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)).toBe(0);
});

test("the column chooser adds a standard's column, kept in the URL", async ({ page }) => {
  await page.goto("/services");
  await page.getByText(/Choose standard columns/).click();
  await page.getByLabel("3.1 Assessment").check();
  await page.getByRole("button", { name: "Show these columns" }).click();
  await expect(page).toHaveURL(/cols=3\.1/);
  await expect(page.locator('th[data-column="standard-3.1"]')).toBeVisible();
});

test("the explorer and the API page pass an accessibility check", async ({ page }) => {
  // axe reads every cell of the table: give it time on a busy machine.
  test.setTimeout(120_000);
  for (const path of ["/services?cols=1.1&size=25", "/api"]) {
    await page.goto(path);
    // The whole page, shared header included (e2e/accessibility.spec.ts checks every page the same way).
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`), path).toEqual([]);
  }
});
