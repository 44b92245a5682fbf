/**
 * spamdyke's own entry syntax (5.0.1 documentation, filter.c):
 * - sender/recipient files: a full address `fred@example.com`, or `@example.com`
 *   for the whole domain and its subdomains; no `*` wildcards.
 * - IP files: a dotted quad, a prefix `11.22.33` / `11.22.` (trailing dot
 *   optional), an octet range `11.22.33-44.55`, CIDR `11.22.33.0/24`, or a
 *   netmask `11.22.0.0/255.255.0.0`. IPv4 only.
 * - rDNS files: a host `mail.example.com`, or `.example.com` for the domain and
 *   every host under it.
 * Entries are compared case-insensitively, as spamdyke does.
 */
import type { Localized } from '../../core/lang.js';
import { basicEntryCheck, isDomain, isIpv4, isMailAddress, isOctet, printable } from '../entries.js';
import { LocalizedUsageError } from '../errors.js';
import type { EntryType, ValidEntry } from '../types.js';

const TEXT = {
  comment: {
    en: '"{entry}" starts with "#", which spamdyke reads as a comment, not as an entry; give the address, IP or host name without it.',
    id: '"{entry}" diawali "#", yang dibaca spamdyke sebagai komentar, bukan entri; tulis alamat, IP atau nama host tanpa tanda itu.',
    de: '„{entry}“ beginnt mit „#“, was spamdyke als Kommentar liest, nicht als Eintrag; Adresse, IP oder Hostnamen ohne das Zeichen angeben.',
  },
  negation: {
    en: '"{entry}" starts with "!", which spamdyke reads as an exception (a negated entry), not as an entry; give the address, IP or host name without it.',
    id: '"{entry}" diawali "!", yang dibaca spamdyke sebagai pengecualian (entri negasi), bukan entri; tulis alamat, IP atau nama host tanpa tanda itu.',
    de: '„{entry}“ beginnt mit „!“, was spamdyke als Ausnahme (verneinter Eintrag) liest, nicht als Eintrag; Adresse, IP oder Hostnamen ohne das Zeichen angeben.',
  },
  star: {
    en: 'spamdyke has no "*" wildcards in sender lists; use @{domain} for a whole domain (and its subdomains), or a full address.',
    id: 'spamdyke tidak memakai wildcard "*" di daftar pengirim; gunakan @{domain} untuk seluruh domain (dan subdomainnya), atau alamat lengkap.',
    de: 'spamdyke kennt in Absenderlisten keine „*“-Platzhalter; @{domain} für eine ganze Domain (samt Subdomains) oder eine volle Adresse verwenden.',
  },
  address: {
    en: '"{entry}" is not an address spamdyke understands; use fred@example.com for one address or @example.com for a whole domain.',
    id: '"{entry}" bukan alamat yang dipahami spamdyke; gunakan fred@example.com untuk satu alamat atau @example.com untuk seluruh domain.',
    de: '„{entry}“ ist keine Adresse, die spamdyke versteht; fred@example.com für eine Adresse oder @example.com für eine ganze Domain verwenden.',
  },
  ip: {
    en: '"{entry}" is not an IPv4 entry spamdyke understands; use 203.0.113.7, a prefix like 203.0.113 , a range like 203.0.113.10-20, or CIDR like 203.0.113.0/24.',
    id: '"{entry}" bukan entri IPv4 yang dipahami spamdyke; gunakan 203.0.113.7, prefiks seperti 203.0.113 , rentang seperti 203.0.113.10-20, atau CIDR seperti 203.0.113.0/24.',
    de: '„{entry}“ ist kein IPv4-Eintrag, den spamdyke versteht; 203.0.113.7, ein Präfix wie 203.0.113 , einen Bereich wie 203.0.113.10-20 oder CIDR wie 203.0.113.0/24 verwenden.',
  },
  rdns: {
    en: '"{entry}" is not a host name; use mail.example.com for one host or .example.com for a domain and every host under it.',
    id: '"{entry}" bukan nama host; gunakan mail.example.com untuk satu host atau .example.com untuk domain dan semua host di bawahnya.',
    de: '„{entry}“ ist kein Hostname; mail.example.com für einen Host oder .example.com für eine Domain mit allen Hosts darunter verwenden.',
  },
  bareDomain: {
    en: '"{entry}" could be a sender domain or a connecting host name; write @{entry} for mail from that domain, or add --type rdns for the host name.',
    id: '"{entry}" bisa berupa domain pengirim atau nama host pengirim; tulis @{entry} untuk email dari domain itu, atau tambahkan --type rdns untuk nama host.',
    de: '„{entry}“ kann eine Absenderdomain oder ein Hostname sein; @{entry} für Mail von dieser Domain schreiben oder --type rdns für den Hostnamen angeben.',
  },
} satisfies Record<string, Localized>;

export function validateSpamdykeEntry(raw: string, type?: EntryType): ValidEntry {
  const value = basicEntryCheck(raw);
  // spamdyke's list reader takes a leading # as a comment and ! as an exception: never an entry.
  if (value.startsWith('#')) throw new LocalizedUsageError(TEXT.comment, { entry: printable(value) });
  if (value.startsWith('!')) throw new LocalizedUsageError(TEXT.negation, { entry: printable(value) });
  const chosen = type ?? guessType(value);
  switch (chosen) {
    case 'sender':
    case 'recipient':
      return { type: chosen, value: checkAddress(value) };
    case 'ip':
      return { type: 'ip', value: checkIp(value) };
    case 'rdns':
      return { type: 'rdns', value: checkRdns(value) };
  }
}

function guessType(value: string): EntryType {
  if (value.includes('@')) return 'sender';
  if (/^[\d./-]+$/.test(value)) return 'ip';
  if (value.startsWith('.')) return 'rdns';
  if (isDomain(value)) throw new LocalizedUsageError(TEXT.bareDomain, { entry: value.toLowerCase() });
  throw new LocalizedUsageError(TEXT.address, { entry: printable(value) });
}

function checkAddress(value: string): string {
  const lower = value.toLowerCase();
  if (lower.includes('*')) {
    const domain = lower.slice(lower.lastIndexOf('@') + 1).replace(/^\*\.?/, '');
    throw new LocalizedUsageError(TEXT.star, { domain: isDomain(domain) ? domain : 'example.com' });
  }
  if (lower.startsWith('@') && isDomain(lower.slice(1))) return lower;
  if (isMailAddress(lower)) return lower;
  throw new LocalizedUsageError(TEXT.address, { entry: printable(value) });
}

function checkIp(value: string): string {
  const bad = () => new LocalizedUsageError(TEXT.ip, { entry: printable(value) });
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const base = value.slice(0, slash);
    const mask = value.slice(slash + 1);
    if (!isIpv4(base)) throw bad();
    if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) return value;
    if (isIpv4(mask) && isContiguousMask(mask)) return value;
    throw bad();
  }
  const parts = value.replace(/\.$/, '').split('.');
  if (parts.length < 1 || parts.length > 4) throw bad();
  let ranges = 0;
  for (const part of parts) {
    const range = /^(\d{1,3})-(\d{1,3})$/.exec(part);
    if (range) {
      ranges++;
      if (!isOctet(range[1]!) || !isOctet(range[2]!) || Number(range[1]) > Number(range[2])) throw bad();
    } else if (!isOctet(part)) {
      throw bad();
    }
  }
  // A lone first octet ("10") would match a quarter of nothing useful; spamdyke accepts it, but it is almost always a typo.
  if (parts.length === 1 && ranges === 0 && !value.endsWith('.')) throw bad();
  return value.replace(/\.$/, '');
}

function isContiguousMask(mask: string): boolean {
  const bits = mask.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits);
}

function checkRdns(value: string): string {
  const lower = value.toLowerCase();
  const name = lower.startsWith('.') ? lower.slice(1) : lower;
  if (!isDomain(name)) throw new LocalizedUsageError(TEXT.rdns, { entry: printable(value) });
  return lower;
}

/** The form two entries are compared in (spamdyke ignores case; a trailing dot on a prefix changes nothing). */
export function comparable(value: string): string {
  return value.trim().toLowerCase().replace(/^(\d[\d.-]*)\.$/, '$1');
}
