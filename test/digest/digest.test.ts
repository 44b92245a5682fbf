/** `digest`: the JSON contract, the content, the chart (with visible text) and bad input. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { digestCommand } from '../../src/commands/digest.js';
import { Router } from '../../src/core/router.js';
import type { Part, Reply } from '../../src/core/reply.js';
import type { Platform } from '../../src/core/request.js';
import { chartSelfCheck, inkIn } from '../../src/digest/chart.js';
import { ingestContext } from '../../src/logs/context.js';
import { ingestFile } from '../../src/logs/ingest-file.js';
import { generate, generatorSkip, makeServices, storedTotals, tempDir, total } from '../logs/helpers.js';

// Monday 2026-03-02 … Sunday 2026-03-15; the RBL burst is on day 10 (Thursday 12 March), 14:00–16:00 UTC.
const NOW = Date.UTC(2026, 2, 16, 8, 0);
const services = makeServices({ now: () => NOW });
const router = new Router([digestCommand]);

function run(args: string[], platform: Platform = 'cli'): Promise<Reply> {
  return router.dispatch('digest', { platform, actor: { id: 'console:test' }, lang: 'en', args, text: args.join(' '), attachments: [] }, services);
}

async function pixels(png: Uint8Array): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { data: ctx.getImageData(0, 0, image.width, image.height).data, width: image.width, height: image.height };
}

describe('digest', { skip: generatorSkip() }, () => {
  before(async () => {
    const dir = tempDir();
    const file = generate(dir, ['--lines', '80000', '--days', '14', '--spike', '--spike-day', '10', '--start', '2026-03-02', '--seed', '5']);
    await ingestFile(ingestContext(services), file, { format: 'auto' });
  });

  it('prints the --json document in the agreed shape, with the RBL spike hours', async () => {
    const reply = await run(['--date', '2026-03-12', '--json']);
    assert.equal(reply.exitCode ?? 0, 0, reply.summary);
    const j = reply.data as Record<string, unknown> & { byReason: Record<string, number>; top: Record<string, unknown[]>; spikes: Array<Record<string, unknown>>; total: number };
    assert.deepEqual(Object.keys(j), ['from', 'to', 'total', 'byReason', 'top', 'spikes']);
    assert.equal(j.from, '2026-03-12T00:00:00Z');
    assert.equal(j.to, '2026-03-13T00:00:00Z');
    assert.deepEqual(Object.keys(j.top), ['ips', 'senderDomains', 'recipients']);
    assert.equal(j.total, total(j.byReason));
    // The day's hour buckets in the store add up to the same total.
    let dayTotal = 0;
    for (let h = 0; h < 24; h++) dayTotal += total(await services.store.hgetall(`rej:mx1:20260312${String(h).padStart(2, '0')}`));
    assert.equal(j.total, dayTotal);
    assert.ok(j.spikes.length >= 2);
    for (const s of j.spikes) {
      assert.deepEqual(Object.keys(s), ['server', 'reason', 'entry', 'hour', 'count', 'baseline', 'ratio']);
      assert.match(String(s.reason), /^blocked:/, 'only the RBL burst is a spike');
      assert.match(String(s.hour), /^2026-03-12T1[45]:00:00Z$/);
    }
    const zen = j.spikes.filter((s) => s.reason === 'blocked:zen.spamhaus.org').map((s) => s.hour);
    assert.deepEqual(zen, ['2026-03-12T14:00:00Z', '2026-03-12T15:00:00Z']);
  });

  it('shows no spike on an ordinary day and compares with the day before and last week', async () => {
    const reply = await run(['--date', '2026-03-11']);
    const data = reply.data as { spikes: unknown[]; total: number };
    assert.deepEqual(data.spikes, []);
    const fields = reply.parts.find((p): p is Extract<Part, { kind: 'fields' }> => p.kind === 'fields')!;
    assert.equal(fields.fields[0]!.value, String(data.total));
    assert.match(fields.fields[1]!.value, /^\d+ \([+-]\d+%\)$/, 'day before');
    assert.match(fields.fields[2]!.value, /^\d+ \([+-]\d+%\)$/, 'same weekday last week');
  });

  it('writes the spike in words, titles from the catalogue, and a chart whose labels have ink', async () => {
    const reply = await run(['--date', '2026-03-12']);
    assert.equal(reply.severity, 'warn');
    const items = reply.parts.find((p): p is Extract<Part, { kind: 'items' }> => p.kind === 'items')!;
    assert.match(items.items[0]!.title, /^RBL zen\.spamhaus\.org on mx1: \d+ rejects 14:00–15:00, typical for a weekday at this hour is \d+ \(\d+\.\d×\)$/);
    const table = reply.parts.find((p): p is Extract<Part, { kind: 'table' }> => p.kind === 'table')!;
    assert.equal(table.rows[0]![0], 'RBL zen.spamhaus.org');
    assert.notEqual(table.rows[0]![1], '—', 'the catalogue title of the entry');
    assert.ok(reply.actions?.[0]?.command.startsWith('check '));
    const image = reply.parts.find((p): p is Extract<Part, { kind: 'image' }> => p.kind === 'image')!;
    assert.ok(image.png && Buffer.from(image.png).subarray(1, 4).toString() === 'PNG');
    const { data, width, height } = await pixels(image.png);
    assert.deepEqual([...data.subarray(0, 4)], [255, 255, 255, 255], 'white, opaque background');
    const titleInk = inkIn(data, width, Math.floor(width * 0.25), 0, Math.floor(width * 0.75), 30);
    const axisInk = inkIn(data, width, 60, height - 60, width - 10, height - 35);
    const legendInk = inkIn(data, width, 0, height - 25, width, height);
    assert.ok(titleInk > 200, `title text has ink (${titleInk})`);
    assert.ok(axisInk > 200, `hour labels have ink (${axisInk})`);
    assert.ok(legendInk > 200, `legend text has ink (${legendInk})`);
    assert.ok(chartSelfCheck().ink > 50);
  });

  it('answers in the reader\'s language and writes --png in the terminal', async () => {
    const de = await run(['--date', '2026-03-12', '--lang', 'de']);
    assert.match(de.title!, /^Mail-Ablehnungen/);
    const file = join(tempDir(), 'digest.png');
    const reply = await run(['--date', '2026-03-12', '--png', file, '--json']);
    assert.equal(reply.exitCode ?? 0, 0);
    assert.equal(readFileSync(file).subarray(1, 4).toString(), 'PNG');
  });

  it('shows today so far by default, and says so when nothing was counted', async () => {
    const reply = await run([]);
    assert.equal((reply.data as { total: number }).total, 0);
    assert.match(JSON.stringify(reply.parts), /No rejections were counted/);
  });

  it('refuses bad input with one sentence and exit 2', async () => {
    const cases: Array<[string[], RegExp, Platform?]> = [
      [['--date', '2026-02-30'], /not a day in the form YYYY-MM-DD/],
      [['--date', '2026-03-12', '--since', '2h'], /either --date or --since/],
      [['--since', 'forever'], /duration "forever" is not understood/],
      [['--since', '500d'], /at most 400d/],
      [['--date', '2027-01-01'], /lies in the future/],
      [['--server', 'mx9'], /No counts exist for the server "mx9"; known servers: mx1/],
      [['--png', '/tmp/x.png'], /only available in the terminal/, 'slack'],
    ];
    for (const [args, message, platform] of cases) {
      const reply = await run(args, platform);
      assert.equal(reply.exitCode, 2, args.join(' '));
      assert.match(reply.summary!, message);
    }
  });

  it('keeps daily rollups for long-term trends', async () => {
    const day = await services.store.hgetall('rejd:mx1:20260312');
    assert.ok(total(day) > 0);
    assert.ok((await services.store.ttl('rejd:mx1:20260312'))! > 300 * 86_400_000);
    const all = await storedTotals(services.store, 'mx1');
    assert.ok(total(all) >= total(day));
  });
});
