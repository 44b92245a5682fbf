/**
 * The spike rule of shared/notes/digests.md §3, per (server, reason key) and hour:
 *
 *   λ = median of the same hour on the last 5 weekdays (or the last 4 weekend
 *       days), when the server has enough history of that day type; while the
 *       history is short, the median of the same hour on the last 7 days;
 *       never below 1.
 *   spike when x ≥ floor (20, configurable per key) and x ≥ 2λ and the Poisson
 *       tail P(X ≥ x; λ) < 1e-4.
 *
 * Counts only grow, so a running hour that already passes the rule is a valid
 * early alert. Everything here is pure: the series is loaded by the caller.
 */
export interface SpikeRule {
  floor: number;
  floors: Record<string, number>;
  ratio: number;
  pValue: number;
  normalRatio: number;
}

export const DEFAULT_RULE: SpikeRule = { floor: 20, floors: {}, ratio: 2, pValue: 1e-4, normalRatio: 1.5 };

export const HOUR = 3_600_000;
const WEEKDAYS_WANTED = 5;
const WEEKEND_WANTED = 4;
export const LOOKBACK_DAYS = 14;

/** P(X ≥ x) for X ~ Poisson(λ), summed in log space (no overflow for large x or λ). */
export function poissonTail(x: number, lambda: number): number {
  if (x <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X ≥ x) = 1 − P(X ≤ x−1). For x far above λ sum the upper terms directly (more precise).
  const logPmf = (k: number) => k * Math.log(lambda) - lambda - logFactorial(k);
  if (x > lambda) {
    let sum = 0;
    const first = logPmf(x);
    for (let k = x; k < x + 10_000; k++) {
      const term = Math.exp(logPmf(k) - first);
      sum += term;
      if (term < 1e-16 * sum) break;
    }
    return Math.min(1, Math.exp(first + Math.log(sum)));
  }
  let below = 0;
  for (let k = 0; k < x; k++) below += Math.exp(logPmf(k));
  return Math.max(0, 1 - below);
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[n]!;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Weekday or weekend of an hour, in a zone (memoised per hour). */
export class DayTypes {
  private readonly cache = new Map<number, boolean>();
  private readonly format: Intl.DateTimeFormat;
  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
  }
  isWeekend(hour: number): boolean {
    let value = this.cache.get(hour);
    if (value === undefined) {
      const day = this.format.format(hour * HOUR);
      value = day === 'Sat' || day === 'Sun';
      this.cache.set(hour, value);
    }
    return value;
  }
}

/** The hours (UTC hour numbers) whose counts form the baseline of `hour`. */
export function baselineHours(hour: number, types: DayTypes, hasData: (hour: number) => boolean): number[] {
  const weekend = types.isWeekend(hour);
  const same: number[] = [];
  const any: number[] = [];
  for (let back = 1; back <= LOOKBACK_DAYS; back++) {
    const h = hour - back * 24;
    if (!hasData(h)) continue;
    if (back <= 7) any.push(h);
    if (types.isWeekend(h) === weekend && same.length < (weekend ? WEEKEND_WANTED : WEEKDAYS_WANTED)) same.push(h);
  }
  // Enough of the same day type: use them; otherwise the last 7 days (history is short).
  return same.length >= (weekend ? 2 : 3) ? same : any;
}

export interface Verdict {
  count: number;
  baseline: number;
  ratio: number;
  p: number;
  spike: boolean;
}

export function judge(count: number, history: number[], rule: SpikeRule, key: string): Verdict {
  const baseline = Math.max(1, median(history));
  const floor = rule.floors[key] ?? rule.floor;
  const ratio = count / baseline;
  const candidate = count >= floor && ratio >= rule.ratio;
  const p = candidate ? poissonTail(count, baseline) : 1;
  return { count, baseline, ratio, p, spike: candidate && p < rule.pValue };
}

/** Hourly counts of one server: hour number → key → count, plus which hours have data at all. */
export interface Series {
  count(hour: number, key: string): number;
  total(hour: number): number;
  keys(hour: number): string[];
  hasData(hour: number): boolean;
}

export interface Spike {
  server: string;
  key: string;
  hour: number;
  count: number;
  baseline: number;
  ratio: number;
  p: number;
}

/** Every (key, hour) of `hours` that is a spike on this server. */
export function findSpikes(server: string, series: Series, hours: number[], rule: SpikeRule, types: DayTypes): Spike[] {
  const found: Spike[] = [];
  for (const hour of hours) {
    const base = baselineHours(hour, types, (h) => series.hasData(h));
    for (const key of series.keys(hour)) {
      const count = series.count(hour, key);
      if (count < (rule.floors[key] ?? rule.floor)) continue;
      const v = judge(count, base.map((h) => series.count(h, key)), rule, key);
      if (v.spike) found.push({ server, key, hour, count, baseline: v.baseline, ratio: v.ratio, p: v.p });
    }
  }
  return found;
}

/** Baseline of one key (or of the total, key null) at `hour`. */
export function baselineOf(series: Series, hour: number, key: string | null, types: DayTypes): number {
  const base = baselineHours(hour, types, (h) => series.hasData(h));
  return Math.max(1, median(base.map((h) => (key === null ? series.total(h) : series.count(h, key)))));
}
