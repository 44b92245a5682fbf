/** Sentences of the run itself: time budget, failed parts, and the names of the parts. */
import type { Localized } from '../../core/lang.js';

export const RUN_MESSAGES = {
  'common.retryLater': {
    en: 'Run the check again later.',
    id: 'Jalankan pemeriksaan lagi nanti.',
    de: 'Führen Sie die Prüfung später erneut aus.',
  },
  'run.timeout': {
    en: '{what} did not finish within the time budget; the result is unknown.',
    id: '{what} tidak selesai dalam batas waktu; hasilnya tidak diketahui.',
    de: '{what}: innerhalb des Zeitbudgets nicht abgeschlossen; das Ergebnis ist unbekannt.',
  },
  'run.timeoutFix': {
    en: 'Run the check again; if it persists, a nameserver or list is not answering.',
    id: 'Jalankan pemeriksaan lagi; jika tetap terjadi, ada nameserver atau blocklist yang tidak menjawab.',
    de: 'Führen Sie die Prüfung erneut aus; bleibt es dabei, antwortet ein Nameserver oder eine Sperrliste nicht.',
  },
  'run.failed': {
    en: '{what} failed: {message}.',
    id: '{what} gagal: {message}.',
    de: '{what}: Fehler – {message}.',
  },
  'run.failedFix': {
    en: 'Run the check again; report it if it persists.',
    id: 'Jalankan pemeriksaan lagi; laporkan jika tetap terjadi.',
    de: 'Führen Sie die Prüfung erneut aus; melden Sie den Fehler, wenn er bestehen bleibt.',
  },
  'run.mxSendsToo': {
    en: '{verdict} (MX {host}: critical if it also sends mail)',
    id: '{verdict} (MX {host}: kritis jika server ini juga mengirim email)',
    de: '{verdict} (MX {host}: kritisch, falls er auch Mail versendet)',
  },
  'part.ip': { en: 'The checks of {ip}', id: 'Pemeriksaan {ip}', de: 'Die Prüfungen von {ip}' },
  'part.nameserver': { en: 'The nameserver check', id: 'Pemeriksaan nameserver', de: 'Die Nameserver-Prüfung' },
  'part.mx': { en: 'The MX check', id: 'Pemeriksaan MX', de: 'Die MX-Prüfung' },
  'part.mxAddresses': { en: 'The MX address checks', id: 'Pemeriksaan alamat MX', de: 'Die Prüfungen der MX-Adressen' },
  'part.mtaSts': { en: 'The MTA-STS check', id: 'Pemeriksaan MTA-STS', de: 'Die MTA-STS-Prüfung' },
  'part.dnssecDane': { en: 'The DNSSEC/DANE check', id: 'Pemeriksaan DNSSEC/DANE', de: 'Die DNSSEC/DANE-Prüfung' },
  'part.spf': { en: 'The SPF check', id: 'Pemeriksaan SPF', de: 'Die SPF-Prüfung' },
  'part.dmarc': { en: 'The DMARC check', id: 'Pemeriksaan DMARC', de: 'Die DMARC-Prüfung' },
  'part.bimi': { en: 'The BIMI check', id: 'Pemeriksaan BIMI', de: 'Die BIMI-Prüfung' },
  'part.dkim': { en: 'The DKIM check', id: 'Pemeriksaan DKIM', de: 'Die DKIM-Prüfung' },
  'part.tlsRpt': { en: 'The TLS reporting check', id: 'Pemeriksaan pelaporan TLS', de: 'Die TLS-Reporting-Prüfung' },
  'part.domainBl': { en: 'The domain block list check', id: 'Pemeriksaan blocklist domain', de: 'Die Sperrlisten-Prüfung der Domain' },
  'part.smtp': { en: 'The SMTP check', id: 'Pemeriksaan SMTP', de: 'Die SMTP-Prüfung' },
  'part.spfVerdict': { en: 'The SPF verdict', id: 'Hasil evaluasi SPF', de: 'Das SPF-Ergebnis' },
} satisfies Record<string, Localized>;
