/** Reads the hourly counts and daily rollups the ingester wrote (layout in src/logs/counts.ts). */
import type { Store } from '../store/store.js';
import { dayKey, ENTRY_KEY, hourKey, SERVERS_KEY, topKey, type TopKind } from '../logs/counts.js';
import { HOUR, type Series } from './spikes.js';

export class StoredSeries implements Series {
  constructor(
    readonly server: string,
    private readonly hours: Map<number, Map<string, number>>,
    private readonly days: Set<number>,
    /** Hours before this one have expired from the store: no data, even where the day's rollup remains. */
    private readonly retainedFrom = -Infinity,
  ) {}

  count(hour: number, key: string): number {
    return this.hours.get(hour)?.get(key) ?? 0;
  }
  total(hour: number): number {
    let sum = 0;
    for (const v of this.hours.get(hour)?.values() ?? []) sum += v;
    return sum;
  }
  keys(hour: number): string[] {
    return [...(this.hours.get(hour)?.keys() ?? [])];
  }
  byKey(hour: number): Map<string, number> {
    return this.hours.get(hour) ?? new Map();
  }
  /** The hour's bucket has expired although its day's rollup remains: there was data, it is gone. */
  expired(hour: number): boolean {
    return hour < this.retainedFrom && this.days.has(Math.floor((hour * HOUR) / 86_400_000));
  }
  /** A day with no reject at all on this server counts as a day without data (not yet ingested). */
  hasData(hour: number): boolean {
    return hour >= this.retainedFrom && this.days.has(Math.floor((hour * HOUR) / 86_400_000));
  }
}

/** Loads hours [fromHour, toHour] (UTC hour numbers) of one server; hours before `retainedFrom` count as expired. */
export async function loadSeries(store: Store, server: string, fromHour: number, toHour: number, retainedFrom = -Infinity): Promise<StoredSeries> {
  const hours = new Map<number, Map<string, number>>();
  const hourList: number[] = [];
  for (let h = fromHour; h <= toHour; h++) hourList.push(h);
  const rows = await Promise.all(hourList.map((h) => store.hgetall(hourKey(server, h * HOUR))));
  hourList.forEach((h, i) => {
    const row = rows[i]!;
    const entries = Object.entries(row);
    if (entries.length) hours.set(h, new Map(entries.map(([k, v]) => [k, Number(v)])));
  });
  const firstDay = Math.floor((fromHour * HOUR) / 86_400_000);
  const lastDay = Math.floor((toHour * HOUR) / 86_400_000);
  const dayList: number[] = [];
  for (let d = firstDay; d <= lastDay; d++) dayList.push(d);
  const dayRows = await Promise.all(dayList.map((d) => store.hgetall(dayKey(server, d * 86_400_000))));
  const days = new Set(dayList.filter((_, i) => Object.keys(dayRows[i]!).length > 0));
  return new StoredSeries(server, hours, days, retainedFrom);
}

/** Sums hour buckets and daily rollups (UTC hour and day numbers) over servers, by key. */
export async function readCounts(store: Store, servers: string[], hours: number[], days: number[]): Promise<Record<string, number>> {
  const keys = servers.flatMap((s) => [...hours.map((h) => hourKey(s, h * HOUR)), ...days.map((d) => dayKey(s, d * 86_400_000))]);
  const rows = await Promise.all(keys.map((key) => store.hgetall(key)));
  const sums: Record<string, number> = {};
  for (const row of rows) for (const [key, value] of Object.entries(row)) sums[key] = (sums[key] ?? 0) + Number(value);
  return sums;
}

export async function knownServers(store: Store): Promise<string[]> {
  return Object.keys(await store.hgetall(SERVERS_KEY)).sort();
}

export async function entryIds(store: Store): Promise<Record<string, string>> {
  return store.hgetall(ENTRY_KEY);
}

/** Sums the hourly top-offender sets over hours, largest first. */
export async function topOffenders(store: Store, kind: TopKind, servers: string[], hours: number[], n: number): Promise<Array<{ value: string; count: number }>> {
  const sums = new Map<string, number>();
  const lists = await Promise.all(servers.flatMap((s) => hours.map((h) => store.ztop(topKey(kind, s, h * HOUR), 50))));
  for (const list of lists) for (const [member, score] of list) sums.set(member, (sums.get(member) ?? 0) + score);
  return [...sums]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([value, count]) => ({ value, count }));
}
