/**
 * Turns the wall-clock times in log lines into epoch milliseconds.
 *
 * Classic syslog stamps carry no year and no zone: the zone comes from the
 * configuration, the year is inferred so that no event lands in the future —
 * the latest year that puts the date at most a day after the reference time
 * (the file's mtime, or now while following). The one-day allowance absorbs
 * clock skew and a minute or two across New Year.
 */
const HOUR = 3_600_000;
const FUTURE_ALLOWANCE = 24 * HOUR;

export const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

export class LogClock {
  private readonly offsetCache = new Map<number, number>();
  private readonly hourCache = new Map<string, number>();
  private readonly format: Intl.DateTimeFormat | null;
  private readonly refYear: number;

  constructor(
    readonly reference: number,
    readonly timeZone = 'UTC',
  ) {
    this.format = timeZone === 'UTC' ? null : new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    this.refYear = this.wallParts(reference).year;
  }

  /** How far the zone's wall clock is ahead of UTC at `epoch`, in ms. */
  private offsetAt(epoch: number): number {
    if (!this.format) return 0;
    const bucket = Math.floor(epoch / HOUR);
    const cached = this.offsetCache.get(bucket);
    if (cached !== undefined) return cached;
    const p = this.wallParts(epoch);
    const offset = Date.UTC(p.year, p.month, p.day, p.hour, p.minute, p.second) - Math.floor(epoch / 1000) * 1000;
    this.offsetCache.set(bucket, offset);
    return offset;
  }

  private wallParts(epoch: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
    if (!this.format) {
      const d = new Date(epoch);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
    }
    const get: Record<string, number> = {};
    for (const part of this.format.formatToParts(epoch)) if (part.type !== 'literal') get[part.type] = Number(part.value);
    return { year: get.year!, month: get.month! - 1, day: get.day!, hour: get.hour!, minute: get.minute!, second: get.second! };
  }

  /** Epoch ms of a wall-clock time in the configured zone. */
  wallToEpoch(year: number, month: number, day: number, hour: number, minute = 0, second = 0): number {
    const guess = Date.UTC(year, month, day, hour, minute, second);
    const first = guess - this.offsetAt(guess);
    const second2 = this.offsetAt(first);
    return guess - second2;
  }

  /** Epoch ms of the start of a wall-clock hour with an inferred year. */
  private bsdHour(month: number, day: number, hour: number): number {
    const key = `${month}/${day}/${hour}`;
    let start = this.hourCache.get(key);
    if (start === undefined) {
      // The latest year that does not put the line in the future: a January line read on
      // New Year's Eve belongs to the next year, a December line read in January to the last.
      // Feb 29 exists only in leap years, so up to four years back are tried.
      start = NaN;
      for (let year = this.refYear + 1; year >= this.refYear - 4; year--) {
        if (new Date(Date.UTC(year, month, day)).getUTCMonth() !== month) continue;
        const candidate = this.wallToEpoch(year, month, day, hour);
        if (candidate <= this.reference + FUTURE_ALLOWANCE) {
          start = candidate;
          break;
        }
      }
      if (this.hourCache.size > 10_000) this.hourCache.clear();
      this.hourCache.set(key, start);
    }
    return start;
  }

  /** `Mar  3 00:09:10` at `at` in `line` → epoch ms, or NaN. */
  bsd(line: string, at = 0): number {
    const month = MONTHS[line.slice(at, at + 3)];
    if (month === undefined || line.charCodeAt(at + 3) !== 32) return NaN;
    const d1 = line.charCodeAt(at + 4);
    const d2 = line.charCodeAt(at + 5);
    const day = (d1 === 32 ? 0 : d1 - 48) * 10 + (d2 - 48);
    const hour = two(line, at + 7);
    const minute = two(line, at + 10);
    const second = two(line, at + 13);
    if (!(day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60) || line.charCodeAt(at + 9) !== 58 || line.charCodeAt(at + 12) !== 58) return NaN;
    return this.bsdHour(month, day, hour) + (minute * 60 + second) * 1000;
  }

  /** `2025-03-03 14:02:11` (Exim, wall clock in the zone; a ` +0200` suffix wins). */
  dateTime(line: string, at = 0): number {
    const key = line.slice(at, at + 13);
    let start = this.hourCache.get(key);
    if (start === undefined) {
      const year = Number(line.slice(at, at + 4));
      const month = two(line, at + 5) - 1;
      const day = two(line, at + 8);
      const hour = two(line, at + 11);
      if (!(year > 1970 && month >= 0 && month <= 11 && day >= 1 && day <= 31 && hour <= 23)) return NaN;
      start = this.wallToEpoch(year, month, day, hour);
      if (this.hourCache.size > 10_000) this.hourCache.clear();
      this.hourCache.set(key, start);
    }
    const minute = two(line, at + 14);
    const second = two(line, at + 17);
    if (!(minute <= 59 && second <= 60)) return NaN;
    return start + (minute * 60 + second) * 1000;
  }
}

function two(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return NaN;
  return a * 10 + b;
}

/** An RFC 3339 stamp (`2025-03-03T14:02:11.5+01:00`, `…Z`) → epoch ms, or NaN. */
export function parseIso(stamp: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/.test(stamp)) return NaN;
  const normal = stamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(normal);
}
