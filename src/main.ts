/**
 * The composition root: the only place that wires configuration, store,
 * catalogue, logger and faces together. Tests build Services the same way
 * with their own config (and local peers).
 */
import type { Logger } from 'pino';
import { createLogger as makeLogger } from './core/logger.js';
import { loadCatalog, type Catalog } from './catalog/catalog.js';
import type { Config } from './config/schema.js';
import { Router } from './core/router.js';
import type { Services } from './core/services.js';
import { loadCommands } from './commands/index.js';
import { createStore } from './store/create-store.js';
import type { Store } from './store/store.js';
import type { ChatFaces } from './server/chat-faces.js';
import { ConfigError } from './config/load.js';

export interface AppServices extends Services {
  router: Router;
  close(): Promise<void>;
}

export interface CreateOptions {
  /** Where pino writes: stderr keeps stdout clean for command output. */
  logDestination?: 'stderr' | 'stdout';
  /** Terminal faces log readable lines; servers log JSON. */
  logFormat?: 'json' | 'line';
  /** Overrides config.log.level (one-shot CLI commands log errors only unless LOG_LEVEL is set). */
  logLevel?: Config['log']['level'];
  logger?: Logger;
  store?: Store;
  catalog?: Catalog;
  now?: () => number;
}

export function createLogger(config: Config, destination: 'stderr' | 'stdout' = 'stderr', format: 'json' | 'line' = 'json', level = config.log.level): Logger {
  return makeLogger({ level, destination, format });
}

export async function createServices(config: Config, options: CreateOptions = {}): Promise<AppServices> {
  const logger = options.logger ?? createLogger(config, options.logDestination, options.logFormat, options.logLevel);
  const store = options.store ?? createStore(config, logger);
  const router = new Router(await loadCommands());
  // The catalogue takes about half a second to load and validate; one-shot commands that never
  // explain anything (audit, quarantine, ingest …) should not pay for it. startBot loads it at once.
  let catalog = options.catalog;
  return {
    config,
    logger,
    get catalog() {
      return (catalog ??= loadCatalog());
    },
    store,
    now: options.now ?? Date.now,
    router,
    close: async () => {
      await store.close();
    },
  };
}

/**
 * Starts the faces the configuration enables: Slack and/or Teams on one HTTP
 * server (with /healthz, /readyz, /metrics), and the terminal console when no
 * chat face is configured or stdin is a terminal. Resolves with the exit code
 * when the bot stops (console closed, or SIGINT/SIGTERM for a server).
 */
export async function startBot(
  services: AppServices,
  io: { stdin: NodeJS.ReadableStream & { isTTY?: boolean }; stdout: NodeJS.WritableStream & { isTTY?: boolean }; env: NodeJS.ProcessEnv },
): Promise<number> {
  // Loaded (and validated) now: a broken catalogue stops a bot at start, not at its first bounce.
  services.logger.debug({ store: services.store.kind, entries: services.catalog.entries.length }, 'starting');
  // The console (and node:readline) loads only for the bot itself, not for one-shot commands.
  const { runConsole } = await import('./adapters/console/repl.js');
  if (!services.config.slack && !services.config.teams) return runConsole(services, io);

  // Loaded only here: the chat SDKs and the chart renderer would slow every CLI command down.
  const { startChatFaces } = await import('./server/chat-faces.js');
  const { startDigestScheduler } = await import('./digest/scheduler.js');

  // The Teams test flag only counts in a test process: botbuilder would accept anyone otherwise.
  const allowUnauthenticatedTeams = Boolean(services.config.teams?.allowUnauthenticated) && io.env.NODE_ENV === 'test';
  let faces: ChatFaces;
  try {
    faces = await startChatFaces(services, { allowUnauthenticatedTeams });
  } catch (error) {
    // A face that must not run (Teams without credentials) stops the start with its one sentence.
    if (!(error instanceof ConfigError)) throw error;
    services.logger.fatal(error.message);
    return 2;
  }
  services.posters = faces.posters;
  let stopDigests: () => Promise<void> = async () => {};
  try {
    stopDigests = startDigestScheduler(services, faces.posters);
    if (io.stdin.isTTY) return await runConsole(services, io);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    services.logger.info('stopping');
    return 0;
  } finally {
    await stopDigests();
    await faces.stop();
  }
}
