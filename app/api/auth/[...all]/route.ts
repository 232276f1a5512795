// better-auth's endpoints, limited to the three the site uses: signing in with
// e-mail and password, signing out, and reading the session. Everything else
// better-auth offers (sign-up, password reset by e-mail, profile changes) is
// not served. Posts must come from this site (Origin checked here as well as
// by better-auth). A sign-in body must be JSON of at most 16 KB with an e-mail
// address and a password (zod), or it is refused here with a 4xx.
import { z } from "zod";
import { describeInvalidInput } from "@/lib/api/invalid-input";
import { getAuth } from "@/lib/auth/auth";
import { isSameOrigin } from "@/lib/auth/origin";

export const dynamic = "force-dynamic";

const ALLOWED: Record<string, readonly string[]> = {
  "/sign-in/email": ["POST"],
  "/sign-out": ["POST"],
  "/get-session": ["GET"],
};

const NO_STORE = { "cache-control": "no-store" };

/** A sign-in is an e-mail address and a password: a few hundred bytes. */
const MAX_SIGN_IN_BYTES = 16 * 1024;
const signInBody = z.looseObject({
  email: z.string().max(320),
  password: z.string().max(256),
  rememberMe: z.boolean().optional(),
  callbackURL: z.string().max(2000).optional(),
});

/** The sign-in body checked here with zod, with messages of our own, before better-auth sees it: a refusal, or the body to pass on. */
async function signInRefusal(request: Request): Promise<{ response: Response } | { body: string }> {
  const refuse = (status: number, error: string) => ({ response: Response.json({ error }, { status, headers: NO_STORE }) });
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return refuse(415, "Send the sign-in as JSON (Content-Type: application/json) with email and password.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_SIGN_IN_BYTES) return refuse(413, `The sign-in body is larger than ${MAX_SIGN_IN_BYTES / 1024} KB.`);
  const text = await request.text();
  if (text.length > MAX_SIGN_IN_BYTES) return refuse(413, `The sign-in body is larger than ${MAX_SIGN_IN_BYTES / 1024} KB.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(400, "The sign-in body is not valid JSON.");
  }
  const parsed = signInBody.safeParse(json);
  if (!parsed.success) return refuse(400, describeInvalidInput(parsed.error, "The sign-in"));
  return { body: text };
}

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
  if (path === "/sign-in/email") {
    const checked = await signInRefusal(request);
    if ("response" in checked) return checked.response;
    request = new Request(request.url, { method: request.method, headers: request.headers, body: checked.body });
  }
  const auth = await getAuth();
  return auth.handler(request);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
