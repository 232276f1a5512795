// The public page cache in Chromium against the production build: a stored
// page (x-cache: HIT, hashed CSP, no nonce) hydrates and its client features
// work with no CSP violation; signed-in staff are never served a stored page;
// a publish and a withdraw by staff reach an anonymous reader of a stored page
// within seconds, and a withdrawn result is gone from the page stored again.
import { expect, test, type Page } from "@playwright/test";
import { getStored } from "./stored-page";
import pg from "pg";
import { createUserWithCli, e2eDatabaseUrl, type TestUser } from "../lib/auth/security-fixtures";

// A service no other spec writes to, and a date no other spec looks for.
const SLUG = "derby";
const PUBLIC_DATE = "11 May 2033";

/** Collects CSP violations and console errors from the moment the page starts. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  page.on("console", (message) => {
    // The browser's own first request for /favicon.ico (404 here) is not the page's doing.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  return problems;
}

async function signIn(page: Page, user: TestUser) {
  await page.goto("/sign-in?next=%2Fadmin");
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inspections" })).toBeVisible();
}

test("a stored page hydrates and its client features work with no CSP violation", async ({ page, request }) => {
  // Fill the store, then read the stored page in the browser.
  await getStored(request, "/services");
  const problems = await watchForViolations(page);
  const response = await page.goto("/services");
  expect(response!.headers()["x-cache"]).toBe("HIT");
  const policy = response!.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
  expect(policy).not.toContain("nonce");
  expect(await response!.text()).not.toContain(" nonce=");

  // Ticking services is client state: it works only if the page hydrated.
  const rows = page.locator("tbody tr[data-service]");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  const compare = page.getByRole("link", { name: "Compare 2 selected services" });
  await expect(compare).toBeVisible();
  await page.getByRole("button", { name: /Clear selection/ }).click();
  await expect(compare).toHaveCount(0);
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(2).getByRole("checkbox").check();
  // A client-side navigation from the stored page (an RSC request, rendered as always).
  await page.getByRole("link", { name: "Compare 2 selected services" }).click();
  await expect(page).toHaveURL(/\/compare\?services=/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The scorecard, stored, with its charts' client code.
  await getStored(request, `/services/${SLUG}`);
  const scorecard = await page.goto(`/services/${SLUG}`);
  expect(scorecard!.headers()["x-cache"]).toBe("HIT");
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "test-results/page-cache-scorecard.png", fullPage: false });
  expect(problems).toEqual([]);
});

test.describe("with staff signed in", () => {
  test.describe.configure({ mode: "serial" });
  let staff: TestUser;
  let inspectionId: number;
  let token: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const url = e2eDatabaseUrl();
    // A new address on each try: a retry runs this again on the same database.
    staff = createUserWithCli(url, `staff-page-cache-${Date.now()}@example.org`, "staff");
    token = `CACHE-CANARY-${Date.now()}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const row = (
        await client.query(
          `insert into "Inspection" ("serviceId", "frameworkId", kind, "serviceNameAtInspection", "publishedOn", "publishedOnPrecision",
             "overallRating", visibility, "sourceUrls", notes, "updatedAt", "editedByStaffAt")
           select s.id, f.id, 'FULL', $1, '2033-05-11', 'DAY', 'GOOD', 'DRAFT', $2, $3, now(), now()
           from "Service" s, "Framework" f where s.slug = $4 and f.code = '2021' returning id`,
          [`${token} service`, [`https://example.org/${token}`], `Notes ${token}`, SLUG],
        )
      ).rows[0] as { id: number };
      inspectionId = row.id;
    } finally {
      await client.end();
    }
  });

  test("signed-in staff are never served a stored page", async ({ page, request }) => {
    expect((await getStored(request, "/services/wiltshire")).headers()["x-cache"]).toBe("HIT");
    await signIn(page, staff);
    const response = await page.goto("/services/wiltshire");
    expect(response!.headers()["x-cache"]).toBe("MISS");
    expect(response!.headers()["content-security-policy"]).toContain("'nonce-");
  });

  test("a publish and a withdraw reach an anonymous reader of a stored page within seconds", async ({ page, request }) => {
    test.setTimeout(120_000);
    const anonymousText = async () => {
      const response = await request.get(`/services/${SLUG}`);
      return { cache: response.headers()["x-cache"], text: await response.text() };
    };
    // Stored, without the draft.
    await expect.poll(async () => (await anonymousText()).cache, { timeout: 10_000 }).toBe("HIT");
    expect((await anonymousText()).text).not.toContain(PUBLIC_DATE);

    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, staff);
    await page.goto(`/admin/inspections/${inspectionId}`);
    await page.getByRole("button", { name: "Publish now" }).click();
    await expect(page.locator('[data-status="PUBLISHED"]')).toBeVisible();
    await expect.poll(async () => (await anonymousText()).text.includes(PUBLIC_DATE), { timeout: 5_000 }).toBe(true);
    // …and stored again with it.
    await expect.poll(async () => (await anonymousText()).cache, { timeout: 5_000 }).toBe("HIT");

    await page.getByLabel("Reason for withdrawing").fill("Published by mistake in the page cache test.");
    await page.getByRole("button", { name: "Withdraw" }).click();
    await expect(page.locator('[data-status="DRAFT"]')).toBeVisible();
    await expect.poll(async () => (await anonymousText()).text.includes(PUBLIC_DATE), { timeout: 5_000 }).toBe(false);
    // The page stored after the withdrawal does not have it either.
    await expect.poll(async () => (await anonymousText()).cache, { timeout: 5_000 }).toBe("HIT");
    const stored = await anonymousText();
    expect(stored.text).not.toContain(PUBLIC_DATE);
    expect(stored.text).not.toContain(token);
  });
});
