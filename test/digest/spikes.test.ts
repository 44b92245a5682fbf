/** The spike rule of shared/notes/digests.md §3 on synthetic hourly counts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselineHours, DayTypes, DEFAULT_RULE, findSpikes, judge, median, poissonTail, type Series } from '../../src/digest/spikes.js';

/** Hourly counts held in a map: the Series the store-backed one also implements. */
function series(counts: Map<number, Record<string, number>>, dataFrom = -Infinity): Series {
  return {
    count: (h, k) => counts.get(h)?.[k] ?? 0,
    total: (h) => Object.values(counts.get(h) ?? {}).reduce((a, b) => a + b, 0),
    keys: (h) => Object.keys(counts.get(h) ?? {}),
    hasData: (h) => h >= dataFrom && counts.has(h),
  };
}

// Monday 2026-03-02 00:00 UTC as an hour number.
const MONDAY = Date.UTC(2026, 2, 2) / 3_600_000;
const types = new DayTypes('UTC');

describe('poisson tail', () => {
  it('matches known values', () => {
    // 1 − Σ_{k<10} e^-2 2^k / k! = 4.6498e-5
    assert.ok(Math.abs(poissonTail(10, 2) - 4.6498e-5) < 1e-8);
    assert.ok(Math.abs(poissonTail(1, 3) - (1 - Math.exp(-3))) < 1e-12);
    assert.equal(poissonTail(0, 5), 1);
    assert.ok(Math.abs(poissonTail(40, 40) - 0.52103) < 1e-4);
  });
  it('stays finite and tiny far out in the tail (log space)', () => {
    const p = poissonTail(212, 40);
    assert.ok(p > 0 && p < 1e-50, String(p));
    assert.ok(poissonTail(5000, 1000) >= 0);
  });
});

describe('baseline', () => {
  it('uses the same hour on the last 5 weekdays for a weekday', () => {
    const counts = new Map<number, Record<string, number>>();
    for (let d = 0; d < 14; d++) counts.set(MONDAY + d * 24 + 14, { k: d });
    const hour = MONDAY + 14 * 24 + 14; // Monday of week 3
    const hours = baselineHours(hour, types, (h) => counts.has(h));
    assert.equal(hours.length, 5);
    assert.ok(hours.every((h) => !types.isWeekend(h)));
  });
  it('uses weekend days for a weekend hour', () => {
    const counts = new Map<number, Record<string, number>>();
    for (let d = 0; d < 14; d++) counts.set(MONDAY + d * 24 + 14, { k: 1 });
    const sunday = MONDAY + 13 * 24 + 14;
    const hours = baselineHours(sunday, types, (h) => counts.has(h));
    assert.ok(hours.length >= 2 && hours.every((h) => types.isWeekend(h)));
  });
  it('falls back to the last 7 days while history is short', () => {
    const counts = new Map<number, Record<string, number>>();
    for (let d = 0; d < 3; d++) counts.set(MONDAY + d * 24 + 14, { k: 1 });
    const hours = baselineHours(MONDAY + 3 * 24 + 14, types, (h) => counts.has(h));
    assert.equal(hours.length, 3);
    const saturday = MONDAY + 5 * 24 + 14;
    assert.deepEqual(baselineHours(saturday, types, (h) => counts.has(h)).length, 3, 'no weekend history yet: last 7 days');
  });
});

describe('spike rule', () => {
  it('needs the floor, twice the baseline and a tiny tail probability', () => {
    assert.equal(judge(19, [1, 1, 1, 1, 1], DEFAULT_RULE, 'k').spike, false, 'below the floor of 20');
    assert.equal(judge(3, [0, 0, 0, 0, 0], DEFAULT_RULE, 'k').spike, false, '0 → 3 at 3 a.m. pages nobody');
    assert.equal(judge(75, [40, 41, 39, 40, 42], DEFAULT_RULE, 'k').spike, false, 'under 2× the baseline');
    const v = judge(212, [40, 38, 41, 40, 44], DEFAULT_RULE, 'k');
    assert.equal(v.spike, true);
    assert.equal(v.baseline, 40);
    assert.equal(v.ratio, 5.3);
    assert.equal(judge(30, [0, 0, 0], { ...DEFAULT_RULE, floors: { k: 50 } }, 'k').spike, false, 'a per-key floor');
    assert.equal(median([]), 0);
    assert.equal(judge(25, [], DEFAULT_RULE, 'k').baseline, 1, 'λ is floored at 1');
  });

  it('finds the one injected spike in two weeks of Poisson-like counts, with weekends lighter', () => {
    const counts = new Map<number, Record<string, number>>();
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const poisson = (lambda: number) => {
      let k = 0;
      let p = Math.exp(-lambda);
      let s = p;
      const u = rand();
      while (u > s && k < 1000) {
        k++;
        p *= lambda / k;
        s += p;
      }
      return k;
    };
    for (let h = 0; h < 14 * 24; h++) {
      const hour = MONDAY + h;
      const level = (types.isWeekend(hour) ? 0.55 : 1) * (8 <= h % 24 && h % 24 <= 18 ? 40 : 12);
      counts.set(hour, { 'blocked:zen.spamhaus.org': poisson(level), greylisted: poisson(level / 2) });
    }
    const spikeHour = MONDAY + 10 * 24 + 14;
    counts.get(spikeHour)!['blocked:zen.spamhaus.org'] = 212;
    const week2: number[] = [];
    for (let h = 7 * 24; h < 14 * 24; h++) week2.push(MONDAY + h);
    const found = findSpikes('mx1', series(counts), week2, DEFAULT_RULE, types);
    assert.deepEqual(found.map((s) => [s.key, s.hour]), [['blocked:zen.spamhaus.org', spikeHour]]);
    assert.ok(found[0]!.ratio > 3);
  });

  it('does not let weekends drag a weekday baseline down (the case from the notes)', () => {
    // Last 7 days at this hour: 21,13,23,24,11,12,14 (two weekend days, 11 and 12); today 38 on a weekday.
    const last7 = [21, 13, 23, 24, 11, 12, 14];
    const sevenDayMedian = judge(38, last7, DEFAULT_RULE, 'k');
    const weekdaysOnly = judge(38, [21, 13, 23, 24, 14], DEFAULT_RULE, 'k');
    assert.equal(sevenDayMedian.spike, true, 'the 7-day median flags it');
    assert.equal(weekdaysOnly.spike, false, 'the same-day-type median does not');
  });
});
