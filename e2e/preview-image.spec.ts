// Writes public data (a canary inspection whose embargo passes), so it runs in
// the "writers" project, after every spec that reads exact public figures
// (playwright.config.ts).
import { writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, insertCanaries, passEmbargo } from "../lib/auth/security-fixtures";

test("the preview image ignores a newer draft and embargoed inspection, and changes once the embargo passes", async ({ request }) => {
  // A service no other spec reads, so the moment its canary is public disturbs nothing else.
  const slug = "barnsley";
  const url = e2eDatabaseUrl();
  const before = await (await request.get(`/services/${slug}/opengraph-image`)).body();
  const own = await insertCanaries(url, slug, "swindon");
  try {
    const during = await (await request.get(`/services/${slug}/opengraph-image`)).body();
    expect(during.equals(before), "the image changed while the newer inspections were a draft and embargoed").toBe(true);
    await passEmbargo(url, own.embargoedId);
    const after = await (await request.get(`/services/${slug}/opengraph-image`)).body();
    expect(after.equals(before), "the image did not change when the embargoed inspection became public").toBe(false);
    await writeFile(test.info().outputPath(`og-${slug}-after-embargo.png`), after);
  } finally {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`delete from "Inspection" where id = any($1)`, [[own.draftId, own.embargoedId]]);
    await client.end();
  }
});
