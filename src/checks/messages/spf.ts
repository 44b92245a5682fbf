/** Sentences of the SPF_* checks and SPF_MATCH. */
import type { Localized } from '../../core/lang.js';

export const SPF_MESSAGES = {
  'spf.unreadable': {
    en: 'Could not read the TXT records of {domain}: {error}.',
    id: 'Record TXT {domain} tidak dapat dibaca: {error}.',
    de: 'Die TXT-Einträge von {domain} konnten nicht gelesen werden: {error}.',
  },
  'spf.senderId': {
    en: 'A Sender ID record (spf2.0/…) is published; Sender ID is dead and receivers ignore it.',
    id: 'Ada record Sender ID (spf2.0/…) yang terpasang; Sender ID sudah tidak dipakai dan server penerima mengabaikannya.',
    de: 'Ein Sender-ID-Eintrag (spf2.0/…) ist veröffentlicht; Sender ID ist tot, Empfänger ignorieren ihn.',
  },
  'spf.senderIdFix': {
    en: 'Remove the spf2.0 record.',
    id: 'Hapus record spf2.0 tersebut.',
    de: 'Entfernen Sie den spf2.0-Eintrag.',
  },
  'spf.missing': {
    en: '{domain} has no SPF record: mail from it fails SPF (none); Gmail and Yahoo reject unauthenticated mail.',
    id: '{domain} tidak punya record SPF: email dari domain ini gagal SPF (none); Gmail dan Yahoo menolak email yang tidak terautentikasi.',
    de: '{domain} hat keinen SPF-Eintrag: Mail von dieser Domain besteht SPF nicht (none); Gmail und Yahoo weisen nicht authentifizierte Mail ab.',
  },
  'spf.missingFix': {
    en: 'Publish one TXT record, e.g. "v=spf1 mx include:<your relay\'s SPF> -all"; for a domain that sends no mail: "v=spf1 -all".',
    id: 'Pasang satu record TXT, mis. "v=spf1 mx include:<SPF relay Anda> -all"; untuk domain yang tidak mengirim email: "v=spf1 -all".',
    de: 'Veröffentlichen Sie genau einen TXT-Eintrag, z. B. "v=spf1 mx include:<SPF Ihres Relays> -all"; für eine Domain, die keine Mail versendet: "v=spf1 -all".',
  },
  'spf.skipped': {
    en: '{domain} has no SPF record receivers read: {record} must start with exactly "v=spf1" followed by a space, so it is skipped (none).',
    id: '{domain} tidak punya record SPF yang dibaca server penerima: {record} harus diawali tepat "v=spf1" lalu spasi, jadi record ini dilewati (none).',
    de: '{domain} hat keinen SPF-Eintrag, den Empfänger lesen: {record} muss genau mit "v=spf1" und einem Leerzeichen beginnen und wird daher übergangen (none).',
  },
  'spf.skippedFix': {
    en: 'Publish the record as "v=spf1 …" with nothing before "v=spf1" and a single space after it.',
    id: 'Pasang record sebagai "v=spf1 …" tanpa apa pun sebelum "v=spf1" dan satu spasi sesudahnya.',
    de: 'Veröffentlichen Sie den Eintrag als "v=spf1 …", ohne etwas vor "v=spf1" und mit einem Leerzeichen danach.',
  },
  'spf.multiple': {
    en: '{n} SPF records: receivers return permerror and SPF fails for every message.',
    id: 'Ada {n} record SPF: server penerima mengembalikan permerror dan SPF gagal untuk setiap pesan.',
    de: '{n} SPF-Einträge: Empfänger melden permerror, und SPF schlägt für jede Nachricht fehl.',
  },
  'spf.multipleFix': {
    en: 'Merge them into one v=spf1 record.',
    id: 'Gabungkan menjadi satu record v=spf1.',
    de: 'Fassen Sie sie zu einem einzigen v=spf1-Eintrag zusammen.',
  },
  'spf.one': { en: 'Exactly one SPF record.', id: 'Tepat satu record SPF.', de: 'Genau ein SPF-Eintrag.' },
  'spf.syntaxError': {
    en: 'SPF error: {error}; receivers return permerror and SPF fails.',
    id: 'Error SPF: {error}; server penerima mengembalikan permerror dan SPF gagal.',
    de: 'SPF-Fehler: {error}; Empfänger melden permerror, und SPF schlägt fehl.',
  },
  'spf.syntaxErrorFix': {
    en: 'Correct the record (one space between terms, valid mechanisms, includes that publish SPF).',
    id: 'Perbaiki record-nya (satu spasi antar-term, mekanisme yang valid, include yang memang memasang SPF).',
    de: 'Korrigieren Sie den Eintrag (ein Leerzeichen zwischen den Termen, gültige Mechanismen, Includes, die selbst SPF veröffentlichen).',
  },
  'spf.syntaxOk': {
    en: 'SPF syntax is valid, including every include.',
    id: 'Sintaks SPF valid, termasuk semua include.',
    de: 'Die SPF-Syntax ist gültig, einschließlich aller Includes.',
  },
  'spf.lookupsOver': {
    en: 'SPF needs {n} DNS lookups (limit 10): permerror at Gmail/Outlook.{biggest}',
    id: 'SPF membutuhkan {n} lookup DNS (batas 10): permerror di Gmail/Outlook.{biggest}',
    de: 'SPF braucht {n} DNS-Abfragen (Limit 10): permerror bei Gmail/Outlook.{biggest}',
  },
  'spf.biggest': { en: ' Biggest: {branch}.', id: ' Terbesar: {branch}.', de: ' Größter Anteil: {branch}.' },
  'spf.lookupsOverFix': {
    en: 'Remove unused includes, replace a/mx with ip4/ip6, or flatten rarely-changing includes.',
    id: 'Hapus include yang tidak dipakai, ganti a/mx dengan ip4/ip6, atau ratakan (flatten) include yang jarang berubah.',
    de: 'Entfernen Sie ungenutzte Includes, ersetzen Sie a/mx durch ip4/ip6 oder lösen Sie selten geänderte Includes in Adressen auf (Flattening).',
  },
  'spf.voids': {
    en: 'SPF has {n} void lookups (limit 2): permerror.',
    id: 'SPF punya {n} void lookup (batas 2): permerror.',
    de: 'SPF hat {n} Void-Lookups (Limit 2): permerror.',
  },
  'spf.voidsFix': {
    en: 'Remove mechanisms that point at names with no records.',
    id: 'Hapus mekanisme yang mengarah ke nama tanpa record.',
    de: 'Entfernen Sie Mechanismen, die auf Namen ohne Einträge zeigen.',
  },
  'spf.lookupsUnknown': {
    en: 'At least {n} DNS lookups; part of the tree did not answer, so the count is unknown.',
    id: 'Setidaknya {n} lookup DNS; sebagian tree SPF tidak menjawab, jadi jumlahnya tidak diketahui.',
    de: 'Mindestens {n} DNS-Abfragen; ein Teil des SPF-Baums hat nicht geantwortet, daher ist die Anzahl unbekannt.',
  },
  'spf.lookupsNear': {
    en: 'SPF needs {n} of the 10 allowed DNS lookups; one more include breaks it.',
    id: 'SPF membutuhkan {n} dari 10 lookup DNS yang diizinkan; satu include lagi akan merusaknya.',
    de: 'SPF braucht {n} der 10 erlaubten DNS-Abfragen; ein weiteres Include macht ihn ungültig.',
  },
  'spf.lookupsNearFix': {
    en: 'Trim includes before adding another service.',
    id: 'Kurangi include sebelum menambahkan layanan lain.',
    de: 'Reduzieren Sie die Includes, bevor Sie einen weiteren Dienst aufnehmen.',
  },
  'spf.lookupsOk': {
    en: 'SPF needs {n} DNS lookups (limit 10).',
    id: 'SPF membutuhkan {n} lookup DNS (batas 10).',
    de: 'SPF braucht {n} DNS-Abfragen (Limit 10).',
  },
  'spf.plusAll': {
    en: 'SPF ends in +all: anyone on the Internet may send as {domain}.',
    id: 'SPF diakhiri +all: siapa pun di Internet boleh mengirim atas nama {domain}.',
    de: 'SPF endet auf +all: Jeder im Internet darf als {domain} senden.',
  },
  'spf.plusAllFix': {
    en: 'Replace "+all" with "-all" (or "~all" while testing).',
    id: 'Ganti "+all" dengan "-all" (atau "~all" selama pengujian).',
    de: 'Ersetzen Sie "+all" durch "-all" (oder "~all" während der Testphase).',
  },
  'spf.neutralAll': {
    en: 'SPF ends in ?all (neutral): it authorises nothing and rejects nothing.',
    id: 'SPF diakhiri ?all (neutral): tidak mengizinkan apa pun dan tidak menolak apa pun.',
    de: 'SPF endet auf ?all (neutral): Er autorisiert nichts und weist nichts ab.',
  },
  'spf.noAll': {
    en: 'SPF has no "all": unmatched senders get neutral, which protects nothing.',
    id: 'SPF tidak punya "all": pengirim yang tidak cocok mendapat neutral, yang tidak melindungi apa pun.',
    de: 'SPF hat kein "all": Nicht erfasste Absender erhalten neutral, und das schützt nichts.',
  },
  'spf.endWithAll': {
    en: 'End the record with "~all" or "-all".',
    id: 'Akhiri record dengan "~all" atau "-all".',
    de: 'Beenden Sie den Eintrag mit "~all" oder "-all".',
  },
  'spf.allOk': { en: 'SPF ends in {term}.', id: 'SPF diakhiri {term}.', de: 'SPF endet auf {term}.' },
  'spf.broadV4': {
    en: '{term} authorises {count} addresses',
    id: '{term} mengizinkan {count} alamat',
    de: '{term} autorisiert {count} Adressen',
  },
  'spf.broadV6': {
    en: '{term} authorises a /{bits} (wider than a /32)',
    id: '{term} mengizinkan sebuah /{bits} (lebih lebar dari /32)',
    de: '{term} autorisiert ein /{bits} (breiter als ein /32)',
  },
  'spf.broadRange': {
    en: '{term} is a {range} range',
    id: '{term} adalah rentang {range}',
    de: '{term} ist ein Bereich vom Typ {range}',
  },
  'spf.broad': {
    en: '{problem}: far more senders than your servers may send as {domain}.',
    id: '{problem}: jauh lebih banyak pengirim daripada server Anda yang boleh mengirim atas nama {domain}.',
    de: '{problem}: Weit mehr Absender als nur Ihre Server dürfen als {domain} senden.',
  },
  'spf.broadFix': {
    en: 'List the exact addresses or prefixes of your mail servers.',
    id: 'Cantumkan alamat atau prefix yang persis dari server mail Anda.',
    de: 'Tragen Sie genau die Adressen oder Präfixe Ihrer Mailserver ein.',
  },
  'spf.broadOk': { en: 'No overly broad ranges.', id: 'Tidak ada rentang yang terlalu lebar.', de: 'Keine zu breiten Adressbereiche.' },
  'spf.ptr': {
    en: 'SPF uses ptr (RFC 7208 §5.5: do not use); many receivers ignore it',
    id: 'SPF memakai ptr (RFC 7208 §5.5: jangan dipakai); banyak server penerima mengabaikannya',
    de: 'SPF verwendet ptr (RFC 7208 §5.5: nicht verwenden); viele Empfänger ignorieren es',
  },
  'spf.long': {
    en: 'the record is {bytes} bytes (over 450: answers may need TCP)',
    id: 'record-nya {bytes} byte (lebih dari 450: jawaban mungkin perlu TCP)',
    de: 'der Eintrag ist {bytes} Byte lang (über 450: Antworten brauchen evtl. TCP)',
  },
  /** A parser warning (English diagnostics from spf-record.ts, shown as they are). */
  'spf.warning': { en: '{text}', id: '{text}', de: '{text}' },
  'spf.deprecated': { en: '{problem}.', id: '{problem}.', de: '{problem}.' },
  'spf.deprecatedFix': {
    en: 'Replace ptr with ip4/ip6 or a; keep the record short and clean.',
    id: 'Ganti ptr dengan ip4/ip6 atau a; jaga agar record tetap pendek dan rapi.',
    de: 'Ersetzen Sie ptr durch ip4/ip6 oder a; halten Sie den Eintrag kurz und sauber.',
  },
  'spf.noDeprecated': {
    en: 'No deprecated SPF features.',
    id: 'Tidak ada fitur SPF yang usang.',
    de: 'Keine veralteten SPF-Funktionen.',
  },
  'spf.oursOk': {
    en: 'SPF authorises our outbound relays.',
    id: 'SPF mengizinkan relay keluar kami.',
    de: 'SPF autorisiert unsere ausgehenden Relays.',
  },
  'spf.oursUnknown': {
    en: 'Could not tell whether SPF authorises our relays: part of the SPF tree did not answer.',
    id: 'Tidak bisa dipastikan apakah SPF mengizinkan relay kami: sebagian tree SPF tidak menjawab.',
    de: 'Ob SPF unsere Relays autorisiert, ist unklar: Ein Teil des SPF-Baums hat nicht geantwortet.',
  },
  'spf.oursMissing': {
    en: 'SPF does not authorise our relays ({want}); mail sent through us fails SPF.',
    id: 'SPF tidak mengizinkan relay kami ({want}); email yang dikirim lewat kami gagal SPF.',
    de: 'SPF autorisiert unsere Relays nicht ({want}); über uns versendete Mail besteht SPF nicht.',
  },
  'spf.oursMissingFix': {
    en: 'Add {want} before the "all" of {domain}\'s SPF record.',
    id: 'Tambahkan {want} sebelum "all" di record SPF {domain}.',
    de: 'Fügen Sie {want} vor dem "all" im SPF-Eintrag von {domain} ein.',
  },
  'match.pass': { en: '{ip} → pass{via}.', id: '{ip} → pass{via}.', de: '{ip} → pass{via}.' },
  'match.via': { en: ' via {path}', id: ' melalui {path}', de: ' über {path}' },
  'match.notAuthorised': {
    en: '{ip} → {result}: not authorised by {domain}\'s SPF{decided}.',
    id: '{ip} → {result}: tidak diizinkan oleh SPF {domain}{decided}.',
    de: '{ip} → {result}: vom SPF-Eintrag von {domain} nicht autorisiert{decided}.',
  },
  'match.decidedBy': { en: ' (decided by {path})', id: ' (ditentukan oleh {path})', de: ' (entschieden durch {path})' },
  'match.notAuthorisedFix': {
    en: 'If {ip} is a legitimate sender, add {mechanism}:{ip} (or the sending service\'s include) to the SPF record.',
    id: 'Jika {ip} memang pengirim yang sah, tambahkan {mechanism}:{ip} (atau include dari layanan pengirimnya) ke record SPF.',
    de: 'Ist {ip} ein legitimer Absender, ergänzen Sie {mechanism}:{ip} (oder das Include des versendenden Dienstes) im SPF-Eintrag.',
  },
  'match.none': {
    en: '{domain} publishes no SPF: {ip} gets "none", and Gmail/Yahoo reject unauthenticated mail.',
    id: '{domain} tidak memasang SPF: {ip} mendapat "none", dan Gmail/Yahoo menolak email yang tidak terautentikasi.',
    de: '{domain} veröffentlicht kein SPF: {ip} erhält "none", und Gmail/Yahoo weisen nicht authentifizierte Mail ab.',
  },
  'match.noneFix': {
    en: 'Publish an SPF record that lists your sending servers.',
    id: 'Pasang record SPF yang mencantumkan server pengirim Anda.',
    de: 'Veröffentlichen Sie einen SPF-Eintrag, der Ihre versendenden Server aufführt.',
  },
  'match.permerror': {
    en: 'SPF of {domain} is broken (permerror: {reason}): SPF fails for every sender.',
    id: 'SPF {domain} rusak (permerror: {reason}): SPF gagal untuk setiap pengirim.',
    de: 'Der SPF-Eintrag von {domain} ist fehlerhaft (permerror: {reason}): SPF schlägt für jeden Absender fehl.',
  },
  'match.invalidRecord': { en: 'invalid record', id: 'record tidak valid', de: 'ungültiger Eintrag' },
  'match.permerrorFix': {
    en: 'Fix the errors reported by SPF_SYNTAX / SPF_LOOKUPS.',
    id: 'Perbaiki error yang dilaporkan oleh SPF_SYNTAX / SPF_LOOKUPS.',
    de: 'Beheben Sie die Fehler, die SPF_SYNTAX / SPF_LOOKUPS melden.',
  },
  'match.temperror': {
    en: 'SPF for {ip} could not be evaluated (temperror: {reason}); the verdict is unknown.',
    id: 'SPF untuk {ip} tidak dapat dievaluasi (temperror: {reason}); hasilnya tidak diketahui.',
    de: 'SPF für {ip} konnte nicht ausgewertet werden (temperror: {reason}); das Ergebnis ist unbekannt.',
  },
  'match.dnsFailure': { en: 'DNS failure', id: 'kegagalan DNS', de: 'DNS-Fehler' },
} satisfies Record<string, Localized>;
