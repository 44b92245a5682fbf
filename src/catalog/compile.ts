/**
 * Turns the catalogue's YAML texts into validated entries. This is the slow
 * path (YAML parser and zod, ~0.5 s): the build runs it once and writes a
 * snapshot (snapshot.ts); processes run it only when the YAML changed since.
 *
 * It reports problems as data, not as CatalogError: catalog.ts loads it with
 * require(), and a class from a second module instance would not pass
 * `instanceof`.
 */
import { parse as parseYaml } from 'yaml';
import { catalogFileSchema } from './schema.js';
import { unsafeReason } from './safe-pattern.js';
import type { CatalogEntry, CatalogSource } from './types.js';

export interface CatalogText {
  /** The file name, used in messages only. */
  file: string;
  text: string;
}

export type Compiled =
  | { ok: true; sources: CatalogSource[]; entries: CatalogEntry[] }
  | { ok: false; message: string };

class Invalid extends Error {}

/** Validates every file; the first broken one gives the message (naming the file, the entry and the key). */
export function compileCatalogTexts(files: readonly CatalogText[]): Compiled {
  try {
    const sources: CatalogSource[] = [];
    const entries: CatalogEntry[] = [];
    for (const { file, text } of files) {
      const loaded = compileFile(text, file);
      sources.push(loaded.source);
      entries.push(...loaded.entries);
    }
    return { ok: true, sources, entries };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message };
    throw error;
  }
}

function compileFile(textContent: string, file: string): { source: CatalogSource; entries: CatalogEntry[] } {
  let raw: unknown;
  try {
    raw = parseYaml(textContent);
  } catch (error) {
    throw new Invalid(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
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
    throw new Invalid(`${file}: ${problems.join('; ')}.`);
  }
  const data = parsed.data;
  const source: CatalogSource = { source: data.source, tier: data.tier, description: data.description, origin: data.origin, file };
  const entries = data.entries.map((e): CatalogEntry => {
    if (!e.id.startsWith(`${data.source}.`)) {
      throw new Invalid(`${file}: entry ${e.id} must start with "${data.source}." (its source).`);
    }
    for (const pattern of [...e.match.patterns, ...e.match.hosts]) {
      const why = unsafeReason(pattern);
      if (why) throw new Invalid(`${file}: entry ${e.id}, pattern /${pattern}/: ${why}.`);
    }
    const m = e.match;
    if (!m.texts.length && !m.logCodes.length && !m.enhancedCodes.length && !m.patterns.length && !m.replyCodes.length) {
      throw new Invalid(`${file}: entry ${e.id} has nothing to match (texts, logCodes, enhancedCodes, patterns or replyCodes).`);
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
