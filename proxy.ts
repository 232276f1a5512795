// Runs before every route:
// 1. any request that could change something (not GET/HEAD/OPTIONS) must carry
//    an Origin naming this site, whatever route it targets (server actions and
//    route handlers check again themselves);
//    then a request Next.js could not handle (a malformed address or body,
//    lib/api/request-shape.ts) gets a 4xx saying what is wrong;
// 2. a fresh CSP nonce per response (Next.js puts it on its own scripts when it
//    finds the policy on the request) and the security headers;
// 3. back-office and sign-in responses are never stored by a cache, never
//    framed by another site, and never indexed;
// 4. while the database is unreachable (a cached probe, lib/db/health.ts), or
//    the app's connection pool is saturated (lib/db/pool-load.ts),
//    pages answer a plain 503 page and /api/ routes 503 JSON, with Retry-After,
//    instead of an error from deep inside a render; the probe notices the
//    database is back within about a second.
import { NextResponse, type NextRequest } from "next/server";
import { malformedRequest } from "./lib/api/request-shape";
import { isSafeMethod, isSameOrigin } from "./lib/auth/origin";
import { poolSaturated } from "./lib/db/pool-load";
import { databaseAvailable, RETRY_AFTER_SECONDS, UNAVAILABLE_DETAIL, UNAVAILABLE_MESSAGE, unavailableHtml } from "./lib/db/health";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./lib/security/headers";

const PRIVATE = /^\/(admin|sign-in|api\/auth)(\/|$)/;

export async function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (!isSafeMethod(request.method) && !isSameOrigin(request.headers)) {
    return new NextResponse("Cross-origin request refused.", {
      status: 403,
      headers: { "cache-control": "no-store", ...staticSecurityHeaders({ https }) },
    });
  }

  const malformed = await malformedRequest(request);
  if (malformed) {
    const headers: Record<string, string> = { "cache-control": "no-store", ...staticSecurityHeaders({ https }) };
    if (malformed.allow) headers.allow = malformed.allow;
    return NextResponse.json({ error: `Bad request: ${malformed.message}` }, { status: malformed.status, headers });
  }

  // Down, or so busy that this request would only wait for the pool and fail (lib/db/pool-load.ts).
  if (poolSaturated() || !(await databaseAvailable())) {
    const headers = {
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_SECONDS),
      ...staticSecurityHeaders({ https }),
    };
    return request.nextUrl.pathname.startsWith("/api/")
      ? NextResponse.json({ error: UNAVAILABLE_MESSAGE, detail: UNAVAILABLE_DETAIL }, { status: 503, headers })
      : new NextResponse(unavailableHtml(), { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(name, value);
  if (PRIVATE.test(request.nextUrl.pathname)) {
    response.headers.set("cache-control", "private, no-store");
    response.headers.set("x-robots-tag", "noindex, nofollow");
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
