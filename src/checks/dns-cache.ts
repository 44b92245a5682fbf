/**
 * Keeps DNS answers in the Store for their TTL, so a re-run (or another
 * replica) does not ask again, and asks each question once per check even
 * when several checks need it at the same moment.
 *
 * Failures (timeout, SERVFAIL, refused) are never cached: the next run asks
 * again. NXDOMAIN/NODATA are cached briefly (the negative TTL).
 */
import type { Store } from '../store/store.js';
import { dnsError, errorCode, isNegative, type DnsQuery, type Resolver } from './resolver.js';

export interface DnsCacheOptions {
  /** Seconds for answers whose TTL node:dns does not report (all types but A/AAAA). */
  defaultTtlSeconds: number;
  /** Seconds for NXDOMAIN / NODATA. */
  negativeTtlSeconds: number;
  /** Upper bound for any TTL. */
  maxTtlSeconds: number;
  /** Part of the key, so answers from different resolvers are not mixed (e.g. the server list). */
  namespace: string;
  /** Strings to keep out of store keys (a DQS key inside a query name). */
  secrets?: string[];
}

type Cached = { r: unknown[] } | { e: string };

export function cachedResolver(query: DnsQuery, store: Store, options: DnsCacheOptions): Resolver {
  const inFlight = new Map<string, Promise<unknown[]>>();
  const keyOf = (name: string, rrtype: string) => {
    let safe = name.toLowerCase().replace(/\.$/, '');
    for (const secret of options.secrets ?? []) if (secret) safe = safe.split(secret.toLowerCase()).join('<secret>');
    return `dns:${options.namespace}:${rrtype.toUpperCase()}:${safe}`;
  };

  const fetch = async (name: string, rrtype: string, key: string): Promise<unknown[]> => {
    const hit = await store.get(key).catch(() => null);
    if (hit) {
      const cached = JSON.parse(hit) as Cached;
      if ('e' in cached) throw dnsError(cached.e, name);
      return cached.r;
    }
    try {
      const answer = await query(name, rrtype);
      const ttl = Math.min(options.maxTtlSeconds, Math.max(1, answer.ttl ?? options.defaultTtlSeconds));
      await store.set(key, JSON.stringify({ r: answer.records } satisfies Cached), { ttlMs: ttl * 1000 }).catch(() => undefined);
      return answer.records;
    } catch (error) {
      if (isNegative(error)) {
        const value = JSON.stringify({ e: errorCode(error) } satisfies Cached);
        await store.set(key, value, { ttlMs: options.negativeTtlSeconds * 1000 }).catch(() => undefined);
      }
      throw error;
    }
  };

  return (name, rrtype) => {
    const key = keyOf(name, rrtype);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetch(name, rrtype, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    // Each caller gets its own copy: checks may sort or change the arrays.
    return pending.then((records) => structuredClone(records) as any[]);
  };
}
