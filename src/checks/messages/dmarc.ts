/** Sentences of DMARC_PRESENT, DMARC_POLICY, DMARC_RUA and DMARC_ALIGN. */
import type { Localized } from '../../core/lang.js';

export const DMARC_MESSAGES = {
  'common.unreadable': {
    en: 'Could not read {name}: {error}.',
    id: '{name} tidak dapat dibaca: {error}.',
    de: '{name} konnte nicht gelesen werden: {error}.',
  },
  'dmarc.missing': {
    en: 'No DMARC record at _dmarc.{domain}{parents}: Gmail/Yahoo bulk-sender rules need at least p=none.',
    id: 'Tidak ada record DMARC di _dmarc.{domain}{parents}: aturan bulk sender Gmail/Yahoo mewajibkan minimal p=none.',
    de: 'Kein DMARC-Eintrag unter _dmarc.{domain}{parents}: Die Bulk-Sender-Regeln von Gmail/Yahoo verlangen mindestens p=none.',
  },
  'dmarc.orParents': { en: ' or its parents', id: ' maupun domain induknya', de: ' oder den übergeordneten Domains' },
  'dmarc.missingFix': {
    en: 'Publish TXT _dmarc.{domain} "v=DMARC1; p=none; rua=mailto:dmarc@{domain}", then move to quarantine/reject once reports look clean.',
    id: 'Pasang TXT _dmarc.{domain} "v=DMARC1; p=none; rua=mailto:dmarc@{domain}", lalu naikkan ke quarantine/reject setelah laporan terlihat bersih.',
    de: 'Veröffentlichen Sie TXT _dmarc.{domain} "v=DMARC1; p=none; rua=mailto:dmarc@{domain}" und wechseln Sie zu quarantine/reject, sobald die Berichte sauber aussehen.',
  },
  'dmarc.multiple': {
    en: '{n} DMARC records at _dmarc.{name}: receivers apply no policy at all.',
    id: 'Ada {n} record DMARC di _dmarc.{name}: server penerima tidak menerapkan policy apa pun.',
    de: '{n} DMARC-Einträge unter _dmarc.{name}: Empfänger wenden überhaupt keine Policy an.',
  },
  'dmarc.multipleFix': {
    en: 'Keep exactly one v=DMARC1 record.',
    id: 'Sisakan tepat satu record v=DMARC1.',
    de: 'Behalten Sie genau einen v=DMARC1-Eintrag.',
  },
  'dmarc.notPair': {
    en: '"{part}" is not a tag=value pair',
    id: '"{part}" bukan pasangan tag=value',
    de: '"{part}" ist kein tag=value-Paar',
  },
  'dmarc.twice': {
    en: 'tag "{key}" appears twice',
    id: 'tag "{key}" muncul dua kali',
    de: 'Tag "{key}" kommt zweimal vor',
  },
  'dmarc.unknownTag': {
    en: 'unknown tag "{key}" (ignored by receivers)',
    id: 'tag "{key}" tidak dikenal (diabaikan server penerima)',
    de: 'unbekannter Tag "{key}" (von Empfängern ignoriert)',
  },
  'dmarc.pOrder': {
    en: '"p=" should come right after "v=DMARC1"',
    id: '"p=" seharusnya langsung setelah "v=DMARC1"',
    de: '"p=" sollte direkt nach "v=DMARC1" stehen',
  },
  'dmarc.leadingSpace': {
    en: 'whitespace before "v=DMARC1"',
    id: 'ada spasi sebelum "v=DMARC1"',
    de: 'Leerraum vor "v=DMARC1"',
  },
  'dmarc.spfAtDmarc': {
    en: 'an SPF record is also published at _dmarc (it belongs at the domain)',
    id: 'record SPF juga terpasang di _dmarc (seharusnya di domain itu sendiri)',
    de: 'unter _dmarc ist auch ein SPF-Eintrag veröffentlicht (er gehört an die Domain selbst)',
  },
  'dmarc.problems': {
    en: 'DMARC record at {location} has problems: {problems}.',
    id: 'Record DMARC di {location} bermasalah: {problems}.',
    de: 'Der DMARC-Eintrag unter {location} hat Probleme: {problems}.',
  },
  'dmarc.problemsFix': {
    en: 'Rewrite the record as "v=DMARC1; p=…; rua=mailto:…" with known tags only.',
    id: 'Tulis ulang record menjadi "v=DMARC1; p=…; rua=mailto:…" dengan tag yang dikenal saja.',
    de: 'Schreiben Sie den Eintrag neu als "v=DMARC1; p=…; rua=mailto:…", nur mit bekannten Tags.',
  },
  'dmarc.found': {
    en: 'DMARC record found at {location}{inherited}.',
    id: 'Record DMARC ditemukan di {location}{inherited}.',
    de: 'DMARC-Eintrag unter {location} gefunden{inherited}.',
  },
  'dmarc.inheritedFrom': { en: ' (inherited from {name})', id: ' (diwarisi dari {name})', de: ' (geerbt von {name})' },
  'dmarc.pct': {
    en: 'pct={pct}: only part of the mail gets the policy (pct is removed in RFC 9989)',
    id: 'pct={pct}: hanya sebagian email yang dikenai policy (pct dihapus di RFC 9989)',
    de: 'pct={pct}: Nur ein Teil der Mail erhält die Policy (pct entfällt in RFC 9989)',
  },
  'dmarc.spNone': {
    en: 'sp=none leaves subdomains unprotected although p={p}',
    id: 'sp=none membuat subdomain tidak terlindungi meskipun p={p}',
    de: 'sp=none lässt Subdomains ungeschützt, obwohl p={p} gilt',
  },
  'dmarc.noP': {
    en: 'DMARC record has no p= tag: receivers treat it as p=none (or ignore it).',
    id: 'Record DMARC tidak punya tag p=: server penerima menganggapnya p=none (atau mengabaikannya).',
    de: 'Der DMARC-Eintrag hat keinen p=-Tag: Empfänger behandeln ihn wie p=none (oder ignorieren ihn).',
  },
  'dmarc.noPFix': {
    en: 'Add "p=none" (monitoring) or "p=quarantine" / "p=reject".',
    id: 'Tambahkan "p=none" (pemantauan) atau "p=quarantine" / "p=reject".',
    de: 'Ergänzen Sie "p=none" (Monitoring) oder "p=quarantine" / "p=reject".',
  },
  'dmarc.badP': {
    en: 'DMARC p={p} is not a valid policy; receivers ignore the record.',
    id: 'DMARC p={p} bukan policy yang valid; server penerima mengabaikan record ini.',
    de: 'DMARC p={p} ist keine gültige Policy; Empfänger ignorieren den Eintrag.',
  },
  'dmarc.badPFix': {
    en: 'Use p=none, p=quarantine or p=reject.',
    id: 'Gunakan p=none, p=quarantine, atau p=reject.',
    de: 'Verwenden Sie p=none, p=quarantine oder p=reject.',
  },
  'dmarc.monitoring': {
    en: 'DMARC {tag}=none: monitoring only; spoofed mail is delivered.',
    id: 'DMARC {tag}=none: hanya pemantauan; email palsu (spoofing) tetap terkirim.',
    de: 'DMARC {tag}=none: nur Monitoring; gefälschte Mail wird zugestellt.',
  },
  'dmarc.monitoringFix': {
    en: 'Once the reports show all legitimate mail passing, move to p=quarantine, then p=reject.',
    id: 'Setelah laporan menunjukkan semua email yang sah lolos, naikkan ke p=quarantine, lalu p=reject.',
    de: 'Sobald die Berichte zeigen, dass alle legitimen Mails bestehen, wechseln Sie zu p=quarantine, dann zu p=reject.',
  },
  'dmarc.weakened': {
    en: 'DMARC p={policy}, but {note}.',
    id: 'DMARC p={policy}, tetapi {note}.',
    de: 'DMARC p={policy}, aber {note}.',
  },
  'dmarc.weakenedFix': {
    en: 'Remove pct= and set sp= to the same strength as p=.',
    id: 'Hapus pct= dan setel sp= sekuat p=.',
    de: 'Entfernen Sie pct= und setzen Sie sp= genauso streng wie p=.',
  },
  'dmarc.quarantine': {
    en: 'DMARC p=quarantine: spoofed mail goes to spam; p=reject would refuse it outright.',
    id: 'DMARC p=quarantine: email palsu masuk ke spam; p=reject akan langsung menolaknya.',
    de: 'DMARC p=quarantine: Gefälschte Mail landet im Spam; p=reject würde sie direkt abweisen.',
  },
  'dmarc.quarantineFix': {
    en: 'Consider p=reject once reports are clean.',
    id: 'Pertimbangkan p=reject setelah laporan bersih.',
    de: 'Erwägen Sie p=reject, sobald die Berichte sauber sind.',
  },
  'dmarc.reject': {
    en: 'DMARC p=reject: spoofed mail is refused.',
    id: 'DMARC p=reject: email palsu ditolak.',
    de: 'DMARC p=reject: Gefälschte Mail wird abgewiesen.',
  },
  'dmarc.noRua': {
    en: 'DMARC has no rua=: you receive no aggregate reports, so you cannot see who sends as you.',
    id: 'DMARC tidak punya rua=: Anda tidak menerima laporan agregat, jadi tidak bisa melihat siapa yang mengirim atas nama Anda.',
    de: 'DMARC hat kein rua=: Sie erhalten keine Sammelberichte und sehen nicht, wer in Ihrem Namen sendet.',
  },
  'dmarc.noRuaFix': {
    en: 'Add "rua=mailto:dmarc-reports@{domain}" (or a report service\'s address).',
    id: 'Tambahkan "rua=mailto:dmarc-reports@{domain}" (atau alamat layanan pelaporan).',
    de: 'Ergänzen Sie "rua=mailto:dmarc-reports@{domain}" (oder die Adresse eines Report-Dienstes).',
  },
  'dmarc.ruaNotMailto': {
    en: '"{uri}" is not a mailto: URI',
    id: '"{uri}" bukan URI mailto:',
    de: '"{uri}" ist keine mailto:-URI',
  },
  'dmarc.ruaSizeLimit': {
    en: '"{uri}" uses a size limit (!…), obsolete in RFC 9989',
    id: '"{uri}" memakai batas ukuran (!…), sudah usang di RFC 9989',
    de: '"{uri}" verwendet eine Größenbegrenzung (!…), in RFC 9989 veraltet',
  },
  'dmarc.ruaNoMx': {
    en: '{target} has no MX, so reports to {uri} cannot be delivered',
    id: '{target} tidak punya MX, jadi laporan ke {uri} tidak bisa dikirim',
    de: '{target} hat keinen MX, Berichte an {uri} können also nicht zugestellt werden',
  },
  'dmarc.ruaNoAuth': {
    en: '{target} has no authorisation record ({record}); reports to it are discarded',
    id: '{target} tidak punya record otorisasi ({record}); laporan ke sana dibuang',
    de: '{target} hat keinen Autorisierungseintrag ({record}); Berichte dorthin werden verworfen',
  },
  'dmarc.ruaProblem': { en: '{problem}.', id: '{problem}.', de: '{problem}.' },
  'dmarc.ruaProblemFix': {
    en: 'Fix the report address, or ask the report receiver to publish the authorisation record.',
    id: 'Perbaiki alamat laporan, atau minta penerima laporan memasang record otorisasi.',
    de: 'Korrigieren Sie die Berichtsadresse oder bitten Sie den Berichtsempfänger, den Autorisierungseintrag zu veröffentlichen.',
  },
  'dmarc.ruaUnknown': {
    en: 'Could not verify the rua= destination (DNS did not answer).',
    id: 'Tujuan rua= tidak dapat diverifikasi (DNS tidak menjawab).',
    de: 'Das rua=-Ziel konnte nicht überprüft werden (DNS hat nicht geantwortet).',
  },
  'dmarc.ruaOk': {
    en: 'Aggregate reports go to {uris}.',
    id: 'Laporan agregat dikirim ke {uris}.',
    de: 'Sammelberichte gehen an {uris}.',
  },
  'align.unknown': {
    en: 'DMARC alignment unknown: SPF could not be evaluated.',
    id: 'Alignment DMARC tidak diketahui: SPF tidak dapat dievaluasi.',
    de: 'DMARC-Alignment unbekannt: SPF konnte nicht ausgewertet werden.',
  },
  'align.pass': {
    en: 'SPF passes for {domain} itself (aligned, {mode}): DMARC passes through SPF.',
    id: 'SPF lolos untuk {domain} itu sendiri (aligned, {mode}): DMARC lolos lewat SPF.',
    de: 'SPF besteht für {domain} selbst (aligned, {mode}): DMARC besteht über SPF.',
  },
  'align.strict': { en: 'strict', id: 'strict', de: 'strict' },
  'align.relaxed': { en: 'relaxed', id: 'relaxed', de: 'relaxed' },
  'align.noDmarc': {
    en: 'SPF does not pass from {ip} and {domain} has no DMARC: receivers judge the mail on SPF/DKIM alone.',
    id: 'SPF tidak lolos dari {ip} dan {domain} tidak punya DMARC: server penerima menilai email hanya dari SPF/DKIM.',
    de: 'SPF besteht von {ip} aus nicht, und {domain} hat kein DMARC: Empfänger beurteilen die Mail allein nach SPF/DKIM.',
  },
  'align.noDmarcFix': {
    en: 'Sign with DKIM (d={domain}) or authorise the IP in SPF.',
    id: 'Tandatangani dengan DKIM (d={domain}) atau izinkan IP tersebut di SPF.',
    de: 'Signieren Sie mit DKIM (d={domain}) oder autorisieren Sie die IP im SPF-Eintrag.',
  },
  'align.reject': {
    en: 'SPF does not pass from {ip}; with p=reject this mail is rejected unless DKIM (d={domain}) aligns.',
    id: 'SPF tidak lolos dari {ip}; dengan p=reject email ini ditolak kecuali DKIM (d={domain}) aligned.',
    de: 'SPF besteht von {ip} aus nicht; mit p=reject wird diese Mail abgewiesen, sofern DKIM (d={domain}) nicht aligned ist.',
  },
  'align.rejectFix': {
    en: 'Authorise {ip} in SPF, or make sure the mail is DKIM-signed with d={domain}.',
    id: 'Izinkan {ip} di SPF, atau pastikan email ditandatangani DKIM dengan d={domain}.',
    de: 'Autorisieren Sie {ip} im SPF-Eintrag oder stellen Sie sicher, dass die Mail mit d={domain} DKIM-signiert ist.',
  },
  'align.quarantine': {
    en: 'SPF does not pass from {ip}; with p=quarantine this mail goes to spam unless DKIM (d={domain}) aligns.',
    id: 'SPF tidak lolos dari {ip}; dengan p=quarantine email ini masuk spam kecuali DKIM (d={domain}) aligned.',
    de: 'SPF besteht von {ip} aus nicht; mit p=quarantine landet diese Mail im Spam, sofern DKIM (d={domain}) nicht aligned ist.',
  },
  'align.none': {
    en: 'SPF does not pass from {ip}; p=none delivers it, but DMARC fails unless DKIM (d={domain}) aligns.',
    id: 'SPF tidak lolos dari {ip}; p=none tetap mengirimkannya, tetapi DMARC gagal kecuali DKIM (d={domain}) aligned.',
    de: 'SPF besteht von {ip} aus nicht; p=none stellt sie zu, aber DMARC schlägt fehl, sofern DKIM (d={domain}) nicht aligned ist.',
  },
  'align.signFix': {
    en: 'Authorise {ip} in SPF, or DKIM-sign with d={domain}.',
    id: 'Izinkan {ip} di SPF, atau tandatangani DKIM dengan d={domain}.',
    de: 'Autorisieren Sie {ip} im SPF-Eintrag oder signieren Sie per DKIM mit d={domain}.',
  },
} satisfies Record<string, Localized>;
