/**
 * Which stored counts cover a time range. Hour buckets (and the hourly
 * top-offender sets) expire after `hourTtl` / `topTtl`; the daily rollups,
 * one per server and UTC day, after `dayTtl`.
 *
 * The rule, decided per whole UTC day so nothing is counted twice: a day
 * whose first hour is still within `hourTtl` is read from its hour buckets
 * only; an older day from its rollup only. (Hours expire one by one, so a
 * day half past the TTL would be incomplete in hours; its rollup is whole.)
 * A rollup cannot be split, so where the range starts or ends inside a
 * rollup day that edge moves to the nearest UTC midnight: a day the range
 * covers for 12 h or more is taken whole, a shorter piece is left out. The
 * digest reports the range actually counted (`from`/`to`).
 */
import { DAY, HOUR } from '../logs/counts.js';

export interface Retention {
  hourTtlMs: number;
  dayTtlMs: number;
  topTtlMs: number;
}

export interface Coverage {
  /** The range actually counted (ms). */
  from: number;
  to: number;
  /** UTC day numbers (ms / DAY) read from the daily rollups. */
  rollupDays: number[];
  /** UTC hour numbers (ms / HOUR) read from the hour buckets. */
  hours: number[];
  /** Start of the oldest UTC day still read by the hour (ms). */
  hourlyFrom: number;
}

/** Start (ms) of the oldest UTC day whose first hour is still within `hourTtlMs` at `now`. */
export function hourlyFrom(now: number, hourTtlMs: number): number {
  return (Math.floor((now - hourTtlMs) / DAY) + 1) * DAY;
}

export function coverage(from: number, to: number, now: number, retention: Retention): Coverage {
  const boundary = hourlyFrom(now, retention.hourTtlMs);
  const lastHour = Math.min(Math.ceil(to / HOUR) - 1, Math.floor(now / HOUR));
  const hours: number[] = [];
  for (let h = Math.floor(Math.max(from, boundary) / HOUR); h <= lastHour; h++) hours.push(h);

  const rollupDays: number[] = [];
  let countedFrom = Math.floor(from / HOUR) * HOUR;
  if (from < boundary) {
    const firstDay = Math.round(from / DAY);
    const endDay = Math.min(Math.round(Math.min(to, boundary) / DAY), boundary / DAY);
    for (let d = firstDay; d < endDay; d++) rollupDays.push(d);
    countedFrom = rollupDays.length ? firstDay * DAY : hours.length ? boundary : endDay * DAY;
  }
  const countedTo = hours.length ? (hours[hours.length - 1]! + 1) * HOUR : rollupDays.length ? (rollupDays[rollupDays.length - 1]! + 1) * DAY : countedFrom;
  return { from: countedFrom, to: Math.max(countedFrom, countedTo), rollupDays, hours, hourlyFrom: boundary };
}
