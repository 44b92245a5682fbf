/**
 * Our DNSBL client (the npm `dnsbl` package is unsafe: notes §3). It decodes
 * return codes into words, tells a listing from a list that refused us
 * (127.255.255.x, URIBL 127.0.0.1, DNSWL 127.0.0.255) and from a dead or
 * wildcarded zone (answers outside 127/8, or 127.0.0.1 listed), and fetches
 * the TXT reason of a listing.
 */
import type { Store } from '../store/store.js';
import type { ZoneSpec } from './dnsbl-zones.js';
import { SPAMHAUS_ERROR_WORDS } from './dnsbl-zones.js';
import { lookup, txtStrings } from './lookup.js';
import type { Msg } from './message.js';
import type { Resolver } from './resolver.js';
import { isIpv6, reversedLabels } from './reverse.js';

export type ZoneAnswer =
  | { state: 'clean' }
  | { state: 'listed'; codes: string[]; meanings: string[]; txt: string[] }
  /** The list answered with an error code: it refused to tell us. */
  | { state: 'refused'; codes: string[]; why: string }
  /** The zone is dead or wildcarded: its answers mean nothing (answers outside 127/8, or none: it lists the test point). */
  | { state: 'broken'; outside: string[] }
  /** Timeout, SERVFAIL …: no answer. */
  | { state: 'unknown'; why: string; reason: Msg }
  /** The zone does not serve this kind of query (an IPv6 address on an IPv4-only list). */
  | { state: 'skipped' };

export function queryName(zone: ZoneSpec, subject: string): string {
  return zone.kind === 'domain' ? `${subject}.${zone.zone}` : `${reversedLabels(subject)}.${zone.zone}`;
}

function in127(address: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/** Words for return codes: exact code, or bits of the last octet for bitmask lists. */
export function decodeCodes(zone: ZoneSpec, codes: string[]): string[] {
  const words: string[] = [];
  for (const code of codes) {
    if (zone.kind === 'allow') {
      const trust = ['none', 'low', 'medium', 'high'][Number(code.split('.')[3])] ?? 'unknown';
      words.push(`trust ${trust} (${code})`);
    } else if (zone.bitmask) {
      const last = Number(code.split('.')[3]);
      const bits = Object.entries(zone.codes).filter(([bit]) => (last & Number(bit)) !== 0).map(([, w]) => w);
      words.push(bits.length ? `${bits.join(', ')} (${code})` : `listed (${code})`);
    } else {
      words.push(zone.codes[code] ? `${zone.codes[code]} (${code})` : `listed (${code})`);
    }
  }
  return [...new Set(words)];
}

function refusalWords(zone: ZoneSpec, codes: string[]): string {
  const words = codes.map((c) => SPAMHAUS_ERROR_WORDS[c] ?? (zone.kind === 'allow' ? 'query blocked or over the free limit' : 'query refused (public resolver or over the limit)'));
  return `${[...new Set(words)].join('; ')} (${codes.join(', ')})`;
}

/**
 * RFC 5782 test point: 127.0.0.1 (or the domain "invalid") must not be
 * listed. A zone that lists it answers everything. The verdict is kept in the
 * store for 30 minutes so the probe is not repeated for every check.
 */
async function zoneIsWildcard(resolver: Resolver, store: Store, zone: ZoneSpec): Promise<boolean> {
  const key = `checks:dnsbl-probe:${zone.display}`;
  const known = await store.get(key).catch(() => null);
  if (known !== null) return known === 'wildcard';
  const probe = zone.kind === 'domain' ? `invalid.${zone.zone}` : `1.0.0.127.${zone.zone}`;
  const outcome = await lookup<string>(resolver, probe, 'A');
  if (outcome.status === 'error') return false; // no verdict; ask again next time
  const wildcard = outcome.status === 'ok' && !outcome.records.every((a) => zone.errorCodes.includes(a));
  await store.set(key, wildcard ? 'wildcard' : 'sane', { ttlMs: 30 * 60_000 }).catch(() => undefined);
  return wildcard;
}

export async function queryZone(resolver: Resolver, store: Store, zone: ZoneSpec, subject: string): Promise<ZoneAnswer> {
  if (zone.kind !== 'domain' && isIpv6(subject) && !zone.ipv6) return { state: 'skipped' };
  const name = queryName(zone, subject);
  const [outcome, wildcard] = await Promise.all([lookup<string>(resolver, name, 'A'), zoneIsWildcard(resolver, store, zone)]);
  if (outcome.status === 'error') return { state: 'unknown', why: outcome.text, reason: outcome.reason };
  if (outcome.status !== 'ok') return { state: 'clean' };
  const codes = outcome.records;
  const refused = codes.filter((c) => zone.errorCodes.includes(c));
  if (refused.length) return { state: 'refused', codes: refused, why: refusalWords(zone, refused) };
  const outside = codes.filter((c) => !in127(c));
  if (outside.length) return { state: 'broken', outside };
  if (wildcard) return { state: 'broken', outside: [] };
  if (zone.kind === 'allow' && codes.some((c) => c.endsWith('.255'))) return { state: 'refused', codes, why: refusalWords(zone, codes) };
  const txt = txtStrings(await lookup<string[]>(resolver, name, 'TXT'));
  return { state: 'listed', codes, meanings: decodeCodes(zone, codes), txt };
}
