/**
 * Posts the daily digest and the spike alerts on a schedule (node-cron, cron
 * expressions and time zone from the `digest` config section) through the
 * ChatPoster port to the configured targets.
 *
 * Several replicas may run this against one Redis: the digest of a scheduled
 * slot is posted once (a lock with expiry, then a "sent" marker that the next
 * replica sees), and alerts are decided under per-(server, reason) locks (see
 * alerts.ts). If a replica dies while posting, its lock expires and another
 * replica posts on its next run — at least once then, never twice otherwise.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { BotError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import type { ChatPoster } from '../core/outbound.js';
import type { Part, Reply } from '../core/reply.js';
import type { Services } from '../core/services.js';
import { configDuration } from '../core/duration.js';
import { checkAlerts, type Deliver } from './alerts.js';
import { buildDigest } from './build.js';
import { chartSelfCheck } from './chart.js';
import { mediaUrl, storeMedia } from './media.js';
import { localDay } from './range.js';
import { dayLabel, digestReply } from './render.js';
import { spikeRule } from './settings.js';

const DIGEST_LOCK_TTL = 10 * 60_000;
const SENT_TTL = 3 * 86_400_000;

type Target = { platform: 'slack' | 'teams' | 'console'; target: string };

/** A deliverer that posts to each target through the poster of its platform; one failing target does not stop the others. */
export function deliverTo(services: Services, posters: ChatPoster[], targets: Target[]): Deliver {
  return async (reply) => {
    let teamsReply: Reply | null = null;
    for (const t of targets) {
      const poster = posters.find((p) => p.platform === t.platform);
      if (!poster) {
        services.logger.warn({ platform: t.platform, target: t.target }, 'digest: no poster for this platform; target skipped');
        continue;
      }
      try {
        if (t.platform === 'teams') {
          teamsReply ??= await withImageUrls(services, reply);
          await poster.post(t.target, teamsReply);
        } else {
          await poster.post(t.target, reply);
        }
      } catch (error) {
        services.logger.error({ err: error, platform: t.platform, target: t.target }, 'digest: posting failed');
      }
    }
  };
}

/** Teams fetches images by URL: store each PNG under a random token and link it from the bot's public URL. */
async function withImageUrls(services: Services, reply: Reply): Promise<Reply> {
  const base = services.config.server.publicUrl;
  if (!reply.parts.some((p) => p.kind === 'image' && p.png)) return reply;
  if (!base) {
    services.logger.warn('digest: server.publicUrl is not set, so Teams gets the digest without its chart');
    return reply;
  }
  const ttl = configDuration(services.config.digest.mediaTtl);
  const parts: Part[] = [];
  for (const part of reply.parts) {
    if (part.kind === 'image' && part.png) parts.push({ ...part, url: mediaUrl(base, await storeMedia(services.store, part.png, ttl)) });
    else parts.push(part);
  }
  return { ...reply, parts };
}

/**
 * Posts the digest of the local day before `slot` unless this slot was posted
 * already (by this or another replica). Returns whether this call posted it.
 */
export async function runDigest(services: Services, deliver: Deliver, slot: Date): Promise<boolean> {
  const slotId = slot.toISOString().slice(0, 19);
  const sentKey = `digest:sent:${slotId}`;
  if (await services.store.get(sentKey)) return false;
  const lock = await services.store.lock(`digest:${slotId}`, DIGEST_LOCK_TTL);
  if (!lock) return false;
  try {
    if (await services.store.get(sentKey)) return false;
    const { digest } = services.config;
    const lang: Lang = digest.lang ?? services.config.lang;
    const now = services.now();
    const today = localDay(slot.getTime(), digest.timeZone);
    const day = localDay(today.from - 1, digest.timeZone);
    const data = await buildDigest(services.store, {
      from: day.from,
      to: day.to,
      servers: [],
      rule: spikeRule(services.config),
      timeZone: digest.timeZone,
      now,
      hourTtlMs: configDuration(digest.hourTtl),
      dayTtlMs: configDuration(digest.dayTtl),
      topTtlMs: configDuration(digest.topTtl),
    });
    const { reply } = await digestReply(data, { lang, catalog: services.catalog, timeZone: digest.timeZone, rangeLabel: dayLabel(day.from, digest.timeZone, lang), chart: true });
    await deliver(reply);
    await services.store.set(sentKey, new Date(now).toISOString(), { ttlMs: SENT_TTL });
    return true;
  } finally {
    await lock.release();
  }
}

/**
 * Starts the two schedules and returns a function that stops them. Checks the
 * chart font first: a digest whose labels silently vanished is worse than a
 * start-up error.
 */
export function startDigestScheduler(services: Services, posters: ChatPoster[]): () => Promise<void> {
  const { digest } = services.config;
  for (const [name, expression] of [['digest.cron', digest.cron], ['digest.spikeCron', digest.spikeCron]] as const) {
    if (!cron.validate(expression)) throw new BotError('config_invalid', `The ${name} "${expression}" is not a valid cron expression (e.g. "0 7 * * *").`);
  }
  const alertTargets = digest.alertTargets ?? digest.targets;
  if (digest.targets.length === 0 && alertTargets.length === 0) {
    services.logger.info('digest: no targets configured; digests and spike alerts are not posted');
    return async () => {};
  }
  chartSelfCheck();
  const tasks: ScheduledTask[] = [];
  if (digest.targets.length) {
    const deliver = deliverTo(services, posters, digest.targets);
    tasks.push(
      cron.schedule(digest.cron, async (context) => {
        try {
          await runDigest(services, deliver, context.date);
        } catch (error) {
          services.logger.error({ err: error }, 'digest: scheduled digest failed');
        }
      }, { timezone: digest.timeZone, name: 'postmaster-digest', noOverlap: true }),
    );
  }
  if (alertTargets.length) {
    const deliver = deliverTo(services, posters, alertTargets);
    tasks.push(
      cron.schedule(digest.spikeCron, async () => {
        try {
          await checkAlerts(services, deliver);
        } catch (error) {
          services.logger.error({ err: error }, 'digest: spike check failed');
        }
      }, { timezone: digest.timeZone, name: 'postmaster-spikes', noOverlap: true }),
    );
  }
  services.logger.info({ cron: digest.cron, spikeCron: digest.spikeCron, timeZone: digest.timeZone }, 'digest: scheduler started');
  return async () => {
    for (const task of tasks) await task.destroy();
  };
}
