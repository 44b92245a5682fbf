/** Sentences of DKIM_SELECTORS and DKIM_KEY. */
import type { Localized } from '../../core/lang.js';

export const DKIM_MESSAGES = {
  'dkim.badVersion': {
    en: 'v={v} (must be DKIM1)',
    id: 'v={v} (harus DKIM1)',
    de: 'v={v} (muss DKIM1 sein)',
  },
  'dkim.noP': {
    en: 'no p= tag (no public key)',
    id: 'tidak ada tag p= (tidak ada public key)',
    de: 'kein p=-Tag (kein öffentlicher Schlüssel)',
  },
  'dkim.badType': {
    en: 'unknown key type k={type}',
    id: 'jenis key tidak dikenal k={type}',
    de: 'unbekannter Schlüsseltyp k={type}',
  },
  'dkim.unparsable': {
    en: 'the key does not parse ({reason})',
    id: 'key tidak dapat diurai ({reason})',
    de: 'der Schlüssel lässt sich nicht einlesen ({reason})',
  },
  'dkim.label': { en: '{type} {bits}{testing}', id: '{type} {bits}{testing}', de: '{type} {bits}{testing}' },
  'dkim.testingLabel': { en: ', t=y (testing)', id: ', t=y (mode uji)', de: ', t=y (Testmodus)' },
  'dkim.revoked': {
    en: 'DKIM selector {selector} is revoked (empty p=): signatures with it fail.',
    id: 'Selector DKIM {selector} sudah dicabut (p= kosong): tanda tangan dengan selector ini gagal.',
    de: 'DKIM-Selektor {selector} ist widerrufen (leeres p=): Signaturen damit schlagen fehl.',
  },
  'dkim.revokedFix': {
    en: 'Sign with a selector that has a key, or publish the key again at {name}.',
    id: 'Tandatangani dengan selector yang punya key, atau pasang kembali key di {name}.',
    de: 'Signieren Sie mit einem Selektor, der einen Schlüssel hat, oder veröffentlichen Sie den Schlüssel erneut unter {name}.',
  },
  'dkim.invalid': {
    en: 'DKIM selector {selector}: {error}; receivers treat its signatures as invalid.',
    id: 'Selector DKIM {selector}: {error}; server penerima menganggap tanda tangannya tidak valid.',
    de: 'DKIM-Selektor {selector}: {error}; Empfänger werten seine Signaturen als ungültig.',
  },
  'dkim.invalidFix': {
    en: 'Republish the record exactly as your mail platform shows it ("v=DKIM1; k=rsa; p=…", all strings joined).',
    id: 'Pasang ulang record persis seperti yang ditampilkan platform email Anda ("v=DKIM1; k=rsa; p=…", semua string digabung).',
    de: 'Veröffentlichen Sie den Eintrag erneut genau so, wie Ihre Mail-Plattform ihn anzeigt ("v=DKIM1; k=rsa; p=…", alle Strings zusammengefügt).',
  },
  'dkim.tooShort': {
    en: 'DKIM selector {selector} has a {bits}-bit RSA key; receivers treat the signature as invalid.',
    id: 'Selector DKIM {selector} memakai key RSA {bits} bit; server penerima menganggap tanda tangannya tidak valid.',
    de: 'DKIM-Selektor {selector} hat einen RSA-Schlüssel mit {bits} Bit; Empfänger werten die Signatur als ungültig.',
  },
  'dkim.tooShortFix': {
    en: 'Generate a 2048-bit key, publish it under a new selector and switch signing to it.',
    id: 'Buat key 2048 bit, pasang di selector baru, lalu alihkan penandatanganan ke selector itu.',
    de: 'Erzeugen Sie einen 2048-Bit-Schlüssel, veröffentlichen Sie ihn unter einem neuen Selektor und stellen Sie die Signierung darauf um.',
  },
  'dkim.short': {
    en: 'DKIM selector {selector} has a {bits}-bit RSA key; 2048 bits is the current minimum recommendation.',
    id: 'Selector DKIM {selector} memakai key RSA {bits} bit; rekomendasi minimum saat ini adalah 2048 bit.',
    de: 'DKIM-Selektor {selector} hat einen RSA-Schlüssel mit {bits} Bit; empfohlen sind heute mindestens 2048 Bit.',
  },
  'dkim.shortFix': {
    en: 'Rotate to a 2048-bit key under a new selector.',
    id: 'Ganti ke key 2048 bit di selector baru.',
    de: 'Wechseln Sie auf einen 2048-Bit-Schlüssel unter einem neuen Selektor.',
  },
  'dkim.testing': {
    en: 'DKIM selector {selector}: {label}; in testing mode some receivers ignore failures and successes alike.',
    id: 'Selector DKIM {selector}: {label}; dalam mode uji sebagian server penerima mengabaikan hasil gagal maupun berhasil.',
    de: 'DKIM-Selektor {selector}: {label}; im Testmodus ignorieren manche Empfänger Fehlschläge und Erfolge gleichermaßen.',
  },
  'dkim.testingFix': {
    en: 'Remove t=y once signing works.',
    id: 'Hapus t=y setelah penandatanganan berjalan.',
    de: 'Entfernen Sie t=y, sobald die Signierung funktioniert.',
  },
  'dkim.ok': {
    en: 'DKIM selector {selector}: {label} OK.',
    id: 'Selector DKIM {selector}: {label} OK.',
    de: 'DKIM-Selektor {selector}: {label} OK.',
  },
  'dkim.unreadable': {
    en: 'Could not read DKIM selector {selector}: {error}.',
    id: 'Selector DKIM {selector} tidak dapat dibaca: {error}.',
    de: 'DKIM-Selektor {selector} konnte nicht gelesen werden: {error}.',
  },
  'dkim.noKey': {
    en: 'No DKIM key at {name}: signatures with selector {selector} fail (dkim=permerror, no key).',
    id: 'Tidak ada key DKIM di {name}: tanda tangan dengan selector {selector} gagal (dkim=permerror, no key).',
    de: 'Kein DKIM-Schlüssel unter {name}: Signaturen mit Selektor {selector} schlagen fehl (dkim=permerror, no key).',
  },
  'dkim.noKeyFix': {
    en: 'Publish the public key your mail platform shows for this selector (TXT, or the CNAME it asks for).',
    id: 'Pasang public key yang ditampilkan platform email Anda untuk selector ini (TXT, atau CNAME yang diminta).',
    de: 'Veröffentlichen Sie den öffentlichen Schlüssel, den Ihre Mail-Plattform für diesen Selektor anzeigt (TXT oder den verlangten CNAME).',
  },
  'dkim.found': {
    en: 'DKIM key(s) found: {selectors}.',
    id: 'Key DKIM ditemukan: {selectors}.',
    de: 'DKIM-Schlüssel gefunden: {selectors}.',
  },
  'dkim.noProbe': {
    en: 'Could not probe any DKIM selector (DNS did not answer).',
    id: 'Tidak ada selector DKIM yang bisa diperiksa (DNS tidak menjawab).',
    de: 'Kein DKIM-Selektor konnte abgefragt werden (DNS hat nicht geantwortet).',
  },
  'dkim.none': {
    en: 'No DKIM key found at {probed}/…{hint} (try --dkim <selector>).',
    id: 'Tidak ada key DKIM di {probed}/…{hint} (coba --dkim <selector>).',
    de: 'Kein DKIM-Schlüssel unter {probed}/… gefunden{hint} (versuchen Sie --dkim <selector>).',
  },
  'dkim.noneHint': {
    en: '; _domainkey.{domain} is NXDOMAIN, so no selector exists at all',
    id: '; _domainkey.{domain} NXDOMAIN, jadi sama sekali tidak ada selector',
    de: '; _domainkey.{domain} ist NXDOMAIN, es gibt also überhaupt keinen Selektor',
  },
  'dkim.noneFix': {
    en: 'Look up the selector in the s= tag of a DKIM-Signature header of a sent message, then run the check with --dkim <selector>.',
    id: 'Cari selector di tag s= pada header DKIM-Signature dari email yang sudah terkirim, lalu jalankan pemeriksaan dengan --dkim <selector>.',
    de: 'Lesen Sie den Selektor aus dem s=-Tag des DKIM-Signature-Headers einer versendeten Nachricht ab und führen Sie die Prüfung mit --dkim <selector> erneut aus.',
  },
} satisfies Record<string, Localized>;
