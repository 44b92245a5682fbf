/**
 * Real Redis for tests. REDIS_URL names it (default redis://127.0.0.1:6379).
 * Where it is absent the tests are skipped with a visible notice — except in
 * CI (CI=true), where a missing Redis is a failure, never a silent skip.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisStore } from '../../src/store/redis-store.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let available: Promise<boolean> | undefined;

export function redisAvailable(): Promise<boolean> {
  available ??= (async () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5000, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  })();
  return available;
}

/** Returns a `skip` value for node:test: false when Redis runs, a notice otherwise; throws in CI. */
export async function redisSkip(): Promise<false | string> {
  if (await redisAvailable()) return false;
  if (process.env.CI === 'true') throw new Error(`CI=true but Redis is not reachable at ${REDIS_URL}; .ci/run must start it.`);
  const notice = `SKIPPED: Redis not reachable at ${REDIS_URL} (set REDIS_URL to run these tests)`;
  console.warn(`\n*** ${notice} ***\n`);
  return notice;
}

/** A store on a fresh key prefix, so parallel tests never see each other's keys. */
export function freshRedisStore(prefix = `pmtest:${randomUUID()}:`): RedisStore {
  return new RedisStore({ url: REDIS_URL, keyPrefix: prefix });
}
