/** Sentences of DNS_RESOLVE, NS_COUNT, MX_PRESENT, MX_HYGIENE and MX_OURS. */
import type { Localized } from '../../core/lang.js';

export const MX_MESSAGES = {
  'dns.noAnswer': {
    en: 'The nameservers of {domain} did not give an answer ({error}); this is not the same as "missing".',
    id: 'Nameserver {domain} tidak memberi jawaban ({error}); ini tidak sama dengan "tidak ada".',
    de: 'Die Nameserver von {domain} haben nicht geantwortet ({error}); das ist nicht dasselbe wie „fehlt“.',
  },
  'dns.noAnswerFix': {
    en: 'Run the check again; if it persists, the domain\'s nameservers are failing (lame delegation, DNSSEC error or outage).',
    id: 'Jalankan pemeriksaan lagi; jika tetap terjadi, nameserver domain ini bermasalah (lame delegation, error DNSSEC, atau gangguan).',
    de: 'Führen Sie die Prüfung erneut aus; bleibt es dabei, sind die Nameserver der Domain gestört (Lame Delegation, DNSSEC-Fehler oder Ausfall).',
  },
  'dns.nxdomain': {
    en: '{domain} does not exist (NXDOMAIN); no mail can be sent to or verified for it.',
    id: '{domain} tidak ada (NXDOMAIN); tidak ada email yang bisa dikirim ke domain ini atau diverifikasi untuknya.',
    de: '{domain} existiert nicht (NXDOMAIN); an diese Domain kann keine Mail zugestellt und für sie nichts geprüft werden.',
  },
  'dns.nxdomainFix': {
    en: 'Check the spelling; if it is right, the domain has expired or was never delegated: renew it at the registrar.',
    id: 'Periksa ejaannya; jika sudah benar, domain ini sudah kedaluwarsa atau belum pernah didelegasikan: perpanjang di registrar.',
    de: 'Prüfen Sie die Schreibweise; stimmt sie, ist die Domain abgelaufen oder wurde nie delegiert: Verlängern Sie sie beim Registrar.',
  },
  'dns.ok': {
    en: '{domain} exists and its nameservers answer.',
    id: '{domain} ada dan nameserver-nya menjawab.',
    de: '{domain} existiert, und ihre Nameserver antworten.',
  },
  'dns.parentZone': {
    en: '{domain} exists (it has no nameservers of its own; it is served by its parent zone).',
    id: '{domain} ada (tidak punya nameserver sendiri; dilayani oleh zona induknya).',
    de: '{domain} existiert (ohne eigene Nameserver; sie wird von der übergeordneten Zone bedient).',
  },
  'ns.count': { en: '{n} nameservers.', id: '{n} nameserver.', de: '{n} Nameserver.' },
  'ns.single': {
    en: 'Only 1 nameserver ({ns}); a single outage takes mail for {domain} down.',
    id: 'Hanya 1 nameserver ({ns}); satu gangguan saja membuat email untuk {domain} terhenti.',
    de: 'Nur 1 Nameserver ({ns}); ein einziger Ausfall legt die Mail für {domain} lahm.',
  },
  'ns.singleFix': {
    en: 'Add a second nameserver on a different network (RFC 1034 asks for at least two).',
    id: 'Tambahkan nameserver kedua di jaringan yang berbeda (RFC 1034 meminta minimal dua).',
    de: 'Richten Sie einen zweiten Nameserver in einem anderen Netz ein (RFC 1034 verlangt mindestens zwei).',
  },
  'mx.unreadable': {
    en: 'Could not read the MX records of {domain}: {error}.',
    id: 'Record MX {domain} tidak dapat dibaca: {error}.',
    de: 'Die MX-Einträge von {domain} konnten nicht gelesen werden: {error}.',
  },
  'mx.null': {
    en: 'Null MX (RFC 7505): {domain} accepts no mail (intended?).',
    id: 'Null MX (RFC 7505): {domain} tidak menerima email (memang disengaja?).',
    de: 'Null-MX (RFC 7505): {domain} nimmt keine Mail an (beabsichtigt?).',
  },
  'mx.nullFix': {
    en: 'If the domain should receive mail, replace the null MX with real MX records.',
    id: 'Jika domain ini seharusnya menerima email, ganti null MX dengan record MX yang sebenarnya.',
    de: 'Soll die Domain Mail empfangen, ersetzen Sie den Null-MX durch echte MX-Einträge.',
  },
  'mx.implicit': {
    en: 'No MX: senders fall back to the A/AAAA record {addresses} (implicit MX).',
    id: 'Tidak ada MX: pengirim beralih ke record A/AAAA {addresses} (MX implisit).',
    de: 'Kein MX: Absender weichen auf den A/AAAA-Eintrag {addresses} aus (impliziter MX).',
  },
  'mx.implicitFix': {
    en: 'Publish an MX record (e.g. "{domain}. MX 10 mail.{domain}.") so delivery does not depend on the fallback.',
    id: 'Pasang record MX (mis. "{domain}. MX 10 mail.{domain}.") agar pengiriman tidak bergantung pada fallback.',
    de: 'Veröffentlichen Sie einen MX-Eintrag (z. B. "{domain}. MX 10 mail.{domain}."), damit die Zustellung nicht vom Fallback abhängt.',
  },
  'mx.noneLookupFailed': {
    en: '{domain} has no MX and its A/AAAA lookup failed ({error}).',
    id: '{domain} tidak punya MX dan lookup A/AAAA-nya gagal ({error}).',
    de: '{domain} hat keinen MX, und die A/AAAA-Abfrage ist fehlgeschlagen ({error}).',
  },
  'mx.none': {
    en: '{domain} has no MX and no A/AAAA record: mail to it bounces.',
    id: '{domain} tidak punya MX maupun record A/AAAA: email ke domain ini akan bounce.',
    de: '{domain} hat weder MX- noch A/AAAA-Eintrag: Mail an diese Domain kommt als unzustellbar zurück.',
  },
  'mx.noneFix': {
    en: 'Publish MX records for {domain} pointing at the mail servers (ours: see MX_OURS).',
    id: 'Pasang record MX untuk {domain} yang mengarah ke server mail (milik kami: lihat MX_OURS).',
    de: 'Veröffentlichen Sie MX-Einträge für {domain}, die auf die Mailserver zeigen (unsere: siehe MX_OURS).',
  },
  'mx.count': { en: '{n} MX record(s).', id: '{n} record MX.', de: 'MX-Einträge: {n}.' },
  'mx.isIp': {
    en: 'MX {host} is an IP address, not a host name (RFC 5321 §5.1)',
    id: 'MX {host} adalah alamat IP, bukan nama host (RFC 5321 §5.1)',
    de: 'MX {host} ist eine IP-Adresse, kein Hostname (RFC 5321 §5.1)',
  },
  'mx.isIpFix': {
    en: 'publish a name (e.g. mail.{domain}) with an A record and use it as the MX',
    id: 'buat sebuah nama (mis. mail.{domain}) dengan record A dan gunakan sebagai MX',
    de: 'legen Sie einen Namen (z. B. mail.{domain}) mit A-Eintrag an und verwenden Sie ihn als MX',
  },
  'mx.cname': {
    en: 'MX {host} is a CNAME to {target} (RFC 2181 §10.3); some MTAs will not deliver',
    id: 'MX {host} adalah CNAME ke {target} (RFC 2181 §10.3); sebagian MTA tidak akan mengirim ke sana',
    de: 'MX {host} ist ein CNAME auf {target} (RFC 2181 §10.3); manche MTAs stellen dorthin nicht zu',
  },
  'mx.cnameFix': {
    en: 'point the MX straight at {target}',
    id: 'arahkan MX langsung ke {target}',
    de: 'lassen Sie den MX direkt auf {target} zeigen',
  },
  'mx.lookupFailed': {
    en: 'MX {host}: address lookup failed ({error})',
    id: 'MX {host}: lookup alamat gagal ({error})',
    de: 'MX {host}: Adressabfrage fehlgeschlagen ({error})',
  },
  'mx.noAddress': {
    en: 'MX {host} has no A/AAAA record: senders cannot reach it',
    id: 'MX {host} tidak punya record A/AAAA: pengirim tidak bisa menjangkaunya',
    de: 'MX {host} hat keinen A/AAAA-Eintrag: Absender können ihn nicht erreichen',
  },
  'mx.noAddressFix': {
    en: 'add an A record for {host} or remove it from the MX set',
    id: 'tambahkan record A untuk {host} atau hapus host ini dari daftar MX',
    de: 'legen Sie einen A-Eintrag für {host} an oder entfernen Sie ihn aus den MX-Einträgen',
  },
  'mx.private': {
    en: 'MX {host} resolves to non-public {addresses}',
    id: 'MX {host} mengarah ke alamat non-publik {addresses}',
    de: 'MX {host} löst auf nicht öffentliche Adressen auf: {addresses}',
  },
  'mx.privateFix': {
    en: 'make {host} resolve to its public address',
    id: 'pastikan {host} mengarah ke alamat publiknya',
    de: 'lassen Sie {host} auf seine öffentliche Adresse auflösen',
  },
  'mx.duplicateHost': {
    en: 'duplicate MX host {hosts}',
    id: 'host MX ganda: {hosts}',
    de: 'doppelter MX-Host {hosts}',
  },
  'mx.sharedAddress': {
    en: 'several MX hosts share {addresses} (no real redundancy)',
    id: 'beberapa host MX memakai alamat yang sama {addresses} (tidak ada redundansi nyata)',
    de: 'mehrere MX-Hosts teilen sich {addresses} (keine echte Redundanz)',
  },
  'mx.hygieneOk': {
    en: 'Every MX is a host name with a public address.',
    id: 'Setiap MX adalah nama host dengan alamat publik.',
    de: 'Jeder MX ist ein Hostname mit öffentlicher Adresse.',
  },
  'mx.unreachable': {
    en: 'No MX host of {domain} is reachable: {problems}.',
    id: 'Tidak ada host MX {domain} yang dapat dijangkau: {problems}.',
    de: 'Kein MX-Host von {domain} ist erreichbar: {problems}.',
  },
  'mx.problems': { en: '{problems}.', id: '{problems}.', de: '{problems}.' },
  'mx.fixes': { en: '{fixes}', id: '{fixes}', de: '{fixes}' },
  'mx.hygieneFix': {
    en: 'Fix the MX records listed.',
    id: 'Perbaiki record MX yang disebutkan.',
    de: 'Korrigieren Sie die aufgeführten MX-Einträge.',
  },
  'mx.oursOk': {
    en: 'Every MX points to our filter.',
    id: 'Setiap MX mengarah ke filter kami.',
    de: 'Jeder MX zeigt auf unseren Filter.',
  },
  'mx.oursNone': {
    en: 'MX points to {hosts}, not our filter: inbound mail bypasses our filtering (and our quarantine).',
    id: 'MX mengarah ke {hosts}, bukan ke filter kami: email masuk melewati filter kami (dan karantina kami).',
    de: 'MX zeigt auf {hosts}, nicht auf unseren Filter: Eingehende Mail umgeht unsere Filterung (und unsere Quarantäne).',
  },
  'mx.oursSome': {
    en: 'MX {hosts} is not our filter: mail delivered there bypasses filtering.',
    id: 'MX {hosts} bukan filter kami: email yang dikirim ke sana tidak melewati filter.',
    de: 'MX {hosts} ist nicht unser Filter: Dort zugestellte Mail umgeht die Filterung.',
  },
  'mx.oursFix': {
    en: 'Point every MX at our filter hosts ({patterns}) and remove the others, or the spam will come in through them.',
    id: 'Arahkan setiap MX ke host filter kami ({patterns}) dan hapus yang lain, jika tidak spam akan masuk lewat host tersebut.',
    de: 'Lassen Sie jeden MX auf unsere Filter-Hosts ({patterns}) zeigen und entfernen Sie die übrigen, sonst kommt Spam über diese herein.',
  },
} satisfies Record<string, Localized>;
