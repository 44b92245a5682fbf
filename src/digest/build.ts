/**
 * Gathers a digest: totals and reasons over a time range (summed over the
 * chosen servers; from the hour buckets where they still exist, from the
 * daily rollups before that), the same range a day and a week earlier, top offenders,
 * the range's spikes (by the rule of spikes.ts) and the hourly series with its
 * baseline for the chart.
 */
import type { Store } from '../store/store.js';
import { DAY } from '../logs/counts.js';
import { coverage, type Retention } from './coverage.js';
import { entryIds, knownServers, loadSeries, readCounts, topOffenders, type StoredSeries } from './series.js';
import { baselineHours, baselineOf, DayTypes, findSpikes, HOUR, LOOKBACK_DAYS, type SpikeRule } from './spikes.js';

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
  /** One row per hour of the range that is still counted by the hour: counts by key and the expected total. */
  hourly: Array<{ hour: number; byKey: Record<string, number>; baseline: number }>;
  entries: Record<string, string>;
  /** What the stored counts could cover: which parts came from rollups, and what is gone. */
  coverage: DigestCoverage;
}

export interface DigestCoverage {
  retention: Retention;
  /** The period asked for and the one the stored counts cover (ms, whole hours); they differ only where counts expired. */
  asked: { from: number; to: number };
  counted: { from: number; to: number };
  /** Start of the first and end of the last UTC day read from the daily rollups; null when none was. */
  rollups: { from: number; to: number } | null;
  /** Some of the range is still counted by the hour (spikes, offenders and the chart exist for it). */
  hasHours: boolean;
  /** Hourly top-offender sets exist only from here on (ms); null when they cover every counted hour. */
  topFrom: number | null;
  /** Hours of the range not judged for spikes (their baseline history has expired), on the worst server. */
  unjudgedHours: number;
  /** The range reaches back past the rollups' retention: nothing is left before this time (ms). */
  expiredBefore: number | null;
}

export interface DigestQuery extends Retention {
  from: number;
  to: number;
  /** Empty = every server that has counts. */
  servers: string[];
  rule: SpikeRule;
  timeZone: string;
  now: number;
}

const LOOKBACK_HOURS = LOOKBACK_DAYS * 24;

export const isoHour = (hour: number) => new Date(hour * HOUR).toISOString().replace(/\.000Z$/, 'Z');

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export async function buildDigest(store: Store, q: DigestQuery): Promise<DigestData> {
  const servers = q.servers.length ? q.servers : await knownServers(store);
  // Hours where the hour buckets still exist, rollup days before that (per whole UTC day: coverage.ts).
  const cov = coverage(q.from, q.to, q.now, q);
  const hours = cov.hours;
  const first = hours[0];
  const last = hours[hours.length - 1];
  const series: StoredSeries[] =
    first === undefined || last === undefined
      ? []
      : await Promise.all(servers.map((s) => loadSeries(store, s, first - LOOKBACK_HOURS, last, cov.hourlyFrom / HOUR)));
  const types = new DayTypes(q.timeZone);
  const entries = await entryIds(store);

  const byReason: Record<string, number> = await readCounts(store, servers, [], cov.rollupDays);
  let total = sum(byReason);
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

  // The same range shifted back, counted by the same rule; unknown once its rollups have expired
  // too, or when rollup days made it a different length of time than the range itself.
  const shifted = async (shift: number): Promise<number | null> => {
    const c = coverage(q.from - shift, q.to - shift, q.now, q);
    if (c.from < q.now - q.dayTtlMs) return null;
    if (Math.abs(c.to - c.from - (cov.to - cov.from)) > HOUR) return null;
    return sum(await readCounts(store, servers, c.hours, c.rollupDays));
  };

  // An hour whose whole baseline history has expired (only rollups are left) would be judged against
  // nothing, λ floored at 1, and every busy hour would look like a spike: such hours are not judged.
  const judgeable = (s: StoredSeries) =>
    hours.filter((h) => baselineHours(h, types, (x) => s.hasData(x)).length > 0 || !Array.from({ length: LOOKBACK_DAYS }, (_, i) => h - (i + 1) * 24).some((x) => s.expired(x)));
  let unjudged = 0;
  const spikes = series
    .flatMap((s) => {
      const judged = judgeable(s);
      unjudged = Math.max(unjudged, hours.length - judged.length);
      return findSpikes(s.server, s, judged, q.rule, types);
    })
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

  // A top-offender set outlives its hour's last write by topTtl; older ones are gone, not empty.
  const topFromHour = Math.floor((q.now - q.topTtlMs) / HOUR);
  const topHours = hours.filter((h) => h >= topFromHour);
  const [ips, senderDomains, recipients] = await Promise.all([
    topOffenders(store, 'ip', servers, topHours, 10),
    topOffenders(store, 'sender', servers, topHours, 10),
    topOffenders(store, 'rcpt', servers, topHours, 10),
  ]);
  const firstRollup = cov.rollupDays[0];
  const lastRollup = cov.rollupDays[cov.rollupDays.length - 1];
  const keptFrom = Math.ceil((q.now - q.dayTtlMs) / DAY) * DAY;

  const [dayBefore, weekBefore] = await Promise.all([shifted(24 * HOUR), shifted(168 * HOUR)]);
  return {
    json: {
      from: isoHour(cov.from / HOUR),
      to: isoHour(cov.to / HOUR),
      total,
      byReason: Object.fromEntries(Object.entries(byReason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      top: { ips, senderDomains, recipients },
      spikes,
    },
    servers,
    dayBefore,
    weekBefore,
    hourly,
    entries,
    coverage: {
      retention: { hourTtlMs: q.hourTtlMs, dayTtlMs: q.dayTtlMs, topTtlMs: q.topTtlMs },
      asked: { from: Math.floor(q.from / HOUR) * HOUR, to: Math.min(Math.ceil(q.to / HOUR), Math.floor(q.now / HOUR) + 1) * HOUR },
      counted: { from: cov.from, to: cov.to },
      rollups: firstRollup === undefined || lastRollup === undefined ? null : { from: firstRollup * DAY, to: (lastRollup + 1) * DAY },
      hasHours: hours.length > 0,
      topFrom: first !== undefined && first < topFromHour ? topFromHour * HOUR : null,
      unjudgedHours: unjudged,
      expiredBefore: cov.from < keptFrom ? keptFrom : null,
    },
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
