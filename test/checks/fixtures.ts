/**
 * Shared fixture zones and a runner for the check tests: a local dns2 server
 * on 127.0.0.1 serves a zone, a `:memory:` store caches, and every query of
 * the check (DNSBL and DNSSEC ones included) goes to that server only.
 */
import { generateKeyPairSync } from 'node:crypto';
import { parseConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/config/schema.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { createCheckRun, type RunOptions } from '../../src/checks/setup.js';
import { runCheck, type CheckInput, type CheckOutcome } from '../../src/checks/run-check.js';
import { parseTarget } from '../../src/checks/target.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { CheckCode, CheckResult, CheckSeverity } from '../../src/checks/types.js';
import type { Zone } from '../helpers/dns-server.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, type CliRun } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

export function dkimKey(bits: number): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

export const KEY_2048 = dkimKey(2048);
export const KEY_1024 = dkimKey(1024);
export const KEY_512 = dkimKey(512);

/** A domain with everything right: the baseline each scenario changes. */
export function goodZone(): Zone {
  return {
    'good.test': {
      NS: ['ns1.good.test', 'ns2.good.test'],
      SOA: { primary: 'ns1.good.test', admin: 'hostmaster.good.test', serial: 2026010101, refresh: 3600, retry: 600, expiration: 86400, minimum: 300 },
      MX: [{ exchange: 'mx1.good.test', priority: 10 }, { exchange: 'mx2.good.test', priority: 20 }],
      // Multi-string TXT: the record is split in two character-strings.
      TXT: [['v=spf1 mx include:_spf.relay.test ', '-all'], 'google-site-verification=abc'],
      $ad: true,
    },
    'mx1.good.test': { A: ['45.67.89.10'] },
    'mx2.good.test': { A: ['45.67.89.11'] },
    '10.89.67.45.in-addr.arpa': { PTR: ['mx1.good.test'] },
    '11.89.67.45.in-addr.arpa': { PTR: ['mx2.good.test'] },
    '_spf.relay.test': { TXT: ['v=spf1 ip4:45.67.90.0/24 ip6:2a01:4f8:1::/48 ~all'] },
    '_dmarc.good.test': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc@good.test'] },
    'selector1._domainkey.good.test': { TXT: [[`v=DKIM1; k=rsa; p=${KEY_2048.slice(0, 200)}`, KEY_2048.slice(200)]] },
    '_mta-sts.good.test': { TXT: ['v=STSv1; id=20260101'] },
    '_smtp._tls.good.test': { TXT: ['v=TLSRPTv1; rua=mailto:tls@good.test'] },
    'default._bimi.good.test': { TXT: ['v=BIMI1; l=https://good.test/logo.svg'] },
    '_25._tcp.mx1.good.test': { TLSA: [{ usage: 3, selector: 1, matchingType: 1, data: 'ab'.repeat(32) }] },
    '10.89.67.45.list.dnswl.org': { A: ['127.0.10.3'] },
    '10.89.67.45.origin.asn.cymru.com': { TXT: ['64500 | 45.67.89.0/24 | NL | ripencc | 2010-01-01'] },
    'as64500.asn.cymru.com': { TXT: ['64500 | NL | ripencc | 2010-01-01 | EXAMPLENET, NL'] },
  };
}

export const GOOD_POLICY = 'version: STSv1\nmode: enforce\nmx: mx1.good.test\nmx: *.good.test\nmax_age: 86400\n';

export interface Runner {
  check(target: string, input?: Partial<Omit<CheckInput, 'target'>>, options?: RunOptions & { catalog?: Catalog; checks?: ConfigInput['checks'] }): Promise<CheckOutcome>;
  close(): Promise<void>;
}

/** Checks run against the local server with short timeouts and a fresh cache each time. */
export function runner(server: { address: string }, base: ConfigInput['checks'] = {}): Runner {
  const stores: EmbeddedStore[] = [];
  return {
    async check(target, input = {}, options = {}) {
      const { catalog, checks, ...runOptions } = options;
      const config = parseConfig({ checks: { queryTimeout: '250ms', totalBudget: '600ms', resolvers: [server.address], ...base, ...checks } });
      const store = new EmbeddedStore({ file: ':memory:' });
      stores.push(store);
      const run = createCheckRun(config.checks, store, {
        fetchMtaSts: async () => ({ status: 200, contentType: 'text/plain', body: GOOD_POLICY }),
        ...runOptions,
      });
      return runCheck({ target: parseTarget(target), dkim: [], ...input }, { ...run, ...(catalog ? { catalog } : {}) });
    },
    async close() {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
}

export function find(outcome: { results: CheckResult[] }, code: CheckCode, subject?: string): CheckResult[] {
  return outcome.results.filter((r) => r.code === code && (subject === undefined || (r.subject ?? '').includes(subject)));
}

/** The one result of a code (optionally about a subject); fails loudly with the whole report otherwise. */
export function one(outcome: { results: CheckResult[] }, code: CheckCode, subject?: string): CheckResult {
  const hits = find(outcome, code, subject);
  if (hits.length !== 1) {
    throw new Error(`expected one ${code}${subject ? ` about ${subject}` : ''}, got ${hits.length}:\n${JSON.stringify(outcome.results, null, 1)}`);
  }
  return hits[0]!;
}

export function severityOf(outcome: { results: CheckResult[] }, code: CheckCode, subject?: string): CheckSeverity {
  return one(outcome, code, subject).severity;
}

/** The zone with some names replaced or removed (undefined removes). */
export function patch(zone: Zone, changes: Record<string, Zone[string] | undefined>): Zone {
  const next: Zone = { ...zone };
  for (const [name, node] of Object.entries(changes)) {
    if (node === undefined) delete next[name];
    else next[name] = node;
  }
  return next;
}

/**
 * Runs the real CLI in-process against the local DNS server, with short timeouts; every run gets a
 * fresh data folder (test/helpers/cli.ts), so the store's DNS cache never answers for the server.
 * `resolverInConfig: false` leaves checks.resolvers empty, for tests that pass --resolver. Tests that
 * compare whole answers from a server that does answer pass longer timeouts: on a loaded machine a
 * local answer can take longer than 300 ms, and a test must not turn that into UNKNOWN.
 */
export async function checkCli(
  server: { address: string },
  args: string[],
  options: { resolverInConfig?: boolean; queryTimeout?: string; totalBudget?: string } = {},
): Promise<CliRun> {
  const config = join(tempDir('pm-check-cli-'), 'postmaster.yaml');
  writeFileSync(config, [
    'checks:',
    `  queryTimeout: ${options.queryTimeout ?? '300ms'}`,
    `  totalBudget: ${options.totalBudget ?? '700ms'}`,
    ...(options.resolverInConfig === false ? [] : [`  resolvers: ["${server.address}"]`]),
  ].join('\n'));
  return cli(['--config', config, ...args]);
}
