/**
 * The validated catalogue as JSON, written by the build (write-snapshot.ts)
 * beside the compiled code. Loading it skips the YAML parser and zod, which
 * cost every process half a second. The YAML stays the source: the snapshot
 * carries a hash of the YAML it was made from and is ignored when the files
 * differ, so an edited catalogue is never shadowed by an old build.
 *
 * What a person reads (titles, explanations, remedies, references, examples)
 * is three quarters of the catalogue but needed for few entries per process:
 * it lives in a second file (catalog.texts.json), read as bytes, and each
 * entry decodes its own slice the first time one of those fields is read.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../core/write-atomically.js';
import type { CatalogText } from './compile.js';
import type { CatalogEntry, CatalogSource } from './types.js';

/** Bump when the snapshot's shape changes, so an older build's file is not trusted. */
const FORMAT = 3;

type TextField = 'title' | 'explanation' | 'remedy' | 'references' | 'examples';
type EntryTexts = Pick<CatalogEntry, TextField>;
type EntryCore = Omit<CatalogEntry, TextField>;

interface SnapshotFile {
  format: number;
  /** sha256 over the YAML files' names and texts, in load order. */
  yamlHash: string;
  /** Name, size and mtime of each YAML file when the snapshot was made: equal stats skip reading them. */
  yamlStats: string[];
  sources: CatalogSource[];
  entries: EntryCore[];
  /** Per entry, where its texts lie in the texts file: start and end byte, flat. */
  texts: number[];
}

export interface Snapshot {
  yamlHash: string;
  sources: CatalogSource[];
  entries: CatalogEntry[];
}

/** Where the snapshot lives: next to this module (dist/catalog/ after the build; absent in src/). */
export const SNAPSHOT_FILE = new URL('./catalog.snapshot.json', import.meta.url);

/** The texts file beside a snapshot file. */
function textsFileOf(path: URL | string): URL | string {
  const name = (p: string) => p.replace(/(?:\.snapshot)?\.json$/, '.texts.json');
  return typeof path === 'string' ? name(path) : new URL(name(path.href));
}

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

/** The texts file starts with the YAML hash it was written for: a snapshot never takes another build's texts. */
function textsHead(hash: string): Buffer {
  return Buffer.from(`[${JSON.stringify(hash)}`, 'utf8');
}

/** Entries whose text fields decode from `texts` on first use (one JSON.parse per entry, then kept). */
function withTexts(cores: readonly EntryCore[], ranges: readonly number[], texts: Buffer): CatalogEntry[] {
  return cores.map((core, i) => {
    let decoded: EntryTexts | undefined;
    const own = () => (decoded ??= JSON.parse(texts.toString('utf8', ranges[2 * i], ranges[2 * i + 1])) as EntryTexts);
    // The YAML's key order, so an entry prints and compares as one compiled from the YAML.
    const entry: CatalogEntry = {
      id: core.id,
      category: core.category,
      reason: core.reason,
      actor: core.actor,
      get title() { return own().title; },
      get explanation() { return own().explanation; },
      get remedy() { return own().remedy; },
      match: core.match,
      followUp: core.followUp,
      get references() { return own().references; },
      get examples() { return own().examples; },
      priority: core.priority,
      source: core.source,
      tier: core.tier,
      temporary: core.temporary,
    };
    return entry;
  });
}

function parse(path: URL | string): SnapshotFile | undefined {
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
    return file.format === FORMAT ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The snapshot with its texts, or undefined when the texts file is missing or another build's. */
function withTextsFile(file: SnapshotFile, path: URL | string): Snapshot | undefined {
  try {
    const texts = readFileSync(textsFileOf(path));
    const head = textsHead(file.yamlHash);
    if (!texts.subarray(0, head.length).equals(head)) return undefined;
    return { yamlHash: file.yamlHash, sources: file.sources, entries: withTexts(file.entries, file.texts, texts) };
  } catch {
    return undefined;
  }
}

/**
 * The snapshot made from the catalogue files in `dir`, or undefined (missing, older format, other
 * YAML). Files whose stats match the snapshot's are not read; otherwise their texts are hashed.
 */
export function readSnapshot(dir: string, names: readonly string[], readTexts: () => CatalogText[], path: URL | string = SNAPSHOT_FILE): Snapshot | undefined {
  const file = parse(path);
  if (!file) return undefined;
  const stats = yamlStats(dir, names);
  const current = (stats.length === file.yamlStats.length && stats.every((s, i) => s === file.yamlStats[i])) || file.yamlHash === yamlHash(readTexts());
  return current ? withTextsFile(file, path) : undefined;
}

/** Writes atomically, texts first: a reader never sees half a file, nor a snapshot without its texts. */
export function writeSnapshot(dir: string, files: readonly CatalogText[], sources: CatalogSource[], entries: CatalogEntry[], path: URL | string = SNAPSHOT_FILE): void {
  const hash = yamlHash(files);
  const chunks: Buffer[] = [textsHead(hash)];
  let at = chunks[0]!.length;
  const ranges: number[] = [];
  const cores = entries.map(({ title, explanation, remedy, references, examples, ...core }) => {
    const json = Buffer.from(`,${JSON.stringify({ title, explanation, remedy, references, examples })}`, 'utf8');
    ranges.push(at + 1, at + json.length);
    chunks.push(json);
    at += json.length;
    return core;
  });
  chunks.push(Buffer.from(']\n'));
  const snapshot: SnapshotFile = { format: FORMAT, yamlHash: hash, yamlStats: yamlStats(dir, files.map((f) => f.file)), sources, entries: cores, texts: ranges };
  writeFileAtomically(textsFileOf(path), Buffer.concat(chunks));
  writeFileAtomically(path, JSON.stringify(snapshot));
}
