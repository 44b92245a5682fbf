/** The core sections: store, input limits, logging, the HTTP server. */
import { z } from 'zod';
import { duration } from './common.js';

export const storeSection = z
  .object({
    /** redis://… — when set, state lives in Redis (several replicas can share it). */
    redisUrl: z.string().url().optional(),
    /** Key prefix in Redis, so several bots can share one server. */
    keyPrefix: z.string().default('postmaster:'),
    /** Longest a state-store call may take before it counts as unreachable (Redis). */
    timeout: duration.default('2s'),
  })
  .strict()
  .default({ keyPrefix: 'postmaster:', timeout: '2s' });

export const limitsSection = z
  .object({
    /** Largest paste or file the explainer reads, in bytes. */
    maxInputBytes: z.number().int().positive().default(10 * 1024 * 1024),
    /** Threads that read and parse while the terminal explains 200 files or more (default: one per spare core, at most 2; 0: none). */
    explainWorkers: z.number().int().min(0).max(8).optional(),
  })
  .strict()
  .default({ maxInputBytes: 10 * 1024 * 1024 });

export const logSection = z
  .object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict()
  .default({ level: 'info' });

export const serverSection = z
  .object({
    host: z.string().default('0.0.0.0'),
    port: z.number().int().min(0).max(65535).default(3978),
    /** Public base URL of this bot (https://…), for links such as digest images. */
    publicUrl: z.string().url().optional(),
  })
  .strict()
  .default({ host: '0.0.0.0', port: 3978 });
