/** Rejection logs, digests and spike alerts (issue 7). */
import { z } from 'zod';
import { LANGS } from '../../core/lang.js';
import { duration } from './common.js';

const timeZone = z.string().min(1).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as UTC, Europe/Berlin or Asia/Jakarta');

const cronExpression = z
  .string()
  .regex(/^\S+( \S+){4,5}$/, 'a cron expression of 5 or 6 fields, e.g. "0 7 * * *"');

const postTarget = z
  .object({
    platform: z.enum(['slack', 'teams', 'console']),
    /** Slack channel id (C0123…), Teams conversation id, or any name for the console. */
    target: z.string().min(1),
  })
  .strict();

export const digestSection = z
  .object({
    /** When the daily digest is posted (node-cron syntax), in `timeZone`. */
    cron: cronExpression.default('0 7 * * *'),
    /** How often spikes and silence are looked for (the running hour included). */
    spikeCron: cronExpression.default('*/5 * * * *'),
    /** Zone of the digest's day, its cron and weekday/weekend. */
    timeZone: timeZone.default('UTC'),
    /** Zone of classic syslog and Exim stamps in the logs; default: timeZone. */
    logTimeZone: timeZone.optional(),
    /** Language of scheduled posts; default: the top-level lang. */
    lang: z.enum(LANGS).optional(),
    /** Where the daily digest goes. */
    targets: z.array(postTarget).default([]),
    /** Where spike alerts go; default: the digest targets. */
    alertTargets: z.array(postTarget).optional(),
    /** A spike needs at least this many rejects in the hour … */
    floor: z.number().int().positive().default(20),
    /** … or this many for a given reason key (e.g. "greylisted": 200). */
    floors: z.record(z.string(), z.number().int().positive()).default({}),
    /** … and at least this multiple of the baseline … */
    ratio: z.number().min(1).default(2),
    /** … and a Poisson tail probability below this. */
    pValue: z.number().positive().max(0.5).default(1e-4),
    /** "Back to normal" when a completed hour is below this multiple of the baseline. */
    normalRatio: z.number().min(1).default(1.5),
    /** One alert per (server, reason) in this time, unless the count doubles. */
    cooldown: duration.default('3h'),
    silence: z
      .object({
        /** Hours without any reject that raise a silence alert … */
        hours: z.number().int().positive().max(12).default(2),
        /** … on a server that usually has more than this many per hour. */
        minBaseline: z.number().positive().default(50),
      })
      .strict()
      .prefault({}),
    /** Retention of hourly counts, daily rollups and hourly top-offender sets. */
    hourTtl: duration.default('15d'),
    dayTtl: duration.default('400d'),
    topTtl: duration.default('8d'),
    /** Members kept in each hourly top-offender set. */
    topKeep: z.number().int().positive().max(10_000).default(200),
    /** How long a chart stays reachable at /media/<token> (for Teams). */
    mediaTtl: duration.default('7d'),
  })
  .strict()
  .prefault({});

export const ingestSection = z
  .object({
    /** Shared secret of POST /ingest (POSTMASTER_INGEST_TOKEN); absent = the endpoint refuses everything. */
    token: z.string().min(16, 'at least 16 characters').optional(),
    /** Server name for lines that name none (Exim files, stdin without --server). */
    defaultServer: z.string().regex(/^[\w.-]+$/, 'a server name of letters, digits, ".", "_" or "-"').default('local'),
    /** Events counted in process before a flush to the store. */
    flushEvents: z.number().int().positive().default(50_000),
    /** Largest body POST /ingest accepts, in bytes. */
    maxBodyBytes: z.number().int().positive().default(5 * 1024 * 1024),
  })
  .strict()
  .prefault({});
