/**
 * The classifier's automata, built once by the build (write-classifier-index.ts)
 * and loaded by each process instead of being built at its first explanation
 * (~50 ms of a cold `postmaster explain`). The file names the catalogue it was
 * made from (its YAML hash) and the compiled matcher code; a process uses it
 * only when both are its own, and builds the automata otherwise.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { Classifier, type ClassifierIndex } from './classify.js';

export const INDEX_FILE = new URL('./classifier-index.json', import.meta.url);

/** The modules whose code shapes the automata. */
const MATCHER_MODULES = ['./classify.js', './aho-corasick.js', './normalize.js'];

function matcherHash(): string {
  const hash = createHash('sha256');
  for (const module of MATCHER_MODULES) hash.update(`${module}\0${readFileSync(new URL(module, import.meta.url))}\0`);
  return hash.digest('hex');
}

export function readClassifierIndex(catalog: Catalog): ClassifierIndex | undefined {
  // Only the build writes one, beside compiled .js; sources under tsx always build.
  if (!catalog.fingerprint || import.meta.url.endsWith('.ts')) return undefined;
  try {
    const saved = JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as { catalog: string; matcher: string; index: ClassifierIndex };
    return saved.catalog === catalog.fingerprint && saved.matcher === matcherHash() ? saved.index : undefined;
  } catch {
    return undefined;
  }
}

export function writeClassifierIndex(catalog: Catalog, index: ClassifierIndex): void {
  if (!catalog.fingerprint) throw new Error('the catalogue has no fingerprint to key the index by');
  const target = INDEX_FILE.pathname;
  writeFileSync(`${target}.tmp`, JSON.stringify({ catalog: catalog.fingerprint, matcher: matcherHash(), index }));
  renameSync(`${target}.tmp`, target);
}

/** A classifier for the catalogue, from the saved index when it is current. */
export function createClassifier(catalog: Catalog): Classifier {
  return new Classifier(catalog, readClassifierIndex(catalog));
}
