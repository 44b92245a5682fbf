/**
 * The count layout, shared by the ingester (writes) and the digest (reads),
 * identical on Redis and the embedded store:
 *
 *   rej:{server}:{YYYYMMDDHH}        hash  key → rejects in that UTC hour      (TTL 15 d)
 *   rejd:{server}:{YYYYMMDD}         hash  key → rejects that UTC day          (TTL 400 d)
 *   rejtop:{kind}:{server}:{YYYYMMDDHH} zset  ip | sender domain | recipient  (bounded, TTL 8 d)
 *   rej:servers                      hash  server → last event time
 *   rej:entry                        hash  key → catalogue entry id
 *
 * Counts are accumulated in process and written as one batch (one MULTI), so
 * a flush costs one HINCRBY per (hour, key) that changed. Top-offender sets
 * receive only the largest members of each flush and are trimmed, so a botnet
 * with a million addresses cannot grow them without bound.
 */
import type { BatchOp } from '../store/store.js';
import type { RejectEvent } from './types.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export interface CountLayout {
  hourTtlMs: number;
  dayTtlMs: number;
  topTtlMs: number;
  /** Members kept in each hourly top-offender set. */
  topKeep: number;
  /** Members sent per set and flush (the largest of the flush). */
  topPerFlush: number;
}

export const DEFAULT_LAYOUT: CountLayout = {
  hourTtlMs: 15 * DAY,
  dayTtlMs: 400 * DAY,
  topTtlMs: 8 * DAY,
  topKeep: 200,
  topPerFlush: 10,
};

export type TopKind = 'ip' | 'sender' | 'rcpt';
export const TOP_KINDS: readonly TopKind[] = ['ip', 'sender', 'rcpt'];

export const SERVERS_KEY = 'rej:servers';
export const ENTRY_KEY = 'rej:entry';

const hourIds = new Map<number, string>();

/** `YYYYMMDDHH` of the UTC hour that holds `time` (memoised: every event needs it several times). */
export function hourId(time: number): string {
  const hour = Math.floor(time / HOUR);
  let id = hourIds.get(hour);
  if (id === undefined) {
    id = new Date(hour * HOUR).toISOString().slice(0, 13).replace(/[-T]/g, '');
    if (hourIds.size > 50_000) hourIds.clear();
    hourIds.set(hour, id);
  }
  return id;
}

export function dayId(time: number): string {
  return hourId(time).slice(0, 8);
}

export const hourKey = (server: string, time: number) => `rej:${server}:${hourId(time)}`;
export const dayKey = (server: string, time: number) => `rejd:${server}:${dayId(time)}`;
export const topKey = (kind: TopKind, server: string, time: number) => `rejtop:${kind}:${server}:${hourId(time)}`;

interface HourCounts {
  byKey: Map<string, number>;
  tops: Record<TopKind, Map<string, number>>;
}

/** Counts of one flush interval, held in process (keyed by number, not by built strings: this runs per event). */
export class CountBuffer {
  private hours = new Map<string, Map<number, HourCounts>>();
  private servers = new Map<string, number>();
  private entries = new Map<string, string>();
  /** Events added since the last `take`. */
  size = 0;

  constructor(readonly layout: CountLayout = DEFAULT_LAYOUT) {}

  add(event: RejectEvent): void {
    this.size++;
    let byHour = this.hours.get(event.server);
    if (!byHour) {
      this.hours.set(event.server, (byHour = new Map()));
      this.servers.set(event.server, event.time);
    }
    const hour = Math.floor(event.time / HOUR);
    let counts = byHour.get(hour);
    if (!counts) byHour.set(hour, (counts = { byKey: new Map(), tops: { ip: new Map(), sender: new Map(), rcpt: new Map() } }));
    counts.byKey.set(event.key, (counts.byKey.get(event.key) ?? 0) + 1);
    if (event.ip) counts.tops.ip.set(event.ip, (counts.tops.ip.get(event.ip) ?? 0) + 1);
    if (event.senderDomain) counts.tops.sender.set(event.senderDomain, (counts.tops.sender.get(event.senderDomain) ?? 0) + 1);
    if (event.recipient) counts.tops.rcpt.set(event.recipient, (counts.tops.rcpt.get(event.recipient) ?? 0) + 1);
    if (this.servers.get(event.server)! < event.time) this.servers.set(event.server, event.time);
    if (event.entry && this.entries.get(event.key) !== event.entry) this.entries.set(event.key, event.entry);
  }

  /** The batch operations for what was added, and a fresh buffer. */
  take(): BatchOp[] {
    const { hourTtlMs, dayTtlMs, topTtlMs, topKeep, topPerFlush } = this.layout;
    const ops: BatchOp[] = [];
    for (const [server, byHour] of this.hours) {
      const days = new Map<string, Map<string, number>>();
      for (const [hour, counts] of byHour) {
        const time = hour * HOUR;
        const key = hourKey(server, time);
        const dkey = dayKey(server, time);
        let day = days.get(dkey);
        if (!day) days.set(dkey, (day = new Map()));
        for (const [field, by] of counts.byKey) {
          ops.push({ op: 'hincr', key, field, by, ttlMs: hourTtlMs });
          day.set(field, (day.get(field) ?? 0) + by);
        }
        for (const kind of TOP_KINDS) {
          const members = counts.tops[kind];
          if (members.size === 0) continue;
          const tkey = topKey(kind, server, time);
          const largest = [...members].sort((a, b) => b[1] - a[1]).slice(0, topPerFlush);
          for (const [member, by] of largest) ops.push({ op: 'zincr', key: tkey, member, by, ttlMs: topTtlMs });
          ops.push({ op: 'ztrim', key: tkey, keep: topKeep });
        }
      }
      for (const [key, fields] of days) for (const [field, by] of fields) ops.push({ op: 'hincr', key, field, by, ttlMs: dayTtlMs });
    }
    for (const [server, time] of this.servers) ops.push({ op: 'hset', key: SERVERS_KEY, field: server, value: String(time) });
    for (const [key, entry] of this.entries) ops.push({ op: 'hset', key: ENTRY_KEY, field: key, value: entry });
    this.hours = new Map();
    this.servers = new Map();
    this.entries = new Map();
    this.size = 0;
    return ops;
  }
}
