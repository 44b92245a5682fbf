/** Sentences of the opt-in SMTP checks: MX_SMTP, MX_POSTMASTER and IP_BANNER. */
import type { Localized } from '../../core/lang.js';

export const SMTP_MESSAGES = {
  'smtp.noBanner': { en: 'no banner', id: 'tidak ada banner', de: 'kein Banner' },
  'smtp.noConnect': {
    en: '{host} does not accept connections on port 25 ({error}): mail to it queues and bounces.',
    id: '{host} tidak menerima koneksi di port 25 ({error}): email ke server ini tertahan di antrean lalu bounce.',
    de: '{host} nimmt auf Port 25 keine Verbindungen an ({error}): Mail dorthin bleibt in der Warteschlange und kommt zurück.',
  },
  'smtp.noConnectFix': {
    en: 'Check the server is running and port 25 is open in every firewall.',
    id: 'Pastikan server berjalan dan port 25 terbuka di semua firewall.',
    de: 'Prüfen Sie, ob der Server läuft und Port 25 in jeder Firewall offen ist.',
  },
  'smtp.silent': {
    en: '{host} accepted the connection but sent no SMTP greeting ({error}).',
    id: '{host} menerima koneksi tetapi tidak mengirim salam SMTP ({error}).',
    de: '{host} hat die Verbindung angenommen, aber keine SMTP-Begrüßung gesendet ({error}).',
  },
  'smtp.silentFix': {
    en: 'Check the MTA; a tarpit or broken proxy may be in front of it.',
    id: 'Periksa MTA-nya; mungkin ada tarpit atau proxy rusak di depannya.',
    de: 'Prüfen Sie den MTA; möglicherweise sitzt ein Tarpit oder ein defekter Proxy davor.',
  },
  'smtp.refuses': {
    en: '{host} greets with {code}: it refuses mail ({text}).',
    id: '{host} menyapa dengan {code}: server ini menolak email ({text}).',
    de: '{host} grüßt mit {code}: Der Server weist Mail ab ({text}).',
  },
  'smtp.refusesFix': {
    en: 'Find out why the server refuses connections (overload, block of our address).',
    id: 'Cari tahu mengapa server menolak koneksi (beban berlebih, alamat kami diblokir).',
    de: 'Klären Sie, warum der Server Verbindungen abweist (Überlast, Sperre unserer Adresse).',
  },
  'smtp.noTls': {
    en: '{host} does not offer STARTTLS: mail to it travels unencrypted (connect OK, no TLS).',
    id: '{host} tidak menawarkan STARTTLS: email ke server ini dikirim tanpa enkripsi (connect OK, no TLS).',
    de: '{host} bietet kein STARTTLS an: Mail dorthin wird unverschlüsselt übertragen (connect OK, no TLS).',
  },
  'smtp.noTlsFix': {
    en: 'Enable STARTTLS with a certificate for the MX name.',
    id: 'Aktifkan STARTTLS dengan sertifikat untuk nama MX.',
    de: 'Aktivieren Sie STARTTLS mit einem Zertifikat für den MX-Namen.',
  },
  'smtp.tlsFailed': {
    en: '{host} offers STARTTLS but the TLS handshake failed (connect OK, TLS failed: {error}).',
    id: '{host} menawarkan STARTTLS tetapi handshake TLS gagal (connect OK, TLS failed: {error}).',
    de: '{host} bietet STARTTLS an, aber der TLS-Handshake ist fehlgeschlagen (connect OK, TLS failed: {error}).',
  },
  'smtp.tlsFailedFix': {
    en: 'Fix the TLS configuration (protocols, ciphers, certificate chain).',
    id: 'Perbaiki konfigurasi TLS (protokol, cipher, rantai sertifikat).',
    de: 'Korrigieren Sie die TLS-Konfiguration (Protokolle, Cipher, Zertifikatskette).',
  },
  'smtp.expired': {
    en: '{host}: certificate expired {days} day(s) ago (connect OK, TLS OK, certificate invalid); MTA-STS/DANE senders refuse it.',
    id: '{host}: sertifikat kedaluwarsa {days} hari yang lalu (connect OK, TLS OK, certificate invalid); pengirim MTA-STS/DANE menolaknya.',
    de: '{host}: Zertifikat seit {days} Tag(en) abgelaufen (connect OK, TLS OK, certificate invalid); MTA-STS/DANE-Absender lehnen es ab.',
  },
  'smtp.renew': { en: 'Renew the certificate.', id: 'Perpanjang sertifikatnya.', de: 'Erneuern Sie das Zertifikat.' },
  'smtp.untrusted': {
    en: '{host}: certificate not trusted for {host} ({error}); opportunistic TLS works, MTA-STS/DANE senders refuse it.',
    id: '{host}: sertifikat tidak dipercaya untuk {host} ({error}); TLS oportunistik tetap jalan, tetapi pengirim MTA-STS/DANE menolaknya.',
    de: '{host}: Zertifikat für {host} nicht vertrauenswürdig ({error}); opportunistisches TLS funktioniert, MTA-STS/DANE-Absender lehnen es ab.',
  },
  'smtp.untrustedFix': {
    en: 'Install a certificate from a public CA that names {host}.',
    id: 'Pasang sertifikat dari CA publik yang mencantumkan {host}.',
    de: 'Installieren Sie ein Zertifikat einer öffentlichen CA, das {host} enthält.',
  },
  'smtp.expiring': {
    en: '{host}: certificate expires in {days} day(s).',
    id: '{host}: sertifikat kedaluwarsa dalam {days} hari.',
    de: '{host}: Zertifikat läuft in {days} Tag(en) ab.',
  },
  'smtp.renewNow': { en: 'Renew the certificate now.', id: 'Perpanjang sertifikatnya sekarang.', de: 'Erneuern Sie das Zertifikat jetzt.' },
  'smtp.brokeOff': {
    en: '{host}: the SMTP conversation broke off ({error}).',
    id: '{host}: percakapan SMTP terputus ({error}).',
    de: '{host}: Der SMTP-Dialog brach ab ({error}).',
  },
  'smtp.brokeOffFix': {
    en: 'Check the server logs for the connection from us.',
    id: 'Periksa log server untuk koneksi dari kami.',
    de: 'Prüfen Sie die Serverlogs auf die Verbindung von uns.',
  },
  'smtp.ok': {
    en: '{host}: port 25, banner, EHLO and STARTTLS OK.',
    id: '{host}: port 25, banner, EHLO, dan STARTTLS OK.',
    de: '{host}: Port 25, Banner, EHLO und STARTTLS OK.',
  },
  'postmaster.ok': {
    en: '{host} accepts postmaster@{domain}.',
    id: '{host} menerima postmaster@{domain}.',
    de: '{host} nimmt postmaster@{domain} an.',
  },
  'postmaster.deferred': {
    en: '{host} deferred postmaster@{domain} ({code}; greylisting?): unknown.',
    id: '{host} menunda postmaster@{domain} ({code}; greylisting?): tidak diketahui.',
    de: '{host} hat postmaster@{domain} zurückgestellt ({code}; Greylisting?): unbekannt.',
  },
  'postmaster.deferredFix': {
    en: 'Run the check again in a few minutes.',
    id: 'Jalankan pemeriksaan lagi dalam beberapa menit.',
    de: 'Führen Sie die Prüfung in einigen Minuten erneut aus.',
  },
  'postmaster.rejected': {
    en: '{host} rejects postmaster@{domain} ({code}): bounces and abuse reports are lost (RFC 5321 §4.5.1).',
    id: '{host} menolak postmaster@{domain} ({code}): bounce dan laporan abuse hilang (RFC 5321 §4.5.1).',
    de: '{host} weist postmaster@{domain} ab ({code}): Unzustellbarkeitsmeldungen und Abuse-Meldungen gehen verloren (RFC 5321 §4.5.1).',
  },
  'postmaster.rejectedFix': {
    en: 'Create postmaster@{domain} (an alias to a watched mailbox is enough) and exempt it from filtering.',
    id: 'Buat postmaster@{domain} (cukup alias ke mailbox yang dipantau) dan kecualikan dari filter.',
    de: 'Legen Sie postmaster@{domain} an (ein Alias auf ein betreutes Postfach genügt) und nehmen Sie die Adresse von der Filterung aus.',
  },
  'banner.none': {
    en: 'No SMTP greeting from {ip} on port {port} ({error}).',
    id: 'Tidak ada salam SMTP dari {ip} di port {port} ({error}).',
    de: 'Keine SMTP-Begrüßung von {ip} auf Port {port} ({error}).',
  },
  'banner.noneFix': {
    en: 'Only relevant if this IP runs a mail server.',
    id: 'Hanya relevan jika IP ini menjalankan server mail.',
    de: 'Nur relevant, wenn auf dieser IP ein Mailserver läuft.',
  },
  'banner.ok': {
    en: 'Banner names {name}, the same as the PTR.',
    id: 'Banner menyebut {name}, sama dengan PTR.',
    de: 'Das Banner nennt {name}, wie der PTR.',
  },
  'banner.differs': {
    en: 'Banner says {name}; PTR is {ptr}. Some receivers compare them.',
    id: 'Banner menyebut {name}; PTR adalah {ptr}. Sebagian server penerima membandingkan keduanya.',
    de: 'Das Banner nennt {name}; der PTR ist {ptr}. Manche Empfänger vergleichen beide.',
  },
  'banner.noName': { en: '(no name)', id: '(tanpa nama)', de: '(kein Name)' },
  'banner.noPtr': { en: 'missing', id: 'tidak ada', de: 'nicht vorhanden' },
  'banner.differsFix': {
    en: 'Make the MTA greet with its PTR name (e.g. Postfix myhostname).',
    id: 'Buat MTA menyapa dengan nama PTR-nya (mis. myhostname di Postfix).',
    de: 'Lassen Sie den MTA mit seinem PTR-Namen grüßen (z. B. myhostname bei Postfix).',
  },
} satisfies Record<string, Localized>;
