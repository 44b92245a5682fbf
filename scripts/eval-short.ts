/**
 * npm run eval:short — the explainer over short pasted bounce texts (one SMTP
 * reply or a few lines of a bounce), each labelled with a Sisimai 5 reason and
 * a public source (test/fixtures/short-texts). Prints accuracy overall and per
 * reason, and with --show-misses N the texts it gets wrong.
 *
 *   npm run eval:short [-- --json] [--show-misses N]
 */
import { parseArgs } from 'node:util';
import { evaluateShortTexts, type Tally } from './lib/short-eval.js';

process.stdout.on('error', () => process.exit(0)); // e.g. piped into head
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'show-misses': { type: 'string', default: '0' },
  },
});
const show = Number(values['show-misses']);
if (!Number.isInteger(show) || show < 0) {
  console.error('eval:short: --show-misses takes a whole number, e.g. --show-misses 20.');
  process.exit(2);
}

const r = await evaluateShortTexts();
const pct = (t: Tally) => (t.all ? ((100 * t.ok) / t.all).toFixed(1) : '0.0');
const misses = r.results.filter((x) => !x.correct);
if (values.json) {
  console.log(JSON.stringify({
    correct: r.overall.ok,
    total: r.overall.all,
    percent: Number(pct(r.overall)),
    notBounce: r.notBounce,
    perReason: Object.fromEntries([...r.perReason].map(([k, t]) => [k, { ...t, percent: Number(pct(t)) }])),
    misses: misses.slice(0, show).map((m) => ({ text: m.item.text, expected: m.item.reason, entry: m.item.entry, got: m.got, gotEntry: m.gotEntry })),
  }));
} else {
  console.log(`Short pasted texts: ${r.overall.ok}/${r.overall.all} = ${pct(r.overall)} % correct  (goal ≥ 90 %)`);
  console.log(`Answered "does not look like a bounce": ${r.notBounce}`);
  console.log('\nPer reason (label; n, correct, %):');
  for (const [reason, t] of [...r.perReason].sort((a, b) => b[1].all - a[1].all || a[0].localeCompare(b[0]))) {
    console.log(`  ${reason.padEnd(16)} ${String(t.all).padStart(4)} ${String(t.ok).padStart(4)} ${pct(t).padStart(6)} %`);
  }
  const confusion = new Map<string, number>();
  for (const m of misses) {
    const pair = `${m.accepted.join('|')} → ${m.got}`;
    confusion.set(pair, (confusion.get(pair) ?? 0) + 1);
  }
  if (confusion.size) {
    console.log('\nConfusion (expected → got), most frequent first:');
    for (const [pair, n] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${String(n).padStart(3)}  ${pair}`);
  }
  if (show > 0) {
    console.log(`\nMisses (${Math.min(show, misses.length)} of ${misses.length}):`);
    for (const m of misses.slice(0, show)) {
      const want = `${m.accepted.join('|')}${m.item.entry ? ` [${m.item.entry}]` : ''}`;
      const got = `${m.got}${m.gotEntry ? ` [${m.gotEntry}]` : ''}${m.notBounce ? ' (not a bounce)' : ''}`;
      console.log(`  ${JSON.stringify(m.item.text.length > 160 ? `${m.item.text.slice(0, 157)}...` : m.item.text)}\n      expected ${want}, got ${got}`);
    }
  }
}
