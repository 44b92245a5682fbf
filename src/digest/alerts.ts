/**
 * Spike, back-to-normal and silence alerts, evaluated every few minutes by the
 * scheduler on every replica — and posted exactly once: each decision is taken
 * under a store lock per (server, reason), and the state it leaves (when the
 * last alert went out, at what rate) is what the next replica reads.
 *
 * Noise control: one alert per (server, reason) per cooldown (3 h) unless the
 * hourly rate doubles again; "back to normal" once a completed hour falls
 * below 1.5× the baseline; silence when a busy server logs no reject at all
 * for N completed hours.
 */
import type { Services } from '../core/services.js';
import type { Lang } from '../core/lang.js';
import type { Reply } from '../core/reply.js';
import { configDuration } from '../core/duration.js';
import { topKey } from '../logs/counts.js';
import { hourlyFrom } from './coverage.js';
import { reasonLabel } from './labels.js';
import { alertReply, type AlertInput } from './render.js';
import { entryIds, knownServers, loadSeries, type StoredSeries } from './series.js';
import { spikeRule } from './settings.js';
import { baselineHours, baselineOf, DayTypes, HOUR, judge, median } from './spikes.js';

/** Posts a reply to every alert target; resolves when done (failures are the deliverer's to log). */
export type Deliver = (reply: Reply) => Promise<void>;

interface SpikeState {
  at: number;
  hour: number;
  count: number;
  /** Count scaled to a full hour (the running hour is partial). */
  rate: number;
  baseline: number;
  active: boolean;
}

const STATE_TTL = 2 * 86_400_000;
const LOCK_TTL = 120_000;
const stateKey = (server: string, key: string) => `spike:state:${server}:${key}`;
const silenceKey = (server: string) => `spike:silence:${server}`;

async function underLock(services: Services, name: string, fn: () => Promise<void>): Promise<boolean> {
  const lock = await services.store.lock(name, LOCK_TTL);
  if (!lock) return false; // another replica is deciding this one right now
  try {
    await fn();
    return true;
  } finally {
    await lock.release();
  }
}

async function readState<T>(services: Services, key: string): Promise<T | null> {
  const raw = await services.store.get(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export interface AlertRun {
  posted: AlertInput[];
}

/** One evaluation of every server: posts what is due, returns what it posted. */
export async function checkAlerts(services: Services, deliver: Deliver, now = services.now()): Promise<AlertRun> {
  const { digest } = services.config;
  const rule = spikeRule(services.config);
  const lang: Lang = digest.lang ?? services.config.lang;
  const cooldown = configDuration(digest.cooldown);
  const types = new DayTypes(digest.timeZone);
  const entries = await entryIds(services.store);
  const nowHour = Math.floor(now / HOUR);
  const elapsed = Math.max((now - nowHour * HOUR) / HOUR, 1 / 12);
  const posted: AlertInput[] = [];
  const retainedFrom = hourlyFrom(now, configDuration(digest.hourTtl)) / HOUR;

  for (const server of await knownServers(services.store)) {
    // Hours past digest.hourTtl are gone, not quiet: they must not pull a baseline down.
    const series = await loadSeries(services.store, server, nowHour - 15 * 24, nowHour, retainedFrom);
    const topIps = async (hour: number) => (await services.store.ztop(topKey('ip', server, hour * HOUR), 3)).map(([ip]) => ip);

    // Spikes: the completed hour, then the running one (counts only grow, so a partial hour that passes is real).
    const best = new Map<string, { hour: number; count: number; baseline: number; rate: number }>();
    for (const hour of [nowHour - 1, nowHour]) {
      const base = baselineHours(hour, types, (h) => series.hasData(h));
      for (const key of series.keys(hour)) {
        const count = series.count(hour, key);
        const v = judge(count, base.map((h) => series.count(h, key)), rule, key);
        if (!v.spike) continue;
        const rate = hour === nowHour ? count / elapsed : count;
        const seen = best.get(key);
        if (!seen || rate > seen.rate) best.set(key, { hour, count, baseline: v.baseline, rate });
      }
    }
    for (const [key, s] of best) {
      await underLock(services, `spike:${server}:${key}`, async () => {
        const state = await readState<SpikeState>(services, stateKey(server, key));
        if (state?.active && now - state.at < cooldown && s.rate < 2 * state.rate) return;
        const alert: AlertInput = { kind: 'spike', server, key, label: reasonLabel(key, lang, services.catalog, entries), hour: s.hour, count: s.count, baseline: s.baseline, topIps: await topIps(s.hour) };
        await deliver(alertReply(alert, digest.timeZone, lang));
        const next: SpikeState = { at: now, hour: s.hour, count: s.count, rate: s.rate, baseline: s.baseline, active: true };
        await services.store.set(stateKey(server, key), JSON.stringify(next), { ttlMs: STATE_TTL });
        posted.push(alert);
      });
    }

    // Back to normal: an active spike whose latest completed hour is below normalRatio × baseline.
    const completed = nowHour - 1;
    for (const key of await services.store.keys(stateKey(server, ''))) {
      const reason = key.slice(stateKey(server, '').length);
      if (best.has(reason)) continue;
      await underLock(services, `spike:${server}:${reason}`, async () => {
        const state = await readState<SpikeState>(services, key);
        if (!state?.active || completed <= state.hour) return;
        const count = series.count(completed, reason);
        const baseline = baselineOf(series, completed, reason, types);
        if (count >= rule.normalRatio * baseline) return;
        const alert: AlertInput = { kind: 'normal', server, key: reason, label: reasonLabel(reason, lang, services.catalog, entries), hour: completed, count, baseline, topIps: [] };
        await deliver(alertReply(alert, digest.timeZone, lang));
        await services.store.set(key, JSON.stringify({ ...state, active: false }), { ttlMs: STATE_TTL });
        posted.push(alert);
      });
    }

    const silent = await silence(services, series, server, nowHour, types, cooldown, now, lang, deliver);
    if (silent) posted.push(silent);
  }
  return { posted };
}

async function silence(
  services: Services,
  series: StoredSeries,
  server: string,
  nowHour: number,
  types: DayTypes,
  cooldown: number,
  now: number,
  lang: Lang,
  deliver: Deliver,
): Promise<AlertInput | null> {
  const { hours, minBaseline } = services.config.digest.silence;
  const quiet: number[] = [];
  for (let h = nowHour - hours; h < nowHour; h++) quiet.push(h);
  if (quiet.some((h) => series.total(h) > 0)) return null;
  const baselines = quiet.map((h) => median(baselineHours(h, types, (x) => series.hasData(x)).map((x) => series.total(x))));
  if (baselines.some((b) => b <= minBaseline)) return null;
  let alert: AlertInput | null = null;
  await underLock(services, `silence:${server}`, async () => {
    const last = await readState<{ at: number }>(services, silenceKey(server));
    if (last && now - last.at < cooldown) return;
    const input: AlertInput = { kind: 'silence', server, key: '*', label: server, hour: quiet[0]!, hours, count: 0, baseline: median(baselines), topIps: [] };
    await deliver(alertReply(input, services.config.digest.timeZone, lang));
    await services.store.set(silenceKey(server), JSON.stringify({ at: now }), { ttlMs: STATE_TTL });
    alert = input;
  });
  return alert;
}
