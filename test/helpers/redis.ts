/**
 * Real Redis for tests. REDIS_URL names it (default redis://127.0.0.1:6379).
 * Where it is absent the tests are skipped with a visible notice — except in
 * CI (CI=true), where a missing Redis is a failure, never a silent skip.
 */
import { randomUUID } from 'node:crypto';
import { after } from 'node:test';
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

const prefixes: string[] = [];

/** A fresh key prefix, so parallel tests never see each other's keys; its keys are deleted after the test file. */
export function testPrefix(): string {
  const prefix = `pmtest:${randomUUID()}:`;
  prefixes.push(prefix);
  return prefix;
}

// A test file's keys do not outlive it: a shared Redis is not a place to leave them.
after(async () => {
  if (prefixes.length === 0 || !(await redisAvailable())) return;
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    for (const prefix of prefixes.splice(0)) {
      for await (const keys of client.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
        if (keys.length) await client.unlink(...keys);
      }
    }
  } finally {
    client.disconnect();
  }
});

/** A store on a fresh key prefix (testPrefix). */
export function freshRedisStore(prefix = testPrefix()): RedisStore {
  return new RedisStore({ url: REDIS_URL, keyPrefix: prefix });
}
