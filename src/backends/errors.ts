/**
 * Errors from backends, with the sentence a person sees in every language.
 * The router shows `userMessage` (English); commands swap in the request's
 * language through `localizedMessage`.
 */
import { BotError, UsageError, type ErrorCode } from '../core/errors.js';
import { fill, t, type Lang, type Localized } from '../core/lang.js';

export type BackendFailure =
  | 'unauthorized'
  | 'server'
  | 'timeout'
  | 'unreachable'
  | 'malformed'
  | 'refused'
  | 'not_found'
  | 'duplicate'
  | 'absent'
  | 'readonly'
  | 'locked'
  | 'io';

const TEXTS: Record<BackendFailure, Localized> = {
  unauthorized: {
    en: '{backend} refused the bot\'s credentials (HTTP {status}); check the username and password configured for it. Nothing was changed.',
    id: '{backend} menolak kredensial bot (HTTP {status}); periksa username dan password yang dikonfigurasi. Tidak ada yang diubah.',
    de: '{backend} hat die Zugangsdaten des Bots abgelehnt (HTTP {status}); bitte Benutzername und Passwort prüfen. Es wurde nichts geändert.',
  },
  server: {
    en: '{backend} failed with HTTP {status}{detail}; nothing was changed. Try again later or check the backend.',
    id: '{backend} gagal dengan HTTP {status}{detail}; tidak ada yang diubah. Coba lagi nanti atau periksa backend.',
    de: '{backend} ist mit HTTP {status}{detail} fehlgeschlagen; es wurde nichts geändert. Später erneut versuchen oder das Backend prüfen.',
  },
  timeout: {
    en: '{backend} did not answer within {seconds} s; nothing was changed as far as the bot knows. Try again, and check the backend if it keeps happening.',
    id: '{backend} tidak menjawab dalam {seconds} detik; sejauh yang diketahui bot, tidak ada yang diubah. Coba lagi, dan periksa backend bila terus terjadi.',
    de: '{backend} hat nicht innerhalb von {seconds} s geantwortet; soweit der Bot weiß, wurde nichts geändert. Erneut versuchen und bei Wiederholung das Backend prüfen.',
  },
  unreachable: {
    en: 'The bot cannot reach {backend} ({detail}); nothing was changed. Check the URL in the configuration and the network.',
    id: 'Bot tidak dapat menghubungi {backend} ({detail}); tidak ada yang diubah. Periksa URL di konfigurasi dan jaringan.',
    de: 'Der Bot erreicht {backend} nicht ({detail}); es wurde nichts geändert. URL in der Konfiguration und Netzwerk prüfen.',
  },
  malformed: {
    en: '{backend} sent an answer the bot cannot read ({detail}); nothing was changed. Check that the configured URL points at the right API.',
    id: '{backend} mengirim jawaban yang tidak dapat dibaca bot ({detail}); tidak ada yang diubah. Pastikan URL yang dikonfigurasi menunjuk ke API yang benar.',
    de: '{backend} hat eine unlesbare Antwort geschickt ({detail}); es wurde nichts geändert. Prüfen, ob die konfigurierte URL auf die richtige API zeigt.',
  },
  refused: {
    en: '{backend} refused: {detail}',
    id: '{backend} menolak: {detail}',
    de: '{backend} hat abgelehnt: {detail}',
  },
  not_found: {
    en: '{backend} no longer has {detail}; it may have been released or deleted already. Run "quarantine list" for the current ids.',
    id: '{backend} tidak lagi memiliki {detail}; mungkin sudah dilepas atau dihapus. Jalankan "quarantine list" untuk id terkini.',
    de: '{backend} hat {detail} nicht mehr; vielleicht schon freigegeben oder gelöscht. "quarantine list" zeigt die aktuellen IDs.',
  },
  duplicate: {
    en: '{detail} is already on the {list}; nothing was changed.',
    id: '{detail} sudah ada di {list}; tidak ada yang diubah.',
    de: '{detail} steht bereits auf der {list}; es wurde nichts geändert.',
  },
  absent: {
    en: '{detail} was not on the {list}, so there was nothing to remove.',
    id: '{detail} tidak ada di {list}, jadi tidak ada yang dihapus.',
    de: '{detail} stand nicht auf der {list}; es gab nichts zu entfernen.',
  },
  readonly: {
    en: 'The list file {detail} is read-only; make it writable for the bot\'s user (or pick another file in backends.spamdyke). Nothing was changed.',
    id: 'Berkas daftar {detail} hanya-baca; buat agar dapat ditulis oleh user bot (atau pilih berkas lain di backends.spamdyke). Tidak ada yang diubah.',
    de: 'Die Listendatei {detail} ist schreibgeschützt; für den Benutzer des Bots beschreibbar machen (oder eine andere Datei in backends.spamdyke wählen). Es wurde nichts geändert.',
  },
  locked: {
    en: 'Another edit of {detail} is still running; try again in a moment. Nothing was changed.',
    id: 'Pengeditan lain pada {detail} masih berjalan; coba lagi sebentar lagi. Tidak ada yang diubah.',
    de: 'Eine andere Änderung an {detail} läuft noch; bitte gleich erneut versuchen. Es wurde nichts geändert.',
  },
  io: {
    en: 'The bot could not change {detail}; nothing was changed.',
    id: 'Bot tidak dapat mengubah {detail}; tidak ada yang diubah.',
    de: 'Der Bot konnte {detail} nicht ändern; es wurde nichts geändert.',
  },
};

const LIST_NAMES: Record<'allow' | 'block', Localized> = {
  allow: { en: 'allow list', id: 'daftar izin', de: 'Erlaubt-Liste' },
  block: { en: 'block list', id: 'daftar blokir', de: 'Sperrliste' },
};

export function listName(kind: 'allow' | 'block', lang: Lang): string {
  return t(LIST_NAMES[kind], lang);
}

const CODES: Record<BackendFailure, ErrorCode> = {
  unauthorized: 'backend_failed', server: 'backend_failed', timeout: 'timeout', unreachable: 'backend_failed',
  malformed: 'backend_failed', refused: 'backend_failed', not_found: 'not_found', duplicate: 'backend_failed',
  absent: 'backend_failed', readonly: 'backend_failed', locked: 'backend_failed', io: 'backend_failed',
};

export interface BackendErrorValues {
  backend: string;
  status?: number;
  seconds?: number;
  /** Plain text from the backend or the file system; shown as data. */
  detail?: string;
  list?: 'allow' | 'block';
}

/** A backend failed or refused: exit 1, one sentence, nothing half-done. */
export class BackendError extends BotError {
  constructor(
    readonly failure: BackendFailure,
    readonly values: BackendErrorValues,
    options?: { cause?: unknown },
  ) {
    super(CODES[failure], render(failure, values, 'en'), { ...options, detail: `${values.backend}: ${failure}${values.detail ? `: ${values.detail}` : ''}` });
    this.name = 'BackendError';
  }

  localized(lang: Lang): string {
    return render(this.failure, this.values, lang);
  }
}

function render(failure: BackendFailure, values: BackendErrorValues, lang: Lang): string {
  const detail = values.detail ?? '';
  return fill(t(TEXTS[failure], lang), {
    backend: values.backend,
    status: values.status ?? '',
    seconds: values.seconds ?? '',
    detail: failure === 'server' ? (detail ? ` (${detail})` : '') : detail,
    list: values.list ? listName(values.list, lang) : '',
  });
}

/** Bad input a backend noticed (an entry in the wrong syntax): exit 2, in every language. */
export class LocalizedUsageError extends UsageError {
  constructor(
    readonly texts: Localized,
    readonly values: Record<string, string | number> = {},
  ) {
    super(fill(texts.en, values));
    this.name = 'LocalizedUsageError';
  }

  localized(lang: Lang): string {
    return fill(t(this.texts, lang), this.values);
  }
}

/** Re-throws an error in the request's language; other errors pass through unchanged. */
export function inLanguage(error: unknown, lang: Lang): unknown {
  if (error instanceof LocalizedUsageError) return new UsageError(error.localized(lang));
  if (error instanceof BackendError) return new BotError(error.code, error.localized(lang), { cause: error });
  return error;
}

/** Short, log-safe text of an unknown error. */
export function describeError(error: unknown): string {
  if (error instanceof BotError) return error.userMessage;
  if (error instanceof Error) return error.message;
  return String(error);
}
