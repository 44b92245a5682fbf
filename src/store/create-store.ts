/** Chooses the store: Redis when a URL is configured, otherwise the embedded SQLite file. */
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { EmbeddedStore } from './embedded-store.js';
import { RedisStore } from './redis-store.js';
import type { Store } from './store.js';

export function createStore(config: Config): Store {
  if (config.store.redisUrl) return new RedisStore({ url: config.store.redisUrl, keyPrefix: config.store.keyPrefix });
  return new EmbeddedStore({ file: join(config.dataDir, 'postmaster.db') });
}
