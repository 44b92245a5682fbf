/**
 * The composition root: the only place that wires configuration, store,
 * catalogue, logger and faces together. Tests build Services the same way
 * with their own config (and local peers).
 */
import pino, { type Logger } from 'pino';
import { loadCatalog, type Catalog } from './catalog/catalog.js';
import type { Config } from './config/schema.js';
import { Router } from './core/router.js';
import type { Services } from './core/services.js';
import { createCommands } from './commands/index.js';
import { createStore } from './store/create-store.js';
import type { Store } from './store/store.js';
import { runConsole } from './adapters/console/repl.js';
import { REDACT_PATHS } from './core/redact.js';

export interface AppServices extends Services {
  router: Router;
  close(): Promise<void>;
}

export interface CreateOptions {
  /** Where pino writes: stderr keeps stdout clean for command output. */
  logDestination?: 'stderr' | 'stdout';
  logger?: Logger;
  store?: Store;
  catalog?: Catalog;
  now?: () => number;
}

export function createLogger(config: Config, destination: 'stderr' | 'stdout' = 'stderr'): Logger {
  return pino(
    { level: config.log.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'postmaster' } },
    pino.destination(destination === 'stderr' ? 2 : 1),
  );
}

export async function createServices(config: Config, options: CreateOptions = {}): Promise<AppServices> {
  const logger = options.logger ?? createLogger(config, options.logDestination);
  const catalog = options.catalog ?? loadCatalog();
  const store = options.store ?? createStore(config);
  const router = new Router(createCommands());
  return {
    config,
    logger,
    catalog,
    store,
    now: options.now ?? Date.now,
    router,
    close: async () => {
      await store.close();
    },
  };
}

/**
 * Starts the faces the configuration enables. With no chat credentials this is
 * the terminal console; resolves with the exit code when the bot stops.
 */
export async function startBot(
  services: AppServices,
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream & { isTTY?: boolean }; env: NodeJS.ProcessEnv },
): Promise<number> {
  services.logger.debug({ store: services.store.kind, entries: services.catalog.entries.length }, 'starting');
  return runConsole(services, io);
}
