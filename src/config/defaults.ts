/**
 * The configuration with nothing set, validated by the build and saved beside
 * the compiled schema (write-defaults.ts). A run without a config file and
 * without environment settings takes it instead of loading zod. It records a
 * hash of the compiled schema it came from and is ignored if that changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../core/write-atomically.js';
import type { Config } from './schema.js';

export const DEFAULTS_FILE = new URL('./defaults.snapshot.json', import.meta.url);

/** A hash over this folder's compiled modules (the schema and its sections). */
export function schemaHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['./', './sections/']) {
    const url = new URL(dir, import.meta.url);
    for (const file of readdirSync(url).filter((f) => /\.[jt]s$/.test(f)).sort()) hash.update(`${dir}${file}\0${readFileSync(new URL(file, url))}\0`);
  }
  return hash.digest('hex');
}

export function readDefaults(): Config | undefined {
  try {
    const saved = JSON.parse(readFileSync(DEFAULTS_FILE, 'utf8')) as { schemaHash: string; config: Config };
    return saved.schemaHash === schemaHash() ? saved.config : undefined;
  } catch {
    return undefined;
  }
}

export function writeDefaults(config: Config): void {
  writeFileAtomically(DEFAULTS_FILE, JSON.stringify({ schemaHash: schemaHash(), config }));
}
