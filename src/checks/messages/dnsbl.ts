/** Sentences of IP_DNSBL, DOMAIN_BL and DNSBL_HEALTH. */
import type { Localized } from '../../core/lang.js';

export const DNSBL_MESSAGES = {
  'bl.listed': {
    en: '{subject} is listed in {zone}: {meanings}; {what}.{collateral}',
    id: '{subject} masuk daftar hitam {zone}: {meanings}; {what}.{collateral}',
    de: '{subject} steht auf der Sperrliste {zone}: {meanings}; {what}.{collateral}',
  },
  'bl.whatDomain': {
    en: 'links to {subject} get mail rejected',
    id: 'email yang berisi tautan ke {subject} akan ditolak',
    de: 'Mails mit Links auf {subject} werden abgewiesen',
  },
  'bl.whatIp': {
    en: 'mail from it is likely refused',
    id: 'email dari alamat ini kemungkinan besar ditolak',
    de: 'Mail von dieser Adresse wird wahrscheinlich abgewiesen',
  },
  'bl.informational': {
    en: ' This list is informational; few receivers use it.',
    id: ' Blocklist ini hanya informatif; sedikit server penerima yang memakainya.',
    de: ' Diese Liste ist nur informativ; wenige Empfänger nutzen sie.',
  },
  'bl.listedFix': {
    en: 'Find and stop the cause first (compromised account, open relay, infected host), then request removal.{delist}',
    id: 'Temukan dan hentikan penyebabnya dulu (akun yang dibobol, open relay, host terinfeksi), lalu ajukan penghapusan (delist).{delist}',
    de: 'Finden und beseitigen Sie zuerst die Ursache (kompromittiertes Konto, offenes Relay, infizierter Host) und beantragen Sie dann die Austragung.{delist}',
  },
  'bl.delistAt': { en: ' Delist at {url}.', id: ' Delist di {url}.', de: ' Austragung unter {url}.' },
  'bl.refused': {
    en: '{zone} refused our query: {why}; listing of {subject} is unknown.',
    id: '{zone} menolak query kami: {why}; status daftar hitam {subject} tidak diketahui.',
    de: '{zone} hat unsere Abfrage verweigert: {why}; ob {subject} gelistet ist, ist unbekannt.',
  },
  'bl.outside': {
    en: '{zone} answered {addresses}, outside 127.0.0.0/8: the zone is dead or wildcarded; its answer for {subject} is ignored (unknown).',
    id: '{zone} menjawab {addresses}, di luar 127.0.0.0/8: zona ini mati atau memakai wildcard; jawabannya untuk {subject} diabaikan (tidak diketahui).',
    de: '{zone} hat {addresses} geantwortet, außerhalb von 127.0.0.0/8: Die Zone ist tot oder mit Wildcard belegt; ihre Antwort für {subject} wird ignoriert (unbekannt).',
  },
  'bl.wildcard': {
    en: '{zone} lists the RFC 5782 test point that must not be listed: the zone answers everything; its answer for {subject} is ignored (unknown).',
    id: '{zone} mencantumkan titik uji RFC 5782 yang tidak boleh tercantum: zona ini menjawab semua query; jawabannya untuk {subject} diabaikan (tidak diketahui).',
    de: '{zone} listet den RFC-5782-Testeintrag, der nie gelistet sein darf: Die Zone beantwortet alles; ihre Antwort für {subject} wird ignoriert (unbekannt).',
  },
  'bl.noAnswer': {
    en: '{zone} did not answer ({why}); listing of {subject} is unknown.',
    id: '{zone} tidak menjawab ({why}); status daftar hitam {subject} tidak diketahui.',
    de: '{zone} hat nicht geantwortet ({why}); ob {subject} gelistet ist, ist unbekannt.',
  },
  'bl.healthFix': {
    en: 'Query the list through a resolver it accepts (not a public one like 8.8.8.8 or 1.1.1.1).{dqs}',
    id: 'Lakukan query ke blocklist melalui resolver yang diterimanya (bukan resolver publik seperti 8.8.8.8 atau 1.1.1.1).{dqs}',
    de: 'Fragen Sie die Liste über einen Resolver ab, den sie akzeptiert (keinen öffentlichen wie 8.8.8.8 oder 1.1.1.1).{dqs}',
  },
  'bl.dqsHint': {
    en: ' Use our own recursive resolver (checks.resolvers) or configure a Spamhaus DQS key (SPAMHAUS_DQS_KEY).',
    id: ' Gunakan resolver rekursif milik kita sendiri (checks.resolvers) atau atur key Spamhaus DQS (SPAMHAUS_DQS_KEY).',
    de: ' Verwenden Sie unseren eigenen rekursiven Resolver (checks.resolvers) oder konfigurieren Sie einen Spamhaus-DQS-Schlüssel (SPAMHAUS_DQS_KEY).',
  },
  'bl.allowListed': {
    en: '{subject} is on the {zone} allow list ({meanings}): a known good sender, a positive signal.',
    id: '{subject} ada di daftar putih (allowlist) {zone} ({meanings}): pengirim yang dikenal baik, sinyal positif.',
    de: '{subject} steht auf der Positivliste {zone} ({meanings}): ein bekannt guter Absender, ein positives Signal.',
  },
  'bl.clean': {
    en: '{subject} is not listed on {n} of {asked} lists{unknown}.',
    id: '{subject} tidak tercantum di {n} dari {asked} blocklist{unknown}.',
    de: '{subject} ist auf {n} von {asked} Listen nicht gelistet{unknown}.',
  },
  'bl.notAsked': {
    en: ' ({n} could not be asked)',
    id: ' ({n} tidak dapat ditanyai)',
    de: ' ({n} konnten nicht abgefragt werden)',
  },
  'bl.noneAsked': {
    en: 'No list could be asked about {subject}.',
    id: 'Tidak ada blocklist yang bisa ditanyai tentang {subject}.',
    de: 'Keine Liste konnte zu {subject} abgefragt werden.',
  },
} satisfies Record<string, Localized>;
