/**
 * The corpus evaluation behind `npm run eval` and the accuracy-floor test: the
 * explainer over the Sisimai corpus, compared with Sisimai 5's test
 * expectations (the target) and Sisimai 4.25's output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { Classifier } from '../../src/bounce/classify.js';
import { explainInput } from '../../src/bounce/explain.js';

interface V5Row { file: string; n: number; reason: string }
interface V4Row { file: string; recipient: string; reason: string }
export interface Tally { ok: number; all: number }

export interface EvalResult {
  sisimai5: Tally;
  sisimai4: Tally;
  negatives: Tally;
  perReason: Map<string, Tally>;
  perMta: Map<string, Tally>;
  confusion: Map<string, number>;
  misses: string[];
}

function readJsonl<T>(root: string, name: string): T[] {
  return readFileSync(join(root, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

function mtaOf(file: string): string {
  return file.split('/').pop()!.replace(/\.eml$/, '').replace(/-\d+$/, '');
}

export async function evaluateCorpus(root: string): Promise<EvalResult> {
  const v5 = readJsonl<V5Row>(root, 'upstream-v5-expected.jsonl');
  const v4 = readJsonl<V4Row>(root, 'expected.jsonl');
  const classifier = new Classifier(loadCatalog());
  const options = { lang: 'en' as const, maxBytes: 50 * 1024 * 1024 };
  const files = [...new Set([...v5.map((r) => r.file), ...v4.map((r) => r.file)])].sort();
  const ours = new Map<string, { recipients: Array<string | null>; reasons: string[] }>();
  for (const file of files) {
    const explained = await explainInput(readFileSync(join(root, file)), classifier, options);
    ours.set(file, { recipients: explained.results.map((r) => r.recipient), reasons: explained.reasons });
  }
  const result: EvalResult = {
    sisimai5: { ok: 0, all: v5.length },
    sisimai4: { ok: 0, all: v4.length },
    negatives: { ok: 0, all: 0 },
    perReason: new Map(),
    perMta: new Map(),
    confusion: new Map(),
    misses: [],
  };
  const count = (map: Map<string, Tally>, key: string, hit: boolean) => {
    const e = map.get(key) ?? { ok: 0, all: 0 };
    e.all++;
    if (hit) e.ok++;
    map.set(key, e);
  };
  for (const row of v5) {
    const got = ours.get(row.file)?.reasons[row.n - 1] ?? '(none)';
    const hit = got === row.reason;
    if (hit) result.sisimai5.ok++;
    else {
      const pair = `${row.reason} → ${got}`;
      result.confusion.set(pair, (result.confusion.get(pair) ?? 0) + 1);
      result.misses.push(`${row.file}#${row.n}: expected ${row.reason}, got ${got}`);
    }
    count(result.perReason, row.reason, hit);
    count(result.perMta, mtaOf(row.file), hit);
  }
  for (const row of v4) {
    const mine = ours.get(row.file);
    const index = mine?.recipients.findIndex((r) => r === row.recipient.toLowerCase()) ?? -1;
    if ((index >= 0 ? mine!.reasons[index] : mine?.reasons[0]) === row.reason) result.sisimai4.ok++;
  }
  const notDir = join(root, 'maildir/not');
  if (existsSync(notDir)) {
    for (const name of readdirSync(notDir).sort()) {
      const explained = await explainInput(readFileSync(join(notDir, name)), classifier, options);
      result.negatives.all++;
      if (!explained.bounce) result.negatives.ok++;
    }
  }
  return result;
}
