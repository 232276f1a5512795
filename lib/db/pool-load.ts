// How busy the app's connection pool is, for proxy.ts, without loading Prisma
// there: lib/db/client.ts registers the app's pool here when it makes it.

type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

const store = globalThis as unknown as { yjsAppPool?: { pool: PoolStats; max: number } };

export function registerAppPool(pool: PoolStats, max: number): void {
  store.yjsAppPool = { pool, max };
}

/**
 * True when the app's pool is saturated: every connection busy and at least as
 * many queries again waiting for one. proxy.ts then answers 503 at once
 * instead of admitting one more request that would wait for the pool and fail.
 * A short burst still queues (up to a pool's worth of waiting queries).
 */
export function poolSaturated(): boolean {
  const app = store.yjsAppPool;
  if (!app) return false;
  const { totalCount, idleCount, waitingCount } = app.pool;
  return totalCount >= app.max && idleCount === 0 && waitingCount >= app.max;
}

/** Forgets the registered pool (tests). */
export function forgetAppPool(): void {
  store.yjsAppPool = undefined;
}
