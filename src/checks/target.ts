/**
 * Turns what people paste into a check target: an e-mail address (its
 * domain), a URL (its host), a name with a trailing dot or in upper case, an
 * IDN (to punycode), an IPv4 or IPv6 address (also in brackets or as an
 * IPv4-mapped IPv6 address). Anything else is a UsageError with a sentence.
 */
import { domainToASCII } from 'node:url';
import { ipaddr } from '../core/ipaddr.js';
import { UsageError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { msg, say } from './message.js';
import type { TargetKind } from './types.js';

export interface Target {
  kind: TargetKind;
  /** Lower-case ASCII domain, or the IP in its canonical form. */
  value: string;
  /** What was typed, for messages. */
  input: string;
  /** The local part of an address typed as the target (`user@example.com`): SPF's %{l} and %{s} macros use it. */
  localPart?: string;
}

const EXAMPLES = msg('usage.examples');

/** Canonical text of an IP (IPv4-mapped IPv6 becomes IPv4), or undefined. */
export function normalizeIp(value: string): string | undefined {
  const bare = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(bare)) return undefined;
  // ipaddr.isValid accepts "1" or "0x7f.1" (inet_aton forms); people mean a dotted quad.
  if (bare.includes('.') && !bare.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(bare)) return undefined;
  if (!bare.includes('.') && !bare.includes(':')) return undefined;
  const parsed = ipaddr.process(bare);
  return parsed.toString();
}

/** A syntactically valid host name in ASCII (labels 1-63, total ≤ 253, at least two labels). */
export function isHostname(name: string): boolean {
  if (name.length > 253 || !name.includes('.')) return false;
  return name.split('.').every((label) => /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/.test(label)) && !/^\d+$/.test(name.split('.').pop()!);
}

/** Domain from free text: ASCII, lower case, no trailing dot; undefined when it is not a domain. */
export function normalizeDomain(value: string): string | undefined {
  const trimmed = value.trim().replace(/\.$/, '');
  if (!trimmed || /[\s/\\@:]/.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed);
  if (!ascii) return undefined;
  const lower = ascii.toLowerCase();
  return isHostname(lower) ? lower : undefined;
}

export function parseTarget(raw: string, lang: Lang = 'en'): Target {
  const input = raw.trim();
  if (!input) throw new UsageError(say(lang, 'usage.empty', { examples: EXAMPLES }));
  let candidate = input.replace(/^<(.*)>$/, '$1').replace(/^mailto:/i, '');
  let localPart: string | undefined;

  const ip = normalizeIp(candidate);
  if (ip) return { kind: 'ip', value: ip, input };

  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      candidate = url.hostname.replace(/^\[(.*)\]$/, '$1');
      const urlIp = normalizeIp(candidate);
      if (urlIp) return { kind: 'ip', value: urlIp, input };
    } catch {
      throw new UsageError(say(lang, 'usage.badUrl', { input, examples: EXAMPLES }));
    }
  } else if (candidate.includes('@')) {
    const domain = candidate.slice(candidate.lastIndexOf('@') + 1);
    localPart = candidate.slice(0, candidate.lastIndexOf('@')) || undefined;
    const literal = /^\[(?:ipv6:)?(.*)\]$/i.exec(domain);
    const literalIp = literal?.[1] ? normalizeIp(literal[1]) : undefined;
    if (literalIp) return { kind: 'ip', value: literalIp, input };
    candidate = domain;
  }

  const domain = normalizeDomain(candidate);
  if (!domain) {
    throw new UsageError(say(lang, 'usage.notTarget', { input, examples: EXAMPLES }));
  }
  return { kind: 'domain', value: domain, input, ...(localPart ? { localPart } : {}) };
}

/** Parses `--ip`: an IP address only. */
export function parseIpOption(raw: string, lang: Lang = 'en'): string {
  const ip = normalizeIp(raw);
  if (!ip) throw new UsageError(say(lang, 'usage.badIp', { raw }));
  return ip;
}

/** Parses `--dkim`: a selector is one or more DNS labels. */
export function parseSelector(raw: string, lang: Lang = 'en'): string {
  const value = raw.trim().toLowerCase().replace(/\._domainkey(\..*)?$/, '');
  if (!/^(?!-)[a-z0-9_-]{1,63}(\.[a-z0-9_-]{1,63})*$/.test(value)) {
    throw new UsageError(say(lang, 'usage.badSelector', { raw }));
  }
  return value;
}
