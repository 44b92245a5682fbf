/** Checks of one sending IP: scope, PTR, forward confirmation, generic names, HELO, origin AS. */
import ipaddr from 'ipaddr.js';
import { spf } from 'mailauth/lib/spf/index.js';
import type { CheckContext } from './context.js';
import { addressesOf, lookup, txtStrings } from './lookup.js';
import { isIpv6, reverseName, reversedLabels } from './reverse.js';
import { result, type CheckResult } from './types.js';

const SCOPE_WORDS: Record<string, string> = {
  private: 'a private address (RFC 1918)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address (RFC 6598, 100.64.0.0/10)',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local IPv6 address (fc00::/7)',
  reserved: 'in a reserved or documentation range (e.g. 192.0.2.0/24, 2001:db8::/32)',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/** Whether an IP is on the public Internet (ipaddr.js range "unicast"). */
export function isPublicIp(ip: string): boolean {
  return ipaddr.process(ip).range() === 'unicast';
}

export function scopeCheck(ip: string, subject?: string): CheckResult {
  const range = ipaddr.process(ip).range();
  if (range === 'unicast') return result('IP_SCOPE', 'OK', `${ip} is a public address.`, `range: ${range}`, '', subject);
  const words = SCOPE_WORDS[range] ?? `not a public address (${range})`;
  return result(
    'IP_SCOPE', 'CRIT', `${ip} is ${words}; no receiver on the Internet sees mail from it.`,
    `ipaddr.js range: ${range}`,
    'Check the public address the mail leaves from (the NAT or relay address), e.g. from the Received: header the receiver added.',
    subject,
  );
}

/** Dashed, dotted or hex forms of the IP's octets, and words used for dynamic/end-user space. */
export function looksGeneric(ptr: string, ip: string): string | undefined {
  const name = ptr.toLowerCase();
  if (!isIpv6(ip)) {
    const o = ip.split('.');
    const forms = [o.join('-'), o.join('.'), [...o].reverse().join('-'), [...o].reverse().join('.'), o.join(''),
      o.map((x) => Number(x).toString(16).padStart(2, '0')).join(''), o.slice(2).join('-'), [...o].reverse().slice(0, 2).join('-')];
    const hit = forms.find((f) => f.length >= 5 && name.includes(f));
    if (hit) return `contains the address digits "${hit}"`;
  }
  const word = /(^|[.-])(dyn(amic)?|dhcp|pool|ppp|x?dsl|adsl|cable|dial(up)?|client|cust(omer)?|broadband|static-ip|unassigned|ftth|catv)([.\d-]|$)/.exec(name);
  if (word) return `contains "${word[2]}"`;
  if (/^ec2-.*\.compute(-1)?\.amazonaws\.com$/.test(name) || /\.compute\.amazonaws\.com$/.test(name)) return 'is an Amazon EC2 default name';
  if (/^static\..*\.clients\./.test(name) || /\.your-server\.de$/.test(name)) return 'is a hosting provider default name';
  return undefined;
}

export interface PtrInfo {
  names: string[];
  failed?: string;
}

/** IP_PTR, IP_FCRDNS and IP_PTR_GENERIC; `ptr` is reused by IP_HELO. */
export async function ptrChecks(ctx: CheckContext, ip: string, subject?: string, generic = true): Promise<{ results: CheckResult[]; ptr: PtrInfo }> {
  const outcome = await lookup<string>(ctx.resolver, reverseName(ip), 'PTR');
  const results: CheckResult[] = [];
  if (outcome.status === 'error') {
    results.push(result('IP_PTR', 'UNKNOWN', `Could not read the PTR of ${ip}: ${outcome.text}.`, `PTR ${reverseName(ip)}: ${outcome.text}`, 'Run the check again; if it persists, the reverse zone\'s nameservers are failing.', subject));
    return { results, ptr: { names: [], failed: outcome.text } };
  }
  if (outcome.status !== 'ok') {
    results.push(result(
      'IP_PTR', 'CRIT', `${ip} has no PTR (reverse DNS): Gmail rejects with 550-5.7.25, and so do many others.`,
      `PTR ${reverseName(ip)}: ${outcome.status === 'nxdomain' ? 'NXDOMAIN' : 'NODATA'}`,
      `Ask whoever owns the IP (the ISP or hosting provider) to set a PTR for ${ip} to the mail server's name, e.g. mail.<yourdomain>, with an A record pointing back to ${ip}.`,
      subject,
    ));
    return { results, ptr: { names: [] } };
  }
  const names = outcome.records.map((n) => n.replace(/\.$/, ''));
  results.push(names.length > 1
    ? result('IP_PTR', 'WARN', `${ip} has ${names.length} PTR records; receivers pick one at random, so checks against your HELO name are unreliable.`, `PTR: ${names.join(', ')}`, 'Keep exactly one PTR per sending IP.', subject)
    : result('IP_PTR', 'OK', `${ip} has a PTR: ${names[0]}.`, `PTR ${reverseName(ip)} → ${names[0]}`, '', subject));

  const forward = await Promise.all(names.slice(0, 3).map(async (n) => ({ name: n, ...(await addressesOf(ctx.resolver, n)) })));
  const confirmed = forward.find((f) => f.addresses.some((a) => sameIp(a, ip)));
  const failedForward = forward.find((f) => f.error && !f.addresses.length);
  if (confirmed) {
    results.push(result('IP_FCRDNS', 'OK', `PTR ${confirmed.name} resolves back to ${ip} (forward-confirmed).`, `${confirmed.name} → ${confirmed.addresses.join(', ')}`, '', subject));
  } else if (failedForward) {
    results.push(result('IP_FCRDNS', 'UNKNOWN', `Could not resolve the PTR name ${failedForward.name}: ${failedForward.error}.`, `A/AAAA ${failedForward.name}: ${failedForward.error}`, 'Run the check again later.', subject));
  } else {
    const shown = forward.map((f) => `${f.name} → ${f.addresses.length ? f.addresses.join(', ') : 'no address'}`).join('; ');
    results.push(result(
      'IP_FCRDNS', 'CRIT', `PTR ${names[0]} does not resolve back to ${ip} (not forward-confirmed); Gmail and others reject with 5.7.25.`,
      shown, `Add an A (or AAAA) record ${names[0]} → ${ip}, or change the PTR to a name that has one.`, subject,
    ));
  }
  if (generic) {
    const why = names.map((n) => ({ n, why: looksGeneric(n, ip) })).find((x) => x.why);
    results.push(why
      ? result('IP_PTR_GENERIC', 'WARN', `PTR ${why.n} looks generic/dynamic (${why.why}); receivers (Spamhaus PBL, SpamRATS Dyna) treat it as end-user space.`, `PTR: ${names.join(', ')}`, `Set a PTR that names the mail server, e.g. mail.<yourdomain>, not the provider's default.`, subject)
      : result('IP_PTR_GENERIC', 'OK', `PTR ${names[0]} looks like a mail server name, not end-user space.`, `PTR: ${names.join(', ')}`, '', subject));
  }
  return { results, ptr: { names } };
}

function sameIp(a: string, b: string): boolean {
  try {
    return ipaddr.process(a).toString() === ipaddr.process(b).toString();
  } catch {
    return false;
  }
}

/** IP_HELO: the HELO name is an FQDN, resolves to the IP, matches the PTR; plus SPF for the HELO identity. */
export async function heloCheck(ctx: CheckContext, ip: string, helo: string, ptr: PtrInfo): Promise<CheckResult> {
  const name = helo.trim().replace(/\.$/, '').toLowerCase();
  const literal = /^\[.*\]$/.test(name) || ipaddr.isValid(name);
  if (!name || literal || name === 'localhost' || name.endsWith('.localdomain') || !name.includes('.')) {
    const why = literal ? 'an address literal' : name === 'localhost' || name.endsWith('.localdomain') ? 'localhost' : 'not a fully qualified domain name';
    return result('IP_HELO', 'WARN', `HELO "${helo}" is ${why}; many MTAs reject or penalise it.`, `HELO ${helo}`,
      `Set the server's HELO/EHLO name to a real name such as ${ptr.names[0] ?? 'mail.<yourdomain>'} with an A record → ${ip}.`);
  }
  const [{ addresses, error }, spfResult] = await Promise.all([
    addressesOf(ctx.resolver, name),
    spf({ sender: '', ip, helo: name, mta: 'postmaster-check', resolver: ctx.resolver as never }).catch(() => undefined),
  ]);
  const spfText = spfResult ? `SPF for the HELO identity: ${spfResult.status.result}` : 'SPF for the HELO identity: not evaluated';
  const matchesPtr = ptr.names.some((n) => n.toLowerCase() === name);
  const evidence = `HELO ${name} → ${addresses.length ? addresses.join(', ') : error ?? 'no address'}; PTR ${ptr.names.join(', ') || 'none'}; ${spfText}`;
  if (error && !addresses.length) return result('IP_HELO', 'UNKNOWN', `Could not resolve the HELO name ${name}: ${error}.`, evidence, 'Run the check again later.');
  if (!addresses.some((a) => sameIp(a, ip))) {
    return result('IP_HELO', 'WARN', `HELO ${name} does not resolve to ${ip}; receivers that check HELO will distrust or reject it.`, evidence,
      `Point ${name} at ${ip} (A/AAAA record), or make the server say a name that does.`);
  }
  if (!matchesPtr && ptr.names.length) {
    return result('IP_HELO', 'INFO', `HELO ${name} resolves to ${ip} but differs from the PTR ${ptr.names[0]}; fine for most receivers, best practice is to match.`, evidence, `Use the PTR name ${ptr.names[0]} as the HELO name.`);
  }
  return result('IP_HELO', 'OK', `HELO ${name} resolves to ${ip}${matchesPtr ? ' and matches the PTR' : ''}.`, evidence);
}

/** IP_ASN through Team Cymru's DNS interface (origin.asn.cymru.com TXT). */
export async function asnCheck(ctx: CheckContext, ip: string): Promise<CheckResult> {
  const zone = isIpv6(ip) ? 'origin6.asn.cymru.com' : 'origin.asn.cymru.com';
  const origin = await lookup<string[]>(ctx.resolver, `${reversedLabels(ip)}.${zone}`, 'TXT');
  if (origin.status === 'error') return result('IP_ASN', 'UNKNOWN', `Could not look up the origin AS of ${ip}: ${origin.text}.`, `TXT …${zone}: ${origin.text}`);
  const row = txtStrings(origin)[0];
  if (!row) return result('IP_ASN', 'INFO', `No origin AS is known for ${ip} (not announced on the Internet?).`, `TXT ${zone}: ${origin.status === 'ok' ? 'empty' : origin.status}`);
  const [asns = '', prefix = '', country = ''] = row.split('|').map((s) => s.trim());
  const asn = asns.split(/\s+/)[0] ?? '';
  const about = txtStrings(await lookup<string[]>(ctx.resolver, `AS${asn}.asn.cymru.com`, 'TXT'))[0];
  const holder = about?.split('|')[4]?.trim();
  return result('IP_ASN', 'INFO', `AS${asn}${holder ? ` ${holder}` : ''}${country ? ` (${country})` : ''}, ${prefix}.`, [row, about].filter(Boolean).join(' / '));
}
