/** Sentences of the access layer, in every language. */
import type { Localized } from '../core/lang.js';

export const ACCESS_TEXT = {
  anonymous: {
    en: 'The terminal cannot tell who you are: user id {uid} has no name in the password database, so {permission} is refused; run postmaster as a named user that access.roles lists (console:<name>).',
    id: 'Terminal tidak dapat mengenali Anda: user id {uid} tidak punya nama di basis data kata sandi, sehingga {permission} ditolak; jalankan postmaster sebagai pengguna bernama yang tercantum di access.roles (console:<nama>).',
    de: 'Das Terminal kann Sie nicht erkennen: Die Benutzer-ID {uid} hat keinen Namen in der Passwortdatenbank, daher wird {permission} verweigert; starten Sie postmaster als benannter Benutzer, den access.roles aufführt (console:<Name>).',
  },
  noRole: {
    en: 'You ({actor}) have no role in the access policy, so the permission {permission} is missing; ask an administrator to add you to a role that grants it (access.roles in the config).',
    id: 'Anda ({actor}) tidak memiliki peran dalam kebijakan akses, sehingga izin {permission} tidak ada; minta administrator menambahkan Anda ke peran yang memberikannya (access.roles di konfigurasi).',
    de: 'Sie ({actor}) haben keine Rolle in der Zugriffsrichtlinie, daher fehlt die Berechtigung {permission}; bitten Sie einen Administrator, Sie einer Rolle mit dieser Berechtigung zuzuordnen (access.roles in der Konfiguration).',
  },
  notGranted: {
    en: 'The permission {permission} is missing: none of your roles grants it. Ask an administrator to grant it in access.roles.',
    id: 'Izin {permission} tidak ada: tidak satu pun peran Anda memberikannya. Minta administrator memberikannya di access.roles.',
    de: 'Die Berechtigung {permission} fehlt: keine Ihrer Rollen gewährt sie. Bitten Sie einen Administrator, sie in access.roles zu vergeben.',
  },
  otherDomain: {
    en: 'The permission {permission} is missing for {domain}: your roles grant it only for {domains}.',
    id: 'Izin {permission} tidak ada untuk {domain}: peran Anda hanya memberikannya untuk {domains}.',
    de: 'Die Berechtigung {permission} fehlt für {domain}: Ihre Rollen gewähren sie nur für {domains}.',
  },
  globalOnly: {
    en: 'the global list (no customer domain)',
    id: 'daftar global (tanpa domain pelanggan)',
    de: 'die globale Liste (ohne Kundendomain)',
  },
  unknown: {
    en: 'That confirmation is not valid (unknown, or it expired long ago); run the command again for a new one. Nothing was changed.',
    id: 'Konfirmasi itu tidak valid (tidak dikenal, atau sudah lama kedaluwarsa); jalankan perintah lagi untuk yang baru. Tidak ada yang diubah.',
    de: 'Diese Bestätigung ist ungültig (unbekannt oder längst abgelaufen); den Befehl erneut ausführen, um eine neue zu erhalten. Es wurde nichts geändert.',
  },
  used: {
    en: 'That confirmation was already used; it works only once. Nothing was changed this time.',
    id: 'Konfirmasi itu sudah digunakan; hanya berlaku sekali. Kali ini tidak ada yang diubah.',
    de: 'Diese Bestätigung wurde bereits verwendet; sie gilt nur einmal. Diesmal wurde nichts geändert.',
  },
  expired: {
    en: 'That confirmation expired; run the command again for a new one. Nothing was changed.',
    id: 'Konfirmasi itu sudah kedaluwarsa; jalankan perintah lagi untuk yang baru. Tidak ada yang diubah.',
    de: 'Diese Bestätigung ist abgelaufen; den Befehl erneut ausführen, um eine neue zu erhalten. Es wurde nichts geändert.',
  },
  foreign: {
    en: 'That confirmation belongs to someone else; only the person who asked can confirm it. Nothing was changed.',
    id: 'Konfirmasi itu milik orang lain; hanya orang yang meminta yang dapat mengonfirmasinya. Tidak ada yang diubah.',
    de: 'Diese Bestätigung gehört jemand anderem; nur die Person, die gefragt hat, kann bestätigen. Es wurde nichts geändert.',
  },
  mismatch: {
    en: 'That confirmation was given for a different action or different parameters; run the command again. Nothing was changed.',
    id: 'Konfirmasi itu diberikan untuk tindakan atau parameter yang berbeda; jalankan perintah lagi. Tidak ada yang diubah.',
    de: 'Diese Bestätigung gilt für eine andere Aktion oder andere Parameter; den Befehl erneut ausführen. Es wurde nichts geändert.',
  },
  yesInChat: {
    en: '--yes works only in the terminal; in chat, press the confirmation button instead.',
    id: '--yes hanya berlaku di terminal; di chat, tekan tombol konfirmasi.',
    de: '--yes gilt nur im Terminal; im Chat stattdessen die Bestätigungsschaltfläche drücken.',
  },
  needsYes: {
    en: 'This needs confirmation ({what}); add --yes to run it from a script, or run it in a terminal to be asked.',
    id: 'Ini memerlukan konfirmasi ({what}); tambahkan --yes untuk menjalankannya dari skrip, atau jalankan di terminal agar ditanya.',
    de: 'Das muss bestätigt werden ({what}); --yes für Skripte angeben oder im Terminal ausführen, um gefragt zu werden.',
  },
  cancelled: {
    en: 'Cancelled; nothing was changed.',
    id: 'Dibatalkan; tidak ada yang diubah.',
    de: 'Abgebrochen; es wurde nichts geändert.',
  },
  confirmTitle: { en: 'Please confirm', id: 'Mohon konfirmasi', de: 'Bitte bestätigen' },
  confirmValid: {
    en: 'Only you can confirm this, once, within {minutes} min.',
    id: 'Hanya Anda yang dapat mengonfirmasi ini, sekali, dalam {minutes} menit.',
    de: 'Nur Sie können das bestätigen, einmal, innerhalb von {minutes} Min.',
  },
  confirmHint: {
    en: 'To confirm in the terminal, type the command below.',
    id: 'Untuk mengonfirmasi di terminal, ketik perintah di bawah.',
    de: 'Zum Bestätigen im Terminal den Befehl unten eingeben.',
  },
  cancel: { en: 'Cancel', id: 'Batal', de: 'Abbrechen' },
  question: { en: '{what} — continue?', id: '{what} — lanjutkan?', de: '{what} — fortfahren?' },
  auditFailed: {
    en: 'The action was done, but writing the audit record failed ({error}); tell the on-call engineer.',
    id: 'Tindakan sudah dilakukan, tetapi penulisan catatan audit gagal ({error}); beri tahu engineer on-call.',
    de: 'Die Aktion wurde ausgeführt, aber der Audit-Eintrag konnte nicht geschrieben werden ({error}); bitte den Bereitschaftsdienst informieren.',
  },
} satisfies Record<string, Localized>;
