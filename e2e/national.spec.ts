import { expect, test } from "@playwright/test";
import { expectEveryChartHasItsTable, expectNoSeriousAxeViolations } from "./national-helpers";

test("the overview draws every chart with its headline, table and CSV", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Youth justice inspection outcomes");
  await expectEveryChartHasItsTable(page, 5);
  // The charts draw, each mark with its rating's letters.
  const standards = page.locator('figure[data-chart="standards"]');
  await expect(standards.locator("[data-rating-bar] rect").first()).toBeVisible();
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

// The charts are server-drawn SVG (components/charts): what they draw must be what their tables say.
test("each rating segment is named and as wide as its share in the chart's table", async ({ page }) => {
  await page.goto("/");
  const figure = page.locator('figure[data-chart="standards"]');
  const tableRows = await figure.locator("table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent!.trim())),
  );
  const marks = await figure.locator("[data-rating-bar] rect[role=img]").evaluateAll((rects) =>
    rects.map((r) => ({ name: r.getAttribute("aria-label")!, width: r.getAttribute("width")!, px: r.getBoundingClientRect().width, bar: r.closest("svg")!.getBoundingClientRect().width })),
  );
  expect(marks.length).toBeGreaterThan(20);
  const ratings = ["Outstanding", "Good", "Requires improvement", "Inadequate"];
  let checked = 0;
  for (const row of tableRows) {
    const [, ...cells] = row;
    const n = cells[4]!;
    ratings.forEach((rating, i) => {
      const [, count, share] = cells[i]!.match(/^(\d+) \((\d+)%\)$/) ?? [];
      if (!share || share === "0") return;
      const mark = marks.find((m) => m.name.endsWith(`(n=${n}): ${rating}, ${count} of ${n} (${share}%)`) && m.name.startsWith(row[0]!.slice(0, 3)));
      expect(mark, `${row[0]} ${rating}`).toBeDefined();
      expect(mark!.width).toBe(`${share}%`);
      expect(Math.abs(mark!.px - (mark!.bar * Number(share)) / 100)).toBeLessThan(1.5);
      checked++;
    });
  }
  expect(checked).toBe(marks.length);
});

test("a row with fewer than five rated is hatched and says it is not drawn", async ({ page }) => {
  await page.goto("/standards/3.1");
  const figure = page.locator('figure[data-chart="by-year"]');
  const few = await figure.locator("table tbody tr").evaluateAll((trs) => trs.filter((tr) => Number(tr.querySelectorAll("td")[4]!.textContent) < 5).length);
  expect(few).toBeGreaterThan(0);
  const hatched = figure.locator("[data-too-few]");
  await expect(hatched).toHaveCount(few);
  await expect(hatched.first()).toHaveText("– fewer than 5 rated: not drawn");
  expect(await hatched.first().evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("repeating-linear-gradient");
  await expect(figure.locator("[data-rating-bar] rect")).toHaveCount(0);
});

test("the charts draw without JavaScript, and a row's numbers open from its label", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  const overall = page.locator('figure[data-chart="overall"]');
  await expect(overall.getByRole("img", { name: /\(n=145\): Good, 75 of 145 \(52%\)$/ })).toBeVisible();
  await overall.getByRole("button", { name: /\(n=145\)$/ }).click();
  const detail = page.locator(":popover-open");
  await expect(detail).toHaveCount(1);
  await expect(detail).toContainText("Good: 75 (52%)");
  await expect(detail).toContainText("n = 145 rated");
  await detail.getByRole("button", { name: "Close" }).click();
  await expect(page.locator(":popover-open")).toHaveCount(0);
  await context.close();
});

test("a row's numbers open by keyboard", async ({ page }) => {
  await page.goto("/standards/3.1");
  const label = page.locator('figure[data-chart="by-framework"]').getByRole("button", { name: /^2018 standards \(n=\d+\)$/ });
  await label.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(":popover-open")).toContainText("not recorded");
  await page.keyboard.press("Escape");
  await expect(page.locator(":popover-open")).toHaveCount(0);
  await expect(label).toBeFocused();
});

test("no chart code is loaded: the overview loads what a page without charts loads, and its filter form", async ({ browser }) => {
  const scriptsOf = async (path: string) => {
    const page = await browser.newPage();
    const urls = new Set<string>();
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") urls.add(new URL(r.url()).pathname);
    });
    await page.goto(path);
    await page.waitForLoadState("load");
    await page.close();
    return urls;
  };
  const plain = await scriptsOf("/standards");
  const home = await scriptsOf("/");
  // The overview's one client component is its filter form (components/national/FilterForm.tsx): one small chunk.
  expect([...home].filter((u) => !plain.has(u)).length).toBeLessThanOrEqual(1);
});

for (const width of [320, 1280]) {
  test(`at ${width} px every segment's text fits inside its segment`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const overflows = await page.locator("[data-rating-bar]").evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const rects = [...svg.querySelectorAll("rect")].map((r) => r.getBoundingClientRect());
        return [...svg.querySelectorAll("text")]
          .filter((t) => getComputedStyle(t).display !== "none")
          .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
          .filter(({ box }) => !rects.some((r) => box.left >= r.left - 0.5 && box.right <= r.right + 0.5))
          .map(({ text }) => text);
      }),
    );
    expect(overflows).toEqual([]);
    // And some text is shown: the letters are not all hidden.
    expect(await page.locator("[data-rating-bar] text:visible").count()).toBeGreaterThan(20);
  });
}
