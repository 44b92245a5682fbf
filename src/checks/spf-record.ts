/**
 * SPF record grammar (RFC 7208 §4.6, §5, §6): splits a `v=spf1` record into
 * terms and reports syntax errors with the offending term, e.g. the classic
 * `ip4:203.0.113.7~all` (missing space). Pure: no DNS here.
 */
import { ipaddr } from '../core/ipaddr.js';

export type Qualifier = '+' | '-' | '~' | '?';
export const DNS_MECHANISMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);
const MECHANISMS = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);

export interface SpfTerm {
  /** The term as written. */
  raw: string;
  qualifier: Qualifier;
  /** Mechanism name in lower case. */
  mechanism: string;
  /** Domain-spec or address; undefined for bare a / mx / ptr / all. */
  value?: string;
  cidr4?: number;
  cidr6?: number;
}

export interface SpfRecord {
  terms: SpfTerm[];
  redirect?: string;
  exp?: string;
  errors: string[];
  warnings: string[];
}

export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(\s|$)/i.test(txt.trim());
}

/** A domain-spec: a name, possibly with macros (%{…}), without spaces. */
function validDomainSpec(value: string): boolean {
  if (!value || /\s/.test(value)) return false;
  if (value.includes('%')) return /^([^%]|%%|%_|%-|%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\})+$/i.test(value);
  const name = value.replace(/\.$/, '');
  return name.length <= 253 && name.split('.').length >= 2 && name.split('.').every((l) => /^[a-z0-9_-]{1,63}$/i.test(l));
}

function cidr(text: string | undefined, max: number): number | undefined | null {
  if (text === undefined) return undefined;
  if (!/^\d{1,3}$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

export function parseSpf(record: string): SpfRecord {
  const out: SpfRecord = { terms: [], errors: [], warnings: [] };
  const text = record.trim();
  if (!isSpfRecord(text)) {
    out.errors.push(`the record does not start with "v=spf1 " ("${text.slice(0, 12)}…")`);
    return out;
  }
  const tokens = text.split(/\s+/).slice(1).filter(Boolean);
  let sawAll = false;
  for (const raw of tokens) {
    if (sawAll && !/^(exp|redirect)=/i.test(raw)) out.warnings.push(`"${raw}" comes after "all" and is ignored`);
    const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(raw);
    if (modifier) {
      const name = modifier[1]!.toLowerCase();
      const value = modifier[2]!;
      if (name === 'redirect' || name === 'exp') {
        if (out[name] !== undefined) out.errors.push(`"${name}=" appears more than once`);
        else if (!validDomainSpec(value)) out.errors.push(`"${raw}": "${value}" is not a domain`);
        else out[name] = value;
      }
      // Unknown modifiers are allowed and ignored (RFC 7208 §6).
      continue;
    }
    const m = /^([+\-~?]?)([a-z][a-z0-9_.-]*)(?::([^/]*))?(?:\/(\d*))?(?:\/\/(\d*))?$/i.exec(raw);
    const mechanism = m?.[2]?.toLowerCase();
    if (!m || !mechanism || !MECHANISMS.has(mechanism)) {
      const hint = /^[+\-~?]?(ip4|ip6|a|mx|include)[:/].*[~\-+?]all$/i.test(raw) ? ' (a missing space before "all"?)' : '';
      out.errors.push(`unknown or malformed term "${raw}"${hint}`);
      continue;
    }
    const term: SpfTerm = { raw, qualifier: ((m[1] || '+') as Qualifier), mechanism };
    const value = m[3];
    const c4 = m[4];
    const c6 = m[5];
    const spaceHint = /[~\-+?]all$/i.test(raw) ? ' (a missing space before "all"?)' : '';
    const fail = (why: string) => out.errors.push(`"${raw}": ${why}${spaceHint}`);
    switch (mechanism) {
      case 'all':
        if (value !== undefined || c4 !== undefined) { fail('"all" takes no value'); continue; }
        if (sawAll) out.errors.push('"all" appears more than once');
        sawAll = true;
        break;
      case 'ip4': {
        const bits = cidr(c4, 32);
        if (!value || !ipaddr.IPv4.isValidFourPartDecimal(value)) { fail(`"${value ?? ''}" is not an IPv4 address`); continue; }
        if (bits === null || c6 !== undefined) { fail('the prefix length must be 0-32'); continue; }
        term.value = value;
        if (bits !== undefined) term.cidr4 = bits;
        break;
      }
      case 'ip6': {
        // ip6 addresses contain ':', so the value regex above cut it short; take everything after "ip6:".
        const rest = raw.replace(/^[+\-~?]?ip6:/i, '');
        const [address, bitsText, extra] = rest.split('/');
        const bits = cidr(bitsText, 128);
        if (!address || !ipaddr.IPv6.isValid(address)) { fail(`"${address ?? ''}" is not an IPv6 address`); continue; }
        if (bits === null || extra !== undefined) { fail('the prefix length must be 0-128'); continue; }
        term.value = address;
        if (bits !== undefined) term.cidr6 = bits;
        break;
      }
      case 'include':
      case 'exists':
        if (!value || !validDomainSpec(value)) { fail(`"${mechanism}" needs a domain`); continue; }
        term.value = value;
        break;
      default: {
        // a, mx, ptr: optional domain, a/mx optional dual cidr.
        if (value !== undefined && !validDomainSpec(value)) { fail(`"${value}" is not a domain`); continue; }
        if (value !== undefined) term.value = value;
        const b4 = cidr(c4, 32);
        const b6 = cidr(c6, 128);
        if (b4 === null || b6 === null || (mechanism === 'ptr' && (c4 !== undefined || c6 !== undefined))) { fail('bad prefix length'); continue; }
        if (b4 !== undefined) term.cidr4 = b4;
        if (b6 !== undefined) term.cidr6 = b6;
      }
    }
    out.terms.push(term);
  }
  if (out.redirect && sawAll) out.warnings.push('"redirect=" is ignored because the record has "all"');
  return out;
}
