/** Chooses the store: Redis when a URL is configured, otherwise the embedded SQLite file. */
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { lazyStore } from './lazy-store.js';
import type { Store } from './store.js';

/** The configured store, opened (and its driver loaded) on first use. */
export function createStore(config: Config): Store {
  return lazyStore(config.store.redisUrl ? 'redis' : 'embedded', () => openStore(config));
}

export async function openStore(config: Config): Promise<Store> {
  if (config.store.redisUrl) {
    const { RedisStore } = await import('./redis-store.js');
    return new RedisStore({ url: config.store.redisUrl, keyPrefix: config.store.keyPrefix });
  }
  const { EmbeddedStore } = await import('./embedded-store.js');
  return new EmbeddedStore({ file: join(config.dataDir, 'postmaster.db') });
}
