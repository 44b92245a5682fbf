/**
 * Syntax shared by the list backends: mail addresses, domains, IPv4 forms.
 * Each backend decides which of these it accepts (spamdyke/syntax.ts adds its
 * own prefixes and ranges).
 */
import type { Localized } from '../core/lang.js';
import { LocalizedUsageError } from './errors.js';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$`, 'i');
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;

export const MAX_ENTRY_LENGTH = 254;

export function isDomain(value: string): boolean {
  return value.length <= 253 && DOMAIN.test(value);
}

export function isMailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.length > MAX_ENTRY_LENGTH) return false;
  const local = value.slice(0, at);
  return local.length <= 64 && LOCAL_PART.test(local) && isDomain(value.slice(at + 1));
}

/** Four dotted decimal octets, 0–255 (leading zeros allowed, as spamdyke does). */
export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every(isOctet);
}

export function isOctet(part: string): boolean {
  return /^\d{1,3}$/.test(part) && Number(part) <= 255;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

const TEXT = {
  spaces: {
    en: '"{entry}" contains spaces; a list entry is one word, such as fred@example.com, @example.com or 203.0.113.7.',
    id: '"{entry}" mengandung spasi; entri daftar adalah satu kata, misalnya fred@example.com, @example.com atau 203.0.113.7.',
    de: '„{entry}“ enthält Leerzeichen; ein Listeneintrag ist ein Wort, etwa fred@example.com, @example.com oder 203.0.113.7.',
  },
  long: {
    en: 'The entry is longer than {max} characters; a mail address or domain is never that long.',
    id: 'Entri lebih panjang dari {max} karakter; alamat email atau domain tidak pernah sepanjang itu.',
    de: 'Der Eintrag ist länger als {max} Zeichen; so lang ist keine Mailadresse und keine Domain.',
  },
  empty: {
    en: 'The entry is empty; give an address (fred@example.com), a domain (@example.com) or an IP address (203.0.113.7).',
    id: 'Entri kosong; berikan alamat (fred@example.com), domain (@example.com) atau alamat IP (203.0.113.7).',
    de: 'Der Eintrag ist leer; eine Adresse (fred@example.com), eine Domain (@example.com) oder eine IP-Adresse (203.0.113.7) angeben.',
  },
  domain: {
    en: '"{entry}" is not a domain; use a name like example.com.',
    id: '"{entry}" bukan domain; gunakan nama seperti example.com.',
    de: '„{entry}“ ist keine Domain; einen Namen wie example.com verwenden.',
  },
  address: {
    en: '"{entry}" is not a mail address; use one like user@example.com.',
    id: '"{entry}" bukan alamat email; gunakan seperti user@example.com.',
    de: '„{entry}“ ist keine Mailadresse; eine wie user@example.com verwenden.',
  },
} satisfies Record<string, Localized>;

/** Rejects what no backend accepts: empty, spaces, control characters, absurd length. */
export function basicEntryCheck(raw: string): string {
  const value = raw.trim();
  if (!value) throw new LocalizedUsageError(TEXT.empty);
  if (/[\s\x00-\x1f\x7f]/.test(value)) throw new LocalizedUsageError(TEXT.spaces, { entry: printable(value) });
  if (value.length > MAX_ENTRY_LENGTH) throw new LocalizedUsageError(TEXT.long, { max: MAX_ENTRY_LENGTH });
  return value;
}

/** A customer domain given with --domain. */
export function checkDomainOption(raw: string): string {
  const value = raw.trim().toLowerCase().replace(/^@/, '');
  if (!isDomain(value)) throw new LocalizedUsageError(TEXT.domain, { entry: printable(raw) });
  return value;
}

/** A mail address given with --recipient (or a sender to look for). */
export function checkAddressOption(raw: string): string {
  const value = raw.trim();
  if (!isMailAddress(value)) throw new LocalizedUsageError(TEXT.address, { entry: printable(raw) });
  return value.slice(0, value.lastIndexOf('@') + 1) + domainOf(value);
}

/** Control characters made visible, and cut short, for use inside an error sentence. */
export function printable(value: string): string {
  const shown = value.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
}
