/** Sentences the chat faces say themselves (not command output), in every language. */
import type { Localized } from '../../core/lang.js';

export const CHAT_MESSAGES = {
  bounceUsage: {
    en: 'Paste the bounce after the command, e.g. /bounce 550 5.7.1 Message rejected as spam — or use the message shortcut "Explain this bounce", or send me the .eml file.',
    id: 'Tempel bounce setelah perintah, mis. /bounce 550 5.7.1 Message rejected as spam — atau gunakan pintasan pesan "Explain this bounce", atau kirim file .eml kepada saya.',
    de: 'Fügen Sie den Bounce nach dem Befehl ein, z. B. /bounce 550 5.7.1 Message rejected as spam — oder nutzen Sie den Nachrichten-Shortcut „Explain this bounce“ oder senden Sie mir die .eml-Datei.',
  },
  emptyMessage: {
    en: 'That message has no text to explain; open the message that holds the bounce and try again.',
    id: 'Pesan itu tidak berisi teks untuk dijelaskan; buka pesan yang berisi bounce lalu coba lagi.',
    de: 'Diese Nachricht enthält keinen Text zum Erklären; wählen Sie die Nachricht mit dem Bounce und versuchen Sie es erneut.',
  },
  buttonExpired: {
    en: 'This button has expired; run the command again.',
    id: 'Tombol ini sudah kedaluwarsa; jalankan perintahnya lagi.',
    de: 'Diese Schaltfläche ist abgelaufen; führen Sie den Befehl erneut aus.',
  },
  fileTooLarge: {
    en: 'The file {name} has {size} bytes, more than the {max} bytes the explainer reads; paste the relevant part instead.',
    id: 'File {name} berukuran {size} byte, lebih dari {max} byte yang dibaca penjelas; tempel bagian yang relevan saja.',
    de: 'Die Datei {name} hat {size} Bytes, mehr als die {max} Bytes, die der Erklärer liest; fügen Sie den relevanten Teil ein.',
  },
  fileNotText: {
    en: 'I can explain .eml and .txt files; {name} is neither. Paste its text instead.',
    id: 'Saya dapat menjelaskan file .eml dan .txt; {name} bukan keduanya. Tempel teksnya saja.',
    de: 'Ich kann .eml- und .txt-Dateien erklären; {name} ist keines von beiden. Fügen Sie den Text ein.',
  },
  downloadFailed: {
    en: 'The file {name} could not be downloaded; paste its text instead.',
    id: 'File {name} tidak dapat diunduh; tempel teksnya saja.',
    de: 'Die Datei {name} konnte nicht heruntergeladen werden; fügen Sie den Text ein.',
  },
  working: {
    en: 'Working on it — the answer follows in a moment.',
    id: 'Sedang diproses — jawabannya segera menyusul.',
    de: 'Wird bearbeitet — die Antwort folgt gleich.',
  },
  imageAttached: {
    en: 'Image: {alt}',
    id: 'Gambar: {alt}',
    de: 'Bild: {alt}',
  },
} satisfies Record<string, Localized>;

export type MoreUnit = 'lines' | 'characters';

const MORE_UNITS: Record<MoreUnit, { one: Localized; many: Localized }> = {
  lines: { one: { en: 'line', id: 'baris', de: 'Zeile' }, many: { en: 'lines', id: 'baris', de: 'Zeilen' } },
  characters: { one: { en: 'character', id: 'karakter', de: 'Zeichen' }, many: { en: 'characters', id: 'karakter', de: 'Zeichen' } },
};

/** The visible cut marker: "…and 12 more lines" / "…dan 12 baris lagi" / "…und 12 weitere Zeilen". */
export function moreText(n: number, unit: MoreUnit, lang: keyof Localized): string {
  const word = MORE_UNITS[unit][n === 1 ? 'one' : 'many'][lang];
  if (lang === 'id') return `…dan ${n} ${word} lagi`;
  if (lang === 'de') return `…und ${n} weitere ${word}`;
  return `…and ${n} more ${word}`;
}
