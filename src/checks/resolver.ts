/**
 * The resolver port every check takes: `(name, rrtype) => Promise<records>`,
 * failing with Node's error codes (ENOTFOUND = NXDOMAIN, ENODATA = no such
 * record, ETIMEOUT, ESERVFAIL, EREFUSED …) exactly as mailauth expects.
 *
 * Layers: a raw query (node:dns over the configured servers, answers with
 * their TTL) → a deadline (per query and for the whole check) → a cache in
 * the Store (answers kept for their TTL) → the Resolver the checks use.
 */
import { promises as dnsPromises } from 'node:dns';
import { isIP } from 'node:net';
import type { Lang } from '../core/lang.js';
import { msg, renderMsg, say, type Msg } from './message.js';

/** Records as node:dns returns them: string[] (A, NS, PTR …), string[][] (TXT), {exchange, priority}[] (MX). */
export type Resolver = (name: string, rrtype: string) => Promise<any[]>;

export interface DnsAnswer {
  records: unknown[];
  /** Seconds the answer may be cached, when the server told us. */
  ttl?: number;
}

/** One DNS question on the wire; the layer below the cache. */
export type DnsQuery = (name: string, rrtype: string) => Promise<DnsAnswer>;

export interface DnsError extends Error {
  code: string;
  hostname?: string;
}

export function dnsError(code: string, hostname: string): DnsError {
  const error = new Error(`query${code === 'ETIMEOUT' ? 'A' : ''} ${code} ${hostname}`) as DnsError;
  error.code = code;
  error.hostname = hostname;
  return error;
}

/** The name does not exist or has no record of that type: an answer, not a failure. */
export function isNegative(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'ENOTFOUND' || code === 'ENODATA';
}

export function errorCode(error: unknown): string {
  return (error as { code?: string })?.code ?? 'EUNKNOWN';
}

/** Words for a DNS failure, as a message (verdicts render it in the asked language). */
export function dnsErrorReason(error: unknown): Msg {
  const code = errorCode(error);
  switch (code) {
    case 'ENOTFOUND': return msg('dnsError.nxdomain');
    case 'ENODATA': return msg('dnsError.nodata');
    case 'ETIMEOUT': return msg('dnsError.timeout');
    case 'ESERVFAIL': return msg('dnsError.servfail');
    case 'EREFUSED': return msg('dnsError.refused');
    case 'ECONNREFUSED': return msg('dnsError.unreachable');
    default: return msg('dnsError.other', { code });
  }
}

/** Words for a DNS failure, for evidence lines (English: evidence is raw data). */
export function describeDnsError(error: unknown): string {
  return renderMsg(dnsErrorReason(error), 'en');
}

export interface NodeDnsOptions {
  /** `HOST` or `HOST:PORT` (`[v6]:PORT`); empty uses the system's resolvers. */
  servers: string[];
  /** Timeout of one query in milliseconds (one try). */
  timeoutMs: number;
}

/** Checks `HOST:PORT` strings; returns a sentence for the first bad one. */
export function invalidServer(servers: string[], lang: Lang = 'en'): string | undefined {
  for (const server of servers) {
    const m = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(server) ?? /^([0-9.]+)(?::(\d{1,5}))?$/.exec(server);
    const host = m?.[1] ?? server;
    const port = m?.[2] === undefined ? 53 : Number(m[2]);
    if (!m && isIP(server) !== 6) return say(lang, 'usage.resolverNotIp', { server });
    if (!isIP(host)) return say(lang, 'usage.resolverHostname', { server });
    if (port < 1 || port > 65535) return say(lang, 'usage.resolverPort', { server });
  }
  return undefined;
}

/** Raw queries through node:dns (c-ares): one try, our timeout, the given servers. */
export function createNodeDnsQuery(options: NodeDnsOptions): DnsQuery {
  const resolver = new dnsPromises.Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers.length) resolver.setServers(options.servers);
  return async (name, rrtype) => {
    const type = rrtype.toUpperCase();
    if (type === 'A' || type === 'AAAA') {
      const rows = type === 'A' ? await resolver.resolve4(name, { ttl: true }) : await resolver.resolve6(name, { ttl: true });
      return { records: rows.map((r) => r.address), ttl: Math.min(...rows.map((r) => r.ttl)) };
    }
    const records = (await resolver.resolve(name, type as 'TXT')) as unknown;
    return { records: Array.isArray(records) ? records : [records] };
  };
}

export interface DeadlineOptions {
  /** Epoch ms after which no query may run: the check's total budget. */
  deadline: number;
  perQueryMs: number;
  now?: () => number;
}

/**
 * Bounds every query by min(per-query timeout, time left in the budget). A
 * query that runs out fails with ETIMEOUT, which checks report as UNKNOWN.
 */
export function withDeadline(query: DnsQuery, options: DeadlineOptions): DnsQuery {
  const now = options.now ?? Date.now;
  return (name, rrtype) => {
    const left = Math.min(options.perQueryMs, options.deadline - now());
    if (left <= 0) return Promise.reject(dnsError('ETIMEOUT', name));
    return new Promise<DnsAnswer>((resolve, reject) => {
      const timer = setTimeout(() => reject(dnsError('ETIMEOUT', name)), left);
      query(name, rrtype).then(
        (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  };
}

/** A Resolver straight over a query, without a cache (tests of the layers, benchmarks). */
export function plainResolver(query: DnsQuery): Resolver {
  return async (name, rrtype) => (await query(name, rrtype)).records;
}
