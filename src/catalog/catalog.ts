/**
 * Loads the catalogue: every `*.yaml` in this folder is one source, and adding
 * an entry needs no TypeScript. Processes read the build's validated snapshot
 * (snapshot.ts) when it was made from these very files; otherwise the YAML is
 * compiled here (compile.ts), and a broken file stops the start with a
 * sentence naming the file, the entry and the key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotError } from '../core/errors.js';
import type { CatalogText, Compiled } from './compile.js';
import { readSnapshot, yamlHash } from './snapshot.js';
import type { CatalogEntry, CatalogSource } from './types.js';

export type { CatalogSource } from './types.js';

/** The YAML lives beside the sources; this resolves from both src/ and dist/. */
export const CATALOG_DIR = fileURLToPath(new URL('../../src/catalog/', import.meta.url));

/** A catalogue file that does not load; its message names the file, the entry and the key. */
export class CatalogError extends BotError {
  constructor(message: string) {
    super('config_invalid', message);
    this.name = 'CatalogError';
  }
}

/** A validated, indexed catalogue. Compiled patterns are kept beside the entries. */
export class Catalog {
  readonly byId = new Map<string, CatalogEntry>();
  readonly compiled = new Map<string, { patterns: RegExp[]; hosts: RegExp[] }>();

  /**
   * @param fingerprint the hash of the YAML this catalogue came from (snapshot.ts), when known:
   *   data derived from it (the classifier's prebuilt index) is keyed by it.
   */
  constructor(readonly entries: readonly CatalogEntry[], readonly sources: readonly CatalogSource[], readonly fingerprint?: string) {
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

/** The names of the catalogue files in `dir`, sorted (the load order). */
export function catalogFileNames(dir: string): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  if (files.length === 0) throw new CatalogError(`No catalogue files (*.yaml) in ${dir}.`);
  return files;
}

/** The catalogue files of `dir` with their texts, in load order. */
export function readCatalogTexts(dir: string, names: readonly string[] = catalogFileNames(dir)): CatalogText[] {
  return names.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * The compiler, loaded only when needed: it pulls in the YAML parser and zod.
 * require() keeps loadCatalog synchronous (Node ≥ 20.19 loads ES modules this way).
 */
function compile(files: readonly CatalogText[]): Compiled {
  const { compileCatalogTexts } = createRequire(import.meta.url)('./compile.js') as typeof import('./compile.js');
  return compileCatalogTexts(files);
}

/** Parses one catalogue file's text; `file` is used in error messages only. */
export function parseCatalogFile(textContent: string, file: string): { source: CatalogSource; entries: CatalogEntry[] } {
  const compiled = compile([{ file, text: textContent }]);
  if (!compiled.ok) throw new CatalogError(compiled.message);
  return { source: compiled.sources[0]!, entries: compiled.entries };
}

/** Loads every catalogue file in `dir` (default: the bundled catalogue), from the snapshot when it is current. */
export function loadCatalog(dir: string = CATALOG_DIR): Catalog {
  const names = catalogFileNames(dir);
  const snapshot = dir === CATALOG_DIR ? readSnapshot(dir, names, () => readCatalogTexts(dir, names)) : undefined;
  if (snapshot) return new Catalog(snapshot.entries, snapshot.sources, snapshot.yamlHash);
  const texts = readCatalogTexts(dir, names);
  const compiled = compile(texts);
  if (!compiled.ok) throw new CatalogError(compiled.message);
  return new Catalog(compiled.entries, compiled.sources, yamlHash(texts));
}
