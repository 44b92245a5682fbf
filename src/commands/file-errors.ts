/** Why a file could not be read, in words, for the commands that read files (explain, ingest). */
import { t, type Lang, type Localized } from '../core/lang.js';

const REASONS: Record<string, Localized> = {
  ENOENT: { en: 'no such file', id: 'file tidak ada', de: 'Datei nicht vorhanden' },
  EACCES: { en: 'permission denied', id: 'akses ditolak', de: 'keine Berechtigung' },
  EISDIR: { en: 'it is a folder', id: 'itu adalah folder', de: 'das ist ein Ordner' },
  ENOTFILE: { en: 'not a regular file', id: 'bukan file biasa', de: 'keine normale Datei' },
  Z_DATA_ERROR: { en: 'the gzip data is corrupt', id: 'data gzip rusak', de: 'die gzip-Daten sind beschädigt' },
  Z_BUF_ERROR: { en: 'the gzip file is cut short', id: 'file gzip terpotong', de: 'die gzip-Datei ist abgeschnitten' },
  ERR_BUFFER_TOO_LARGE: {
    en: 'it is larger than the upload limit (limits.maxInputBytes)',
    id: 'ukurannya melebihi batas unggah (limits.maxInputBytes)',
    de: 'sie ist größer als die Upload-Grenze (limits.maxInputBytes)',
  },
};

/** The reason for a known file error code, or undefined for errors that are not the person's to fix. */
export function fileErrorReason(error: unknown, lang: Lang): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && REASONS[code] ? t(REASONS[code], lang) : undefined;
}

export function missingFileReason(lang: Lang): string {
  return t(REASONS.ENOENT!, lang);
}
