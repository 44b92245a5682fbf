/** The explainer's own words (labels and notes) in every language. */
import { MBOX_MESSAGES, PART_BYTES, RECIPIENTS } from '../bounce/parse/limits.js';
import { fill, t, type Lang, type Localized } from '../core/lang.js';

export const LABELS = {
  notInCatalogue: { en: 'Not in the catalogue', id: 'Tidak ada di katalog', de: 'Nicht im Katalog' },
  whatToDo: { en: 'What to do', id: 'Yang perlu dilakukan', de: 'Was zu tun ist' },
  whoActs: { en: 'Who must act', id: 'Siapa yang harus bertindak', de: 'Wer handeln muss' },
  temporary: { en: 'Temporary', id: 'Sementara', de: 'Vorübergehend' },
  reason: { en: 'Reason', id: 'Alasan', de: 'Grund' },
  confidence: { en: 'Confidence', id: 'Keyakinan', de: 'Sicherheit' },
  recipient: { en: 'Recipient', id: 'Penerima', de: 'Empfänger' },
  reply: { en: 'Reply code', id: 'Kode balasan', de: 'Antwortcode' },
  status: { en: 'Status code', id: 'Kode status', de: 'Statuscode' },
  remoteHost: { en: 'Remote host', id: 'Host tujuan', de: 'Gegenstelle' },
  clientHost: { en: 'Sending server', id: 'Server pengirim', de: 'Einliefernder Server' },
  zone: { en: 'Blocklist', id: 'Daftar blokir', de: 'Sperrliste' },
  ips: { en: 'IP addresses', id: 'Alamat IP', de: 'IP-Adressen' },
  domains: { en: 'Domains', id: 'Domain', de: 'Domains' },
  diagnostic: { en: 'Server said', id: 'Kata server', de: 'Antwort des Servers' },
  entry: { en: 'Catalogue entry', id: 'Entri katalog', de: 'Katalogeintrag' },
  alternatives: { en: 'Could also be', id: 'Bisa juga', de: 'Könnte auch sein' },
  yes: { en: 'yes — the sending server retries by itself', id: 'ya — server pengirim akan mencoba ulang sendiri', de: 'ja — der sendende Server versucht es selbst erneut' },
  no: { en: 'no — it will not be retried', id: 'tidak — tidak akan dicoba ulang', de: 'nein — es wird nicht erneut versucht' },
  details: { en: 'Show all fields', id: 'Tampilkan semua kolom', de: 'Alle Felder zeigen' },
  input: { en: 'Input', id: 'Masukan', de: 'Eingabe' },
} satisfies Record<string, Localized>;

export const ACTORS: Record<string, Localized> = {
  sender: { en: 'the sender (or their mail provider)', id: 'pengirim (atau penyedia email pengirim)', de: 'der Absender (oder sein Mailanbieter)' },
  'recipient-admin': { en: "the recipient's mail administrator", id: 'administrator email penerima', de: 'der Mail-Administrator des Empfängers' },
  'our-support': { en: 'our support team', id: 'tim support kami', de: 'unser Support-Team' },
  nobody: { en: 'nobody — nothing needs doing', id: 'tidak ada — tidak perlu tindakan', de: 'niemand — nichts zu tun' },
};

export const CONFIDENCE: Record<string, Localized> = {
  high: { en: 'high', id: 'tinggi', de: 'hoch' },
  medium: { en: 'medium', id: 'sedang', de: 'mittel' },
  low: { en: 'low', id: 'rendah', de: 'gering' },
};

export const NOTES: Record<string, Localized> = {
  empty: {
    en: 'The input is empty. Paste a bounce — an SMTP reply line, the report part of a non-delivery message, a log line, or the whole message.',
    id: 'Masukan kosong. Tempel bounce — baris balasan SMTP, bagian laporan pesan gagal kirim, baris log, atau seluruh pesan.',
    de: 'Die Eingabe ist leer. Fügen Sie einen Bounce ein — eine SMTP-Antwortzeile, den Berichtsteil einer Unzustellbarkeitsnachricht, eine Logzeile oder die ganze Nachricht.',
  },
  binary: {
    en: 'This looks like binary data, not a bounce. Paste the text of the bounce, or attach the message as an .eml file.',
    id: 'Ini tampak seperti data biner, bukan bounce. Tempel teks bounce, atau lampirkan pesan sebagai file .eml.',
    de: 'Das sieht nach Binärdaten aus, nicht nach einem Bounce. Fügen Sie den Text ein oder hängen Sie die Nachricht als .eml-Datei an.',
  },
  'not-a-bounce': {
    en: 'This does not look like a bounce: it has no delivery report, no SMTP reply and no failure wording. If it is one, paste the whole message including its headers.',
    id: 'Ini tidak tampak seperti bounce: tidak ada laporan pengiriman, balasan SMTP, atau kata-kata kegagalan. Jika memang bounce, tempel seluruh pesan beserta header-nya.',
    de: 'Das sieht nicht nach einem Bounce aus: kein Zustellbericht, keine SMTP-Antwort, keine Fehlermeldung. Falls doch, fügen Sie die ganze Nachricht mit Kopfzeilen ein.',
  },
  'not-in-catalogue': {
    en: 'This bounce is not in the catalogue. The fields above are what could be read from it; ask the on-call engineer, and consider adding an entry (src/catalog/README.md).',
    id: 'Bounce ini tidak ada di katalog. Kolom di atas adalah yang bisa dibaca; tanyakan engineer on-call, dan pertimbangkan menambah entri (src/catalog/README.md).',
    de: 'Dieser Bounce steht nicht im Katalog. Oben steht, was sich herauslesen ließ; fragen Sie den Bereitschaftsdienst und ergänzen Sie ggf. einen Eintrag (src/catalog/README.md).',
  },
  'line-only-weak': {
    en: 'Only a reply line was pasted and the evidence is weak: a single line gives the full bounce’s reason only about two times in three. Paste the whole bounce for a sure answer.',
    id: 'Hanya satu baris balasan yang ditempel dan buktinya lemah: satu baris hanya memberi alasan yang benar sekitar dua dari tiga kali. Tempel seluruh bounce untuk jawaban yang pasti.',
    de: 'Nur eine Antwortzeile wurde eingefügt und die Hinweise sind schwach: eine einzelne Zeile verrät den Grund nur etwa in zwei von drei Fällen. Fügen Sie den ganzen Bounce ein.',
  },
  truncated: {
    en: 'This input is very large, so only its beginning was read: at most {recipients} recipients, {messages} messages of an mbox and {partKb} kB of each part. Explain the rest separately if it matters.',
    id: 'Masukan ini sangat besar, jadi hanya bagian awalnya yang dibaca: paling banyak {recipients} penerima, {messages} pesan dari mbox, dan {partKb} kB dari setiap bagian. Jelaskan sisanya secara terpisah bila perlu.',
    de: 'Diese Eingabe ist sehr groß, daher wurde nur ihr Anfang gelesen: höchstens {recipients} Empfänger, {messages} Nachrichten eines mbox und {partKb} kB je Teil. Erklären Sie den Rest bei Bedarf getrennt.',
  },
  usage: {
    en: 'Paste a bounce after the command (or attach an .eml): /bounce 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown',
    id: 'Tempel bounce setelah perintah (atau lampirkan .eml): /bounce 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown',
    de: 'Fügen Sie den Bounce nach dem Befehl ein (oder hängen Sie eine .eml an): /bounce 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown',
  },
  unreadable: {
    en: 'Cannot read {file}: {why}. Give the path of a bounce (.eml or text), or - for standard input.',
    id: 'Tidak dapat membaca {file}: {why}. Berikan path bounce (.eml atau teks), atau - untuk input standar.',
    de: '{file} kann nicht gelesen werden: {why}. Bitte den Pfad eines Bounces (.eml oder Text) angeben, oder - für die Standardeingabe.',
  },
  expiredRef: {
    en: 'That explanation is no longer stored (they are kept for 24 hours). Paste the bounce again.',
    id: 'Penjelasan itu sudah tidak tersimpan (disimpan 24 jam). Tempel bounce-nya lagi.',
    de: 'Diese Erklärung ist nicht mehr gespeichert (24 Stunden lang). Bitte den Bounce erneut einfügen.',
  },
};

/** The limits the notes name, from where they are enforced (bounce/parse/limits.ts). */
const NOTE_VALUES = { recipients: RECIPIENTS, messages: MBOX_MESSAGES, partKb: PART_BYTES / 1024 };

/** A note about an input (ExplainedInput.noteCodes) in `lang`, with the limits it names filled in. */
export function noteText(code: string, lang: Lang): string {
  return fill(t(NOTES[code]!, lang), NOTE_VALUES);
}

export const FOLLOW_UP: Record<string, Localized> = {
  check: { en: 'Check {target}', id: 'Periksa {target}', de: '{target} prüfen' },
  allow: { en: 'Allow-list {target}', id: 'Masukkan {target} ke daftar izin', de: '{target} auf die Erlaubt-Liste' },
  quarantine: { en: 'Find in quarantine', id: 'Cari di karantina', de: 'In der Quarantäne suchen' },
  language: { en: 'English', id: 'Bahasa Indonesia', de: 'Deutsch' },
};
