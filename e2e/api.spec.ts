import { expect, test } from "@playwright/test";

const ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0";

test("the API answers JSON with licence, CORS and paging through the production server", async ({ request }) => {
  const response = await request.get("/api/v1/services?q=Poole");
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["x-attribution"]).toBe(ATTRIBUTION);
  const body = (await response.json()) as { data: { slug: string }[]; meta: { attribution: string }; pagination: { total: number } };
  expect(body.data.map((s) => s.slug)).toEqual(["dorset-combined-yos"]);
  expect(body.meta.attribution).toBe(ATTRIBUTION);
  expect(body.pagination.total).toBe(1);
});

test("an unchanged answer is a 304 for its ETag, even through compression", async ({ request }) => {
  const first = await request.get("/api/v1/inspections?service=wiltshire");
  const etag = first.headers()["etag"]!;
  expect(etag).toBeTruthy();
  const again = await request.get("/api/v1/inspections?service=wiltshire", {
    headers: { "If-None-Match": etag, "Accept-Encoding": "gzip" },
  });
  expect(again.status()).toBe(304);
});

test("CSV by Accept header, and 400 with the parameter named for bad input", async ({ request }) => {
  const csv = await request.get("/api/v1/inspections?publishedFrom=2024&pageSize=5", { headers: { Accept: "text/csv" } });
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatch(/^service_slug,service_name,/);

  const bad = await request.get("/api/v1/inspections?publishedFrom=2024-5");
  expect(bad.status()).toBe(400);
  const error = (await bad.json()) as { error: { parameters: { name: string; expected: string }[] } };
  expect(error.error.parameters[0]!.name).toBe("publishedFrom");
  expect((await request.get("/api/v1/services?pageSize=501")).status()).toBe(400);
  expect((await request.get("/api/v1/services/atlantis")).status()).toBe(404);
  const preflight = await request.fetch("/api/v1/services", { method: "OPTIONS" });
  expect(preflight.status()).toBe(204);
});

test("the OpenAPI description is served and the /api page documents and links every endpoint", async ({ page, request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  await page.goto("/api");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data API");
  for (const path of Object.keys(doc.paths).filter((p) => p !== "/api/v1/openapi.json")) {
    await expect(page.getByRole("heading", { level: 3, name: `GET ${path}`, exact: true })).toBeVisible();
  }
  await page.getByRole("link", { name: "/api/v1/services?q=Poole" }).click();
  await expect(page.locator("body")).toContainText("dorset-combined-yos");
});
