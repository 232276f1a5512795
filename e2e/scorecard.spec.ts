// The service scorecard in a real browser against the production build and
// the real dataset: Wiltshire's page against its published report, the states
// that must be right, the downloads, narrow screens, print and accessibility.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { getDocumentProxy } from "unpdf";

const WILTSHIRE = "/services/wiltshire";

async function noHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.describe("Wiltshire against the published report", () => {
  test("the latest inspection: Good, 20 / 36, with the publication date beside the rating", async ({ page }) => {
    await page.goto(WILTSHIRE);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wiltshire");
    const latest = page.getByTestId("latest-rating");
    await expect(latest).toContainText("Good");
    await expect(page.getByTestId("latest-score")).toHaveText("20 / 36");
    await expect(page.getByTestId("latest-published")).toHaveText("published 14 May 2024");
    // The date sits in the same line as the rating, not elsewhere on the page.
    await expect(latest.getByTestId("latest-published")).toBeVisible();
    await expect(page.locator(".latest-box")).toContainText("fieldwork from 26 February 2024");
    await expect(page.locator(".latest-box")).toContainText("Youth standards 2021");
    await expect(page.locator(".latest-box")).toContainText("Full inspection");
    await expect(page.locator(".latest-box")).toContainText("20 / 36 is in the Good band (19–30)");
  });

  test("ratings by domain as a table, with words and letters, and resettlement apart", async ({ page }) => {
    await page.goto(WILTSHIRE);
    const ratings = page.locator("#ratings");
    const row = (code: string) => ratings.locator(`.domain-grid tr[data-standard="${code}"]`);
    await expect(row("1.4").getByRole("cell")).toHaveText("OOutstanding");
    for (const code of ["2.1", "2.2", "2.3"]) await expect(row(code).getByRole("cell")).toHaveText("RIRequires improvement");
    await expect(row("3.1").getByRole("cell")).toHaveText("IInadequate");
    await expect(row("1.1").getByRole("cell")).toHaveText("GGood");
    // Twelve counting standards in three domain tables, each a real table with a row header.
    await expect(ratings.getByRole("heading", { level: 3 })).toHaveText([
      "1. Organisational delivery",
      "2. Court disposals",
      "3. Out-of-court disposals",
      "Rated apart: not counted",
    ]);
    await expect(ratings.locator('.domain-grid > div:not(.not-counting) tr[data-standard]')).toHaveCount(12);
    await expect(ratings.getByRole("rowheader", { name: /3\.1 Assessment/ })).toBeVisible();
    // Resettlement is apart, marked as not counting, and rated Outstanding.
    const apart = ratings.locator(".not-counting");
    await expect(apart).toContainText("does not count toward the overall rating");
    await expect(apart.locator('tr[data-standard="4.1"]')).toContainText("Resettlement policy and provision");
    await expect(apart.locator('tr[data-standard="4.1"] td')).toHaveText("OOutstanding");
    await expect(ratings.locator('.domain-grid > div:not(.not-counting) tr[data-standard="4.1"]')).toHaveCount(0);
  });

  test("key questions: 3.1's figures are 83%, 67% and 42%, labelled, with no band drawn", async ({ page }) => {
    await page.goto(WILTSHIRE);
    const section = page.locator("#key-questions");
    const oocdAssessment = section.locator('tr[data-standard="3.1"]');
    await expect(oocdAssessment.locator('td[data-area="DESISTANCE"]')).toContainText("83%");
    await expect(oocdAssessment.locator('td[data-area="SAFETY_OF_CHILD"]')).toContainText("67%");
    await expect(oocdAssessment.locator('td[data-area="SAFETY_OF_OTHERS"]')).toContainText("42% lowest");
    await expect(oocdAssessment).toContainText("Inadequate");
    await expect(section.getByRole("columnheader")).toContainText(["Standard and rating", "Desistance", "Safety of the child", "Safety of other people"]);
    await expect(section).toContainText("The lowest figure is 42% of cases");
    await expect(section).toContainText("not confirmed in our sources, so none is drawn");
    await expect(section).toContainText("No national median is drawn: only 1 inspection in England");
    await expect(section).not.toContainText("Rating differs from the figure band");
    // Each bar is as wide as its figure.
    const bar = oocdAssessment.locator('td[data-area="SAFETY_OF_OTHERS"] .kq-track > div').first();
    expect(await bar.evaluate((el) => (el as HTMLElement).style.width)).toBe("42%");
  });

  test("comparisons state their n and the frameworks they cover, and say too few instead of drawing", async ({ page }) => {
    await page.goto(WILTSHIRE);
    const compare = page.locator("#compare");
    await expect(compare.getByText(/^Rated Good overall, like \d+% of services in England \(\d+ of \d+\)\.$/)).toBeVisible();
    await expect(compare).toContainText("under the 2018 and 2021 standards");
    await expect(compare).toContainText(/inspections in England \(\d+ under 2018, \d+ under 2021/);
    await expect(compare.locator('tr[data-compare="2.1"] td[data-level="region"]')).toContainText(/Too few to compare \(n = [1-4]\)/);
    await expect(compare.locator('tr[data-compare="2.1"] td[data-level="region"] .distribution-bar')).toHaveCount(0);
    await expect(compare.locator('tr[data-compare="overall"] td[data-level="nation"]')).toContainText(/Good, like \d+% \(\d+ of \d+\)/);
    await expect(compare.locator(".score-distribution figure")).toHaveCount(2);
    await expect(compare.locator(".score-distribution")).toContainText(/20 \/ 36 is (below|above|at) the median/);
    const nation = compare.locator('.score-distribution figure[data-level="nation"]');
    await expect(nation.locator('svg[role="group"]')).toBeVisible();
    // Each column is named for screen readers, the service's own among them.
    await expect(nation.getByRole("img", { name: /^Score 20: \d+ services?, this service's score$/ })).toHaveCount(1);
  });

  test("history, recommendations and sources, each figure's sources one click away", async ({ page }) => {
    await page.goto(WILTSHIRE);
    const history = page.locator("#history");
    await expect(history.locator("tbody tr")).toHaveCount(1);
    await expect(history).toContainText("As Wiltshire Youth Justice Service");
    await expect(history).toContainText("first in our records");
    await expect(page.locator("#recommendations")).toContainText("not recorded in our data");
    await page.getByRole("link", { name: /Sources of these figures \(4\)/ }).click();
    await expect(page).toHaveURL(/#sources-\d+$/);
    await expect(page.getByRole("link", { name: "https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/wiltshire2024/" })).toBeVisible();
  });

  test("the figures are in the server-rendered HTML, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(WILTSHIRE);
    await expect(page.getByTestId("latest-score")).toHaveText("20 / 36");
    await expect(page.locator('#key-questions tr[data-standard="3.1"]')).toContainText("42%");
    await context.close();
  });
});

test.describe("states that must be right", () => {
  test("a service with no inspection says so: no rating, no zero score, no chart", async ({ page }) => {
    await page.goto("/services/lincolnshire");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lincolnshire");
    await expect(page.getByRole("heading", { name: "Not inspected in our records" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("/ 36");
    await expect(page.locator("main svg")).toHaveCount(0);
    await expect(page.locator("#ratings, #key-questions, #compare")).toHaveCount(0);
    await expect(page.locator("#history")).toContainText("No inspection of this service is recorded");
  });

  test("an inspection with only an overall rating shows it with its date and says what is not known", async ({ page }) => {
    await page.goto("/services/hampshire");
    await expect(page.getByTestId("latest-rating")).toContainText("Good");
    await expect(page.getByTestId("latest-published")).toHaveText("published September 2018");
    await expect(page.getByTestId("latest-rating")).toContainText("Score not recorded");
    await expect(page.locator(".latest-box")).toContainText("None of the 12 standard ratings is recorded: only the overall rating is known.");
    await expect(page.locator("#compare")).toContainText("Not compared, because this service's rating is not recorded");
    await expect(page.locator("#compare .score-distribution")).toHaveCount(0);
  });

  test("a former service links to its successors and they link back, with the name at each inspection", async ({ page }) => {
    await page.goto("/services/western-bay");
    await expect(page.locator("main")).toContainText("This is a former service");
    await expect(page.locator("#history")).toContainText("As Western Bay Youth Justice and Early Intervention Service");
    await expect(page.locator("#compare")).toContainText("this former service is not counted");
    await page.getByRole("link", { name: "Swansea" }).first().click();
    await expect(page).toHaveURL(/\/services\/swansea$/);
    await page.getByRole("link", { name: /Western Bay/ }).first().click();
    await expect(page).toHaveURL(/\/services\/western-bay$/);
  });

  test("an unknown service is a real 404 that offers a search and the list of every service", async ({ page }) => {
    const response = await page.goto("/services/no-such-service");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service not found");
    await expect(page.getByRole("link", { name: "the list of every youth justice service" })).toHaveAttribute("href", "/services");
    await page.getByLabel("Search by place").fill("Wiltshire");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/services\?q=Wiltshire$/);
    await expect(page.locator('tbody tr[data-service="wiltshire"]')).toBeVisible();
  });

  test("a scorecard carries nothing per service in the country", async ({ request }) => {
    // The unknown-service page is rendered into every scorecard's payload by Next.js; it once listed
    // every service, so one service's page grew with the country (3.5 MB at 15,500 services).
    const html = await (await request.get(WILTSHIRE)).text();
    const linked = new Set(html.match(/\/services\/[a-z0-9-]+/g) ?? []);
    expect(linked.has("/services/wiltshire")).toBe(true);
    // Its own links only (itself, its data, successions): far from the 156 services of the dataset.
    expect(linked.size).toBeLessThan(10);
  });
});

test.describe("downloads", () => {
  test("the CSV holds every inspection, with words for ratings and empty cells for what is not recorded", async ({ request }) => {
    const response = await request.get(`${WILTSHIRE}/data.csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    expect(response.headers()["content-disposition"]).toContain('filename="wiltshire-inspections.csv"');
    const [header, row, ...rest] = (await response.text()).trim().split("\r\n");
    expect(rest).toEqual([]);
    const columns = header!.split(",");
    const cells = row!.split(",");
    const cell = (name: string) => cells[columns.indexOf(name)];
    expect(cell("published_on")).toBe("2024-05-14");
    expect(cell("fieldwork_start")).toBe("2024-02-26");
    expect(cell("overall_rating")).toBe("Good");
    expect(cell("score")).toBe("20");
    expect(cell("score_max")).toBe("36");
    expect(cell("standard_1.4")).toBe("Outstanding");
    expect(cell("standard_3.1")).toBe("Inadequate");
    expect(cell("standard_4.1")).toBe("Outstanding");

    const hampshire = (await (await request.get("/services/hampshire/data.csv")).text()).trim().split("\r\n");
    const hColumns = hampshire[0]!.split(",");
    const hCells = hampshire[1]!.split(",");
    expect(hCells[hColumns.indexOf("score")]).toBe("");
    expect(hCells[hColumns.indexOf("overall_rating")]).toBe("Good");
  });

  test("the chart tables download exactly the figures drawn", async ({ request }) => {
    const kq = (await (await request.get(`${WILTSHIRE}/data.csv?table=key-questions`)).text()).trim().split("\r\n");
    expect(kq).toHaveLength(22);
    expect(kq.filter((l) => l.includes(",3.1,Assessment,Inadequate,")).map((l) => l.split(",")[8])).toEqual(["83", "67", "42"]);
    const comparison = await (await request.get(`${WILTSHIRE}/data.csv?table=comparison`)).text();
    expect(comparison).toContain("STANDARDS_2018_2021,overall,Overall rating,Good,nation,England,");
    const bad = await request.get(`${WILTSHIRE}/data.csv?table=nonsense`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("inspections, key-questions, comparison, score-distribution");
  });

  test("the JSON holds the whole scorecard", async ({ request }) => {
    const response = await request.get(`${WILTSHIRE}/data.json`);
    expect(response.headers()["content-type"]).toContain("application/json");
    const json = await response.json();
    expect(json.service).toMatchObject({ slug: "wiltshire", name: "Wiltshire", nation: "ENGLAND", region: "South West" });
    expect(json.inspections).toHaveLength(1);
    expect(json.inspections[0]).toMatchObject({ overallRating: "GOOD", score: 20, scoreMax: 36, publishedOn: "2024-05-14" });
    expect(json.inspections[0].ratings).toHaveLength(13);
    expect(json.latest.notCountingTowardOverall).toEqual([expect.objectContaining({ code: "4.1", rating: "OUTSTANDING" })]);
    const lincolnshire = await (await request.get("/services/lincolnshire/data.json")).json();
    expect(lincolnshire).toMatchObject({ inspections: [], latest: null, comparison: null });
    expect((await request.get("/services/no-such-service/data.json")).status()).toBe(404);
  });
});

test.describe("screens, zoom, print and accessibility", () => {
  test("works at 320 px wide and at 200% zoom without sideways scrolling", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(WILTSHIRE);
    await noHorizontalScroll(page);
    await expect(page.getByTestId("latest-score")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("wiltshire-320.png"), fullPage: true });
    // 200% zoom of a 1280 px window lays the page out in 640 CSS px.
    await page.setViewportSize({ width: 640, height: 800 });
    await page.reload();
    await noHorizontalScroll(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/services/cardiff");
    await noHorizontalScroll(page);
  });

  test("prints Wiltshire on at most two A4 pages, without the site's header and controls", async ({ page }, testInfo) => {
    await page.goto(WILTSHIRE);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print this scorecard" })).toBeHidden();
    await expect(page.locator("body > header")).toBeHidden();
    await expect(page.getByTestId("latest-score")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("wiltshire-print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4" });
    const document = await getDocumentProxy(new Uint8Array(pdf));
    expect(document.numPages).toBeLessThanOrEqual(2);
    const firstPage = await (await document.getPage(1)).getTextContent();
    const text = firstPage.items.map((item) => ("str" in item ? item.str : "")).join("").replace(/\s+/g, "");
    expect(text).toContain("20/36");
    expect(text).toContain("published14May2024");
  });

  for (const path of [WILTSHIRE, "/services/lincolnshire", "/services/derby", "/services/no-such-service"]) {
    test(`${path} has no detectable accessibility problems`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(path);
      const results = await new AxeBuilder({ page }).include("main").analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`)).toEqual([]);
    });
  }

  test("headings are in order", async ({ page }) => {
    await page.goto(WILTSHIRE);
    const levels = await page.locator("main").evaluate((main) =>
      [...main.querySelectorAll("h1, h2, h3, h4")].map((h) => Number(h.tagName.slice(1))),
    );
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i += 1) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });
});
