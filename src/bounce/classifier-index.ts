/**
 * The classifier's automata, built once by the build (write-classifier-index.ts)
 * and loaded by each process instead of being built at its first explanation.
 * The file is the automata's flat arrays as they lie in memory, so loading is
 * one read and a few views (a JSON copy cost a cold `postmaster explain` ~40 ms
 * to parse and turn back into maps). It names the catalogue it was made from
 * (its YAML hash), the compiled matcher code and the byte order; a process uses
 * it only when all three are its own, and builds the automata otherwise.
 *
 * Layout: a 4-byte little-endian header length, the header (JSON: those keys,
 * each array's length, the needles' values), padding to 4 bytes, then each
 * automaton's arrays in AUTOMATON_ARRAYS order.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import type { Catalog } from '../catalog/catalog.js';
import { writeFileAtomically } from '../core/write-atomically.js';
import { AUTOMATON_ARRAYS, type AutomatonData } from './aho-corasick.js';
import { Classifier, type ClassifierIndex } from './classify.js';

export const INDEX_FILE = new URL('./classifier-index.bin', import.meta.url);

/** The modules whose code shapes the automata. */
const MATCHER_MODULES = ['./classify.js', './aho-corasick.js', './normalize.js'];
const AUTOMATA = ['phrases', 'logCodes'] as const;

interface Keys {
  catalog: string;
  matcher: string;
}

interface Header extends Keys {
  endian: string;
  automata: Record<(typeof AUTOMATA)[number], { lengths: number[]; values: unknown[] }>;
}

function matcherHash(): string {
  const hash = createHash('sha256');
  for (const module of MATCHER_MODULES) hash.update(`${module}\0${readFileSync(new URL(module, import.meta.url))}\0`);
  return hash.digest('hex');
}

/** The index and the keys it is valid for, as the file's bytes. */
export function encodeIndex(index: ClassifierIndex, keys: Keys): Buffer {
  const arrays = AUTOMATA.flatMap((name) => AUTOMATON_ARRAYS.map((array) => index[name][array]));
  const header: Header = {
    ...keys,
    endian: endianness(),
    automata: {
      phrases: { lengths: AUTOMATON_ARRAYS.map((a) => index.phrases[a].length), values: index.phrases.values },
      logCodes: { lengths: AUTOMATON_ARRAYS.map((a) => index.logCodes[a].length), values: index.logCodes.values },
    },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - ((4 + json.length) % 4)) % 4);
  return Buffer.concat([length, json, padding, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

/** The file's keys and index, or undefined when the bytes are not a whole index of this machine's byte order. */
export function decodeIndex(file: Uint8Array): (Keys & { index: ClassifierIndex }) | undefined {
  // Int32Array views need 4-byte alignment: a fresh copy when the bytes do not start on one.
  const bytes = file.byteOffset % 4 === 0 ? file : new Uint8Array(file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, headerLength).toString('utf8')) as Header;
  if (header.endian !== endianness()) return undefined;
  const end = bytes.byteOffset + bytes.byteLength;
  let offset = bytes.byteOffset + 4 + headerLength;
  offset += (4 - (offset % 4)) % 4;
  const sizes = AUTOMATA.flatMap((name) => header.automata[name].lengths);
  if (offset + sizes.reduce((sum, n) => sum + n * 4, 0) !== end) return undefined;
  const automaton = <T>(name: (typeof AUTOMATA)[number]): AutomatonData<T> => {
    const { lengths, values } = header.automata[name];
    const data = { values } as Partial<AutomatonData<T>> & { values: T[] };
    AUTOMATON_ARRAYS.forEach((array, i) => {
      data[array] = new Int32Array(bytes.buffer, offset, lengths[i]!);
      offset += lengths[i]! * 4;
    });
    return data as AutomatonData<T>;
  };
  const index = { phrases: automaton<ClassifierIndex['phrases']['values'][number]>('phrases'), logCodes: automaton<number>('logCodes') };
  return { catalog: header.catalog, matcher: header.matcher, index };
}

export function readClassifierIndex(catalog: Catalog): ClassifierIndex | undefined {
  // Only the build writes one, beside compiled .js; sources under tsx always build.
  if (!catalog.fingerprint || import.meta.url.endsWith('.ts')) return undefined;
  try {
    const saved = decodeIndex(readFileSync(INDEX_FILE));
    return saved && saved.catalog === catalog.fingerprint && saved.matcher === matcherHash() ? saved.index : undefined;
  } catch {
    return undefined;
  }
}

export function writeClassifierIndex(catalog: Catalog, index: ClassifierIndex): void {
  if (!catalog.fingerprint) throw new Error('the catalogue has no fingerprint to key the index by');
  writeFileAtomically(INDEX_FILE, encodeIndex(index, { catalog: catalog.fingerprint, matcher: matcherHash() }));
}

/** A classifier for the catalogue, from the saved index when it is current. */
export function createClassifier(catalog: Catalog): Classifier {
  return new Classifier(catalog, readClassifierIndex(catalog));
}
