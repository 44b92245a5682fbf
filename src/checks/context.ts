/** What every check receives: the resolver, the settings, time, and the injectable peers. */
import type { Store } from '../store/store.js';
import type { Resolver } from './resolver.js';
import type { ZoneSpec } from './dnsbl-zones.js';

export interface MtaStsFetchResult {
  status: number;
  contentType?: string;
  body: string;
}

/** Fetches https://mta-sts.<domain>/.well-known/mta-sts.txt; injected so tests never touch the internet. */
export type MtaStsFetcher = (domain: string) => Promise<MtaStsFetchResult>;

export interface SmtpSettings {
  /** Port to connect to (25 in production; a local test server's port in tests). */
  port: number;
  timeoutMs: number;
  /** Name we send in EHLO. */
  helo: string;
  /** Test hook: connect here instead of the MX's address (127.0.0.1 in tests). */
  connectHost?: string;
}

export interface CheckSettings {
  zones: ZoneSpec[];
  ourMx: string[];
  ourSpf: { includes: string[]; ips: string[] };
  dkimSelectors: string[];
}

export interface CheckContext {
  resolver: Resolver;
  store: Store;
  settings: CheckSettings;
  now: () => number;
  fetchMtaSts?: MtaStsFetcher;
  /** Present only when the SMTP checks were asked for (--smtp). */
  smtp?: SmtpSettings;
}
