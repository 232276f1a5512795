// Mutations must come from the site's own pages. A browser always sends
// Origin on a POST, and a page on another site cannot make it say ours, nor
// change Host; so a request whose Origin is missing or names another host is
// refused. APP_ORIGINS (comma-separated origins) adds origins that a reverse
// proxy in front of the app serves it under.

export type HeaderSource = { get(name: string): string | null };

function allowedHosts(headers: HeaderSource, env: Record<string, string | undefined>): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  for (const origin of (env.APP_ORIGINS ?? "").split(",")) {
    const trimmed = origin.trim();
    if (!trimmed) continue;
    try {
      hosts.add(new URL(trimmed).host.toLowerCase());
    } catch {
      // An unparsable entry allows nothing.
    }
  }
  return hosts;
}

/** True when the request's Origin header names this site. */
export function isSameOrigin(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  return allowedHosts(headers, env).has(host);
}

/** Methods that change nothing, and so need no Origin check. */
export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}
