// Runs before every request: a fresh CSP nonce (Next.js puts it on its own
// scripts when it finds the policy on the request) and the security headers.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}
