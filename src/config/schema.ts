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

// --- privileged actions: backends and access policy (issue 6) ---------------

const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'an http:// or https:// URL');
const absolutePathOrRelative = z.string().min(1);

export const PERMISSIONS = [
  'quarantine.read', 'quarantine.release', 'quarantine.delete', 'lists.read', 'lists.edit', 'audit.read',
] as const;

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

// --- chat faces: Slack and Microsoft Teams (issue 4) -------------------------

export const slackSection = z
  .object({
    /** xoxb-… bot token (SLACK_BOT_TOKEN). */
    botToken: z.string().min(1).optional(),
    /** Signing secret for the HTTP receiver (SLACK_SIGNING_SECRET). */
    signingSecret: z.string().min(1).optional(),
    /** xapp-… app-level token; when set, Socket Mode is used and no public URL is needed (SLACK_APP_TOKEN). */
    appToken: z.string().min(1).optional(),
    /** Base URL of the Slack Web API, e.g. http://127.0.0.1:PORT/api/ for a local fake (SLACK_API_URL). */
    apiUrl: z.string().url().optional(),
    /** Path on our HTTP server that receives events, commands and interactivity. */
    endpoint: z.string().regex(/^\/[\w./-]*$/, 'a path like /slack/events').default('/slack/events'),
    /** Who sees command answers: only the person who asked (ephemeral) or the whole channel. */
    responseType: z.enum(['ephemeral', 'in_channel']).default('ephemeral'),
    /** Channel id → explain pasted bounces in a thread when the explainer is at least this confident. Off elsewhere. */
    autoExplain: z
      .record(z.string().regex(/^[CG][A-Z0-9]+$/, 'a channel id like C0123ABCD'), z.object({ minConfidence: z.enum(['high', 'medium']).default('high') }).strict())
      .default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.botToken) {
      ctx.addIssue({ code: 'custom', path: ['botToken'], message: 'required to run the Slack face (set SLACK_BOT_TOKEN)' });
    } else if (!value.appToken && !value.signingSecret) {
      ctx.addIssue({ code: 'custom', path: ['signingSecret'], message: 'set SLACK_SIGNING_SECRET (HTTP receiver) or SLACK_APP_TOKEN (Socket Mode)' });
    }
  })
  .optional();

export const teamsSection = z
  .object({
    /** Entra app (client) id of the Azure Bot (MICROSOFT_APP_ID). */
    appId: z.string().min(1).optional(),
    /** Client secret (MICROSOFT_APP_PASSWORD). */
    appPassword: z.string().min(1).optional(),
    /** Directory (tenant) id, required for SingleTenant (MICROSOFT_APP_TENANT_ID). */
    tenantId: z.string().min(1).optional(),
    /** New Azure bots are SingleTenant (multi-tenant creation ended 2025-07-31). */
    appType: z.enum(['SingleTenant', 'MultiTenant']).default('SingleTenant'),
    /** Path on our HTTP server for Bot Framework activities. */
    endpoint: z.string().regex(/^\/[\w./-]*$/, 'a path like /api/messages').default('/api/messages'),
    /** TEST ONLY: accept activities without a token. Honoured only when NODE_ENV=test. */
    allowUnauthenticated: z.boolean().default(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.allowUnauthenticated) return;
    if (!value.appId) ctx.addIssue({ code: 'custom', path: ['appId'], message: 'required to run the Teams face (set MICROSOFT_APP_ID)' });
    if (!value.appPassword) ctx.addIssue({ code: 'custom', path: ['appPassword'], message: 'required to run the Teams face (set MICROSOFT_APP_PASSWORD)' });
    if (value.appType === 'SingleTenant' && !value.tenantId) {
      ctx.addIssue({ code: 'custom', path: ['tenantId'], message: 'required for a SingleTenant bot (set MICROSOFT_APP_TENANT_ID)' });
    }
  })
  .optional();

// --- DNS / RBL / SPF / DMARC checks (issue 5) ---------------------------------

const dnsblZone = z
  .object({
    /** The zone queried, e.g. zen.spamhaus.org (reversed IP or domain is put in front). */
    zone: z.string().regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/i, 'a DNS zone like bl.example.org'),
    /** Name shown in verdicts. */
    name: z.string().min(1).optional(),
    /** ip: lists IPs; domain: lists domains; allow: an allow list (DNSWL), a positive signal. */
    kind: z.enum(['ip', 'domain', 'allow']).default('ip'),
    /** major listing = CRIT, minor = WARN, info = INFO. */
    tier: z.enum(['major', 'minor', 'info']).default('minor'),
    /** Whether the zone answers IPv6 (nibble) queries. */
    ipv6: z.boolean().default(false),
    /** Return code → meaning, e.g. "127.0.0.2": "spam source". */
    codes: z.record(z.string(), z.string()).default({}),
    /** The last octet is a bitmask (SURBL, URIBL): codes are keyed by bit value. */
    bitmask: z.boolean().default(false),
    /** Answers that mean "the list refused the query" (UNKNOWN), e.g. 127.255.255.254. */
    errorCodes: z.array(z.string()).default([]),
    /** Where to request removal. */
    delist: z.string().url().optional(),
  })
  .strict();

export const checksSection = z
  .object({
    /** Resolvers for every check query (DNSBL ones included), "IP" or "IP:PORT"; empty = the system's. */
    resolvers: z.array(z.string().min(1)).default([]),
    /** Time limit of one DNS query (one try). */
    queryTimeout: duration.default('2s'),
    /** Time limit of a whole check; what has not answered by then is UNKNOWN. */
    totalBudget: duration.default('2300ms'),
    /** Cache time for answers whose TTL the resolver does not report (A/AAAA use their own TTL). */
    cacheTtl: duration.default('5m'),
    /** Cache time for NXDOMAIN / NODATA. */
    negativeCacheTtl: duration.default('1m'),
    dnsbl: z
      .object({
        /** Built-in zones to leave out, by zone name. */
        disable: z.array(z.string()).default([]),
        /** Extra zones, or replacements for built-in ones with the same zone name. */
        zones: z.array(dnsblZone).default([]),
        /** Spamhaus Data Query Service key (SPAMHAUS_DQS_KEY): queries go to <key>.zen.dq.spamhaus.net etc. */
        dqsKey: z.string().regex(/^[a-z0-9]{10,64}$/i, 'a DQS key of letters and digits').optional(),
      })
      .strict()
      .prefault({}),
    /** Our inbound filter's MX host patterns ("*.mx.hoster.net"); MX_OURS is skipped when empty. */
    ourMx: z.array(z.string().min(1)).default([]),
    /** Our outbound relays; SPF_OURS is skipped when both are empty. */
    ourSpf: z
      .object({
        includes: z.array(z.string().min(1)).default([]),
        ips: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .prefault({}),
    /** DKIM selectors to probe besides the common ones (our platform's selector). */
    dkimSelectors: z.array(z.string().regex(/^[a-z0-9_.-]+$/i, 'a selector like default or s1')).default([]),
    smtp: z
      .object({
        /** Port the opt-in SMTP checks (--smtp) connect to. */
        port: z.number().int().min(1).max(65535).default(25),
        /** Time limit of one SMTP conversation. */
        timeout: duration.default('10s'),
        /** Name we send in EHLO; default: this machine's host name. */
        helo: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

// --- rejection logs, digests and spike alerts (issue 7) -----------------------

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
    checks: checksSection,
    slack: slackSection,
    teams: teamsSection,
    backends: backendsSection,
    access: accessSection,
    digest: digestSection,
    ingest: ingestSection,
    /** Policy URL spamdyke appends as "See: <url>#CODE"; helps recognise its replies. */
    spamdykePolicyUrl: z.string().url().optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export { duration };
