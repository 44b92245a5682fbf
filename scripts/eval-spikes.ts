/**
 * `npm run eval:spikes` — the spike rule on the generator's two-week log with
 * an RBL burst: `gen-postfix-log.py --days 14 --spike --spike-day 10`
 * (14:00–16:00 on day 10). The log is ingested through the real ingester into
 * a fresh embedded store, then the detector runs over week 2 hour by hour for
 * every (server, reason) — the same code the digest and the alerts use.
 *
 * Truth: every RBL reason key (blocked:<zone>) in the burst hours. Reported:
 * TP / FP / FN over all reason-hours of week 2. Options: --lines N (passed to
 * the generator; default its own 1 000 000), --seed S.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadCatalog } from '../src/catalog/catalog.js';
import { parseConfig } from '../src/config/load.js';
import { loadSeries } from '../src/digest/series.js';
import { DayTypes, DEFAULT_RULE, findSpikes, HOUR } from '../src/digest/spikes.js';
import { ingestContext } from '../src/logs/context.js';
import { ingestFile } from '../src/logs/ingest-file.js';
import { EmbeddedStore } from '../src/store/embedded-store.js';

const { values } = parseArgs({ options: { lines: { type: 'string' }, seed: { type: 'string' } } });
const GENERATOR = new URL('../tools/gen-postfix-log.py', import.meta.url).pathname;
const START = Date.UTC(2025, 2, 3); // the generator's default --start (a Monday)
const SPIKE_DAY = 10;

const dir = mkdtempSync(join(tmpdir(), 'pm-eval-spikes-'));
try {
  const args = ['--days', '14', '--spike', '--spike-day', String(SPIKE_DAY), ...(values.lines ? ['--lines', values.lines] : []), ...(values.seed ? ['--seed', values.seed] : [])];
  console.log(`gen-postfix-log.py ${args.join(' ')}`);
  const file = join(dir, 'maillog');
  writeFileSync(file, execFileSync('python3', [GENERATOR, ...args], { maxBuffer: 1024 * 1024 * 1024 }));

  // Classic syslog has no year: read the log as if today were the day after it ended.
  const now = START + 15 * 86_400_000;
  const store = new EmbeddedStore({ file: join(dir, 'postmaster.db') });
  const services = { config: parseConfig({ dataDir: dir }), logger: pino({ level: 'silent' }), store, catalog: loadCatalog(), now: () => now };
  const stats = await ingestFile(ingestContext(services), file, { format: 'auto' });
  console.log(`ingested ${stats.lines.toLocaleString('en-US')} lines, ${stats.events.toLocaleString('en-US')} rejections, ${Object.keys(stats.byReason).length} reason keys`);

  const first = START / HOUR;
  const week2: number[] = [];
  for (let h = 7 * 24; h < 14 * 24; h++) week2.push(first + h);
  const series = await loadSeries(store, 'mx1', first, first + 14 * 24 - 1);
  const found = findSpikes('mx1', series, week2, DEFAULT_RULE, new DayTypes('UTC'));

  const burst = [first + SPIKE_DAY * 24 + 14, first + SPIKE_DAY * 24 + 15];
  const keys = new Set(week2.flatMap((h) => series.keys(h)));
  const truth = new Set([...keys].filter((k) => /^blocked:/.test(k)).flatMap((k) => burst.map((h) => `${k}@${h}`)));
  const alerted = new Set(found.map((s) => `${s.key}@${s.hour}`));
  const tp = [...alerted].filter((x) => truth.has(x));
  const fp = [...alerted].filter((x) => !truth.has(x));
  const fn = [...truth].filter((x) => !alerted.has(x));
  const show = (x: string) => {
    const [key, hour] = x.split('@') as [string, string];
    return `${key} ${new Date(Number(hour) * HOUR).toISOString().slice(0, 13)}:00Z (${series.count(Number(hour), key)})`;
  };

  const perHour = [...keys].map((k) => {
    let sum = 0;
    for (const h of week2) sum += series.count(h, k);
    return [k, sum / week2.length] as const;
  });
  console.log(`week 2: ${keys.size} reason keys × ${week2.length} hours = ${keys.size * week2.length} reason-hours; mean rejects/h per key ${Math.min(...perHour.map((p) => p[1])).toFixed(1)}–${Math.max(...perHour.map((p) => p[1])).toFixed(1)}`);
  console.log(`rule: x ≥ ${DEFAULT_RULE.floor}, x ≥ ${DEFAULT_RULE.ratio}λ, Poisson tail < ${DEFAULT_RULE.pValue}; λ = median of the same hour, same day type\n`);
  for (const s of found) console.log(`  alert  ${show(`${s.key}@${s.hour}`)}  λ=${s.baseline.toFixed(1)}  ${s.ratio.toFixed(1)}×  p=${s.p.toExponential(1)}  ${truth.has(`${s.key}@${s.hour}`) ? 'TP' : 'FP'}`);
  for (const x of fn) console.log(`  missed ${show(x)}  FN`);
  console.log(`\nTP ${tp.length} / FP ${fp.length} / FN ${fn.length}   (true spike reason-hours: ${truth.size})`);
  await store.close();
  process.exitCode = fp.length === 0 && fn.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
