/**
 * The configuration schema. One YAML file plus environment variables for
 * secrets (see env.ts), validated once at start. Every object is strict, so a
 * misspelt key stops the start with a sentence that names it.
 *
 * Each domain owns one section; add a section here when a feature needs one.
 */
import { z } from 'zod';
import { LANGS } from '../core/lang.js';

const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration like 30s, 5m, 2h or 1d');

export const storeSection = z
  .object({
    /** redis://… — when set, state lives in Redis (several replicas can share it). */
    redisUrl: z.string().url().optional(),
    /** Key prefix in Redis, so several bots can share one server. */
    keyPrefix: z.string().default('postmaster:'),
  })
  .strict()
  .default({ keyPrefix: 'postmaster:' });

export const limitsSection = z
  .object({
    /** Largest paste or file the explainer reads, in bytes. */
    maxInputBytes: z.number().int().positive().default(10 * 1024 * 1024),
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

export const configSchema = z
  .object({
    /** Default answer language. */
    lang: z.enum(LANGS).default('en'),
    /** Folder for the embedded store and other local state (relative to the working directory). */
    dataDir: z.string().min(1).default('data'),
    store: storeSection,
    limits: limitsSection,
    log: logSection,
    server: serverSection,
    /** Policy URL spamdyke appends as "See: <url>#CODE"; helps recognise its replies. */
    spamdykePolicyUrl: z.string().url().optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export { duration };
