/**
 * Digests of days whose hour buckets have expired read the daily rollups:
 * real totals and reasons, comparisons too, ranges straddling the boundary
 * counted once, and offenders / spikes / chart reported as gone. Counts are
 * written the ingester's way (CountBuffer → one store batch) "as the events
 * happen"; the embedded store runs on an injected clock, real Redis gets each
 * key's remaining lifetime at NOW, so on both the hour TTL has really expired.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { digestCommand } from '../../src/commands/digest.js';
import { Router } from '../../src/core/router.js';
import type { Part, Reply } from '../../src/core/reply.js';
import type { Lang } from '../../src/core/lang.js';
import { CountBuffer, DAY, DEFAULT_LAYOUT, HOUR } from '../../src/logs/counts.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import type { Store } from '../../src/store/store.js';
import { freshRedisStore, redisSkip } from '../helpers/redis.js';
import { makeServices, tempDir } from '../logs/helpers.js';

// Thursday 26 November 2026, 08:00 UTC. Hour buckets live 15 d, top-offender sets 8 d (the defaults).
const NOW = Date.UTC(2026, 10, 26, 8);
const FIRST = Date.UTC(2026, 9, 20); // counts from Tuesday 20 October on
const ZEN = 'blocked:zen.spamhaus.org';
const GREY = 'greylisted';

/** The synthetic day: ZEN at 03:00–04:00 and GREY at 15:00–16:00 UTC, both varying from day to day. */
const zenOn = (day: number) => 20 + ((day - FIRST) / DAY) * 3;
const greyOn = (day: number) => 4 + (((day - FIRST) / DAY) % 5);
const dom = (time: number) => new Date(time).getUTCDate();
const days: number[] = [];
for (let d = FIRST; d <= Date.UTC(2026, 10, 26); d += DAY) days.push(d);

/** Every written hour: [hour start, key, count], none after NOW. */
const hours = days.flatMap((d) => [[d + 3 * HOUR, ZEN, zenOn(d)], [d + 15 * HOUR, GREY, greyOn(d)]] as Array<[number, string, number]>).filter(([h]) => h < NOW);

/** What a day (UTC) really had, by key. */
function dayCounts(day: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [h, key, n] of hours) if (h >= day && h < day + DAY) out[key] = (out[key] ?? 0) + n;
  return out;
}
const sumOf = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
/** Rejects in [from, to) by the hour (the truth a straddling range must reproduce). */
const truth = (from: number, to: number) => hours.filter(([h]) => h >= from && h < to).reduce((a, [, , n]) => a + n, 0);

/** Writes one hour the ingester's way; `layout` may shorten the TTLs (for Redis, whose clock is real). */
async function writeHour(store: Store, hour: number, key: string, count: number, layout = DEFAULT_LAYOUT): Promise<void> {
  const buffer = new CountBuffer(layout);
  const ip = key === ZEN ? `192.0.2.${dom(hour)}` : `198.51.100.${dom(hour)}`;
  for (let i = 0; i < count; i++) buffer.add({ time: hour + i * 1000, server: 'mx1', entry: null, reason: key.split(':')[0]!, key, direction: 'in', ip });
  await store.batch(buffer.take());
}

/** The TTLs a key written at `written` has left at NOW (at least 1 ms, i.e. expired right away). */
function remainingAtNow(written: number) {
  const left = (ttl: number) => Math.max(1, written + ttl - NOW);
  return { ...DEFAULT_LAYOUT, hourTtlMs: left(DEFAULT_LAYOUT.hourTtlMs), dayTtlMs: left(DEFAULT_LAYOUT.dayTtlMs), topTtlMs: left(DEFAULT_LAYOUT.topTtlMs) };
}

type Json = { from: string; to: string; total: number; byReason: Record<string, number>; top: { ips: Array<{ value: string; count: number }>; senderDomains: unknown[]; recipients: unknown[] }; spikes: unknown[] };

interface Opened {
  store: Store;
  clock?: { at: number };
  ready?: () => Promise<void>;
  cleanup?: () => Promise<void>;
}

function suite(name: string, open: () => Promise<Opened>, skip: string | false = false): void {
  describe(name, { skip }, () => {
    let store: Store;
    let opened: Opened;
    let run: (args: string[], lang?: Lang, timeZone?: string) => Promise<Reply>;

    before(async () => {
      opened = await open();
      store = opened.store;
      for (const [hour, key, count] of hours) {
        const written = hour + HOUR / 2; // ingested as it happens
        if (opened.clock) {
          opened.clock.at = written;
          await writeHour(store, hour, key, count);
        } else {
          await writeHour(store, hour, key, count, remainingAtNow(written));
        }
      }
      if (opened.clock) opened.clock.at = NOW;
      await opened.ready?.();
      const router = new Router([digestCommand]);
      run = (args, lang = 'en', timeZone = 'UTC') =>
        router.dispatch('digest', { platform: 'cli', actor: { id: 'console:test' }, lang, args, text: args.join(' '), attachments: [] }, makeServices({ store, now: () => NOW, config: { digest: { timeZone } } }));
    });
    after(async () => {
      await opened.cleanup?.();
      await store.close();
    });

    it('shows the real totals and reasons of a day 20 days ago, and says what is gone', async () => {
      const day = Date.UTC(2026, 10, 6);
      assert.deepEqual(await store.hgetall('rej:mx1:2026110603'), {}, 'the hour bucket has really expired');
      const reply = await run(['--date', '2026-11-06', '--json']);
      assert.equal(reply.exitCode ?? 0, 0, reply.summary);
      const j = reply.data as Json;
      assert.deepEqual(Object.keys(j), ['from', 'to', 'total', 'byReason', 'top', 'spikes']);
      assert.deepEqual([j.from, j.to], ['2026-11-06T00:00:00Z', '2026-11-07T00:00:00Z']);
      assert.deepEqual(j.byReason, { [ZEN]: zenOn(day), [GREY]: greyOn(day) });
      assert.equal(j.total, zenOn(day) + greyOn(day));
      assert.deepEqual(j.top, { ips: [], senderDomains: [], recipients: [] });
      assert.deepEqual(j.spikes, []);

      const fields = reply.parts.find((p): p is Extract<Part, { kind: 'fields' }> => p.kind === 'fields')!;
      const pct = (before: number) => `${before} (${Math.round(((j.total - before) / before) * 100) >= 0 ? '+' : ''}${Math.round(((j.total - before) / before) * 100)}%)`;
      assert.equal(fields.fields[1]!.value, pct(sumOf(dayCounts(day - DAY))), 'day before, from its rollup');
      assert.equal(fields.fields[2]!.value, pct(sumOf(dayCounts(day - 7 * DAY))), 'same weekday last week, from its rollup');
      const text = JSON.stringify(reply.parts);
      assert.match(text, /Hourly counts are kept for 15d: for Fri, 6 Nov 2026 the totals and reasons come from the daily rollups \(whole UTC days\), and spikes, top offenders and the hourly chart are no longer available\./);
      assert.doesNotMatch(text, /No spikes|"kind":"image"|Top offenders"/);
      for (const [lang, sentence] of [['id', /Hitungan per jam disimpan selama 15d: untuk .*rekap harian/], ['de', /Stündliche Zählungen werden 15d aufbewahrt: für .*Tagessummen/]] as const) {
        const localized = await run(['--date', '2026-11-06'], lang);
        assert.match(JSON.stringify(localized.parts), sentence);
        assert.equal((localized.data as Json).total, j.total);
      }
    });

    it('takes a day whose hours expire one by one wholly from its rollup', async () => {
      // 11 November: the 03:00 bucket is gone at NOW, the 15:00 one is not yet.
      assert.deepEqual(await store.hgetall('rej:mx1:2026111103'), {});
      assert.notDeepEqual(await store.hgetall('rej:mx1:2026111115'), {});
      const j = (await run(['--date', '2026-11-11', '--json'])).data as Json;
      assert.deepEqual(j.byReason, dayCounts(Date.UTC(2026, 10, 11)));
      // The first day still read by the hour compares with that rollup day.
      const next = await run(['--date', '2026-11-12']);
      const fields = next.parts.find((p): p is Extract<Part, { kind: 'fields' }> => p.kind === 'fields')!;
      assert.equal(fields.fields[0]!.value, String(sumOf(dayCounts(Date.UTC(2026, 10, 12)))));
      assert.match(fields.fields[1]!.value, new RegExp(`^${sumOf(dayCounts(Date.UTC(2026, 10, 11)))} \\(`));
      assert.doesNotMatch(JSON.stringify(next.parts), /daily rollups/);
      // Its baseline history has expired: compared with nothing, every busy hour would be a "spike".
      assert.deepEqual((next.data as Json).spikes, []);
      assert.match(JSON.stringify(next.parts), /24 hours could not be judged for spikes: the hourly history they are compared with has expired\./);
      // Its offender sets (8 d) are gone although its hours (15 d) are not.
      assert.deepEqual((next.data as Json).top.ips, []);
      assert.match(JSON.stringify(next.parts), /Top offenders are kept for 8d: for this period they are no longer available\./);
      // A recent day has everything, and no note.
      const recent = await run(['--date', '2026-11-20']);
      assert.deepEqual((recent.data as Json).top.ips.map((r) => r.value), ['192.0.2.20', '198.51.100.20']);
      assert.doesNotMatch(JSON.stringify(recent.parts), /kept for/);
    });

    it('counts a --since that straddles the boundary once: rollup days, then hours', async () => {
      const reply = await run(['--since', '20d', '--json']);
      assert.equal(reply.exitCode ?? 0, 0, reply.summary);
      const j = reply.data as Json;
      // NOW − 20 d = 6 Nov 08:00, inside a rollup day covered for 16 h: taken whole.
      assert.deepEqual([j.from, j.to], ['2026-11-06T00:00:00Z', '2026-11-26T08:00:00Z']);
      assert.equal(j.total, truth(Date.UTC(2026, 10, 6), NOW));
      assert.equal(j.byReason[ZEN]! + j.byReason[GREY]!, j.total);
      // Offender sets outlive their hour by 8 d: only hours since 18 Nov 08:00 are left.
      assert.ok(j.top.ips.length > 0);
      for (const ip of j.top.ips) {
        assert.ok(Number(ip.value.split('.')[3]) >= 18, ip.value);
        assert.equal(ip.count, ip.value.startsWith('192.') ? zenOn(Date.UTC(2026, 10, Number(ip.value.split('.')[3]))) : greyOn(Date.UTC(2026, 10, Number(ip.value.split('.')[3]))));
      }
      const text = await run(['--since', '20d']);
      const fields = text.parts.find((p): p is Extract<Part, { kind: 'fields' }> => p.kind === 'fields')!;
      assert.match(fields.fields[1]!.value, new RegExp(`^${truth(Date.UTC(2026, 10, 5), NOW - DAY)} \\(`), 'day before, shifted the same way');
      assert.match(fields.fields[2]!.value, new RegExp(`^${truth(Date.UTC(2026, 9, 30), NOW - 7 * DAY)} \\(`), 'week before');
      const notes = JSON.stringify(text.parts);
      assert.match(notes, /for Fri, 6 Nov 2026 – Wed, 11 Nov 2026 the totals and reasons come from the daily rollups/);
      assert.match(notes, /The counts shown cover Fri, 6 Nov 2026 00:00 – Thu, 26 Nov 2026 08:00 \(UTC\)/);
      assert.match(notes, /Top offenders are kept for 8d: those shown cover only the time since Wed, 18 Nov 2026 08:00\./);
      assert.ok(text.parts.some((p) => p.kind === 'image'), 'the chart of the hours still counted');
    });

    it('says so when even the daily rollups of a day have expired', async () => {
      const reply = await run(['--date', '2025-01-01']);
      assert.equal((reply.data as Json).total, 0);
      const text = JSON.stringify(reply.parts);
      assert.match(text, /Daily rollups are kept for 400d: no counts are left from before Thu, 23 Oct 2025\./);
      assert.doesNotMatch(text, /come from the daily rollups|Has a log been ingested/);
    });

    it('rounds an old local day to the UTC day it mostly covers', async () => {
      // 6 November in Jakarta (UTC+7) is 5 Nov 17:00 – 6 Nov 17:00 UTC: 17 h of the UTC day 6 November.
      const j = (await run(['--date', '2026-11-06', '--json'], 'en', 'Asia/Jakarta')).data as Json;
      assert.deepEqual([j.from, j.to], ['2026-11-06T00:00:00Z', '2026-11-07T00:00:00Z']);
      assert.equal(j.total, sumOf(dayCounts(Date.UTC(2026, 10, 6))));
      const text = await run(['--date', '2026-11-06'], 'en', 'Asia/Jakarta');
      assert.match(JSON.stringify(text.parts), /The counts shown cover Fri, 6 Nov 2026 00:00 – Sat, 7 Nov 2026 00:00 \(UTC\)/);
      // A UTC day is counted exactly as asked: no such note.
      assert.doesNotMatch(JSON.stringify((await run(['--date', '2026-11-06'])).parts), /The counts shown cover/);
    });
  });
}

suite('digest from daily rollups (embedded store, injected clock)', async () => {
  const clock = { at: 0 };
  return { store: new EmbeddedStore({ file: join(tempDir('pm-rollups-'), 'postmaster.db'), now: () => clock.at }), clock };
});

suite(
  'digest from daily rollups (real Redis, remaining TTLs)',
  async () => {
    const store = freshRedisStore();
    return {
      store,
      // Keys given 1 ms to live have gone when this resolves.
      ready: () => new Promise((resolve) => setTimeout(resolve, 20)),
      cleanup: async () => {
        for (const key of await store.keys('')) await store.del(key);
      },
    };
  },
  await redisSkip(),
);
