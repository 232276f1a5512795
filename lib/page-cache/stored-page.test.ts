import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, hashedContentSecurityPolicy } from "../security/headers";
import { inlineScriptHashes, shareablePage, withoutNonce } from "./stored-page";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const nonce = "q2Vx+9n/AbCdEfGhIjKlMw==";
const first = `(self.__next_f=self.__next_f||[]).push([0])`;
const second = `self.__next_f.push([1,"1:I[\\"x\\"] — é"])`;
const page = [
  `<!DOCTYPE html><html><head>`,
  `<script src="/_next/static/chunks/main.js" async="" nonce="${nonce}"></script>`,
  `</head><body><main>Wiltshire</main>`,
  `<script nonce="${nonce}">${first}</script>`,
  `<script nonce="${nonce}">${second}</script>`,
  `<script nonce="${nonce}">${first}</script>`,
  `</body></html>`,
].join("");

describe("inlineScriptHashes", () => {
  it("hashes the exact text of each inline script once, and skips scripts with a src", () => {
    expect(inlineScriptHashes(page)).toEqual([sha256(first), sha256(second)]);
  });
  it("hashes the UTF-8 bytes, as browsers do", () => {
    expect(inlineScriptHashes(`<script>"é"</script>`)).toEqual([createHash("sha256").update(Buffer.from([0x22, 0xc3, 0xa9, 0x22])).digest("base64")]);
  });
  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes(`<p>no scripts</p><script src="/a.js"></script>`)).toEqual([]);
  });
});

describe("shareablePage", () => {
  it("removes the nonce attributes and lists the inline scripts' hashes instead", () => {
    const shared = shareablePage(page, contentSecurityPolicy(nonce))!;
    expect(shared.html).not.toContain("nonce");
    expect(shared.html).toContain(`<script src="/_next/static/chunks/main.js" async=""></script>`);
    expect(shared.html).toContain(`<script>${second}</script>`);
    expect(shared.policy).toBe(hashedContentSecurityPolicy([sha256(first), sha256(second)]));
    expect(shared.policy).toContain(`script-src 'self' 'sha256-${sha256(first)}' 'sha256-${sha256(second)}';`);
    expect(shared.policy).not.toContain("nonce");
    expect(shared.policy).not.toContain("strict-dynamic");
    expect(shared.policy.split("; ").find((d) => d.startsWith("script-src"))).not.toMatch(/unsafe/);
  });
  it("keeps every directive but script-src exactly as in the per-request policy", () => {
    const perRequest = contentSecurityPolicy(nonce).split("; ");
    const shared = shareablePage(page, contentSecurityPolicy(nonce))!.policy.split("; ");
    expect(shared.filter((d) => !d.startsWith("script-src"))).toEqual(perRequest.filter((d) => !d.startsWith("script-src")));
    expect(shared.find((d) => d.startsWith("script-src"))).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
  });
  it("refuses a page whose policy has no nonce (it was not rendered by the proxy's rules)", () => {
    expect(shareablePage(page, hashedContentSecurityPolicy([]))).toBeNull();
  });
  it("leaves another nonce's attributes alone", () => {
    expect(withoutNonce(`<script nonce="other">x</script>`, nonce)).toBe(`<script nonce="other">x</script>`);
  });
});
