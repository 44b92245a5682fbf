/** Checks of one sending IP: scope, PTR, forward confirmation, generic names, HELO, origin AS. */
import { ipaddr } from '../core/ipaddr.js';
import { spf } from 'mailauth/lib/spf/index.js';
import type { CheckContext } from './context.js';
import { addressesOf, lookup, txtStrings } from './lookup.js';
import { isIpv6, reverseName, reversedLabels } from './reverse.js';
import { msg, type Msg } from './message.js';
import type { CheckMessageKey } from './messages/index.js';
import { result, type PendingResult } from './types.js';

const SCOPE_WORDS: Partial<Record<string, CheckMessageKey>> = {
  private: 'scope.private',
  loopback: 'scope.loopback',
  carrierGradeNat: 'scope.carrierGradeNat',
  linkLocal: 'scope.linkLocal',
  uniqueLocal: 'scope.uniqueLocal',
  reserved: 'scope.reserved',
  unspecified: 'scope.unspecified',
  multicast: 'scope.multicast',
  broadcast: 'scope.broadcast',
};

/** Whether an IP is on the public Internet (ipaddr.js range "unicast"). */
export function isPublicIp(ip: string): boolean {
  return ipaddr.process(ip).range() === 'unicast';
}

export function scopeCheck(ip: string, subject?: string): PendingResult {
  const range = ipaddr.process(ip).range();
  if (range === 'unicast') return result('IP_SCOPE', 'OK', msg('scope.public', { ip }), `range: ${range}`, undefined, subject);
  const key = SCOPE_WORDS[range];
  const words = key ? msg(key) : msg('scope.other', { range });
  return result(
    'IP_SCOPE', 'CRIT', msg('scope.notPublic', { ip, words }),
    `ipaddr.js range: ${range}`,
    msg('scope.fix'),
    subject,
  );
}

/** Dashed, dotted or hex forms of the IP's octets, and words used for dynamic/end-user space. */
export function looksGeneric(ptr: string, ip: string): Msg | undefined {
  const name = ptr.toLowerCase();
  if (!isIpv6(ip)) {
    const o = ip.split('.');
    const forms = [o.join('-'), o.join('.'), [...o].reverse().join('-'), [...o].reverse().join('.'), o.join(''),
      o.map((x) => Number(x).toString(16).padStart(2, '0')).join(''), o.slice(2).join('-'), [...o].reverse().slice(0, 2).join('-')];
    const hit = forms.find((f) => f.length >= 5 && name.includes(f));
    if (hit) return msg('generic.digits', { digits: hit });
  }
  const word = /(^|[.-])(dyn(amic)?|dhcp|pool|ppp|x?dsl|adsl|cable|dial(up)?|client|cust(omer)?|broadband|static-ip|unassigned|ftth|catv)([.\d-]|$)/.exec(name);
  if (word) return msg('generic.word', { word: word[2] ?? '' });
  if (/^ec2-.*\.compute(-1)?\.amazonaws\.com$/.test(name) || /\.compute\.amazonaws\.com$/.test(name)) return msg('generic.ec2');
  if (/^static\..*\.clients\./.test(name) || /\.your-server\.de$/.test(name)) return msg('generic.hoster');
  return undefined;
}

export interface PtrInfo {
  names: string[];
  failed?: string;
}

/** IP_PTR, IP_FCRDNS and IP_PTR_GENERIC; `ptr` is reused by IP_HELO. */
export async function ptrChecks(ctx: CheckContext, ip: string, subject?: string, generic = true): Promise<{ results: PendingResult[]; ptr: PtrInfo }> {
  const outcome = await lookup<string>(ctx.resolver, reverseName(ip), 'PTR');
  const results: PendingResult[] = [];
  if (outcome.status === 'error') {
    results.push(result('IP_PTR', 'UNKNOWN', msg('ptr.unreadable', { ip, error: outcome.reason }), `PTR ${reverseName(ip)}: ${outcome.text}`, msg('ptr.unreadableFix'), subject));
    return { results, ptr: { names: [], failed: outcome.text } };
  }
  if (outcome.status !== 'ok') {
    results.push(result(
      'IP_PTR', 'CRIT', msg('ptr.missing', { ip }),
      `PTR ${reverseName(ip)}: ${outcome.status === 'nxdomain' ? 'NXDOMAIN' : 'NODATA'}`,
      msg('ptr.missingFix', { ip }),
      subject,
    ));
    return { results, ptr: { names: [] } };
  }
  const names = outcome.records.map((n) => n.replace(/\.$/, ''));
  results.push(names.length > 1
    ? result('IP_PTR', 'WARN', msg('ptr.multiple', { ip, n: names.length }), `PTR: ${names.join(', ')}`, msg('ptr.multipleFix'), subject)
    : result('IP_PTR', 'OK', msg('ptr.ok', { ip, name: names[0] ?? '' }), `PTR ${reverseName(ip)} → ${names[0]}`, undefined, subject));

  const forward = await Promise.all(names.slice(0, 3).map(async (n) => ({ name: n, ...(await addressesOf(ctx.resolver, n)) })));
  const confirmed = forward.find((f) => f.addresses.some((a) => sameIp(a, ip)));
  const failedForward = forward.find((f) => f.error && !f.addresses.length);
  if (confirmed) {
    results.push(result('IP_FCRDNS', 'OK', msg('fcrdns.ok', { name: confirmed.name, ip }), `${confirmed.name} → ${confirmed.addresses.join(', ')}`, undefined, subject));
  } else if (failedForward) {
    results.push(result('IP_FCRDNS', 'UNKNOWN', msg('fcrdns.unresolvable', { name: failedForward.name, error: failedForward.errorReason ?? failedForward.error ?? '' }), `A/AAAA ${failedForward.name}: ${failedForward.error}`, msg('common.retryLater'), subject));
  } else {
    const shown = forward.map((f) => `${f.name} → ${f.addresses.length ? f.addresses.join(', ') : 'no address'}`).join('; ');
    results.push(result(
      'IP_FCRDNS', 'CRIT', msg('fcrdns.fail', { name: names[0] ?? '', ip }),
      shown, msg('fcrdns.failFix', { name: names[0] ?? '', ip }), subject,
    ));
  }
  if (generic) {
    const why = names.map((n) => ({ n, why: looksGeneric(n, ip) })).find((x) => x.why);
    results.push(why
      ? result('IP_PTR_GENERIC', 'WARN', msg('generic.warn', { name: why.n, why: why.why! }), `PTR: ${names.join(', ')}`, msg('generic.warnFix'), subject)
      : result('IP_PTR_GENERIC', 'OK', msg('generic.ok', { name: names[0] ?? '' }), `PTR: ${names.join(', ')}`, undefined, subject));
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
export async function heloCheck(ctx: CheckContext, ip: string, helo: string, ptr: PtrInfo): Promise<PendingResult> {
  const name = helo.trim().replace(/\.$/, '').toLowerCase();
  const literal = /^\[.*\]$/.test(name) || ipaddr.isValid(name);
  if (!name || literal || name === 'localhost' || name.endsWith('.localdomain') || !name.includes('.')) {
    const why = msg(literal ? 'helo.literal' : name === 'localhost' || name.endsWith('.localdomain') ? 'helo.localhost' : 'helo.notFqdn');
    return result('IP_HELO', 'WARN', msg('helo.bad', { helo, why }), `HELO ${helo}`,
      msg('helo.badFix', { name: ptr.names[0] ?? msg('helo.exampleName'), ip }));
  }
  const [{ addresses, error, errorReason }, spfResult] = await Promise.all([
    addressesOf(ctx.resolver, name),
    spf({ sender: '', ip, helo: name, mta: 'postmaster-check', resolver: ctx.resolver as never }).catch(() => undefined),
  ]);
  const spfText = spfResult ? `SPF for the HELO identity: ${spfResult.status.result}` : 'SPF for the HELO identity: not evaluated';
  const matchesPtr = ptr.names.some((n) => n.toLowerCase() === name);
  const evidence = `HELO ${name} → ${addresses.length ? addresses.join(', ') : error ?? 'no address'}; PTR ${ptr.names.join(', ') || 'none'}; ${spfText}`;
  if (error && !addresses.length) return result('IP_HELO', 'UNKNOWN', msg('helo.unresolvable', { name, error: errorReason ?? error }), evidence, msg('common.retryLater'));
  if (!addresses.some((a) => sameIp(a, ip))) {
    return result('IP_HELO', 'WARN', msg('helo.mismatch', { name, ip }), evidence,
      msg('helo.mismatchFix', { name, ip }));
  }
  if (!matchesPtr && ptr.names.length) {
    return result('IP_HELO', 'INFO', msg('helo.differs', { name, ip, ptr: ptr.names[0] ?? '' }), evidence, msg('helo.differsFix', { ptr: ptr.names[0] ?? '' }));
  }
  return result('IP_HELO', 'OK', msg('helo.ok', { name, ip, matches: matchesPtr ? msg('helo.matchesPtr') : '' }), evidence);
}

/** IP_ASN through Team Cymru's DNS interface (origin.asn.cymru.com TXT). */
export async function asnCheck(ctx: CheckContext, ip: string): Promise<PendingResult> {
  const zone = isIpv6(ip) ? 'origin6.asn.cymru.com' : 'origin.asn.cymru.com';
  const origin = await lookup<string[]>(ctx.resolver, `${reversedLabels(ip)}.${zone}`, 'TXT');
  if (origin.status === 'error') return result('IP_ASN', 'UNKNOWN', msg('asn.unreadable', { ip, error: origin.reason }), `TXT …${zone}: ${origin.text}`);
  const row = txtStrings(origin)[0];
  if (!row) return result('IP_ASN', 'INFO', msg('asn.unknown', { ip }), `TXT ${zone}: ${origin.status === 'ok' ? 'empty' : origin.status}`);
  const [asns = '', prefix = '', country = ''] = row.split('|').map((s) => s.trim());
  const asn = asns.split(/\s+/)[0] ?? '';
  const about = txtStrings(await lookup<string[]>(ctx.resolver, `AS${asn}.asn.cymru.com`, 'TXT'))[0];
  const holder = about?.split('|')[4]?.trim();
  return result('IP_ASN', 'INFO', msg('asn.info', { asn, about: `${holder ? ` ${holder}` : ''}${country ? ` (${country})` : ''}`, prefix }), [row, about].filter(Boolean).join(' / '));
}
