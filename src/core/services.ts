/**
 * What commands may use. Built once in the composition root (src/main.ts) and
 * passed down; tests build their own with local peers. Nothing below reads
 * environment variables.
 */
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/catalog.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { ChatPoster } from './outbound.js';
import type { Backends } from '../backends/types.js';

export interface Services {
  config: Config;
  logger: Logger;
  store: Store;
  catalog: Catalog;
  /** Milliseconds since the epoch; injected so tests control time. */
  now: () => number;
  /** Quarantine and list backends; built from config.backends when absent (src/backends/create-backends.ts). */
  backends?: Backends;
  /** Chat posters (Slack, Teams) for posts without a request, set by startBot when chat faces run. */
  posters?: ChatPoster[];
}
