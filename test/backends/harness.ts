/**
 * Shared test wiring for privileged actions: real services (router, store,
 * config through the real schema) and a way to run a command as a given
 * person on a given face, the way the adapters do.
 */
import { join } from 'node:path';
import pino from 'pino';
import { loadCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { parseConfig } from '../../src/config/load.js';
import type { Reply } from '../../src/core/reply.js';
import type { Platform, Request } from '../../src/core/request.js';
import { tokenize } from '../../src/core/tokenize.js';
import { createServices, type AppServices } from '../../src/main.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import type { Store } from '../../src/store/store.js';
import { tempDir as tempFolder } from '../helpers/temp.js';

// The catalogue is read-only and the same for every test: load it once per test process.
let catalog: Catalog | undefined;

export function tempDir(prefix = 'pm-priv-'): string {
  return tempFolder(prefix);
}

export interface Harness {
  services: AppServices;
  dataDir: string;
  clock: { now: number };
  run(line: string, as?: Partial<Request> & { actor?: Request['actor'] }): Promise<Reply>;
  auditRows(): Promise<Array<Record<string, unknown>>>;
}

export async function harness(config: Record<string, unknown>, options: { store?: Store; dataDir?: string } = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? tempDir();
  const parsed = parseConfig({ dataDir, ...config });
  const clock = { now: Date.now() };
  const store = options.store ?? new EmbeddedStore({ file: join(dataDir, 'postmaster.db') });
  catalog ??= loadCatalog();
  const services = await createServices(parsed, { store, catalog, logger: pino({ level: 'silent' }), now: () => clock.now });
  return {
    services,
    dataDir,
    clock,
    async run(line, as = {}) {
      const [name = '', ...args] = tokenize(line);
      const request: Request = {
        platform: 'cli' as Platform,
        actor: { id: 'console:tester' },
        channel: 'C-test',
        lang: 'en',
        args,
        text: line.slice(line.indexOf(name) + name.length).trim(),
        attachments: [],
        ...as,
      };
      return services.router.dispatch(name, request, services);
    },
    async auditRows() {
      return (await store.range('audit')).map((e) => e.record);
    },
  };
}

/** A role that may do everything, for the person the tests act as. */
export function adminRole(member = 'console:tester') {
  return {
    admin: {
      members: [member],
      grants: ['quarantine.read', 'quarantine.release', 'quarantine.delete', 'lists.read', 'lists.edit', 'audit.read'],
    },
  };
}

export function replyText(reply: Reply): string {
  return [reply.title ?? '', reply.summary ?? '', ...reply.parts.map((p) => JSON.stringify(p))].join('\n');
}
