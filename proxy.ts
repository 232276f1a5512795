// Runs before every route. Two jobs, both about the back office's safety:
// 1. any request that could change something (not GET/HEAD/OPTIONS) must carry
//    an Origin naming this site, whatever route it targets (server actions and
//    route handlers check again themselves);
// 2. back-office and sign-in responses are never stored by a cache, never
//    framed by another site, and never indexed.
import { NextResponse, type NextRequest } from "next/server";
import { isSafeMethod, isSameOrigin } from "./lib/auth/origin";

const PRIVATE = /^\/(admin|sign-in|api\/auth)(\/|$)/;

export function proxy(request: NextRequest) {
  if (!isSafeMethod(request.method) && !isSameOrigin(request.headers)) {
    return new NextResponse("Cross-origin request refused.", { status: 403, headers: { "cache-control": "no-store" } });
  }
  const response = NextResponse.next();
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "same-origin");
  if (PRIVATE.test(request.nextUrl.pathname)) {
    response.headers.set("cache-control", "private, no-store");
    response.headers.set("x-robots-tag", "noindex, nofollow");
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
