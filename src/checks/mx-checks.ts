/** DNS_RESOLVE, NS_COUNT, MX_PRESENT, MX_HYGIENE and MX_OURS for a domain. */
import ipaddr from 'ipaddr.js';
import type { CheckContext } from './context.js';
import { isPublicIp } from './ip-checks.js';
import { addressesOf, lookup, outcomeText, recordsOf, type MxRecord, type Outcome } from './lookup.js';
import { result, type CheckResult } from './types.js';

export interface MxHost {
  name: string;
  priority: number;
  addresses: string[];
  error?: string;
}

export interface MxFacts {
  results: CheckResult[];
  hosts: MxHost[];
  /** The name does not exist at all (NXDOMAIN): most other checks are moot. */
  nxdomain: boolean;
}

/** DNS_RESOLVE and NS_COUNT from the NS answer (and SOA/A when the name has no NS of its own). */
export async function resolveChecks(ctx: CheckContext, domain: string): Promise<{ results: CheckResult[]; nxdomain: boolean }> {
  const [ns, soa] = await Promise.all([lookup<string>(ctx.resolver, domain, 'NS'), lookup<unknown>(ctx.resolver, domain, 'SOA')]);
  if (ns.status === 'error') {
    return {
      nxdomain: false,
      results: [result('DNS_RESOLVE', 'UNKNOWN', `The nameservers of ${domain} did not give an answer (${ns.text}); this is not the same as "missing".`,
        `NS ${domain}: ${ns.text}`, 'Run the check again; if it persists, the domain\'s nameservers are failing (lame delegation, DNSSEC error or outage).')],
    };
  }
  if (ns.status === 'nxdomain') {
    return {
      nxdomain: true,
      results: [result('DNS_RESOLVE', 'CRIT', `${domain} does not exist (NXDOMAIN); no mail can be sent to or verified for it.`,
        `NS ${domain}: NXDOMAIN`, 'Check the spelling; if it is right, the domain has expired or was never delegated: renew it at the registrar.')],
    };
  }
  const results: CheckResult[] = [];
  if (ns.status === 'ok') {
    const names = ns.records.map((n) => n.toLowerCase());
    results.push(result('DNS_RESOLVE', 'OK', `${domain} exists and its nameservers answer.`, `NS: ${names.join(', ')}`));
    results.push(names.length >= 2
      ? result('NS_COUNT', 'OK', `${names.length} nameservers.`, `NS: ${names.join(', ')}; SOA serials not compared (every query goes through the configured resolver)`)
      : result('NS_COUNT', 'WARN', `Only 1 nameserver (${names[0]}); a single outage takes mail for ${domain} down.`, `NS: ${names.join(', ')}`,
        'Add a second nameserver on a different network (RFC 1034 asks for at least two).'));
  } else {
    // No NS of its own: a name inside its parent's zone (mail.example.com). SOA NODATA still means it exists.
    results.push(result('DNS_RESOLVE', 'OK', `${domain} exists (it has no nameservers of its own; it is served by its parent zone).`,
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
  const results: CheckResult[] = [];
  if (mx.status === 'error') {
    results.push(result('MX_PRESENT', 'UNKNOWN', `Could not read the MX records of ${domain}: ${mx.text}.`, `MX ${domain}: ${mx.text}`, 'Run the check again later.'));
    return { results, hosts: [], nxdomain: false };
  }
  if (mx.status === 'nxdomain') return { results, hosts: [], nxdomain: true };
  const records = recordsOf(mx).sort((a, b) => a.priority - b.priority);
  if (records.length === 1 && (records[0]!.exchange === '' || records[0]!.exchange === '.')) {
    results.push(result('MX_PRESENT', 'INFO', `Null MX (RFC 7505): ${domain} accepts no mail (intended?).`, `MX ${domain}: 0 .`,
      'If the domain should receive mail, replace the null MX with real MX records.'));
    return { results, hosts: [], nxdomain: false };
  }
  if (!records.length) {
    const { addresses, error } = await addressesOf(ctx.resolver, domain);
    if (addresses.length) {
      results.push(result('MX_PRESENT', 'WARN', `No MX: senders fall back to the A/AAAA record ${addresses.join(', ')} (implicit MX).`, `MX ${domain}: NODATA; A/AAAA: ${addresses.join(', ')}`,
        `Publish an MX record (e.g. "${domain}. MX 10 mail.${domain}.") so delivery does not depend on the fallback.`));
      return { results, hosts: [{ name: domain, priority: 0, addresses }], nxdomain: false };
    }
    results.push(error
      ? result('MX_PRESENT', 'UNKNOWN', `${domain} has no MX and its A/AAAA lookup failed (${error}).`, `MX ${domain}: NODATA; A/AAAA: ${error}`, 'Run the check again later.')
      : result('MX_PRESENT', 'CRIT', `${domain} has no MX and no A/AAAA record: mail to it bounces.`, `MX ${domain}: NODATA; A/AAAA: none`,
        `Publish MX records for ${domain} pointing at the mail servers (ours: see MX_OURS).`));
    return { results, hosts: [], nxdomain: false };
  }
  results.push(result('MX_PRESENT', 'OK', `${records.length} MX record(s).`, records.map((r) => `${r.priority} ${r.exchange}`).join(', ')));

  const hosts: MxHost[] = await Promise.all(records.map(async (r) => {
    const name = r.exchange.toLowerCase().replace(/\.$/, '');
    const { addresses, error } = await addressesOf(ctx.resolver, name);
    return { name, priority: r.priority, addresses, ...(error ? { error } : {}) };
  }));
  const cnames = await Promise.all(hosts.map(async (h) => ({ h, cname: await lookup<string>(ctx.resolver, h.name, 'CNAME') })));
  const problems: string[] = [];
  const fixes: string[] = [];
  let unknown = false;
  for (const h of hosts) {
    if (ipaddr.isValid(h.name)) {
      problems.push(`MX ${h.name} is an IP address, not a host name (RFC 5321 §5.1)`);
      fixes.push(`publish a name (e.g. mail.${domain}) with an A record and use it as the MX`);
      continue;
    }
    const cname = cnames.find((c) => c.h === h)?.cname;
    if (cname?.status === 'ok') {
      problems.push(`MX ${h.name} is a CNAME to ${cname.records[0]} (RFC 2181 §10.3); some MTAs will not deliver`);
      fixes.push(`point the MX straight at ${cname.records[0]}`);
    }
    if (!h.addresses.length) {
      if (h.error) {
        unknown = true;
        problems.push(`MX ${h.name}: address lookup failed (${h.error})`);
      } else {
        problems.push(`MX ${h.name} has no A/AAAA record: senders cannot reach it`);
        fixes.push(`add an A record for ${h.name} or remove it from the MX set`);
      }
    }
    const privateIps = h.addresses.filter((a) => !isPublicIp(a));
    if (privateIps.length) {
      problems.push(`MX ${h.name} resolves to non-public ${privateIps.join(', ')}`);
      fixes.push(`make ${h.name} resolve to its public address`);
    }
  }
  const names = hosts.map((h) => h.name);
  const dupNames = names.filter((n, i) => names.indexOf(n) !== i);
  if (dupNames.length) problems.push(`duplicate MX host ${[...new Set(dupNames)].join(', ')}`);
  const ips = hosts.flatMap((h) => [...new Set(h.addresses)]);
  const dupIps = ips.filter((a, i) => ips.indexOf(a) !== i);
  if (dupIps.length && hosts.length > 1) problems.push(`several MX hosts share ${[...new Set(dupIps)].join(', ')} (no real redundancy)`);
  const evidence = hosts.map((h) => `${h.priority} ${h.name} → ${h.addresses.join(', ') || h.error || 'no address'}`).join('; ');
  const reachable = hosts.some((h) => h.addresses.some(isPublicIp));
  if (!problems.length) results.push(result('MX_HYGIENE', 'OK', 'Every MX is a host name with a public address.', evidence));
  else if (!reachable && !unknown) results.push(result('MX_HYGIENE', 'CRIT', `No MX host of ${domain} is reachable: ${problems.join('; ')}.`, evidence, fixes.join('; ')));
  else if (unknown && problems.every((p) => p.includes('lookup failed'))) results.push(result('MX_HYGIENE', 'UNKNOWN', `${problems.join('; ')}.`, evidence, 'Run the check again later.'));
  else results.push(result('MX_HYGIENE', 'WARN', `${problems.join('; ')}.`, evidence, fixes.join('; ') || 'Fix the MX records listed.'));

  if (ctx.settings.ourMx.length) {
    const foreign = hosts.filter((h) => !ctx.settings.ourMx.some((p) => matchesPattern(h.name, p)));
    const patterns = ctx.settings.ourMx.join(', ');
    if (!foreign.length) results.push(result('MX_OURS', 'OK', 'Every MX points to our filter.', `MX: ${names.join(', ')}; ours: ${patterns}`));
    else {
      results.push(result('MX_OURS', 'WARN',
        foreign.length === hosts.length
          ? `MX points to ${foreign.map((h) => h.name).join(', ')}, not our filter: inbound mail bypasses our filtering (and our quarantine).`
          : `MX ${foreign.map((h) => h.name).join(', ')} is not our filter: mail delivered there bypasses filtering.`,
        `MX: ${names.join(', ')}; ours: ${patterns}`, `Point every MX at our filter hosts (${patterns}) and remove the others, or the spam will come in through them.`));
    }
  }
  return { results, hosts, nxdomain: false };
}
