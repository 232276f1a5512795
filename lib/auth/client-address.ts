// The address a request came from, for per-address sign-in limits. Next.js
// passes the socket's address in X-Forwarded-For when no proxy set it; behind
// a reverse proxy that appends the client's address (nginx's
// $proxy_add_x_forwarded_for), the last entry is the one the proxy saw.
import type { HeaderSource } from "./origin";

export function clientAddress(headers: HeaderSource): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return (last || headers.get("x-real-ip") || "unknown").toLowerCase();
}
