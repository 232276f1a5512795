// Fixed-window counters in PostgreSQL, shared by every instance of the app.
// One statement counts and checks a request, so concurrent attempts cannot
// slip past a stale read.
import type { Db } from "../db/client";

export type RateLimitRule = { /** seconds */ window: number; max: number };
export type RateLimitResult = { allowed: boolean; count: number; retryAfter: number | null };

/** Sign-in attempts per account (e-mail address) and per network address. */
export const SIGN_IN_LIMITS = {
  account: { window: 15 * 60, max: 5 },
  address: { window: 15 * 60, max: 30 },
} as const satisfies Record<string, RateLimitRule>;

type Row = { count: number; retry_after: number };

/** Counts one request against `key` and says whether it is within `rule`. */
export async function consumeRateLimit(database: Db, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const rows = await database.$queryRaw<Row[]>`
    insert into "RateLimitBucket" ("key", "count", "windowStart") values (${key}, 1, clock_timestamp())
    on conflict ("key") do update set
      "count" = case when "RateLimitBucket"."windowStart" <= clock_timestamp() - make_interval(secs => ${rule.window})
                     then 1 else "RateLimitBucket"."count" + 1 end,
      "windowStart" = case when "RateLimitBucket"."windowStart" <= clock_timestamp() - make_interval(secs => ${rule.window})
                     then clock_timestamp() else "RateLimitBucket"."windowStart" end
    returning "count",
      greatest(1, ceil(extract(epoch from ("windowStart" + make_interval(secs => ${rule.window}) - clock_timestamp()))))::int as retry_after`;
  const row = rows[0]!;
  const allowed = row.count <= rule.max;
  return { allowed, count: row.count, retryAfter: allowed ? null : row.retry_after };
}

/** Forgets the count for `key` (an account's, after a successful sign-in). */
export async function resetRateLimit(database: Db, key: string): Promise<void> {
  await database.rateLimitBucket.deleteMany({ where: { key } });
}

export const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `sign-in:address:${address}`;
