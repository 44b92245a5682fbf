/** Sentences of IP_SCOPE, IP_PTR, IP_FCRDNS, IP_PTR_GENERIC, IP_HELO and IP_ASN. */
import type { Localized } from '../../core/lang.js';

export const IP_MESSAGES = {
  'scope.public': {
    en: '{ip} is a public address.',
    id: '{ip} adalah alamat publik.',
    de: '{ip} ist eine öffentliche Adresse.',
  },
  // The scope phrases carry the verb in id and de, where it differs per phrase.
  'scope.notPublic': {
    en: '{ip} is {words}; no receiver on the Internet sees mail from it.',
    id: '{ip} {words}; tidak ada server penerima di Internet yang melihat email dari alamat ini.',
    de: '{ip} {words}; kein Empfänger im Internet sieht Mail von dieser Adresse.',
  },
  'scope.private': {
    en: 'a private address (RFC 1918)',
    id: 'merupakan alamat privat (RFC 1918)',
    de: 'ist eine private Adresse (RFC 1918)',
  },
  'scope.loopback': { en: 'a loopback address', id: 'merupakan alamat loopback', de: 'ist eine Loopback-Adresse' },
  'scope.carrierGradeNat': {
    en: 'a carrier-grade NAT address (RFC 6598, 100.64.0.0/10)',
    id: 'merupakan alamat carrier-grade NAT (RFC 6598, 100.64.0.0/10)',
    de: 'ist eine Carrier-Grade-NAT-Adresse (RFC 6598, 100.64.0.0/10)',
  },
  'scope.linkLocal': { en: 'a link-local address', id: 'merupakan alamat link-local', de: 'ist eine Link-Local-Adresse' },
  'scope.uniqueLocal': {
    en: 'a unique-local IPv6 address (fc00::/7)',
    id: 'merupakan alamat IPv6 unique-local (fc00::/7)',
    de: 'ist eine Unique-Local-IPv6-Adresse (fc00::/7)',
  },
  'scope.reserved': {
    en: 'in a reserved or documentation range (e.g. 192.0.2.0/24, 2001:db8::/32)',
    id: 'berada di rentang reserved atau dokumentasi (mis. 192.0.2.0/24, 2001:db8::/32)',
    de: 'liegt in einem reservierten oder Dokumentationsbereich (z. B. 192.0.2.0/24, 2001:db8::/32)',
  },
  'scope.unspecified': { en: 'the unspecified address', id: 'merupakan alamat unspecified', de: 'ist die unspezifizierte Adresse' },
  'scope.multicast': { en: 'a multicast address', id: 'merupakan alamat multicast', de: 'ist eine Multicast-Adresse' },
  'scope.broadcast': { en: 'the broadcast address', id: 'merupakan alamat broadcast', de: 'ist die Broadcast-Adresse' },
  'scope.other': {
    en: 'not a public address ({range})',
    id: 'bukan alamat publik ({range})',
    de: 'ist keine öffentliche Adresse ({range})',
  },
  'scope.fix': {
    en: 'Check the public address the mail leaves from (the NAT or relay address), e.g. from the Received: header the receiver added.',
    id: 'Periksa alamat publik tempat email keluar (alamat NAT atau relay), mis. dari header Received: yang ditambahkan server penerima.',
    de: 'Prüfen Sie die öffentliche Adresse, über die die Mail hinausgeht (NAT- oder Relay-Adresse), z. B. im Received:-Header, den der Empfänger hinzugefügt hat.',
  },
  'ptr.unreadable': {
    en: 'Could not read the PTR of {ip}: {error}.',
    id: 'PTR {ip} tidak dapat dibaca: {error}.',
    de: 'Der PTR von {ip} konnte nicht gelesen werden: {error}.',
  },
  'ptr.unreadableFix': {
    en: 'Run the check again; if it persists, the reverse zone\'s nameservers are failing.',
    id: 'Jalankan pemeriksaan lagi; jika tetap terjadi, nameserver zona reverse bermasalah.',
    de: 'Führen Sie die Prüfung erneut aus; bleibt es dabei, sind die Nameserver der Reverse-Zone gestört.',
  },
  'ptr.missing': {
    en: '{ip} has no PTR (reverse DNS): Gmail rejects with 550-5.7.25, and so do many others.',
    id: '{ip} tidak punya PTR (reverse DNS): Gmail menolak dengan 550-5.7.25, begitu juga banyak penyedia lain.',
    de: '{ip} hat keinen PTR (Reverse-DNS): Gmail weist mit 550-5.7.25 ab, viele andere ebenso.',
  },
  'ptr.missingFix': {
    en: 'Ask whoever owns the IP (the ISP or hosting provider) to set a PTR for {ip} to the mail server\'s name, e.g. mail.<yourdomain>, with an A record pointing back to {ip}.',
    id: 'Minta pemilik IP (ISP atau penyedia hosting) memasang PTR untuk {ip} ke nama server mail, mis. mail.<domainanda>, dengan record A yang mengarah balik ke {ip}.',
    de: 'Bitten Sie den Inhaber der IP (Provider oder Hoster), für {ip} einen PTR auf den Namen des Mailservers zu setzen, z. B. mail.<ihredomain>, mit einem A-Eintrag, der auf {ip} zurückzeigt.',
  },
  'ptr.multiple': {
    en: '{ip} has {n} PTR records; receivers pick one at random, so checks against your HELO name are unreliable.',
    id: '{ip} punya {n} record PTR; server penerima memilih salah satu secara acak, jadi pencocokan dengan nama HELO Anda tidak bisa diandalkan.',
    de: '{ip} hat {n} PTR-Einträge; Empfänger wählen zufällig einen aus, Abgleiche mit Ihrem HELO-Namen sind daher unzuverlässig.',
  },
  'ptr.multipleFix': {
    en: 'Keep exactly one PTR per sending IP.',
    id: 'Sisakan tepat satu PTR per IP pengirim.',
    de: 'Behalten Sie genau einen PTR pro sendender IP.',
  },
  'ptr.ok': { en: '{ip} has a PTR: {name}.', id: '{ip} punya PTR: {name}.', de: '{ip} hat einen PTR: {name}.' },
  'fcrdns.ok': {
    en: 'PTR {name} resolves back to {ip} (forward-confirmed).',
    id: 'PTR {name} mengarah balik ke {ip} (forward-confirmed).',
    de: 'PTR {name} löst wieder auf {ip} auf (forward-confirmed).',
  },
  'fcrdns.unresolvable': {
    en: 'Could not resolve the PTR name {name}: {error}.',
    id: 'Nama PTR {name} tidak dapat di-resolve: {error}.',
    de: 'Der PTR-Name {name} konnte nicht aufgelöst werden: {error}.',
  },
  'fcrdns.fail': {
    en: 'PTR {name} does not resolve back to {ip} (not forward-confirmed); Gmail and others reject with 5.7.25.',
    id: 'PTR {name} tidak mengarah balik ke {ip} (tidak forward-confirmed); Gmail dan penyedia lain menolak dengan 5.7.25.',
    de: 'PTR {name} löst nicht wieder auf {ip} auf (nicht forward-confirmed); Gmail und andere weisen mit 5.7.25 ab.',
  },
  'fcrdns.failFix': {
    en: 'Add an A (or AAAA) record {name} → {ip}, or change the PTR to a name that has one.',
    id: 'Tambahkan record A (atau AAAA) {name} → {ip}, atau ubah PTR ke nama yang punya record tersebut.',
    de: 'Legen Sie einen A- (oder AAAA-)Eintrag {name} → {ip} an oder ändern Sie den PTR auf einen Namen, der einen hat.',
  },
  'generic.digits': {
    en: 'contains the address digits "{digits}"',
    id: 'berisi angka alamat IP "{digits}"',
    de: 'enthält die Ziffern der Adresse "{digits}"',
  },
  'generic.word': { en: 'contains "{word}"', id: 'berisi "{word}"', de: 'enthält "{word}"' },
  'generic.ec2': {
    en: 'is an Amazon EC2 default name',
    id: 'adalah nama bawaan Amazon EC2',
    de: 'ist ein Amazon-EC2-Standardname',
  },
  'generic.hoster': {
    en: 'is a hosting provider default name',
    id: 'adalah nama bawaan penyedia hosting',
    de: 'ist ein Standardname des Hosters',
  },
  'generic.warn': {
    en: 'PTR {name} looks generic/dynamic ({why}); receivers (Spamhaus PBL, SpamRATS Dyna) treat it as end-user space.',
    id: 'PTR {name} terlihat generik/dinamis ({why}); server penerima (Spamhaus PBL, SpamRATS Dyna) menganggapnya alamat pelanggan akhir (end-user).',
    de: 'PTR {name} wirkt generisch/dynamisch ({why}); Empfänger (Spamhaus PBL, SpamRATS Dyna) stufen ihn als Endkunden-Adressraum ein.',
  },
  'generic.warnFix': {
    en: 'Set a PTR that names the mail server, e.g. mail.<yourdomain>, not the provider\'s default.',
    id: 'Pasang PTR yang menyebut nama server mail, mis. mail.<domainanda>, bukan nama bawaan penyedia.',
    de: 'Setzen Sie einen PTR, der den Mailserver benennt, z. B. mail.<ihredomain>, nicht den Standardnamen des Providers.',
  },
  'generic.ok': {
    en: 'PTR {name} looks like a mail server name, not end-user space.',
    id: 'PTR {name} terlihat seperti nama server mail, bukan alamat pelanggan akhir.',
    de: 'PTR {name} sieht nach einem Mailserver-Namen aus, nicht nach Endkunden-Adressraum.',
  },
  'helo.literal': { en: 'an address literal', id: 'sebuah address literal', de: 'ein Adressliteral' },
  'helo.localhost': { en: 'localhost', id: 'localhost', de: 'localhost' },
  'helo.notFqdn': {
    en: 'not a fully qualified domain name',
    id: 'bukan nama domain lengkap (FQDN)',
    de: 'kein vollqualifizierter Domainname (FQDN)',
  },
  'helo.bad': {
    en: 'HELO "{helo}" is {why}; many MTAs reject or penalise it.',
    id: 'HELO "{helo}" adalah {why}; banyak MTA menolak atau memberi penalti.',
    de: 'HELO "{helo}" ist {why}; viele MTAs weisen das ab oder werten es negativ.',
  },
  'helo.badFix': {
    en: 'Set the server\'s HELO/EHLO name to a real name such as {name} with an A record → {ip}.',
    id: 'Setel nama HELO/EHLO server ke nama yang sebenarnya, seperti {name}, dengan record A → {ip}.',
    de: 'Stellen Sie den HELO/EHLO-Namen des Servers auf einen echten Namen wie {name} mit A-Eintrag → {ip} um.',
  },
  'helo.exampleName': { en: 'mail.<yourdomain>', id: 'mail.<domainanda>', de: 'mail.<ihredomain>' },
  'helo.unresolvable': {
    en: 'Could not resolve the HELO name {name}: {error}.',
    id: 'Nama HELO {name} tidak dapat di-resolve: {error}.',
    de: 'Der HELO-Name {name} konnte nicht aufgelöst werden: {error}.',
  },
  'helo.mismatch': {
    en: 'HELO {name} does not resolve to {ip}; receivers that check HELO will distrust or reject it.',
    id: 'HELO {name} tidak mengarah ke {ip}; server penerima yang memeriksa HELO akan mencurigai atau menolaknya.',
    de: 'HELO {name} löst nicht auf {ip} auf; Empfänger, die HELO prüfen, misstrauen ihm oder weisen ab.',
  },
  'helo.mismatchFix': {
    en: 'Point {name} at {ip} (A/AAAA record), or make the server say a name that does.',
    id: 'Arahkan {name} ke {ip} (record A/AAAA), atau buat server memakai nama yang mengarah ke sana.',
    de: 'Lassen Sie {name} auf {ip} zeigen (A/AAAA-Eintrag) oder lassen Sie den Server einen Namen nennen, der das tut.',
  },
  'helo.differs': {
    en: 'HELO {name} resolves to {ip} but differs from the PTR {ptr}; fine for most receivers, best practice is to match.',
    id: 'HELO {name} mengarah ke {ip} tetapi berbeda dari PTR {ptr}; tidak masalah bagi kebanyakan server penerima, tetapi sebaiknya disamakan.',
    de: 'HELO {name} löst auf {ip} auf, weicht aber vom PTR {ptr} ab; für die meisten Empfänger in Ordnung, Best Practice ist Übereinstimmung.',
  },
  'helo.differsFix': {
    en: 'Use the PTR name {ptr} as the HELO name.',
    id: 'Gunakan nama PTR {ptr} sebagai nama HELO.',
    de: 'Verwenden Sie den PTR-Namen {ptr} als HELO-Namen.',
  },
  'helo.ok': {
    en: 'HELO {name} resolves to {ip}{matches}.',
    id: 'HELO {name} mengarah ke {ip}{matches}.',
    de: 'HELO {name} löst auf {ip} auf{matches}.',
  },
  'helo.matchesPtr': { en: ' and matches the PTR', id: ' dan sama dengan PTR', de: ' und stimmt mit dem PTR überein' },
  'asn.unreadable': {
    en: 'Could not look up the origin AS of {ip}: {error}.',
    id: 'AS asal {ip} tidak dapat dicari: {error}.',
    de: 'Das Ursprungs-AS von {ip} konnte nicht ermittelt werden: {error}.',
  },
  'asn.unknown': {
    en: 'No origin AS is known for {ip} (not announced on the Internet?).',
    id: 'Tidak ada AS asal yang diketahui untuk {ip} (tidak diumumkan di Internet?).',
    de: 'Für {ip} ist kein Ursprungs-AS bekannt (im Internet nicht announced?).',
  },
  'asn.info': { en: 'AS{asn}{about}, {prefix}.', id: 'AS{asn}{about}, {prefix}.', de: 'AS{asn}{about}, {prefix}.' },
} satisfies Record<string, Localized>;
