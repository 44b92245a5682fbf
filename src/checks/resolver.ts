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

/** Words for a DNS failure, for evidence lines. */
export function describeDnsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOTFOUND': return 'NXDOMAIN (name does not exist)';
    case 'ENODATA': return 'no record of that type (NODATA)';
    case 'ETIMEOUT': return 'timed out';
    case 'ESERVFAIL': return 'SERVFAIL';
    case 'EREFUSED': return 'REFUSED by the resolver';
    case 'ECONNREFUSED': return 'resolver unreachable (connection refused)';
    default: return `DNS error ${errorCode(error)}`;
  }
}

export interface NodeDnsOptions {
  /** `HOST` or `HOST:PORT` (`[v6]:PORT`); empty uses the system's resolvers. */
  servers: string[];
  /** Timeout of one query in milliseconds (one try). */
  timeoutMs: number;
}

/** Checks `HOST:PORT` strings; returns a sentence for the first bad one. */
export function invalidServer(servers: string[]): string | undefined {
  for (const server of servers) {
    const m = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(server) ?? /^([0-9.]+)(?::(\d{1,5}))?$/.exec(server);
    const host = m?.[1] ?? server;
    const port = m?.[2] === undefined ? 53 : Number(m[2]);
    if (!m && isIP(server) !== 6) return `"${server}" is not a resolver address; use an IP with an optional port, e.g. 127.0.0.1:5353 or [::1]:53.`;
    if (!isIP(host)) return `"${server}" is not a resolver address; use an IP (not a host name) with an optional port, e.g. 127.0.0.1:5353.`;
    if (port < 1 || port > 65535) return `The port in "${server}" must be between 1 and 65535.`;
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
