/**
 * npm run eval — the explainer over the Sisimai corpus (test/corpus/sisimai),
 * compared with Sisimai 5's own test expectations (upstream-v5-expected.jsonl, the
 * target) and Sisimai 4.25's output (expected.jsonl). Prints agreement overall,
 * per reason and per sending MTA, a confusion table, and maildir/not as negatives.
 *
 *   npm run eval [-- --corpus DIR] [--json] [--show-misses N]
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateCorpus, type Tally } from './lib/corpus-eval.js';

process.stdout.on('error', () => process.exit(0)); // e.g. piped into head
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve('test/corpus/sisimai') },
    json: { type: 'boolean', default: false },
    'show-misses': { type: 'string', default: '0' },
  },
});
const root = values.corpus!;
if (!existsSync(join(root, 'upstream-v5-expected.jsonl'))) {
  console.error(`eval: no corpus at ${root} (expected upstream-v5-expected.jsonl there); pass --corpus DIR.`);
  process.exit(2);
}
const r = await evaluateCorpus(root);
const pct = (t: Tally) => (t.all ? ((100 * t.ok) / t.all).toFixed(1) : '0.0');
if (values.json) {
  console.log(JSON.stringify({
    sisimai5: { ...r.sisimai5, percent: Number(pct(r.sisimai5)) },
    sisimai4: { ...r.sisimai4, percent: Number(pct(r.sisimai4)) },
    negatives: r.negatives,
    perReason: Object.fromEntries(r.perReason),
    confusion: Object.fromEntries(r.confusion),
  }));
} else {
  console.log(`Agreement with Sisimai 5 (upstream tests): ${r.sisimai5.ok}/${r.sisimai5.all} = ${pct(r.sisimai5)} %  (target ≥ 97 %)`);
  console.log(`Agreement with Sisimai 4.25 (expected.jsonl): ${r.sisimai4.ok}/${r.sisimai4.all} = ${pct(r.sisimai4)} %`);
  console.log(`Non-bounces recognised (maildir/not): ${r.negatives.ok}/${r.negatives.all}`);
  console.log('\nPer reason (Sisimai 5):');
  for (const [reason, t] of [...r.perReason].sort((a, b) => b[1].all - a[1].all)) {
    console.log(`  ${reason.padEnd(16)} ${String(t.ok).padStart(4)}/${String(t.all).padEnd(4)} ${pct(t).padStart(6)} %`);
  }
  console.log('\nPer sending MTA (Sisimai 5), worst first:');
  for (const [mta, t] of [...r.perMta].sort((a, b) => a[1].ok / a[1].all - b[1].ok / b[1].all || b[1].all - a[1].all)) {
    if (t.ok < t.all) console.log(`  ${mta.padEnd(28)} ${t.ok}/${t.all}`);
  }
  console.log(`  (${[...r.perMta].filter(([, t]) => t.ok === t.all).length} other MTAs fully agree)`);
  console.log('\nConfusion (expected → ours):');
  for (const [pair, n] of [...r.confusion].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(3)}  ${pair}`);
  const show = Number(values['show-misses']);
  if (show > 0) {
    console.log('\nMisses:');
    for (const line of r.misses.slice(0, show)) console.log(`  ${line}`);
  }
}
