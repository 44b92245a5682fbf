/** Shared set-up for the log and digest tests: services on a private embedded store, generator runs. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { loadCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { parseConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Services } from '../../src/core/services.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import type { Store } from '../../src/store/store.js';
import { tempDir as tempFolder } from '../helpers/temp.js';
import { GENERATOR } from '../helpers/fixtures.js';

export { GENERATOR, generatorSkip } from '../helpers/fixtures.js';


let catalog: Catalog | undefined;
export function testCatalog(): Catalog {
  return (catalog ??= loadCatalog());
}

export function tempDir(prefix = 'pm-logs-'): string {
  return tempFolder(prefix);
}

export function makeServices(options: { store?: Store; config?: ConfigInput; now?: () => number; dir?: string } = {}): Services & { dir: string } {
  const dir = options.dir ?? tempDir();
  return {
    config: parseConfig({ dataDir: dir, log: { level: 'silent' }, ...(options.config ?? {}) }),
    logger: pino({ level: 'silent' }),
    store: options.store ?? new EmbeddedStore({ file: join(dir, 'postmaster.db') }),
    catalog: testCatalog(),
    now: options.now ?? Date.now,
    dir,
  };
}

/** Runs the log generator (tools/gen-postfix-log.py); returns the file it wrote. Suites using it skip with generatorSkip(). */
export function generate(dir: string, args: string[], name = 'maillog'): string {
  const out = execFileSync('python3', [GENERATOR, ...args], { maxBuffer: 512 * 1024 * 1024 });
  const file = join(dir, name);
  writeFileSync(file, out);
  return file;
}

/** Sum of every hour bucket of a server (or all servers), by key. */
export async function storedTotals(store: Store, server = ''): Promise<Record<string, number>> {
  const sums: Record<string, number> = {};
  for (const key of await store.keys(`rej:${server}`)) {
    if (!/^rej:[^:]+:\d{10}$/.test(key)) continue;
    for (const [field, value] of Object.entries(await store.hgetall(key))) sums[field] = (sums[field] ?? 0) + Number(value);
  }
  return sums;
}

export const total = (counts: Record<string, number | string>) => Object.values(counts).reduce<number>((a, b) => a + Number(b), 0);
