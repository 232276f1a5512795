import { expect, test } from "@playwright/test";

const pages = ["/", "/services/wiltshire", "/services/no-such-service"];

test("every page carries the security headers and a nonce-only script policy", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path);
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

test("HSTS is sent when the request came over HTTPS (through a proxy)", async ({ request }) => {
  const response = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toContain("max-age=");
});

test("pages run their scripts under the policy without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  // Client navigation works only if Next's scripts ran.
  await page.getByRole("link", { name: "Wiltshire", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/wiltshire$/);
  expect(violations).toEqual([]);
});
