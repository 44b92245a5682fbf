/** Privileged actions (issue 6): which backend serves quarantine and lists, and the access policy. */
import { z } from 'zod';
import { PERMISSIONS } from '../permissions.js';
import { duration } from './common.js';

const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'an http:// or https:// URL');
const absolutePathOrRelative = z.string().min(1);

const listFiles = z
  .object({
    sender: absolutePathOrRelative.optional(),
    recipient: absolutePathOrRelative.optional(),
    ip: absolutePathOrRelative.optional(),
    rdns: absolutePathOrRelative.optional(),
  })
  .strict();

export const backendsSection = z
  .object({
    /** Which backend holds quarantined mail; none = the quarantine commands say none is configured. */
    quarantine: z.enum(['none', 'spamexperts', 'proxmox', 'maildir']).default('none'),
    /** Which backend holds the allow/block lists. */
    lists: z.enum(['none', 'spamexperts', 'proxmox', 'spamdyke']).default('none'),
    /** Time limit for one backend call. */
    timeoutMs: z.number().int().positive().max(120_000).default(15_000),
    spamexperts: z
      .object({
        /** Base URL of the REST API (quarantine), e.g. https://server.antispamcloud.com. */
        url: httpUrl.optional(),
        username: z.string().min(1).optional(),
        /** From SPAMEXPERTS_PASSWORD. */
        password: z.string().min(1).optional(),
        /** Base URL of the Control Panel API (lists); defaults to url. */
        panelUrl: httpUrl.optional(),
        panelUsername: z.string().min(1).optional(),
        /** From SPAMEXPERTS_PANEL_PASSWORD; defaults to password. */
        panelPassword: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    proxmox: z
      .object({
        /** e.g. https://pmg.example.net:8006 */
        url: httpUrl.optional(),
        /** A qmanager user, e.g. postmaster@pmg. */
        username: z.string().min(1).optional(),
        /** From PMG_PASSWORD. */
        password: z.string().min(1).optional(),
        /** PMG before 9.1 only knows whitelist/blacklist. */
        legacyListNames: z.boolean().default(false),
      })
      .strict()
      .optional(),
    spamdyke: z
      .object({
        /** The active spamdyke.conf; list file paths are read from it unless given under files. */
        configFile: absolutePathOrRelative.optional(),
        files: z.object({ allow: listFiles.prefault({}), block: listFiles.prefault({}) }).strict().prefault({}),
        /** spamdyke's config-dir, for per-customer-domain lists (_recipient_/<reversed domain>). */
        configDir: absolutePathOrRelative.optional(),
        /** Folder for backups of edited files; default: next to each file as <file>.bak. */
        backupDir: absolutePathOrRelative.optional(),
        lockTimeoutMs: z.number().int().positive().default(10_000),
      })
      .strict()
      .optional(),
    maildir: z
      .object({
        /** Folder of held messages: <name>.eml plus <name>.json metadata. */
        dir: absolutePathOrRelative.optional(),
        relay: z
          .object({
            host: z.string().min(1).default('127.0.0.1'),
            port: z.number().int().min(1).max(65535).default(25),
            /** TLS from the first byte (port 465). */
            secure: z.boolean().default(false),
            username: z.string().min(1).optional(),
            /** From QUARANTINE_RELAY_PASSWORD. */
            password: z.string().min(1).optional(),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const need = (section: string, keys: string[], present: Record<string, unknown> | undefined) => {
      for (const key of keys) {
        if (!present?.[key]) ctx.addIssue({ code: 'custom', path: [section, key], message: `required when a backend is "${section}"` });
      }
    };
    const used = new Set([value.quarantine, value.lists]);
    if (used.has('spamexperts')) need('spamexperts', ['url', 'username', 'password'], value.spamexperts);
    if (used.has('proxmox')) need('proxmox', ['url', 'username', 'password'], value.proxmox);
    if (value.quarantine === 'maildir') need('maildir', ['dir'], value.maildir);
    if (value.lists === 'spamdyke' && !value.spamdyke) {
      ctx.addIssue({ code: 'custom', path: ['spamdyke'], message: 'required when lists is "spamdyke" (configFile or files)' });
    }
  })
  .prefault({});

const member = z
  .string()
  .regex(/^(slack|teams|console|slack-group|teams-group):\S+$/, 'a member like slack:U0123, slack-group:S0456, teams:<aad-object-id>, teams-group:<id> or console:<os-user>');

export const accessSection = z
  .object({
    /** How long a confirmation button stays valid. */
    confirmTtl: duration.default('5m'),
    /** Role name → who has it and what it grants. Nobody is granted anything that is not listed here. */
    roles: z
      .record(
        z.string().regex(/^[\w.-]+$/, 'a role name of letters, digits, ".", "_" or "-"'),
        z
          .object({
            members: z.array(member).default([]),
            grants: z.array(z.enum(PERMISSIONS)).default([]),
            /** Customer domains the grants apply to; absent = every domain. */
            domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain like example.com')).min(1).optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict()
  .prefault({});
