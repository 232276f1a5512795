// A standard's page at a size where a band is too long to list whole: 160
// synthetic services, each with one published 2021 inspection rated Good for
// 3.1, are written to the e2e database (and removed after). The Good band then
// lists its first 50 by name, and its "and K more" link leads to the band's
// own pages, which together list exactly the band: every inspection once.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl } from "../lib/auth/security-fixtures";

const SYNTHETIC = 160;
const PREFIX = "band-test-";
const names = Array.from({ length: SYNTHETIC }, (_, n) => `Band Test Service ${String(n + 1).padStart(3, "0")}`);

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Removes the synthetic services and their inspections (ratings go with them), in one transaction. */
async function removeSynthetic(client: pg.Client) {
  await client.query("begin");
  await client.query(`delete from "Inspection" where "serviceId" in (select id from "Service" where slug like '${PREFIX}%')`);
  await client.query(`delete from "Service" where slug like '${PREFIX}%'`);
  await client.query("commit");
}

test.beforeAll(async () => {
  await withClient(async (client) => {
    await removeSynthetic(client);
    await client.query("begin");
    await client.query(
      `insert into "Service" ("slug", "name", "nation", "region", "current", "sourceUrls", "updatedAt")
       select $1 || n, $2 || lpad(n::text, 3, '0'), 'ENGLAND', 'London', true, array['https://example.org/band-test'], now()
       from generate_series(1, $3::int) n`,
      [PREFIX, "Band Test Service ", SYNTHETIC],
    );
    await client.query(
      `insert into "Inspection" ("serviceId", "frameworkId", "kind", "serviceNameAtInspection", "publishedOn", "publishedOnPrecision",
         "overallRating", "visibility", "sourceUrls", "updatedAt")
       select s.id, f.id, 'FULL', s.name, date '2023-06-01', 'DAY', 'GOOD', 'PUBLISHED', array['https://example.org/band-test'], now()
       from "Service" s, "Framework" f where s.slug like $1 and f.code = '2021'`,
      [`${PREFIX}%`],
    );
    await client.query(
      `insert into "StandardRating" ("inspectionId", "standardId", "rating")
       select i.id, st.id, 'GOOD' from "Inspection" i join "Service" s on s.id = i."serviceId"
       join "Standard" st on st."frameworkId" = i."frameworkId" and st.code = '3.1'
       where s.slug like $1`,
      [`${PREFIX}%`],
    );
    await client.query("commit");
  });
});

test.afterAll(async () => {
  await withClient(removeSynthetic);
});

test("a long band lists its first 50, and 'and K more' leads to pages listing exactly the band", async ({ page }) => {
  const good = page.locator('[data-band="GOOD"]');
  let total = 0;
  // A stored copy of the page is replaced once the server sees the new data version (within seconds).
  await expect(async () => {
    await page.goto("/standards/3.1");
    total = Number(/(\d+) inspections/.exec((await good.getByRole("heading").textContent())!)![1]);
    expect(total).toBeGreaterThan(SYNTHETIC);
  }).toPass({ timeout: 30_000 });
  const shown = await good.locator("li a").allTextContents();
  expect(shown).toHaveLength(50);
  // Still whole: the real data's Inadequate band lists every inspection it counts. (Not
  // "Wiltshire is in it": other writer specs may give Wiltshire a newer latest inspection.)
  const inadequate = page.locator('[data-band="INADEQUATE"]');
  const inadequateTotal = Number(/(\d+) inspections?/.exec((await inadequate.getByRole("heading").textContent())!)![1]);
  expect(inadequateTotal).toBeGreaterThan(0);
  await expect(inadequate.locator("li a")).toHaveCount(inadequateTotal);
  await expect(inadequate.getByTestId("band-more")).toHaveCount(0);

  const more = good.getByTestId("band-more");
  await expect(more).toContainText(`and ${total - 50} more`);
  await more.click();
  await expect(page).toHaveURL(/\/standards\/3\.1\/bands\/good$/);
  await expect(page.getByTestId("band-count")).toContainText(`${total} inspections`);

  const listed: string[] = [];
  for (;;) {
    listed.push(...(await page.getByTestId("band-entries").locator("li a").allTextContents()));
    const next = page.getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page).toHaveURL(/[?&]page=\d+$/);
  }
  expect(listed).toHaveLength(total);
  // The band's own list begins with what the standard's page shows, and holds every synthetic service once.
  expect(listed.slice(0, 50)).toEqual(shown);
  for (const name of names) expect(listed.filter((n) => n === name), name).toHaveLength(1);
  expect(listed).not.toContain("Wiltshire");
});
