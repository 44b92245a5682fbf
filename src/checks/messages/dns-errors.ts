/** Words for a DNS failure, inserted into "could not read …" verdicts. */
import type { Localized } from '../../core/lang.js';

export const DNS_ERROR_MESSAGES = {
  'dnsError.nxdomain': { en: 'NXDOMAIN (name does not exist)', id: 'NXDOMAIN (nama tidak ada)', de: 'NXDOMAIN (Name existiert nicht)' },
  'dnsError.nodata': {
    en: 'no record of that type (NODATA)',
    id: 'tidak ada record dengan tipe itu (NODATA)',
    de: 'kein Eintrag dieses Typs (NODATA)',
  },
  'dnsError.timeout': { en: 'timed out', id: 'waktu habis', de: 'Zeitüberschreitung' },
  'dnsError.servfail': { en: 'SERVFAIL', id: 'SERVFAIL', de: 'SERVFAIL' },
  'dnsError.refused': { en: 'REFUSED by the resolver', id: 'REFUSED oleh resolver', de: 'vom Resolver abgelehnt (REFUSED)' },
  'dnsError.unreachable': {
    en: 'resolver unreachable (connection refused)',
    id: 'resolver tidak dapat dijangkau (koneksi ditolak)',
    de: 'Resolver nicht erreichbar (Verbindung abgelehnt)',
  },
  'dnsError.other': { en: 'DNS error {code}', id: 'error DNS {code}', de: 'DNS-Fehler {code}' },
} satisfies Record<string, Localized>;
