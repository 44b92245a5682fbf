/** DNS_RESOLVE, NS_COUNT, MX_PRESENT, MX_HYGIENE and MX_OURS for a domain. */
import { ipaddr } from '../core/ipaddr.js';
import type { CheckContext } from './context.js';
import { isPublicIp } from './ip-checks.js';
import { addressesOf, lookup, outcomeText, recordsOf, type MxRecord, type Outcome } from './lookup.js';
import { msg, type Msg } from './message.js';
import { result, type PendingResult } from './types.js';

export interface MxHost {
  name: string;
  priority: number;
  addresses: string[];
  error?: string;
  /** The error in words for verdicts (rendered in the asked language). */
  errorReason?: Msg;
}

export interface MxFacts {
  results: PendingResult[];
  hosts: MxHost[];
  /** The name does not exist at all (NXDOMAIN): most other checks are moot. */
  nxdomain: boolean;
}

/** DNS_RESOLVE and NS_COUNT from the NS answer (and SOA/A when the name has no NS of its own). */
export async function resolveChecks(ctx: CheckContext, domain: string): Promise<{ results: PendingResult[]; nxdomain: boolean }> {
  const [ns, soa] = await Promise.all([lookup<string>(ctx.resolver, domain, 'NS'), lookup<unknown>(ctx.resolver, domain, 'SOA')]);
  if (ns.status === 'error') {
    return {
      nxdomain: false,
      results: [result('DNS_RESOLVE', 'UNKNOWN', msg('dns.noAnswer', { domain, error: ns.reason }),
        `NS ${domain}: ${ns.text}`, msg('dns.noAnswerFix'))],
    };
  }
  if (ns.status === 'nxdomain') {
    return {
      nxdomain: true,
      results: [result('DNS_RESOLVE', 'CRIT', msg('dns.nxdomain', { domain }),
        `NS ${domain}: NXDOMAIN`, msg('dns.nxdomainFix'))],
    };
  }
  const results: PendingResult[] = [];
  if (ns.status === 'ok') {
    const names = ns.records.map((n) => n.toLowerCase());
    results.push(result('DNS_RESOLVE', 'OK', msg('dns.ok', { domain }), `NS: ${names.join(', ')}`));
    results.push(names.length >= 2
      ? result('NS_COUNT', 'OK', msg('ns.count', { n: names.length }), `NS: ${names.join(', ')}; SOA serials not compared (every query goes through the configured resolver)`)
      : result('NS_COUNT', 'WARN', msg('ns.single', { ns: names[0] ?? '', domain }), `NS: ${names.join(', ')}`,
        msg('ns.singleFix')));
  } else {
    // No NS of its own: a name inside its parent's zone (mail.example.com). SOA NODATA still means it exists.
    results.push(result('DNS_RESOLVE', 'OK', msg('dns.parentZone', { domain }),
      `NS ${domain}: NODATA; SOA: ${outcomeText(soa)}`));
  }
  return { results, nxdomain: false };
}

/** Glob-like patterns: "*.mx.hoster.net" matches any name below, "mx?.hoster.net" one character. */
export function matchesPattern(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(host.toLowerCase());
}

export async function mxChecks(ctx: CheckContext, domain: string): Promise<MxFacts> {
  const mx: Outcome<MxRecord> = await lookup<MxRecord>(ctx.resolver, domain, 'MX');
  const results: PendingResult[] = [];
  if (mx.status === 'error') {
    results.push(result('MX_PRESENT', 'UNKNOWN', msg('mx.unreadable', { domain, error: mx.reason }), `MX ${domain}: ${mx.text}`, msg('common.retryLater')));
    return { results, hosts: [], nxdomain: false };
  }
  if (mx.status === 'nxdomain') return { results, hosts: [], nxdomain: true };
  const records = recordsOf(mx).sort((a, b) => a.priority - b.priority);
  if (records.length === 1 && (records[0]!.exchange === '' || records[0]!.exchange === '.')) {
    results.push(result('MX_PRESENT', 'INFO', msg('mx.null', { domain }), `MX ${domain}: 0 .`,
      msg('mx.nullFix')));
    return { results, hosts: [], nxdomain: false };
  }
  if (!records.length) {
    const { addresses, error, errorReason } = await addressesOf(ctx.resolver, domain);
    if (addresses.length) {
      results.push(result('MX_PRESENT', 'WARN', msg('mx.implicit', { addresses: addresses.join(', ') }), `MX ${domain}: NODATA; A/AAAA: ${addresses.join(', ')}`,
        msg('mx.implicitFix', { domain })));
      return { results, hosts: [{ name: domain, priority: 0, addresses }], nxdomain: false };
    }
    results.push(error
      ? result('MX_PRESENT', 'UNKNOWN', msg('mx.noneLookupFailed', { domain, error: errorReason ?? error }), `MX ${domain}: NODATA; A/AAAA: ${error}`, msg('common.retryLater'))
      : result('MX_PRESENT', 'CRIT', msg('mx.none', { domain }), `MX ${domain}: NODATA; A/AAAA: none`,
        msg('mx.noneFix', { domain })));
    return { results, hosts: [], nxdomain: false };
  }
  results.push(result('MX_PRESENT', 'OK', msg('mx.count', { n: records.length }), records.map((r) => `${r.priority} ${r.exchange}`).join(', ')));

  const hosts: MxHost[] = await Promise.all(records.map(async (r) => {
    const name = r.exchange.toLowerCase().replace(/\.$/, '');
    const { addresses, error, errorReason } = await addressesOf(ctx.resolver, name);
    return { name, priority: r.priority, addresses, ...(error ? { error } : {}), ...(errorReason ? { errorReason } : {}) };
  }));
  const cnames = await Promise.all(hosts.map(async (h) => ({ h, cname: await lookup<string>(ctx.resolver, h.name, 'CNAME') })));
  const problems: Msg[] = [];
  const fixes: Msg[] = [];
  let unknown = false;
  for (const h of hosts) {
    if (ipaddr.isValid(h.name)) {
      problems.push(msg('mx.isIp', { host: h.name }));
      fixes.push(msg('mx.isIpFix', { domain }));
      continue;
    }
    const cname = cnames.find((c) => c.h === h)?.cname;
    if (cname?.status === 'ok') {
      problems.push(msg('mx.cname', { host: h.name, target: cname.records[0] ?? '' }));
      fixes.push(msg('mx.cnameFix', { target: cname.records[0] ?? '' }));
    }
    if (!h.addresses.length) {
      if (h.error) {
        unknown = true;
        problems.push(msg('mx.lookupFailed', { host: h.name, error: h.errorReason ?? h.error }));
      } else {
        problems.push(msg('mx.noAddress', { host: h.name }));
        fixes.push(msg('mx.noAddressFix', { host: h.name }));
      }
    }
    const privateIps = h.addresses.filter((a) => !isPublicIp(a));
    if (privateIps.length) {
      problems.push(msg('mx.private', { host: h.name, addresses: privateIps.join(', ') }));
      fixes.push(msg('mx.privateFix', { host: h.name }));
    }
  }
  const names = hosts.map((h) => h.name);
  const dupNames = names.filter((n, i) => names.indexOf(n) !== i);
  if (dupNames.length) problems.push(msg('mx.duplicateHost', { hosts: [...new Set(dupNames)].join(', ') }));
  const ips = hosts.flatMap((h) => [...new Set(h.addresses)]);
  const dupIps = ips.filter((a, i) => ips.indexOf(a) !== i);
  if (dupIps.length && hosts.length > 1) problems.push(msg('mx.sharedAddress', { addresses: [...new Set(dupIps)].join(', ') }));
  const evidence = hosts.map((h) => `${h.priority} ${h.name} → ${h.addresses.join(', ') || h.error || 'no address'}`).join('; ');
  const reachable = hosts.some((h) => h.addresses.some(isPublicIp));
  if (!problems.length) results.push(result('MX_HYGIENE', 'OK', msg('mx.hygieneOk'), evidence));
  else if (!reachable && !unknown) results.push(result('MX_HYGIENE', 'CRIT', msg('mx.unreachable', { domain, problems }), evidence, msg('mx.fixes', { fixes })));
  else if (unknown && problems.every((p) => p.key === 'mx.lookupFailed')) results.push(result('MX_HYGIENE', 'UNKNOWN', msg('mx.problems', { problems }), evidence, msg('common.retryLater')));
  else results.push(result('MX_HYGIENE', 'WARN', msg('mx.problems', { problems }), evidence, fixes.length ? msg('mx.fixes', { fixes }) : msg('mx.hygieneFix')));

  if (ctx.settings.ourMx.length) {
    const foreign = hosts.filter((h) => !ctx.settings.ourMx.some((p) => matchesPattern(h.name, p)));
    const patterns = ctx.settings.ourMx.join(', ');
    if (!foreign.length) results.push(result('MX_OURS', 'OK', msg('mx.oursOk'), `MX: ${names.join(', ')}; ours: ${patterns}`));
    else {
      results.push(result('MX_OURS', 'WARN',
        foreign.length === hosts.length
          ? msg('mx.oursNone', { hosts: foreign.map((h) => h.name).join(', ') })
          : msg('mx.oursSome', { hosts: foreign.map((h) => h.name).join(', ') }),
        `MX: ${names.join(', ')}; ours: ${patterns}`, msg('mx.oursFix', { patterns })));
    }
  }
  return { results, hosts, nxdomain: false };
}
