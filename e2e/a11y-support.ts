// What the accessibility spec (e2e/accessibility.spec.ts) shares: the pages to
// check (every "page" row of the route table, so a new page is covered without
// touching the spec), who to check them as, signing in, and the axe run with its
// allowlist.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { httpRoutes, type HttpRoute, type MatrixRole, type RouteParams } from "../lib/auth/route-table";
import type { TestUser } from "../lib/auth/security-fixtures";

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: a violation of one of these fails the test. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Rules switched off for a part of a page, each with its reason. Keep it short:
 * an entry here is a claim that axe is wrong for this case, not a way to pass.
 * (docs/ACCESSIBILITY.md lists the same entries.)
 */
export const AXE_ALLOWLIST: { rule: string; selector: string; state?: string; reason: string }[] = [
  {
    rule: "target-size",
    selector: ".scorecard",
    state: "print",
    reason:
      "On paper nothing is touched or clicked. The scorecard's print styles shrink its text to fit two A4 pages, and with it " +
      "the rating badges and standard codes (buttons on screen), which pass on screen at every width.",
  },
];

/** A page row of the route table, and the role that can open it. */
export type PageCheck = { route: HttpRoute; role: MatrixRole; label: string };

/** Rows of kind "page" that are not HTML (a text or CSV file served at a page address). */
const NOT_HTML = /\.(txt|csv|xml|json)$/;

/**
 * Every HTML page in the route table, as the first role that may open it
 * (anonymous for public pages and 404s, else an admin), and again as a board
 * member where a board sees its own version of a back-office page.
 */
export function pagesToCheck(): PageCheck[] {
  const checks: PageCheck[] = [];
  for (const route of httpRoutes()) {
    if (route.kind !== "page" || route.method !== "GET" || NOT_HTML.test(route.route)) continue;
    const anonymousShows = route.access.anonymous === "ok" || route.access.anonymous === "not-found";
    const role: MatrixRole = anonymousShows ? "anonymous" : "admin";
    checks.push({ route, role, label: `${route.route} as ${role}` });
    if (!anonymousShows && route.access.boardOwn === "ok") checks.push({ route, role: "boardOwn", label: `${route.route} as boardOwn` });
  }
  return checks;
}

/** Signs in through the sign-in form, as a person would. */
export async function signInWithForm(page: Page, user: TestUser) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin/);
}

export type AxeReport = { violations: string[]; bestPractice: string[] };

/**
 * Runs axe with the WCAG A/AA tags and best practice. Returns the WCAG
 * violations (minus the allowlist) and the best-practice findings, which are
 * attached to the test as annotations rather than failing it.
 */
export async function runAxe(page: Page, testInfo: TestInfo, state: string): Promise<AxeReport> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS, "best-practice"]);
  const entries = AXE_ALLOWLIST.filter((a) => !a.state || a.state === state);
  const rulesOff = [...new Set(entries.map((a) => a.rule))];
  // An allowlisted rule is run separately on the rest of the page (below).
  if (rulesOff.length > 0) builder = builder.disableRules(rulesOff);
  const results = await builder.analyze();
  const describe = (v: (typeof results.violations)[number]) =>
    `${v.id} (${v.impact}): ${v.help} at ${v.nodes
      .slice(0, 4)
      .map((n) => n.target.join(" "))
      .join("; ")}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`;
  const isWcag = (tags: string[]) => tags.some((t) => WCAG_TAGS.includes(t));
  const violations = results.violations.filter((v) => isWcag(v.tags)).map(describe);
  for (const rule of rulesOff) {
    let scoped = new AxeBuilder({ page }).withRules([rule]);
    for (const entry of entries.filter((a) => a.rule === rule)) scoped = scoped.exclude(entry.selector);
    violations.push(...(await scoped.analyze()).violations.map(describe));
  }
  const bestPractice = results.violations.filter((v) => !isWcag(v.tags)).map(describe);
  for (const finding of bestPractice) testInfo.annotations.push({ type: `best practice (${state})`, description: finding });
  if (bestPractice.length > 0) console.log(`[axe best practice] ${testInfo.title} (${state}):\n  ${bestPractice.join("\n  ")}`);
  return { violations, bestPractice };
}

/** Opens every disclosure on the page, and returns how many it opened. */
export async function openEveryDisclosure(page: Page): Promise<number> {
  return page.evaluate(() => {
    const closed = [...document.querySelectorAll("details:not([open])")];
    for (const d of closed) d.setAttribute("open", "");
    return closed.length;
  });
}

export type { RouteParams };
