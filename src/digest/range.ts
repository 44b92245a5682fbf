/** The time range a digest covers: a local day, "today so far", or the last DUR. */
import { LogClock } from '../logs/clock.js';
import { parseDuration } from '../core/duration.js';

export interface DayRange {
  from: number;
  to: number;
}

/** Start of the local day that holds `time`, and the start of the next one. */
export function localDay(time: number, timeZone: string): DayRange {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(time);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return dayOf(get('year'), get('month') - 1, get('day'), timeZone, time);
}

export function dayOf(year: number, month: number, day: number, timeZone: string, reference: number): DayRange {
  const clock = new LogClock(reference, timeZone);
  const from = clock.wallToEpoch(year, month, day, 0);
  const next = new Date(Date.UTC(year, month, day + 1));
  const to = clock.wallToEpoch(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), 0);
  return { from, to };
}

/** `YYYY-MM-DD` → that local day; null when it is not a real date. */
export function parseDate(text: string, timeZone: string, reference: number): DayRange | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const check = new Date(Date.UTC(year, month, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month || check.getUTCDate() !== day) return null;
  return dayOf(year, month, day, timeZone, reference);
}

export function sinceRange(text: string, now: number): DayRange | null {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) return null;
  return { from: now - ms, to: now };
}
