/**
 * Loads and validates the catalogue: every `*.yaml` in this folder is one
 * source. Adding an entry needs no TypeScript. A broken file stops the start
 * with a sentence naming the file, the entry and the key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { BotError } from '../core/errors.js';
import { catalogFileSchema } from './schema.js';
import { unsafeReason } from './safe-pattern.js';
import type { CatalogEntry, SourceTier } from './types.js';

/** The YAML lives beside the sources; this resolves from both src/ and dist/. */
export const CATALOG_DIR = fileURLToPath(new URL('../../src/catalog/', import.meta.url));

/** A catalogue file that does not load; its message names the file, the entry and the key. */
export class CatalogError extends BotError {
  constructor(message: string) {
    super('config_invalid', message);
    this.name = 'CatalogError';
  }
}

export interface CatalogSource {
  source: string;
  tier: SourceTier;
  description: string;
  origin: string[];
  file: string;
}

/** A validated, indexed catalogue. Compiled patterns are kept beside the entries. */
export class Catalog {
  readonly byId = new Map<string, CatalogEntry>();
  readonly compiled = new Map<string, { patterns: RegExp[]; hosts: RegExp[] }>();

  constructor(readonly entries: readonly CatalogEntry[], readonly sources: readonly CatalogSource[]) {
    for (const entry of entries) {
      if (this.byId.has(entry.id)) throw new CatalogError(`Catalogue entry id "${entry.id}" is used twice.`);
      this.byId.set(entry.id, entry);
      this.compiled.set(entry.id, {
        patterns: entry.match.patterns.map((p) => new RegExp(p, 'iu')),
        hosts: entry.match.hosts.map((p) => new RegExp(p, 'iu')),
      });
    }
  }

  get(id: string): CatalogEntry | undefined {
    return this.byId.get(id);
  }
}

/** Parses one catalogue file's text; `file` is used in error messages only. */
export function parseCatalogFile(textContent: string, file: string): { source: CatalogSource; entries: CatalogEntry[] } {
  let raw: unknown;
  try {
    raw = parseYaml(textContent);
  } catch (error) {
    throw new CatalogError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = catalogFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => {
      const [first, index, ...rest] = issue.path;
      const entries = (raw as { entries?: Array<{ id?: string }> })?.entries;
      const where = first === 'entries' && typeof index === 'number'
        ? `entry ${entries?.[index]?.id ?? `#${index + 1}`}, key "${rest.join('.') || '(entry)'}"`
        : `key "${issue.path.join('.') || '(top level)'}"`;
      return `${where}: ${issue.message}`;
    });
    throw new CatalogError(`${file}: ${problems.join('; ')}.`);
  }
  const data = parsed.data;
  const source: CatalogSource = { source: data.source, tier: data.tier, description: data.description, origin: data.origin, file };
  const entries = data.entries.map((e): CatalogEntry => {
    if (!e.id.startsWith(`${data.source}.`)) {
      throw new CatalogError(`${file}: entry ${e.id} must start with "${data.source}." (its source).`);
    }
    for (const pattern of [...e.match.patterns, ...e.match.hosts]) {
      const why = unsafeReason(pattern);
      if (why) throw new CatalogError(`${file}: entry ${e.id}, pattern /${pattern}/: ${why}.`);
    }
    const m = e.match;
    if (!m.texts.length && !m.logCodes.length && !m.enhancedCodes.length && !m.patterns.length && !m.replyCodes.length) {
      throw new CatalogError(`${file}: entry ${e.id} has nothing to match (texts, logCodes, enhancedCodes, patterns or replyCodes).`);
    }
    return {
      ...e,
      source: data.source,
      tier: data.tier,
      temporary: e.temporary ?? e.category === 'temporary',
      match: m,
    };
  });
  return { source, entries };
}

/** Loads every catalogue file in `dir` (default: the bundled catalogue). */
export function loadCatalog(dir: string = CATALOG_DIR): Catalog {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  if (files.length === 0) throw new CatalogError(`No catalogue files (*.yaml) in ${dir}.`);
  const sources: CatalogSource[] = [];
  const entries: CatalogEntry[] = [];
  for (const file of files) {
    const loaded = parseCatalogFile(readFileSync(join(dir, file), 'utf8'), file);
    sources.push(loaded.source);
    entries.push(...loaded.entries);
  }
  return new Catalog(entries, sources);
}
