/**
 * Words for reason keys: "RBL zen.spamhaus.org" for a blocklist zone, the
 * catalogue entry's title in the reader's language when the key has one,
 * otherwise a short name of the taxonomy reason.
 */
import type { Catalog } from '../catalog/catalog.js';
import { t, type Lang, type Localized } from '../core/lang.js';

const REASON_WORDS: Record<string, Localized> = {
  blocked: { en: 'Blocked sender', id: 'Pengirim diblokir', de: 'Absender gesperrt' },
  greylisted: { en: 'Greylisted', id: 'Greylist', de: 'Greylisting' },
  userunknown: { en: 'Unknown recipient', id: 'Penerima tidak dikenal', de: 'Unbekannter Empfänger' },
  requireptr: { en: 'No reverse DNS', id: 'Tanpa reverse DNS', de: 'Kein Reverse-DNS' },
  norelaying: { en: 'Relay denied', id: 'Relay ditolak', de: 'Relaying verweigert' },
  authfailure: { en: 'SPF/DMARC failure', id: 'Gagal SPF/DMARC', de: 'SPF/DMARC-Fehler' },
  spamdetected: { en: 'Spam content', id: 'Konten spam', de: 'Spam-Inhalt' },
  virusdetected: { en: 'Virus', id: 'Virus', de: 'Virus' },
  rejected: { en: 'Sender rejected', id: 'Pengirim ditolak', de: 'Absender abgelehnt' },
  notcompliantrfc: { en: 'Protocol violation (HELO)', id: 'Pelanggaran protokol (HELO)', de: 'Protokollverstoß (HELO)' },
  syntaxerror: { en: 'Protocol error', id: 'Kesalahan protokol', de: 'Protokollfehler' },
  mailboxfull: { en: 'Mailbox full', id: 'Kotak surat penuh', de: 'Postfach voll' },
  mesgtoobig: { en: 'Message too big', id: 'Pesan terlalu besar', de: 'Nachricht zu groß' },
  speeding: { en: 'Rate limit', id: 'Batas kecepatan', de: 'Ratenlimit' },
  policyviolation: { en: 'Policy violation', id: 'Pelanggaran kebijakan', de: 'Richtlinienverstoß' },
  securityerror: { en: 'Authentication required', id: 'Perlu autentikasi', de: 'Anmeldung nötig' },
  undefined: { en: 'Other', id: 'Lainnya', de: 'Sonstiges' },
};

const OUTBOUND: Localized = { en: 'Outbound bounce', id: 'Pantulan keluar', de: 'Ausgehender Bounce' };

export function reasonLabel(key: string, lang: Lang, catalog: Catalog, entries: Record<string, string>): string {
  const outbound = key.startsWith('out.');
  const bare = outbound ? key.slice(4) : key;
  const [reason, detail] = splitKey(bare);
  let label: string;
  if (detail) label = `RBL ${detail}`;
  else {
    const entry = entries[key] ? catalog.get(entries[key]!) : undefined;
    const words = REASON_WORDS[reason];
    label = words ? t(words, lang) : entry ? t(entry.title, lang) : reason;
  }
  return outbound ? `${t(OUTBOUND, lang)}: ${label}` : label;
}

/** Catalogue title for a key, when the catalogue names it. */
export function entryTitle(key: string, lang: Lang, catalog: Catalog, entries: Record<string, string>): string | undefined {
  const id = entries[key];
  const entry = id ? catalog.get(id) : undefined;
  return entry ? t(entry.title, lang) : undefined;
}

function splitKey(key: string): [string, string | undefined] {
  const colon = key.indexOf(':');
  return colon < 0 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
}
