import { expect, test } from "@playwright/test";
import { getStored } from "./stored-page";

const pages = ["/", "/services/wiltshire", "/services/no-such-service"];

test("every rendered page carries the security headers and a nonce-only script policy", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of pages) {
    // A request with a cookie is always rendered, never answered by the public page cache.
    const response = await request.get(path, { headers: { cookie: "unrelated=1" } });
    expect(response.headers()["x-cache"], path).toBe("MISS");
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toBeUndefined(); // plain HTTP here
    nonces.add(/'nonce-([^']+)'/.exec(scriptSrc)![1]!);
  }
  expect(nonces.size).toBe(pages.length); // a fresh nonce per response
});

test("a page served from the public page cache has a hash-only script policy and the same other headers", async ({ request }) => {
  const rendered = await request.get("/services/wiltshire", { headers: { cookie: "unrelated=1" } });
  const stored = await getStored(request, "/services/wiltshire");
  expect(stored.headers()["x-cache"]).toBe("HIT");
  const csp = stored.headers()["content-security-policy"] ?? "";
  const directives = csp.split("; ");
  const scriptSrc = directives.find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
  expect(csp).not.toContain("nonce");
  const renderedDirectives = (rendered.headers()["content-security-policy"] ?? "").split("; ");
  expect(directives.filter((d) => !d.startsWith("script-src"))).toEqual(renderedDirectives.filter((d) => !d.startsWith("script-src")));
  for (const name of ["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cross-origin-opener-policy"]) {
    expect(stored.headers()[name], name).toBe(rendered.headers()[name]);
  }
  expect(await stored.text()).not.toContain(" nonce=");
});

test("HSTS is sent when the request came over HTTPS (through a proxy)", async ({ request }) => {
  const response = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toContain("max-age=");
});

test("pages run their scripts under the policy without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/services?q=Wiltshire");
  // Client navigation works only if Next's scripts ran.
  await page.getByRole("link", { name: "Wiltshire", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/wiltshire$/);
  expect(violations).toEqual([]);
});
