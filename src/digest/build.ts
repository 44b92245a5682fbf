/**
 * Gathers a digest: totals and reasons over a time range (summed over the
 * chosen servers), the same range a day and a week earlier, top offenders,
 * the range's spikes (by the rule of spikes.ts) and the hourly series with its
 * baseline for the chart.
 */
import type { Store } from '../store/store.js';
import { entryIds, knownServers, loadSeries, topOffenders, type StoredSeries } from './series.js';
import { baselineOf, DayTypes, findSpikes, HOUR, type SpikeRule } from './spikes.js';

export interface DigestSpike {
  server: string;
  reason: string;
  entry: string | null;
  hour: string;
  count: number;
  baseline: number;
  ratio: number;
}

/** The `--json` document; its shape is a contract. */
export interface DigestJson {
  from: string;
  to: string;
  total: number;
  byReason: Record<string, number>;
  top: {
    ips: Array<{ value: string; count: number }>;
    senderDomains: Array<{ value: string; count: number }>;
    recipients: Array<{ value: string; count: number }>;
  };
  spikes: DigestSpike[];
}

export interface DigestData {
  json: DigestJson;
  servers: string[];
  /** Rejects in the same range one day and one week earlier (null when those counts have expired). */
  dayBefore: number | null;
  weekBefore: number | null;
  /** One row per hour of the range: counts by key and the expected total. */
  hourly: Array<{ hour: number; byKey: Record<string, number>; baseline: number }>;
  entries: Record<string, string>;
}

export interface DigestQuery {
  from: number;
  to: number;
  /** Empty = every server that has counts. */
  servers: string[];
  rule: SpikeRule;
  timeZone: string;
  now: number;
  /** Retention of hourly counts: older comparisons are reported as unknown. */
  hourTtlMs: number;
}

const LOOKBACK_HOURS = 14 * 24;

export const isoHour = (hour: number) => new Date(hour * HOUR).toISOString().replace(/\.000Z$/, 'Z');

export async function buildDigest(store: Store, q: DigestQuery): Promise<DigestData> {
  const servers = q.servers.length ? q.servers : await knownServers(store);
  const fromHour = Math.floor(q.from / HOUR);
  const toHour = Math.min(Math.ceil(q.to / HOUR) - 1, Math.floor(q.now / HOUR));
  const hours: number[] = [];
  for (let h = fromHour; h <= toHour; h++) hours.push(h);
  const series: StoredSeries[] = await Promise.all(servers.map((s) => loadSeries(store, s, fromHour - LOOKBACK_HOURS, Math.max(toHour, fromHour))));
  const types = new DayTypes(q.timeZone);
  const entries = await entryIds(store);

  const byReason: Record<string, number> = {};
  let total = 0;
  const hourly = hours.map((hour) => {
    const byKey: Record<string, number> = {};
    let baseline = 0;
    for (const s of series) {
      for (const [key, count] of s.byKey(hour)) {
        byKey[key] = (byKey[key] ?? 0) + count;
        byReason[key] = (byReason[key] ?? 0) + count;
        total += count;
      }
      baseline += baselineOf(s, hour, null, types);
    }
    return { hour, byKey, baseline: Math.round(baseline) };
  });

  const sumShifted = (shift: number): number | null => {
    if (q.now - (fromHour - shift) * HOUR > q.hourTtlMs) return null;
    let sum = 0;
    for (const s of series) for (const h of hours) sum += s.total(h - shift);
    return sum;
  };

  const spikes = series
    .flatMap((s) => findSpikes(s.server, s, hours, q.rule, types))
    .sort((a, b) => a.hour - b.hour || b.count - a.count)
    .map((s): DigestSpike => ({
      server: s.server,
      reason: s.key,
      entry: entries[s.key] ?? null,
      hour: isoHour(s.hour),
      count: s.count,
      baseline: round1(s.baseline),
      ratio: round1(s.ratio),
    }));

  const [ips, senderDomains, recipients] = await Promise.all([
    topOffenders(store, 'ip', servers, hours, 10),
    topOffenders(store, 'sender', servers, hours, 10),
    topOffenders(store, 'rcpt', servers, hours, 10),
  ]);

  return {
    json: {
      from: isoHour(fromHour),
      to: isoHour(Math.ceil(q.to / HOUR)),
      total,
      byReason: Object.fromEntries(Object.entries(byReason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      top: { ips, senderDomains, recipients },
      spikes,
    },
    servers,
    dayBefore: sumShifted(24),
    weekBefore: sumShifted(168),
    hourly,
    entries,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
