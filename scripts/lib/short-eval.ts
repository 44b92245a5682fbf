/**
 * The short-text evaluation behind `npm run eval:short` and its floor test:
 * every labelled text of test/fixtures/short-texts is explained exactly as a
 * text pasted into `postmaster explain` (or /bounce) is, and the explainer's
 * reason (and top catalogue entry, where the label names one) is compared
 * with the label.
 */
import { readFileSync } from 'node:fs';
import { explainInput } from '../../src/bounce/explain.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { REASONS, type Reason } from '../../src/catalog/types.js';
import { Classifier } from '../../src/bounce/classify.js';

export const SHORT_TEXTS = new URL('../../test/fixtures/short-texts/short-texts.jsonl', import.meta.url);

export interface ShortText {
  text: string;
  /** One reason, or several where the text is genuinely ambiguous. */
  reason: Reason | Reason[];
  /** The catalogue entry an own-filter text must be matched to. */
  entry?: string;
  source: string;
}

export interface ShortResult {
  item: ShortText;
  accepted: Reason[];
  got: string;
  gotEntry: string | null;
  /** The explainer said "does not look like a bounce". */
  notBounce: boolean;
  correct: boolean;
}

export interface Tally { ok: number; all: number }

export interface ShortEval {
  overall: Tally;
  perReason: Map<string, Tally>;
  notBounce: number;
  results: ShortResult[];
}

/** Reads and checks the labelled set; a malformed line is an error naming its line number. */
export function readShortTexts(file: URL | string = SHORT_TEXTS): ShortText[] {
  const known = new Set<string>(REASONS);
  const entries = loadCatalog();
  return readFileSync(file, 'utf8').split('\n').flatMap((line, index) => {
    if (!line.trim()) return [];
    const where = `short-texts.jsonl line ${index + 1}`;
    const item = JSON.parse(line) as ShortText;
    if (typeof item.text !== 'string' || !item.text.trim()) throw new Error(`${where}: "text" must be a non-empty string.`);
    const reasons = Array.isArray(item.reason) ? item.reason : [item.reason];
    if (reasons.length === 0 || reasons.some((r) => !known.has(r))) throw new Error(`${where}: unknown reason ${JSON.stringify(item.reason)}.`);
    if (typeof item.source !== 'string' || !/^https?:\/\/\S+$/.test(item.source)) throw new Error(`${where}: "source" must be an http(s) URL.`);
    if (item.entry !== undefined && !entries.get(item.entry)) throw new Error(`${where}: catalogue entry "${item.entry}" does not exist.`);
    return [item];
  });
}

/** Explains every text as a paste and scores it against its label. */
export async function evaluateShortTexts(items: ShortText[] = readShortTexts()): Promise<ShortEval> {
  // The same classifier and limits the explain command uses for a paste.
  const classifier = new Classifier(loadCatalog());
  const options = { lang: 'en' as const, maxBytes: 10 * 1024 * 1024, name: 'The input' };
  const result: ShortEval = { overall: { ok: 0, all: 0 }, perReason: new Map(), notBounce: 0, results: [] };
  for (const item of items) {
    const explained = await explainInput(item.text, classifier, options);
    const accepted = Array.isArray(item.reason) ? item.reason : [item.reason];
    const got = explained.reasons[0] ?? '(none)';
    const gotEntry = explained.results[0]?.match?.id ?? null;
    const notBounce = explained.noteCodes.includes('not-a-bounce');
    const correct = accepted.includes(got as Reason) && (item.entry === undefined || item.entry === gotEntry);
    result.results.push({ item, accepted, got, gotEntry, notBounce, correct });
    result.overall.all++;
    if (correct) result.overall.ok++;
    if (notBounce) result.notBounce++;
    // A text with several acceptable reasons is counted under the first.
    const tally = result.perReason.get(accepted[0]!) ?? { ok: 0, all: 0 };
    tally.all++;
    if (correct) tally.ok++;
    result.perReason.set(accepted[0]!, tally);
  }
  return result;
}
