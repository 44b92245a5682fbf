/** Validation of the catalogue YAML files (one file per source). */
import { z } from 'zod';
import { ACTORS, CATEGORIES, REASONS } from './types.js';

const localized = z
  .object({ en: z.string().trim().min(1), id: z.string().trim().min(1), de: z.string().trim().min(1) })
  .strict();

const followUp = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('check'), target: z.enum(['ip', 'domain', 'sender-domain', 'recipient-domain', 'zone']) }).strict(),
  z.object({ kind: z.literal('allow'), list: z.enum(['sender', 'ip', 'domain']) }).strict(),
  z.object({ kind: z.literal('release') }).strict(),
  z.object({ kind: z.literal('quarantine-search') }).strict(),
]);

const replyCode = z.string().regex(/^[245](\d\d|xx|\dx)$/, 'an SMTP reply code such as 550, 55x or 4xx');
const enhancedCode = z.string().regex(/^([245X])\.\d{1,3}\.\d{1,3}$/, 'an enhanced status code such as 5.7.1 or X.7.1');

const match = z
  .object({
    texts: z.array(z.string().trim().min(3)).default([]),
    logCodes: z.array(z.string().trim().min(2)).default([]),
    enhancedCodes: z.array(enhancedCode).default([]),
    patterns: z.array(z.string().min(3)).default([]),
    replyCodes: z.array(replyCode).default([]),
    hosts: z.array(z.string().min(2)).default([]),
    commands: z.array(z.enum(['CONN', 'HELO', 'EHLO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT', 'DATA'])).default([]),
  })
  .strict();

export const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9][a-z0-9-]*)+$/, 'a dotted lower-case id such as spamdyke.denied-rbl-match'),
    category: z.enum(CATEGORIES),
    reason: z.enum(REASONS),
    actor: z.enum(ACTORS),
    temporary: z.boolean().optional(),
    title: localized,
    explanation: localized,
    remedy: localized,
    match,
    followUp: z.array(followUp).default([]),
    references: z.array(z.string().url()).default([]),
    examples: z.array(z.string().min(1)).min(1, 'at least one example that must match the entry'),
    priority: z.number().int().default(0),
  })
  .strict();

export const catalogFileSchema = z
  .object({
    source: z.string().regex(/^[a-z0-9]+$/),
    tier: z.enum(['own', 'provider', 'generic', 'standard']),
    description: z.string().min(1),
    /** Where the facts come from (seed document, vendor pages). */
    origin: z.array(z.string()).default([]),
    entries: z.array(entrySchema).min(1),
  })
  .strict();

export type CatalogFileInput = z.input<typeof catalogFileSchema>;
