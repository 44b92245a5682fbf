/**
 * Builds a check run from the configuration: resolver layers (node:dns →
 * deadline → Store cache), the DNSBL zones, the raw client for DNSSEC, and
 * the MTA-STS policy fetcher. Called once per check: the deadline is per run.
 */
import { getServers } from 'node:dns';
import type { Config } from '../config/schema.js';
import { configDuration } from '../core/duration.js';
import type { Store } from '../store/store.js';
import type { CheckContext, MtaStsFetcher, SmtpSettings } from './context.js';
import { cachedResolver } from './dns-cache.js';
import { resolveZones } from './dnsbl-zones.js';
import { isPublicIp } from './ip-checks.js';
import { createRawQuery, type RawQuery } from './raw-dns.js';
import { createNodeDnsQuery, dnsError, withDeadline, type DnsQuery } from './resolver.js';
import { withWireFallback } from './wire-query.js';

export type ChecksConfig = Config['checks'];

export interface RunOptions {
  /** Overrides checks.resolvers (--resolver). */
  servers?: string[];
  /** Injected policy fetcher (tests); default: HTTPS with DNS through our resolver. */
  fetchMtaSts?: MtaStsFetcher | null;
  /** Turns on the SMTP checks; fields override checks.smtp (tests point them at 127.0.0.1). */
  smtp?: Partial<SmtpSettings> | undefined;
  now?: () => number;
}

export interface CheckRun {
  ctx: CheckContext;
  raw?: RawQuery;
  deadline: number;
  startedAt: number;
  /** Never to be shown (the DQS key). */
  secrets: string[];
}

export function createCheckRun(config: ChecksConfig, store: Store, options: RunOptions = {}): CheckRun {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const perQueryMs = configDuration(config.queryTimeout);
  const deadline = startedAt + configDuration(config.totalBudget);
  const servers = options.servers ?? config.resolvers;
  const rawServer = servers[0] ?? getServers()[0];
  const query = withWireFallback(createNodeDnsQuery({ servers, timeoutMs: perQueryMs }), rawServer, perQueryMs);
  const bounded = withDeadline(query, { deadline, perQueryMs, now });
  const resolver = cachedResolver(bounded, store, {
    defaultTtlSeconds: configDuration(config.cacheTtl) / 1000,
    negativeTtlSeconds: configDuration(config.negativeCacheTtl) / 1000,
    maxTtlSeconds: 86_400,
    namespace: servers.length ? servers.join(',') : 'system',
    secrets: config.dnsbl.dqsKey ? [config.dnsbl.dqsKey] : [],
  });
  const raw = rawServer ? boundedRaw(createRawQuery(rawServer, perQueryMs), deadline, now) : undefined;
  const ctx: CheckContext = {
    resolver,
    store,
    now,
    settings: {
      zones: resolveZones(config.dnsbl),
      ourMx: config.ourMx,
      ourSpf: config.ourSpf,
      dkimSelectors: config.dkimSelectors,
    },
  };
  if (options.fetchMtaSts !== null) ctx.fetchMtaSts = options.fetchMtaSts ?? httpsPolicyFetcher(bounded, perQueryMs, deadline, now);
  if (options.smtp) {
    ctx.smtp = {
      port: config.smtp.port,
      timeoutMs: configDuration(config.smtp.timeout),
      helo: config.smtp.helo ?? 'postmaster-check.invalid',
      ...options.smtp,
    } as SmtpSettings;
  }
  return { ctx, ...(raw ? { raw } : {}), deadline, startedAt, secrets: config.dnsbl.dqsKey ? [config.dnsbl.dqsKey] : [] };
}

/** Raw queries get what is left of the budget, like every other query. */
function boundedRaw(raw: RawQuery, deadline: number, now: () => number): RawQuery {
  return (name, type) => {
    const left = deadline - now();
    return left <= 0 ? Promise.reject(dnsError('ETIMEOUT', name)) : raw(name, type, left);
  };
}

/**
 * The production policy fetcher: https://mta-sts.<domain>/.well-known/mta-sts.txt,
 * certificate verified, host name resolved through our own resolver, within the budget.
 */
export function httpsPolicyFetcher(query: DnsQuery, perQueryMs: number, deadline: number, now: () => number): MtaStsFetcher {
  return async (domain) => {
    const { request } = await import('node:https');
    const host = `mta-sts.${domain}`;
    const timeout = Math.max(1, Math.min(perQueryMs, deadline - now()));
    return new Promise((resolve, reject) => {
      const req = request({
        host, path: '/.well-known/mta-sts.txt', method: 'GET', timeout,
        lookup: (hostname, _opts, callback) => {
          query(hostname, 'A').then(
            (answer) => {
              const address = String(answer.records[0]);
              // The policy host is named by the checked domain: never let it point us at our own network.
              if (!isPublicIp(address)) {
                (callback as (e: Error) => void)(new Error(`${hostname} resolves to the non-public address ${address}`));
                return;
              }
              (callback as (e: null, a: string, f: number) => void)(null, address, 4);
            },
            (error: NodeJS.ErrnoException) => (callback as (e: NodeJS.ErrnoException) => void)(error),
          );
        },
      }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > 64 * 1024) req.destroy(new Error('policy larger than 64 KiB'));
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers['content-type'] ? { contentType: res.headers['content-type'] } : {}), body }));
      });
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end();
    });
  };
}
