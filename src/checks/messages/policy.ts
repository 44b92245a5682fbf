/** Sentences of MTA_STS, TLSRPT, BIMI and DNSSEC_DANE. */
import type { Localized } from '../../core/lang.js';

export const POLICY_MESSAGES = {
  'sts.none': {
    en: '{domain} publishes no MTA-STS policy: senders may deliver to it without TLS if an attacker strips STARTTLS.',
    id: '{domain} tidak memasang policy MTA-STS: pengirim bisa mengirim tanpa TLS jika penyerang menghapus STARTTLS.',
    de: '{domain} veröffentlicht keine MTA-STS-Policy: Absender stellen eventuell ohne TLS zu, wenn ein Angreifer STARTTLS entfernt.',
  },
  'sts.noneFix': {
    en: 'Publish _mta-sts.{domain} TXT "v=STSv1; id=<date>" and https://mta-sts.{domain}/.well-known/mta-sts.txt (start with mode: testing).',
    id: 'Pasang _mta-sts.{domain} TXT "v=STSv1; id=<tanggal>" dan https://mta-sts.{domain}/.well-known/mta-sts.txt (mulai dengan mode: testing).',
    de: 'Veröffentlichen Sie _mta-sts.{domain} TXT "v=STSv1; id=<Datum>" und https://mta-sts.{domain}/.well-known/mta-sts.txt (beginnen Sie mit mode: testing).',
  },
  'sts.multiple': {
    en: '{n} MTA-STS records at _mta-sts.{domain}: senders ignore the policy.',
    id: 'Ada {n} record MTA-STS di _mta-sts.{domain}: pengirim mengabaikan policy-nya.',
    de: '{n} MTA-STS-Einträge unter _mta-sts.{domain}: Absender ignorieren die Policy.',
  },
  'sts.multipleFix': {
    en: 'Keep exactly one v=STSv1 record.',
    id: 'Sisakan tepat satu record v=STSv1.',
    de: 'Behalten Sie genau einen v=STSv1-Eintrag.',
  },
  'sts.noId': {
    en: 'MTA-STS record has no valid id= (1-32 letters/digits): senders ignore it.',
    id: 'Record MTA-STS tidak punya id= yang valid (1-32 huruf/angka): pengirim mengabaikannya.',
    de: 'Der MTA-STS-Eintrag hat kein gültiges id= (1-32 Buchstaben/Ziffern): Absender ignorieren ihn.',
  },
  'sts.noIdFix': {
    en: 'Add "id=" with a new value each time the policy changes, e.g. id=20260101.',
    id: 'Tambahkan "id=" dengan nilai baru setiap kali policy berubah, mis. id=20260101.',
    de: 'Ergänzen Sie "id=" mit einem neuen Wert bei jeder Policy-Änderung, z. B. id=20260101.',
  },
  'sts.notFetched': {
    en: 'MTA-STS record found (id={id}); the policy file was not fetched.',
    id: 'Record MTA-STS ditemukan (id={id}); file policy tidak diambil.',
    de: 'MTA-STS-Eintrag gefunden (id={id}); die Policy-Datei wurde nicht abgerufen.',
  },
  'sts.http': {
    en: 'MTA-STS record published but https://mta-sts.{domain}/.well-known/mta-sts.txt answers HTTP {status}: senders cannot use the policy.',
    id: 'Record MTA-STS terpasang, tetapi https://mta-sts.{domain}/.well-known/mta-sts.txt menjawab HTTP {status}: pengirim tidak bisa memakai policy-nya.',
    de: 'MTA-STS-Eintrag veröffentlicht, aber https://mta-sts.{domain}/.well-known/mta-sts.txt antwortet mit HTTP {status}: Absender können die Policy nicht nutzen.',
  },
  'sts.httpFix': {
    en: 'Serve the policy file over HTTPS with a valid certificate for mta-sts.{domain}.',
    id: 'Sajikan file policy lewat HTTPS dengan sertifikat yang valid untuk mta-sts.{domain}.',
    de: 'Liefern Sie die Policy-Datei per HTTPS mit einem gültigen Zertifikat für mta-sts.{domain} aus.',
  },
  'sts.contentType': {
    en: 'The MTA-STS policy is served as {type}, not text/plain: RFC 8461 senders reject it.',
    id: 'Policy MTA-STS disajikan sebagai {type}, bukan text/plain: pengirim yang mengikuti RFC 8461 menolaknya.',
    de: 'Die MTA-STS-Policy wird als {type} ausgeliefert, nicht als text/plain: Absender nach RFC 8461 verwerfen sie.',
  },
  'sts.contentTypeFix': {
    en: 'Serve the file with Content-Type: text/plain.',
    id: 'Sajikan file dengan Content-Type: text/plain.',
    de: 'Liefern Sie die Datei mit Content-Type: text/plain aus.',
  },
  'sts.fetchFailed': {
    en: 'MTA-STS record found (id={id}) but the policy could not be fetched: {error}.',
    id: 'Record MTA-STS ditemukan (id={id}) tetapi policy tidak dapat diambil: {error}.',
    de: 'MTA-STS-Eintrag gefunden (id={id}), aber die Policy konnte nicht abgerufen werden: {error}.',
  },
  'sts.fetchFailedFix': {
    en: 'Check https://mta-sts.{domain}/.well-known/mta-sts.txt (certificate, DNS, reachability).',
    id: 'Periksa https://mta-sts.{domain}/.well-known/mta-sts.txt (sertifikat, DNS, keterjangkauan).',
    de: 'Prüfen Sie https://mta-sts.{domain}/.well-known/mta-sts.txt (Zertifikat, DNS, Erreichbarkeit).',
  },
  'sts.invalid': {
    en: 'The MTA-STS policy is invalid ({error}): senders ignore it.',
    id: 'Policy MTA-STS tidak valid ({error}): pengirim mengabaikannya.',
    de: 'Die MTA-STS-Policy ist ungültig ({error}): Absender ignorieren sie.',
  },
  'sts.invalidFix': {
    en: 'Fix the policy file: version: STSv1, mode, mx lines, max_age.',
    id: 'Perbaiki file policy: version: STSv1, mode, baris mx, max_age.',
    de: 'Korrigieren Sie die Policy-Datei: version: STSv1, mode, mx-Zeilen, max_age.',
  },
  'sts.enforceOutside': {
    en: 'MTA-STS enforce, but {hosts} is not in the policy: senders will refuse to deliver there.',
    id: 'MTA-STS enforce, tetapi {hosts} tidak ada di policy: pengirim akan menolak mengirim ke sana.',
    de: 'MTA-STS enforce, aber {hosts} steht nicht in der Policy: Absender verweigern die Zustellung dorthin.',
  },
  'sts.enforceOutsideFix': {
    en: 'Add "mx: {host}" to the policy (and change the id).',
    id: 'Tambahkan "mx: {host}" ke policy (dan ubah id-nya).',
    de: 'Ergänzen Sie "mx: {host}" in der Policy (und ändern Sie die id).',
  },
  'sts.outside': {
    en: 'MTA-STS {mode}: {hosts} is not in the policy (reported, not enforced).',
    id: 'MTA-STS {mode}: {hosts} tidak ada di policy (dilaporkan, tidak ditegakkan).',
    de: 'MTA-STS {mode}: {hosts} steht nicht in der Policy (wird gemeldet, nicht durchgesetzt).',
  },
  'sts.outsideFix': {
    en: 'Add "mx: {host}" before switching to enforce.',
    id: 'Tambahkan "mx: {host}" sebelum beralih ke enforce.',
    de: 'Ergänzen Sie "mx: {host}", bevor Sie auf enforce umstellen.',
  },
  'sts.testing': {
    en: 'MTA-STS is in {mode} mode: failures are reported, not enforced.',
    id: 'MTA-STS dalam mode {mode}: kegagalan dilaporkan, tidak ditegakkan.',
    de: 'MTA-STS ist im Modus {mode}: Fehler werden gemeldet, nicht durchgesetzt.',
  },
  'sts.testingFix': {
    en: 'Switch to mode: enforce once TLS reports are clean.',
    id: 'Beralih ke mode: enforce setelah laporan TLS bersih.',
    de: 'Stellen Sie auf mode: enforce um, sobald die TLS-Berichte sauber sind.',
  },
  'sts.ok': {
    en: 'MTA-STS enforce, every MX is covered.',
    id: 'MTA-STS enforce, semua MX tercakup.',
    de: 'MTA-STS enforce, jeder MX ist abgedeckt.',
  },
  'tlsrpt.none': {
    en: 'No TLS reporting (TLSRPT): you will not hear about TLS failures delivering to you.',
    id: 'Tidak ada pelaporan TLS (TLSRPT): Anda tidak akan tahu jika ada kegagalan TLS saat email dikirim ke Anda.',
    de: 'Kein TLS-Reporting (TLSRPT): Sie erfahren nichts von TLS-Fehlern bei der Zustellung an Sie.',
  },
  'tlsrpt.noneFix': {
    en: 'Publish {name} TXT "v=TLSRPTv1; rua=mailto:tls-reports@{domain}".',
    id: 'Pasang {name} TXT "v=TLSRPTv1; rua=mailto:tls-reports@{domain}".',
    de: 'Veröffentlichen Sie {name} TXT "v=TLSRPTv1; rua=mailto:tls-reports@{domain}".',
  },
  'tlsrpt.multiple': {
    en: '{n} TLSRPT records: senders ignore them.',
    id: 'Ada {n} record TLSRPT: pengirim mengabaikannya.',
    de: '{n} TLSRPT-Einträge: Absender ignorieren sie.',
  },
  'tlsrpt.multipleFix': {
    en: 'Keep exactly one v=TLSRPTv1 record.',
    id: 'Sisakan tepat satu record v=TLSRPTv1.',
    de: 'Behalten Sie genau einen v=TLSRPTv1-Eintrag.',
  },
  'tlsrpt.badRua': {
    en: 'TLSRPT record has no valid rua= (mailto: or https:): no reports are sent.',
    id: 'Record TLSRPT tidak punya rua= yang valid (mailto: atau https:): tidak ada laporan yang dikirim.',
    de: 'Der TLSRPT-Eintrag hat kein gültiges rua= (mailto: oder https:): Es werden keine Berichte gesendet.',
  },
  'tlsrpt.badRuaFix': {
    en: 'Add "rua=mailto:tls-reports@{domain}".',
    id: 'Tambahkan "rua=mailto:tls-reports@{domain}".',
    de: 'Ergänzen Sie "rua=mailto:tls-reports@{domain}".',
  },
  'tlsrpt.ok': { en: 'TLS reports go to {rua}.', id: 'Laporan TLS dikirim ke {rua}.', de: 'TLS-Berichte gehen an {rua}.' },
  'bimi.none': {
    en: 'No BIMI record: mailbox providers show no brand logo.',
    id: 'Tidak ada record BIMI: penyedia mailbox tidak menampilkan logo merek.',
    de: 'Kein BIMI-Eintrag: Postfachanbieter zeigen kein Markenlogo an.',
  },
  'bimi.noneFix': {
    en: 'Optional: publish a BIMI record once DMARC is at quarantine or reject.',
    id: 'Opsional: pasang record BIMI setelah DMARC di quarantine atau reject.',
    de: 'Optional: Veröffentlichen Sie einen BIMI-Eintrag, sobald DMARC auf quarantine oder reject steht.',
  },
  'bimi.weakDmarc': {
    en: 'BIMI published but DMARC {setting}: logos will not show.',
    id: 'BIMI terpasang tetapi DMARC {setting}: logo tidak akan tampil.',
    de: 'BIMI veröffentlicht, aber DMARC {setting}: Logos werden nicht angezeigt.',
  },
  'bimi.weakDmarcFix': {
    en: 'Move DMARC to p=quarantine or p=reject at pct=100.',
    id: 'Naikkan DMARC ke p=quarantine atau p=reject dengan pct=100.',
    de: 'Stellen Sie DMARC auf p=quarantine oder p=reject mit pct=100.',
  },
  'bimi.noLogo': {
    en: 'BIMI record has no logo (l=): it declines BIMI.',
    id: 'Record BIMI tidak punya logo (l=): artinya menolak BIMI.',
    de: 'Der BIMI-Eintrag hat kein Logo (l=): Er lehnt BIMI ab.',
  },
  'bimi.noLogoFix': {
    en: 'Add l=https://…/logo.svg (SVG Tiny PS).',
    id: 'Tambahkan l=https://…/logo.svg (SVG Tiny PS).',
    de: 'Ergänzen Sie l=https://…/logo.svg (SVG Tiny PS).',
  },
  'bimi.ok': {
    en: 'BIMI published with DMARC p={policy}; logo {logo} (SVG and certificate not fetched).',
    id: 'BIMI terpasang dengan DMARC p={policy}; logo {logo} (SVG dan sertifikat tidak diambil).',
    de: 'BIMI veröffentlicht mit DMARC p={policy}; Logo {logo} (SVG und Zertifikat nicht abgerufen).',
  },
  'dane.notChecked': {
    en: 'DNSSEC/DANE not checked (no resolver address to ask directly).',
    id: 'DNSSEC/DANE tidak diperiksa (tidak ada alamat resolver untuk ditanyai langsung).',
    de: 'DNSSEC/DANE nicht geprüft (keine Resolver-Adresse für eine direkte Abfrage).',
  },
  'dane.unsigned': {
    en: '{domain} is not DNSSEC-validated by the resolver (unsigned, or the resolver does not validate); DANE is not possible.',
    id: '{domain} tidak tervalidasi DNSSEC oleh resolver (belum ditandatangani, atau resolver tidak memvalidasi); DANE tidak mungkin dipakai.',
    de: '{domain} wird vom Resolver nicht per DNSSEC validiert (unsigniert, oder der Resolver validiert nicht); DANE ist nicht möglich.',
  },
  'dane.unsignedFix': {
    en: 'Optional: sign the zone (DNSSEC), then publish TLSA records for the MX hosts.',
    id: 'Opsional: tandatangani zona (DNSSEC), lalu pasang record TLSA untuk host MX.',
    de: 'Optional: Signieren Sie die Zone (DNSSEC) und veröffentlichen Sie dann TLSA-Einträge für die MX-Hosts.',
  },
  'dane.noTlsa': {
    en: 'Zone signed (AD bit set); no MX publishes TLSA, so DANE is not used.',
    id: 'Zona sudah ditandatangani (AD bit aktif); tidak ada MX yang memasang TLSA, jadi DANE tidak dipakai.',
    de: 'Zone signiert (AD-Bit gesetzt); kein MX veröffentlicht TLSA, DANE wird also nicht genutzt.',
  },
  'dane.noTlsaFix': {
    en: 'Optional: publish TLSA 3 1 1 records at _25._tcp.<mx>.',
    id: 'Opsional: pasang record TLSA 3 1 1 di _25._tcp.<mx>.',
    de: 'Optional: Veröffentlichen Sie TLSA-Einträge 3 1 1 unter _25._tcp.<mx>.',
  },
  'dane.ok': { en: 'Zone signed; DANE: {tlsa}.', id: 'Zona ditandatangani; DANE: {tlsa}.', de: 'Zone signiert; DANE: {tlsa}.' },
  'dane.failed': {
    en: 'DNSSEC/DANE could not be checked: {error}.',
    id: 'DNSSEC/DANE tidak dapat diperiksa: {error}.',
    de: 'DNSSEC/DANE konnte nicht geprüft werden: {error}.',
  },
} satisfies Record<string, Localized>;
