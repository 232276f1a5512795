// Turns a page rendered for one request (its scripts carrying that request's
// CSP nonce) into a page that can be served to everyone: the nonce attributes
// are removed and the policy lists the SHA-256 of each inline script instead
// (lib/security/headers.ts `hashedContentSecurityPolicy`). Script files keep
// loading from this origin under 'self'.
import { createHash } from "node:crypto";
import { hashedContentSecurityPolicy, nonceOfPolicy } from "../security/headers";

/** An opening <script …> tag, its body and the closing tag. React never writes "</script" inside a script. */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The base64 SHA-256 of every inline script's text (scripts with a src have no text to trust). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const [, attributes = "", body = ""] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.push(createHash("sha256").update(body, "utf8").digest("base64"));
  }
  return [...new Set(hashes)];
}

/** The HTML without ` nonce="…"` attributes carrying `nonce`. */
export function withoutNonce(html: string, nonce: string): string {
  return html.split(` nonce="${nonce}"`).join("");
}

export type ShareablePage = { html: string; policy: string; scriptHashes: string[] };

/**
 * The shareable form of a page rendered under `policy` (the per-request
 * policy of proxy.ts), or null when the policy has no nonce to replace (the
 * page then was not rendered the way this module expects: do not store it).
 */
export function shareablePage(html: string, policy: string): ShareablePage | null {
  const nonce = nonceOfPolicy(policy);
  if (!nonce) return null;
  const stripped = withoutNonce(html, nonce);
  const scriptHashes = inlineScriptHashes(stripped);
  return { html: stripped, policy: hashedContentSecurityPolicy(scriptHashes), scriptHashes };
}
