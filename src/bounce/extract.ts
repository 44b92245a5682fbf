/**
 * The fields a person (or a follow-up check) needs, read from the text only:
 * nothing here is guessed, and a field the text does not hold is null.
 */
import { ipaddr } from '../core/ipaddr.js';
import { joinPresent } from './normalize.js';
import type { BounceRecord, Extracted } from './types.js';

const IPV4 = /(?<![\d.])((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?![\d.]*\d)/g;
const IPV6 = /(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{1,4}){0,6})(?![0-9A-Fa-f:])/g;
const DOMAIN = /(?<![A-Za-z0-9.@-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})(?![A-Za-z0-9-])/g;
const ZONE = /\b(?:blocked using|listed (?:in|at|on|by)(?: the)?(?: rbl at| rhsbl at| dnsbl)?|found in dnsbl|rejected found in dnsbl|dnsbl(?::| check)|rbl (?:at|on)|blacklisted (?:at|on|in|by)|black ?list(?:ed)? at|in the rbl at|in the rhsbl at|see https?:\/\/)\s*\(?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)/i;
/** File-like or generic words that look like domains but are not. */
const NOT_DOMAINS = /\.(?:html?|php|aspx?|txt|eml|pdf|png|jpe?g|gif)$/i;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Whether `text` holds at least `n` colons. */
function hasColons(text: string, n: number): boolean {
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) if (--n === 0) return true;
  return false;
}

export function extractIps(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(IPV4)) found.push(m[1]!);
  // An address kept below has "::" or seven colons; most texts have neither and need no search.
  const mayHaveIpv6 = text.includes('::') || hasColons(text, 7);
  for (const m of mayHaveIpv6 ? text.matchAll(IPV6) : []) {
    const candidate = m[1]!;
    if (candidate.includes('::') || candidate.split(':').length === 8) {
      if (ipaddr.IPv6.isValid(candidate)) found.push(ipaddr.IPv6.parse(candidate).toString());
    }
  }
  return unique(found);
}

export function extractDomains(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(DOMAIN)) {
    const domain = m[1]!.toLowerCase().replace(/\.$/, '');
    if (NOT_DOMAINS.test(domain) || /^\d+(\.\d+)+$/.test(domain)) continue;
    found.push(domain);
  }
  return unique(found);
}

export function extractZone(text: string): string | null {
  const m = ZONE.exec(text);
  if (!m) return null;
  const zone = m[1]!.toLowerCase().replace(/[.;:,)]+$/, '');
  // A URL host after "see http…" is only a zone when it names a known list operator.
  if (/^see /i.test(m[0]) && !/spamhaus|spamcop|barracuda|sorbs|uceprotect|abuseat|mailspike|surbl|uribl|dnsbl|rbl/i.test(zone)) return null;
  return zone;
}

export function extract(record: BounceRecord): Extracted {
  const text = joinPresent(record.diagnostic, record.context).slice(0, 16_384);
  return {
    replyCode: record.replyCode ?? null,
    enhancedCode: record.status ?? null,
    diagnostic: record.diagnostic ?? null,
    remoteHost: record.remoteHost ?? null,
    ips: extractIps(text),
    domains: extractDomains(text),
    zone: extractZone(text),
  };
}
