/**
 * SPF record grammar (RFC 7208 §4.5, §4.6, §5, §6, §7.1): splits a `v=spf1`
 * record into terms and reports every syntax error with the offending term,
 * e.g. the classic `ip4:203.0.113.7~all` (missing space). Receivers parse
 * the whole record before evaluating it (§4.6), so any error here is a
 * permerror for every sender. Pure: no DNS here.
 */
import { ipaddr } from '../core/ipaddr.js';
import { domainSpecError, macroStringError } from './spf-macro.js';

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

/** Record selection (§4.5): exactly "v=spf1", then a space or the end of the record. */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1( |$)/i.test(txt);
}

/** A record that is meant as SPF but that receivers skip (leading space, a tab after the version …). */
export function looksLikeSpf(txt: string): boolean {
  return !isSpfRecord(txt) && /^v=spf1(\s|$)/i.test(txt.trim());
}

const QNUM = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IP4_NETWORK = new RegExp(`^${QNUM}(?:\\.${QNUM}){3}$`);
const CIDR4 = '(0|[1-9]\\d?)';
const CIDR6 = '(0|[1-9]\\d{0,2})';
const DUAL_CIDR = new RegExp(`^(?:/${CIDR4})?(?://${CIDR6})?$`);
const TRAILING_DUAL_CIDR = new RegExp(`^(.*?)(?:/${CIDR4})?(?://${CIDR6})?$`, 's');

function describeChar(code: number): string {
  if (code === 0) return 'a NUL byte';
  if (code < 0x20 || code === 0x7f) return `a control character (0x${code.toString(16).padStart(2, '0')})`;
  return `a non-ASCII character (0x${code.toString(16)})`;
}

export function parseSpf(record: string): SpfRecord {
  const out: SpfRecord = { terms: [], errors: [], warnings: [] };
  if (!isSpfRecord(record)) {
    out.errors.push(`the record does not start with "v=spf1 " ("${record.slice(0, 12)}…")`);
    return out;
  }
  // §3.1/§4.6.1: US-ASCII, terms separated by spaces only.
  const bad = /[^\x20-\x7e]/.exec(record);
  if (bad) {
    const before = record.slice(0, bad.index).split(' ').pop() ?? '';
    out.errors.push(`the record contains ${describeChar(bad[0].charCodeAt(0))} after "${before}"; only printable ASCII and spaces are allowed`);
  }
  const tokens = record.split(' ').slice(1).filter(Boolean);
  let sawAll = false;
  for (const raw of tokens) {
    // A term with such a character is already reported above.
    if (/[^\x20-\x7e]/.test(raw)) continue;
    if (sawAll && !/^(exp|redirect)=/i.test(raw)) out.warnings.push(`"${raw}" comes after "all" and is never evaluated`);
    const modifier = /^([^:/=]*)=(.*)$/s.exec(raw);
    if (modifier) {
      const name = modifier[1]!;
      const value = modifier[2]!;
      if (!/^[a-z][a-z0-9_.-]*$/i.test(name)) {
        out.errors.push(`"${raw}": "${name}" is not a valid modifier name`);
        continue;
      }
      const lower = name.toLowerCase();
      if (lower === 'redirect' || lower === 'exp') {
        const why = domainSpecError(value);
        if (out[lower] !== undefined) out.errors.push(`"${lower}=" appears more than once`);
        else if (why) out.errors.push(`"${raw}": ${why}`);
        else out[lower] = value;
        continue;
      }
      // Unknown modifiers are allowed and ignored (§6), but their value must be a macro-string.
      const why = macroStringError(value);
      if (why) out.errors.push(`"${raw}": ${why}`);
      continue;
    }
    const m = /^([+\-~?]?)([a-z][a-z0-9_.-]*)(.*)$/is.exec(raw);
    const mechanism = m?.[2]?.toLowerCase();
    const rest = m?.[3] ?? '';
    if (!m || !mechanism || !MECHANISMS.has(mechanism) || (rest !== '' && !/^[:/]/.test(rest))) {
      const hint = /^[+\-~?]?(ip4|ip6|a|mx|include)[:/].*[~\-+?]all$/i.test(raw) ? ' (a missing space before "all"?)' : '';
      out.errors.push(`unknown or malformed term "${raw}"${hint}`);
      continue;
    }
    const term: SpfTerm = { raw, qualifier: ((m[1] || '+') as Qualifier), mechanism };
    const spaceHint = /[~\-+?]all$/i.test(raw) ? ' (a missing space before "all"?)' : '';
    const fail = (why: string) => out.errors.push(`"${raw}": ${why}${spaceHint}`);
    const value = rest.startsWith(':') ? rest.slice(1) : undefined;
    switch (mechanism) {
      case 'all':
        if (rest) { fail('"all" takes no value'); continue; }
        sawAll = true;
        break;
      case 'ip4': {
        const parts = /^(.*?)(?:\/(.*))?$/s.exec(value ?? '')!;
        const address = parts[1]!;
        if (value === undefined || !IP4_NETWORK.test(address)) { fail(`"${value ?? ''}" is not an IPv4 address`); continue; }
        if (parts[2] !== undefined && !new RegExp(`^${CIDR4}$`).test(parts[2])) { fail('the prefix length must be 0-32, without leading zeros'); continue; }
        if (parts[2] !== undefined && Number(parts[2]) > 32) { fail('the prefix length must be 0-32'); continue; }
        term.value = address;
        if (parts[2] !== undefined) term.cidr4 = Number(parts[2]);
        break;
      }
      case 'ip6': {
        const slash = (value ?? '').indexOf('/');
        const address = slash < 0 ? value ?? '' : value!.slice(0, slash);
        const bits = slash < 0 ? undefined : value!.slice(slash + 1);
        if (value === undefined || address.includes('%') || !ipaddr.IPv6.isValid(address)) { fail(`"${address}" is not an IPv6 address`); continue; }
        if (bits !== undefined && (!new RegExp(`^${CIDR6}$`).test(bits) || Number(bits) > 128)) { fail('the prefix length must be 0-128, without leading zeros'); continue; }
        term.value = address;
        if (bits !== undefined) term.cidr6 = Number(bits);
        break;
      }
      case 'include':
      case 'exists': {
        const why = value === undefined ? `"${mechanism}" needs a domain ("${mechanism}:example.com")` : domainSpecError(value);
        if (why) { fail(why); continue; }
        term.value = value;
        break;
      }
      case 'ptr':
        if (value === undefined && rest) { fail('"ptr" takes no prefix length'); continue; }
        if (value !== undefined) {
          const why = domainSpecError(value);
          if (why) { fail(why); continue; }
          term.value = value;
        }
        break;
      default: {
        // a, mx: optional ":domain-spec", then an optional dual CIDR ("/24", "//64", "/24//64").
        let domain: string | undefined;
        let b4: string | undefined;
        let b6: string | undefined;
        if (value === undefined) {
          const cidr = DUAL_CIDR.exec(rest);
          if (!cidr) { fail('bad prefix length (use /0-32 for IPv4 and //0-128 for IPv6)'); continue; }
          [b4, b6] = [cidr[1], cidr[2]];
        } else {
          const cidr = TRAILING_DUAL_CIDR.exec(value)!;
          [domain, b4, b6] = [cidr[1]!, cidr[2], cidr[3]];
          const why = domainSpecError(domain);
          if (why) { fail(why); continue; }
        }
        if (b4 !== undefined && Number(b4) > 32) { fail('the IPv4 prefix length must be 0-32'); continue; }
        if (b6 !== undefined && Number(b6) > 128) { fail('the IPv6 prefix length must be 0-128'); continue; }
        if (domain !== undefined) term.value = domain;
        if (b4 !== undefined) term.cidr4 = Number(b4);
        if (b6 !== undefined) term.cidr6 = Number(b6);
      }
    }
    out.terms.push(term);
  }
  if (out.redirect && sawAll) out.warnings.push('"redirect=" is ignored because the record has "all"');
  return out;
}
