// Accessibility of every page (WCAG 2.2 AA): axe on every page row of the route
// table, public and back office, signed in with the role that may see it, as
// loaded, with its disclosures and a glossary popover open, and in print; the
// keyboard (Tab to the footer, skip link, visible focus, no trap, the heatmap
// cell by cell); forced colours; reduced motion; reflow at 320 px; titles and
// descriptions; the scorecard's social preview image. See docs/ACCESSIBILITY.md.
import { expect, test, type Page } from "@playwright/test";
import { publicRoutes } from "../lib/auth/route-table";
import { writeFile } from "node:fs/promises";
import { createUserWithCli, e2eDatabaseUrl, insertCanaries, type Canaries, type TestUser } from "../lib/auth/security-fixtures";
import { openEveryDisclosure, pagesToCheck, runAxe, signInWithForm, type PageCheck } from "./a11y-support";

test.describe.configure({ mode: "parallel" });

const OWN = "wiltshire";
const OTHER = "swindon";

// Made on first use, once per worker: users with the real command, and a draft
// and an embargoed inspection so the back office's pages show real records.
let canaries: Canaries | undefined;
const users = new Map<string, TestUser>();
async function fixtures(): Promise<Canaries> {
  canaries ??= await insertCanaries(e2eDatabaseUrl(), OWN, OTHER);
  return canaries;
}
function userFor(role: "admin" | "boardOwn"): TestUser {
  const tag = `${role}-${test.info().workerIndex}-${test.info().parallelIndex}-${Date.now()}`;
  if (!users.has(role)) {
    users.set(role, role === "admin" ? createUserWithCli(e2eDatabaseUrl(), `a11y-${tag}@example.org`, "admin") : createUserWithCli(e2eDatabaseUrl(), `a11y-${tag}@example.org`, "board", [OWN]));
  }
  return users.get(role)!;
}

async function openAs(page: Page, check: PageCheck) {
  const params = await fixtures();
  if (check.role === "admin" || check.role === "boardOwn") await signInWithForm(page, userFor(check.role));
  const response = await page.goto(check.route.path(params));
  const expected = check.route.access[check.role] === "not-found" ? 404 : 200;
  expect(response?.status(), `${check.label} answered`).toBe(expected);
  await page.waitForLoadState("load");
  // Client components hydrate before a person could use them: wait for that too.
  await page.waitForFunction(() => document.readyState === "complete");
}

/** Public HTML pages that answer 200 to anyone. */
const PUBLIC_PAGES = pagesToCheck().filter((c) => c.role === "anonymous" && c.route.access.anonymous === "ok");

test("the page list covers every page of the route table, public and back office", () => {
  const labels = pagesToCheck().map((c) => c.label);
  for (const expected of [
    "/ as anonymous",
    "/services/[slug] as anonymous",
    "/heatmap as anonymous",
    "/sign-in as anonymous",
    "/about/ratings as anonymous",
    "/admin as admin",
    "/admin as boardOwn",
    "/admin/inspections/new as admin",
    "/admin/inspections/[id]/edit as admin",
    "/admin/inspections/[id] (embargoed) as boardOwn",
    "/admin/import as admin",
    "/admin/users as admin",
    "/admin/audit as admin",
  ]) {
    expect(labels).toContain(expected);
  }
  expect(labels.some((l) => l.includes(".txt") || l.includes(".csv"))).toBe(false);
});

for (const check of pagesToCheck()) {
  test(`axe: ${check.label}`, async ({ page }, testInfo) => {
    test.setTimeout(180_000); // axe reads every cell of the larger tables
    await openAs(page, check);
    expect((await runAxe(page, testInfo, "as loaded")).violations, "as loaded").toEqual([]);

    // Disclosures open, and the first glossary popover shown (the heatmap's tooltip where there is one).
    await openEveryDisclosure(page);
    const glossary = page.locator("button[popovertarget]").first();
    if ((await glossary.count()) > 0 && (await glossary.isVisible())) {
      await glossary.click();
      await expect(page.locator(":popover-open")).toHaveCount(1);
    }
    const cell = page.locator("[data-cell]").first();
    if ((await cell.count()) > 0) await cell.focus();
    expect((await runAxe(page, testInfo, "disclosures and popover open")).violations, "disclosures and popover open").toEqual([]);

    await page.keyboard.press("Escape");
    await page.emulateMedia({ media: "print" });
    expect((await runAxe(page, testInfo, "print")).violations, "print").toEqual([]);
  });
}

/** The focused element, described, and whether its focus can be seen. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== "none";
    const rect = el.getBoundingClientRect();
    // The same element with the same name is the same stop (rows drawn in view reuse their elements for other services).
    const w = window as unknown as { __stops?: WeakMap<Element, number>; __next?: number };
    w.__stops ??= new WeakMap();
    if (!w.__stops.has(el)) w.__stops.set(el, (w.__next = (w.__next ?? 0) + 1));
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 60);
    return {
      key: `${w.__stops.get(el)}|${name}`,
      visible: outline || shadow,
      onScreen: rect.width > 0 && rect.height > 0,
      inFooter: !!el.closest("footer"),
      inMain: !!el.closest("main"),
      text: name,
    };
  });
}

const TAB_LIMIT = 1500;

for (const check of PUBLIC_PAGES) {
  test(`keyboard: ${check.route.route} — skip link, visible focus, Tab reaches the footer, no trap`, async ({ page }) => {
    test.setTimeout(180_000);
    await openAs(page, check);
    // The skip link comes first, can be seen, and moves on to the main content.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box && box.width > 20 && box.height > 10, "the skip link shows when focused").toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const first = await focusState(page);
    // In the main content, or straight on to the footer where the main content has no control.
    const mainHasControls = await page.locator("main").evaluate((main) => !!main.querySelector("a[href], button, input, select, textarea, summary, [tabindex='0']"));
    expect(mainHasControls ? first?.inMain : first?.inFooter, `after the skip link, Tab lands in the main content (it was on "${first?.text}")`).toBe(true);

    // Tab on to the last control of the footer: every stop visible, no stop visited twice before the end.
    const seen = new Set<string>();
    const invisible: string[] = [];
    let reachedFooter = false;
    for (let i = 0; i < TAB_LIMIT; i++) {
      const state = await focusState(page);
      if (state) {
        if (seen.has(state.key) && !state.inFooter) throw new Error(`focus came back to "${state.text}" (${state.key}) before the footer: a trap or a loop`);
        seen.add(state.key);
        if (!state.visible || !state.onScreen) invisible.push(state.text || state.key);
        if (state.inFooter) reachedFooter = true;
      }
      if (reachedFooter && state && !state.inFooter) break;
      if (reachedFooter && state?.inFooter && (await page.evaluate(() => document.activeElement === [...document.querySelectorAll("footer a, footer button")].pop()))) break;
      await page.keyboard.press("Tab");
    }
    expect(reachedFooter, `Tab reached the footer within ${TAB_LIMIT} presses`).toBe(true);
    // Every link of the footer was a stop on the way (the skip link passed over the header's).
    const footerLinks = await page.locator("footer a").count();
    expect(seen.size).toBeGreaterThanOrEqual(footerLinks);
    expect(invisible, "controls whose focus cannot be seen").toEqual([]);
  });
}

test("keyboard: the heatmap moves cell by cell with the arrow keys, and Tab enters and leaves it", async ({ page }) => {
  await page.goto("/heatmap?region=South%20West");
  await expect(page.locator("[data-heatmap][data-interactive]")).toBeVisible();
  // Tab from the last control before the table enters the grid at one cell.
  const cell = page.locator("tr[data-service] [data-cell]").first();
  await expect(cell).toHaveAttribute("tabindex", "0");
  await cell.focus();
  const firstRow = await cell.evaluate((el) => el.closest("tr")!.getAttribute("data-service"));
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`tr[data-service="${firstRow}"] [data-cell][data-c="1"]`)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const below = await page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-service"));
  expect(below).not.toBe(firstRow);
  await expect(page.locator(`tr[data-service="${below}"] [data-cell][data-c="1"]`)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page.locator(`tr[data-service="${firstRow}"] [data-cell][data-c="1"]`)).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.getByRole("tooltip")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toHaveCount(0);
  // Only one cell is in the Tab order: Tab leaves the grid rather than walking every cell.
  expect(await page.locator('[data-cell][tabindex="0"]').count()).toBe(1);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("[data-cell]"))).toBe(false);
});

/** The "expanded" state Chromium's own accessibility tree gives the first element matching a selector. */
async function expandedState(page: Page, selector: string): Promise<boolean | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    const expanded = nodes[0]?.properties?.find((p) => p.name === "expanded");
    return expanded ? Boolean(expanded.value.value) : undefined;
  } finally {
    await cdp.detach();
  }
}

test("glossary: a rating badge and a standard code explain themselves in a popover, by keyboard", async ({ page }) => {
  // The popovers need no script of ours: nothing may be refused by the Content-Security-Policy on the way.
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(`/services/${OWN}`);
  const badge = page.locator("button[data-glossary='rating']").first();
  await badge.focus();
  expect(await expandedState(page, "button[data-glossary='rating']")).toBe(false);
  await page.keyboard.press("Enter");
  const popover = page.locator(":popover-open");
  await expect(popover).toHaveCount(1);
  await expect(popover).toContainText(/points/);
  // The browser itself tells assistive technology that the button's popover is open.
  expect(await expandedState(page, "button[data-glossary='rating']")).toBe(true);
  // Escape closes it and focus stays on the badge.
  await page.keyboard.press("Escape");
  await expect(popover).toHaveCount(0);
  await expect(badge).toBeFocused();

  const code = page.locator("button[data-glossary='standard']").first();
  await code.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(":popover-open")).toContainText(/Standard \d\.\d/);
  // Tab goes on into the popover: its link, then its Close button, which closes it and gives focus back.
  await page.keyboard.press("Tab");
  await expect(page.locator(":popover-open a")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator(":popover-open button")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(":popover-open")).toHaveCount(0);
  await expect(code).toBeFocused();
  expect(refused).toEqual([]);
});

test("glossary: the popovers open with JavaScript turned off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/services/${OWN}`);
  await page.locator("button[data-glossary='standard']").first().click();
  await expect(page.locator(":popover-open")).toContainText(/Standard \d\.\d/);
  await context.close();
});

test("forced colours: ratings keep their letters, words and borders, and focus stays visible", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active" });
  await page.goto(`/services/${OWN}`);
  expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
  const badges = page.locator("[data-glossary='rating']");
  expect(await badges.count()).toBeGreaterThan(5);
  const styles = await badges.evaluateAll((els) =>
    els.slice(0, 20).map((el) => {
      const s = getComputedStyle(el);
      return { text: el.textContent ?? "", border: parseFloat(s.borderTopWidth), borderStyle: s.borderTopStyle };
    }),
  );
  for (const s of styles) {
    expect(s.text).toMatch(/Outstanding|Good|Requires improvement|Inadequate|Not recorded/);
    expect(s.border).toBeGreaterThanOrEqual(1);
    expect(s.borderStyle).not.toBe("none");
  }
  // The heatmap's cells keep their letters and get a pattern-free but bordered look.
  await page.goto("/heatmap?region=South%20West");
  await expect(page.locator('tr[data-service="wiltshire"] td[data-code="3.1"]')).toContainText("I");
  const focus = page.locator('tr[data-service="wiltshire"] td[data-code="3.1"]');
  await focus.focus();
  const outline = await focus.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.screenshot({ path: test.info().outputPath("forced-colours-heatmap.png") });
});

test("reduced motion: no CSS transition or animation runs, and charts draw without animating", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (const path of ["/", `/services/${OWN}`, "/standards/3.1"]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll("*")]
        .map((el) => {
          const s = getComputedStyle(el);
          const longest = (v: string) => Math.max(...v.split(",").map((t) => parseFloat(t) * (t.trim().endsWith("ms") ? 1 : 1000)));
          return { el: `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`.slice(0, 80), t: longest(s.transitionDuration), a: longest(s.animationDuration) };
        })
        .filter((x) => x.t > 1 || x.a > 1),
    );
    expect(moving, `${path}: elements that still move`).toEqual([]);
    // The charts are drawn on the server at their final size: no bar may change size after load.
    if (path === "/") await expect(page.locator("figure[data-chart] [role=img]").first()).toBeVisible();
    const bars = page.locator("figure[data-chart] rect[role=img]");
    if ((await bars.count()) > 0) {
      const sizes = () => bars.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
      const before = await sizes();
      await page.waitForTimeout(600);
      expect(await sizes(), `${path}: chart bars moved after drawing`).toEqual(before);
    }
  }
});

for (const check of PUBLIC_PAGES) {
  test(`reflow at 320 px: ${check.route.route}`, async ({ page }) => {
    test.setTimeout(120_000);
    // 320 CSS px is 1280 px at 400 % zoom; 640 px is 1280 px at 200 %.
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      await openAs(page, check);
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll("body *")]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.right <= doc.clientWidth + 1) return false;
            // Inside its own scrolling region, or clipped by one: that is allowed.
            for (let p = el.parentElement; p; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return false;
            }
            return !el.closest("[popover], .sr-only");
          })
          .map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").slice(0, 50)} right=${Math.round(el.getBoundingClientRect().right)}`);
        return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide: wide.slice(0, 8) };
      });
      expect(overflow.wide, `${width}px: elements past the right edge`).toEqual([]);
      expect(overflow.scrollWidth, `${width}px: the page scrolls sideways`).toBeLessThanOrEqual(overflow.clientWidth);
      // Every scrolling region can be reached by keyboard and is named.
      const regions = await page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          .filter((el) => {
            const s = getComputedStyle(el);
            return (s.overflowX === "auto" || s.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1;
          })
          .map((el) => ({
            tabbable: (el as HTMLElement).tabIndex >= 0 || !!el.querySelector("a, button, input, select, [tabindex='0']"),
            named: !!(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.querySelector("caption")),
            what: `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").slice(0, 40)}`,
          })),
      );
      for (const r of regions) {
        expect(r.tabbable, `${width}px: scrolling region ${r.what} reachable by keyboard`).toBe(true);
        expect(r.named, `${width}px: scrolling region ${r.what} named`).toBe(true);
      }
    }
  });
}

test("every public page has its own title and a description", async ({ page }) => {
  test.setTimeout(180_000);
  const titles = new Map<string, string>();
  const params = await fixtures();
  for (const route of publicRoutes()) {
    if (route.kind !== "page" || /\.(txt|csv)$/.test(route.route) || route.access.anonymous !== "ok") continue;
    await page.goto(route.path(params));
    const title = await page.title();
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(title.length, `${route.route}: title`).toBeGreaterThan(10);
    expect(description?.length ?? 0, `${route.route}: description`).toBeGreaterThan(40);
    expect(await page.locator('meta[name="description"]').count(), `${route.route}: one description`).toBe(1);
    titles.set(route.route, title);
  }
  // The same page with other parameters (a search, another basis) may share its title; different pages may not.
  const byPage = new Map<string, string>();
  for (const [route, title] of titles) byPage.set(route.replace(/ \(.*\)$/, ""), byPage.get(route.replace(/ \(.*\)$/, "")) ?? title);
  const values = [...byPage.values()];
  expect(new Set(values).size, `titles: ${values.join(" | ")}`).toBe(values.length);
});

test("a scorecard's social preview image is a PNG of its latest published inspection", async ({ page, request }) => {
  await page.goto(`/services/${OWN}`);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toBeTruthy();
  expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
  expect(await page.locator('meta[property="og:image:alt"]').getAttribute("content")).toMatch(/latest published inspection/);
  const path = new URL(image!).pathname;
  expect(path).toMatch(new RegExp(`^/services/${OWN}/opengraph-image`));
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const png = await response.body();
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  await writeFile(test.info().outputPath(`og-${OWN}.png`), png);
  expect((await request.get("/services/no-such-service/opengraph-image")).status()).toBe(404);
});
