/**
 * Allow/block lists kept in spamdyke's list files. Global lists are the files
 * named in spamdyke.conf (or backends.spamdyke.files); a customer domain's own
 * list is its file in spamdyke's config-dir, `_recipient_/<reversed domain>`,
 * holding `sender-whitelist-entry=…` style lines.
 */
import { join } from 'node:path';
import type { Localized } from '../../core/lang.js';
import { LocalizedUsageError } from '../errors.js';
import type { ActionOutcome, EntryType, ListBackend, ListEntry, ListKind, ListScope, ValidEntry } from '../types.js';
import { ENTRY_OPTIONS, FILE_OPTIONS, type SpamdykeLayout } from './conf.js';
import { addEntry, readEntries, removeEntry, type LineFormat } from './list-file.js';
import { comparable, validateSpamdykeEntry } from './syntax.js';

export interface SpamdykeSettings {
  layout: SpamdykeLayout;
  backupDir?: string | undefined;
  lockTimeoutMs: number;
  onTempWritten?: (tempPath: string) => void;
}

const TEXT = {
  noFile: {
    en: 'No spamdyke file is configured for the {kind} list of {type} entries; set {option} in spamdyke.conf or backends.spamdyke.files.{kind}.{type}.',
    id: 'Tidak ada berkas spamdyke untuk daftar {kind} entri {type}; atur {option} di spamdyke.conf atau backends.spamdyke.files.{kind}.{type}.',
    de: 'Für die {kind}-Liste mit {type}-Einträgen ist keine spamdyke-Datei eingerichtet; {option} in spamdyke.conf oder backends.spamdyke.files.{kind}.{type} setzen.',
  },
  noConfigDir: {
    en: 'Per-domain lists need spamdyke\'s config-dir; set config-dir in spamdyke.conf or backends.spamdyke.configDir, or leave out --domain for the global list.',
    id: 'Daftar per domain memerlukan config-dir spamdyke; atur config-dir di spamdyke.conf atau backends.spamdyke.configDir, atau hilangkan --domain untuk daftar global.',
    de: 'Listen pro Domain brauchen das config-dir von spamdyke; config-dir in spamdyke.conf oder backends.spamdyke.configDir setzen oder --domain für die globale Liste weglassen.',
  },
  noRecipientScope: {
    en: 'spamdyke keeps lists globally or per customer domain, not per mailbox; use --domain {domain} instead of --recipient.',
    id: 'spamdyke menyimpan daftar secara global atau per domain pelanggan, bukan per kotak surat; gunakan --domain {domain} sebagai ganti --recipient.',
    de: 'spamdyke führt Listen global oder pro Kundendomain, nicht pro Postfach; --domain {domain} statt --recipient verwenden.',
  },
  noRecipientPerDomain: {
    en: 'A customer domain\'s own list holds senders, IPs and host names; recipient entries go on the global list (leave out --domain).',
    id: 'Daftar milik domain pelanggan berisi pengirim, IP dan nama host; entri penerima masuk ke daftar global (hilangkan --domain).',
    de: 'Die eigene Liste einer Kundendomain enthält Absender, IPs und Hostnamen; Empfängereinträge gehören in die globale Liste (--domain weglassen).',
  },
} satisfies Record<string, Localized>;

const plainFormat: LineFormat = {
  parse: (line) => {
    const value = line.trim();
    return value && !value.startsWith('#') ? value : null;
  },
  format: (value) => value,
  key: comparable,
};

function optionFormat(option: string): LineFormat {
  return {
    parse: (line) => {
      const trimmed = line.trim();
      const eq = trimmed.indexOf('=');
      if (eq <= 0 || trimmed.startsWith('#') || trimmed.slice(0, eq).trim().toLowerCase() !== option) return null;
      const value = trimmed.slice(eq + 1).trim();
      return value && !value.startsWith('!') ? value : null;
    },
    format: (value) => `${option}=${value}`,
    key: comparable,
  };
}

export class SpamdykeLists implements ListBackend {
  readonly name = 'spamdyke';

  constructor(private readonly settings: SpamdykeSettings) {}

  validate(raw: string, scope: ListScope, type?: EntryType): ValidEntry {
    const entry = validateSpamdykeEntry(raw, type);
    if (scope.domain && entry.type === 'recipient') throw new LocalizedUsageError(TEXT.noRecipientPerDomain);
    return entry;
  }

  checkScope(scope: ListScope): void {
    if (scope.recipient) {
      throw new LocalizedUsageError(TEXT.noRecipientScope, { domain: scope.recipient.slice(scope.recipient.lastIndexOf('@') + 1) });
    }
    if (scope.domain && !this.settings.layout.configDir) throw new LocalizedUsageError(TEXT.noConfigDir);
  }

  async list(kind: ListKind, scope: ListScope): Promise<ListEntry[]> {
    this.checkScope(scope);
    const out: ListEntry[] = [];
    if (scope.domain) {
      const path = this.domainFile(scope.domain);
      for (const [type, option] of Object.entries(ENTRY_OPTIONS[kind]) as Array<[EntryType, string]>) {
        for (const value of await readEntries(path, optionFormat(option))) out.push({ value, type, source: path });
      }
      return out;
    }
    for (const [type, path] of Object.entries(this.settings.layout.files[kind]) as Array<[EntryType, string]>) {
      for (const value of await readEntries(path, plainFormat)) out.push({ value, type, source: path });
    }
    return out;
  }

  async add(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome> {
    const { path, format } = this.target(kind, entry, scope);
    const result = await addEntry(path, entry.value, format, this.editOptions(path), kind);
    return { detail: result.detail };
  }

  async remove(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome> {
    const { path, format } = this.target(kind, entry, scope);
    const result = await removeEntry(path, entry.value, format, this.editOptions(path), kind);
    return { detail: result.detail };
  }

  private target(kind: ListKind, entry: ValidEntry, scope: ListScope): { path: string; format: LineFormat } {
    this.checkScope(scope);
    if (scope.domain) {
      const option = ENTRY_OPTIONS[kind][entry.type];
      if (!option) throw new LocalizedUsageError(TEXT.noRecipientPerDomain);
      return { path: this.domainFile(scope.domain), format: optionFormat(option) };
    }
    const path = this.settings.layout.files[kind][entry.type];
    if (!path) {
      throw new LocalizedUsageError(TEXT.noFile, { kind, type: entry.type, option: FILE_OPTIONS[kind][entry.type] });
    }
    return { path, format: plainFormat };
  }

  /** config-dir/_recipient_/com/example for example.com (spamdyke README, "config-dir"). */
  private domainFile(domain: string): string {
    return join(this.settings.layout.configDir!, '_recipient_', ...domain.toLowerCase().split('.').reverse());
  }

  private editOptions(path: string) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const backupPath = this.settings.backupDir
      ? join(this.settings.backupDir, `${path.replace(/^\/+/, '').replace(/[\\/]/g, '_')}.${stamp}`)
      : `${path}.bak`;
    return {
      backend: this.name,
      lockTimeoutMs: this.settings.lockTimeoutMs,
      backupPath,
      ...(this.settings.onTempWritten ? { onTempWritten: this.settings.onTempWritten } : {}),
    };
  }
}
