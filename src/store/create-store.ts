/** Chooses the store: Redis when a URL is configured, otherwise the embedded SQLite file. */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import { configDuration } from '../core/duration.js';
import { guardedStore } from './guarded-store.js';
import { lazyStore } from './lazy-store.js';
import type { Store } from './store.js';

/** The configured store, opened (and its driver loaded) on first use. */
export function createStore(config: Config, logger?: Logger): Store {
  return lazyStore(config.store.redisUrl ? 'redis' : 'embedded', () => openStore(config, logger));
}

export async function openStore(config: Config, logger?: Logger): Promise<Store> {
  if (config.store.redisUrl) {
    const { RedisStore } = await import('./redis-store.js');
    const timeoutMs = configDuration(config.store.timeout);
    let lastError = '';
    const redis = new RedisStore({
      url: config.store.redisUrl,
      keyPrefix: config.store.keyPrefix,
      connectTimeoutMs: timeoutMs,
      commandTimeoutMs: timeoutMs,
      // One log line per kind of connection error, not one per reconnect attempt.
      onError: (error) => {
        if (error.message === lastError) return;
        lastError = error.message;
        logger?.warn({ err: { message: error.message } }, 'redis connection error');
      },
    });
    // Every call ends within the timeout; an outage is logged when it starts and when it ends.
    return guardedStore(redis, {
      timeoutMs,
      onChange: (up, error) => {
        if (up) {
          lastError = '';
          logger?.info('state store (Redis) reachable again');
        } else {
          // warn, not error: every command that needs the store says so to its person, and /readyz
          // turns 503; a one-shot CLI command (which logs errors only) prints just that sentence.
          logger?.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'state store (Redis) unreachable');
        }
      },
    });
  }
  const { EmbeddedStore } = await import('./embedded-store.js');
  return new EmbeddedStore({ file: join(config.dataDir, 'postmaster.db') });
}
