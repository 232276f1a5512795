// Security headers for every response. Scripts run only with the per-request
// nonce, or, on a page served from the page cache (lib/page-cache), only when
// their exact text has one of the page's listed hashes: never 'unsafe-inline'
// for scripts. Styles allow inline attributes, which React's style props and
// the chart library need.

/** Every directive but script-src, the same for both kinds of policy. */
function otherDirectives(): string[] {
  return [
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // No framing by other sites (clickjacking); there is no embeddable widget.
    "frame-ancestors 'none'",
  ];
}

/** The policy of a response rendered for this request: its own nonce, trusted to load further scripts. */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    ...otherDirectives(),
  ].join("; ");
}

/**
 * The policy of a stored page (the same HTML served to many readers, so no
 * nonce): the page's inline scripts by their SHA-256 (base64), and script
 * files from this origin ('self', which covers Next's /_next/static chunks,
 * so no 'strict-dynamic').
 */
export function hashedContentSecurityPolicy(scriptHashes: readonly string[]): string {
  const hashes = [...new Set(scriptHashes)].map((h) => ` 'sha256-${h}'`).join("");
  return ["default-src 'self'", `script-src 'self'${hashes}`, ...otherDirectives()].join("; ");
}

/** The nonce in a policy made by `contentSecurityPolicy`, or null. */
export function nonceOfPolicy(policy: string): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] ?? null;
}

/** Headers set on every response, whatever its type. */
export function staticSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
