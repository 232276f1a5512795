// better-auth's endpoints, limited to the three the site uses: signing in with
// e-mail and password, signing out, and reading the session. Everything else
// better-auth offers (sign-up, password reset by e-mail, profile changes) is
// not served. Posts must come from this site (Origin checked here as well as
// by better-auth).
import { getAuth } from "@/lib/auth/auth";
import { isSameOrigin } from "@/lib/auth/origin";

export const dynamic = "force-dynamic";

const ALLOWED: Record<string, readonly string[]> = {
  "/sign-in/email": ["POST"],
  "/sign-out": ["POST"],
  "/get-session": ["GET"],
};

const NO_STORE = { "cache-control": "no-store" };

async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  const methods = ALLOWED[path];
  if (!methods) return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
  if (!methods.includes(request.method)) {
    return Response.json({ error: "Method not allowed" }, { status: 405, headers: { ...NO_STORE, allow: methods.join(", ") } });
  }
  if (request.method !== "GET" && !isSameOrigin(request.headers)) {
    return Response.json({ error: "Cross-origin request refused" }, { status: 403, headers: NO_STORE });
  }
  const auth = await getAuth();
  return auth.handler(request);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
