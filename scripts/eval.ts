/**
 * npm run eval — the explainer over the Sisimai corpus (../shared/corpus/sisimai),
 * compared with Sisimai 5's own test expectations (upstream-v5-expected.jsonl, the
 * target) and Sisimai 4.25's output (expected.jsonl). Prints agreement overall,
 * per reason and per sending MTA, a confusion table, and maildir/not as negatives.
 *
 *   npm run eval [-- --corpus DIR] [--json] [--show-misses N]
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/catalog/catalog.js';
import { Classifier } from '../src/bounce/classify.js';
import { explainInput } from '../src/bounce/explain.js';

process.stdout.on('error', () => process.exit(0)); // e.g. piped into head
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve('../shared/corpus/sisimai') },
    json: { type: 'boolean', default: false },
    'show-misses': { type: 'string', default: '0' },
  },
});
const root = values.corpus!;
if (!existsSync(join(root, 'upstream-v5-expected.jsonl'))) {
  console.error(`eval: no corpus at ${root} (expected upstream-v5-expected.jsonl there); pass --corpus DIR.`);
  process.exit(2);
}

interface V5Row { file: string; n: number; reason: string }
interface V4Row { file: string; recipient: string; reason: string; smtpagent: string }
const readJsonl = <T>(name: string): T[] =>
  readFileSync(join(root, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

const v5 = readJsonl<V5Row>('upstream-v5-expected.jsonl');
const v4 = readJsonl<V4Row>('expected.jsonl');
const classifier = new Classifier(loadCatalog());

const files = [...new Set([...v5.map((r) => r.file), ...v4.map((r) => r.file)])].sort();
const ours = new Map<string, { recipients: Array<string | null>; reasons: string[] }>();
for (const file of files) {
  const explained = await explainInput(readFileSync(join(root, file)), classifier, { lang: 'en', maxBytes: 50 * 1024 * 1024 });
  ours.set(file, { recipients: explained.results.map((r) => r.recipient), reasons: explained.reasons });
}

function mtaOf(file: string): string {
  const base = file.split('/').pop()!.replace(/\.eml$/, '');
  return base.replace(/-\d+$/, '');
}

// --- Sisimai 5 (target) ----------------------------------------------------
const perReason = new Map<string, { ok: number; all: number }>();
const perMta = new Map<string, { ok: number; all: number }>();
const confusion = new Map<string, number>();
const misses: string[] = [];
let ok = 0;
for (const row of v5) {
  const got = ours.get(row.file)?.reasons[row.n - 1] ?? '(none)';
  const hit = got === row.reason;
  if (hit) ok++;
  else {
    confusion.set(`${row.reason} → ${got}`, (confusion.get(`${row.reason} → ${got}`) ?? 0) + 1);
    misses.push(`${row.file}#${row.n}: expected ${row.reason}, got ${got}`);
  }
  for (const [map, key] of [[perReason, row.reason], [perMta, mtaOf(row.file)]] as const) {
    const e = map.get(key) ?? { ok: 0, all: 0 };
    e.all++;
    if (hit) e.ok++;
    map.set(key, e);
  }
}

// --- Sisimai 4.25 (secondary), matched by recipient -----------------------
let ok4 = 0;
for (const row of v4) {
  const mine = ours.get(row.file);
  const index = mine?.recipients.findIndex((r) => r === row.recipient.toLowerCase()) ?? -1;
  const got = index >= 0 ? mine!.reasons[index] : mine?.reasons[0];
  if (got === row.reason) ok4++;
}

// --- negatives: maildir/not must not be taken for bounces ----------------
const negatives: Array<{ file: string; bounce: boolean }> = [];
const notDir = join(root, 'maildir/not');
if (existsSync(notDir)) {
  const { readdirSync } = await import('node:fs');
  for (const name of readdirSync(notDir).sort()) {
    const explained = await explainInput(readFileSync(join(notDir, name)), classifier, { lang: 'en', maxBytes: 50 * 1024 * 1024 });
    negatives.push({ file: `maildir/not/${name}`, bounce: explained.bounce });
  }
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0.0');
const summary = {
  sisimai5: { agree: ok, total: v5.length, percent: Number(pct(ok, v5.length)) },
  sisimai4: { agree: ok4, total: v4.length, percent: Number(pct(ok4, v4.length)) },
  negatives: { correct: negatives.filter((n) => !n.bounce).length, total: negatives.length },
};
if (values.json) {
  console.log(JSON.stringify({ ...summary, perReason: Object.fromEntries(perReason), confusion: Object.fromEntries(confusion) }));
} else {
  console.log(`Agreement with Sisimai 5 (upstream tests): ${ok}/${v5.length} = ${pct(ok, v5.length)} %  (target ≥ 97 %)`);
  console.log(`Agreement with Sisimai 4.25 (expected.jsonl): ${ok4}/${v4.length} = ${pct(ok4, v4.length)} %`);
  console.log(`Non-bounces recognised (maildir/not): ${summary.negatives.correct}/${summary.negatives.total}`);
  console.log('\nPer reason (Sisimai 5):');
  for (const [reason, e] of [...perReason].sort((a, b) => b[1].all - a[1].all)) console.log(`  ${reason.padEnd(16)} ${String(e.ok).padStart(4)}/${String(e.all).padEnd(4)} ${pct(e.ok, e.all).padStart(6)} %`);
  console.log('\nPer sending MTA (Sisimai 5), worst first:');
  for (const [mta, e] of [...perMta].sort((a, b) => a[1].ok / a[1].all - b[1].ok / b[1].all || b[1].all - a[1].all)) {
    if (e.ok < e.all) console.log(`  ${mta.padEnd(28)} ${e.ok}/${e.all}`);
  }
  console.log(`  (${[...perMta].filter(([, e]) => e.ok === e.all).length} other MTAs fully agree)`);
  console.log('\nConfusion (expected → ours):');
  for (const [pair, n] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(3)}  ${pair}`);
  const show = Number(values['show-misses']);
  if (show > 0) {
    console.log('\nMisses:');
    for (const line of misses.slice(0, show)) console.log(`  ${line}`);
  }
}
