/** DNS / RBL / SPF / DMARC checks (issue 5). */
import { z } from 'zod';
import { duration } from './common.js';

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
