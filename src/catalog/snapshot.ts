/**
 * The validated catalogue as JSON, written by the build (write-snapshot.ts)
 * beside the compiled code. Loading it skips the YAML parser and zod, which
 * cost every process half a second. The YAML stays the source: the snapshot
 * carries a hash of the YAML it was made from and is ignored when the files
 * differ, so an edited catalogue is never shadowed by an old build.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogText } from './compile.js';
import type { CatalogEntry, CatalogSource } from './types.js';

/** Bump when the snapshot's shape changes, so an older build's file is not trusted. */
const FORMAT = 2;

export interface Snapshot {
  format: number;
  /** sha256 over the YAML files' names and texts, in load order. */
  yamlHash: string;
  /** Name, size and mtime of each YAML file when the snapshot was made: equal stats skip reading them. */
  yamlStats: string[];
  sources: CatalogSource[];
  entries: CatalogEntry[];
}

/** Where the snapshot lives: next to this module (dist/catalog/ after the build; absent in src/). */
export const SNAPSHOT_FILE = new URL('./catalog.snapshot.json', import.meta.url);

export function yamlHash(files: readonly CatalogText[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of files) hash.update(`${file}\0${text}\0`);
  return hash.digest('hex');
}

/** `name:size:mtime` of each catalogue file, in load order. */
export function yamlStats(dir: string, names: readonly string[]): string[] {
  return names.map((name) => {
    const stat = statSync(join(dir, name));
    return `${name}:${stat.size}:${stat.mtimeMs}`;
  });
}

function parse(path: URL | string): Snapshot | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
    return snapshot.format === FORMAT ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The snapshot made from the catalogue files in `dir`, or undefined (missing, older format, other
 * YAML). Files whose stats match the snapshot's are not read; otherwise their texts are hashed.
 */
export function readSnapshot(dir: string, names: readonly string[], readTexts: () => CatalogText[], path: URL | string = SNAPSHOT_FILE): Snapshot | undefined {
  const snapshot = parse(path);
  if (!snapshot) return undefined;
  const stats = yamlStats(dir, names);
  if (stats.length === snapshot.yamlStats.length && stats.every((s, i) => s === snapshot.yamlStats[i])) return snapshot;
  return snapshot.yamlHash === yamlHash(readTexts()) ? snapshot : undefined;
}

/** Writes atomically: a reader never sees half a file. */
export function writeSnapshot(dir: string, files: readonly CatalogText[], sources: CatalogSource[], entries: CatalogEntry[], path: URL | string = SNAPSHOT_FILE): void {
  const snapshot: Snapshot = { format: FORMAT, yamlHash: yamlHash(files), yamlStats: yamlStats(dir, files.map((f) => f.file)), sources, entries };
  const target = typeof path === 'string' ? path : path.pathname;
  writeFileSync(`${target}.tmp`, JSON.stringify(snapshot));
  renameSync(`${target}.tmp`, target);
}
