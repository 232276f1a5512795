// Sign-in with better-auth: e-mail and password accounts (scrypt hashes), sessions
// in PostgreSQL through the Prisma adapter, cookies httpOnly, SameSite=Lax and
// Secure in production. No one can sign up: users are made with
// `npm run user:create` or by an admin. Sign-in attempts are limited per account
// and per address with counters in PostgreSQL (lib/auth/rate-limit.ts).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db as defaultDb, type Db } from "../db/client";
import { clientAddress } from "./client-address";
import { isSameOrigin } from "./origin";
import { accountKey, addressKey, consumeRateLimit, resetRateLimit, SIGN_IN_LIMITS } from "./rate-limit";
import { authSecret } from "./secret";

/** Sessions last a working day and are refreshed at most hourly while in use. */
export const SESSION_SECONDS = 8 * 60 * 60;
export const MIN_PASSWORD_LENGTH = 12;
export const COOKIE_PREFIX = "yjs";

/** Secure cookies in production, unless AUTH_INSECURE_COOKIES=1 (plain-HTTP testing only). */
export function secureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && env.AUTH_INSECURE_COOKIES !== "1";
}

function buildAuth(database: Db, secret: string) {
  return betterAuth({
    appName: "Youth justice inspection outcomes",
    secret,
    ...(process.env.BETTER_AUTH_URL ? { baseURL: process.env.BETTER_AUTH_URL } : {}),
    // The site's own origin, as Host names it (see lib/auth/origin.ts), plus APP_ORIGINS.
    trustedOrigins: async (request) => {
      const origins = (process.env.APP_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
      const origin = request?.headers.get("origin");
      if (request && origin && isSameOrigin(request.headers)) origins.push(origin);
      return origins;
    },
    database: prismaAdapter(database, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: 60 * 60 },
    user: { additionalFields: { role: { type: "string", input: false, required: false } } },
    // better-auth's own per-path limiter is per instance (memory): ours is in PostgreSQL.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: secureCookies(),
      cookiePrefix: COOKIE_PREFIX,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const headers = ctx.headers ?? ctx.request?.headers ?? new Headers();
        const address = await consumeRateLimit(database, addressKey(clientAddress(headers)), SIGN_IN_LIMITS.address);
        const account = await consumeRateLimit(database, accountKey(email), SIGN_IN_LIMITS.account);
        const blocked = [address, account].find((r) => !r.allowed);
        if (blocked) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many sign-in attempts. Try again in ${Math.ceil((blocked.retryAfter ?? 60) / 60)} minutes.`,
            code: "SIGN_IN_THROTTLED",
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || !ctx.context.newSession) return;
        await resetRateLimit(database, accountKey(ctx.context.newSession.user.email));
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const globalForAuth = globalThis as unknown as { yjsAuth?: Promise<Auth> };

/** The app's better-auth instance (built once, after reading the signing key). */
export function getAuth(): Promise<Auth> {
  globalForAuth.yjsAuth ??= authSecret(defaultDb()).then(
    (secret) => buildAuth(defaultDb(), secret),
    (error: unknown) => {
      globalForAuth.yjsAuth = undefined; // try again on the next request
      throw error;
    },
  );
  return globalForAuth.yjsAuth;
}

/** An instance over another database, for tests and scripts. */
export async function createAuth(database: Db): Promise<Auth> {
  return buildAuth(database, await authSecret(database));
}
