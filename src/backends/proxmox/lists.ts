/**
 * Proxmox Mail Gateway's per-mailbox welcome and block lists
 * (`/quarantine/welcomelist` and `/quarantine/blocklist`; before PMG 9.1
 * `/quarantine/whitelist` and `/quarantine/blacklist`). Entries are addresses
 * or globs like `*@example.com`.
 */
import type { Localized } from '../../core/lang.js';
import { basicEntryCheck, isDomain, isMailAddress, printable } from '../entries.js';
import { BackendError, LocalizedUsageError } from '../errors.js';
import { isRecord } from '../http.js';
import type { ActionOutcome, EntryType, ListBackend, ListEntry, ListKind, ListScope, ValidEntry } from '../types.js';
import { PmgClient, PROXMOX, type PmgSettings } from './pmg-client.js';

const TEXT = {
  needRecipient: {
    en: 'Proxmox Mail Gateway keeps welcome and block lists per mailbox; add --recipient user@example.com.',
    id: 'Proxmox Mail Gateway menyimpan daftar welcome dan blokir per kotak surat; tambahkan --recipient user@example.com.',
    de: 'Proxmox Mail Gateway führt Welcome- und Sperrlisten pro Postfach; --recipient user@example.com angeben.',
  },
  entry: {
    en: '"{entry}" is not a sender Proxmox understands; use fred@example.com, @example.com or a glob like *@example.com.',
    id: '"{entry}" bukan pengirim yang dipahami Proxmox; gunakan fred@example.com, @example.com atau glob seperti *@example.com.',
    de: '„{entry}“ ist kein Absender, den Proxmox versteht; fred@example.com, @example.com oder ein Muster wie *@example.com verwenden.',
  },
  senderOnly: {
    en: 'Proxmox mailbox lists hold senders, not {type} entries; use fred@example.com or *@example.com.',
    id: 'Daftar kotak surat Proxmox berisi pengirim, bukan entri {type}; gunakan fred@example.com atau *@example.com.',
    de: 'Proxmox-Postfachlisten enthalten Absender, keine {type}-Einträge; fred@example.com oder *@example.com verwenden.',
  },
} satisfies Record<string, Localized>;

export class ProxmoxLists implements ListBackend {
  readonly name = 'proxmox';

  constructor(
    private readonly client: PmgClient,
    private readonly legacyNames: boolean,
  ) {}

  static create(settings: PmgSettings & { legacyListNames: boolean }): ProxmoxLists {
    return new ProxmoxLists(new PmgClient(settings), settings.legacyListNames);
  }

  validate(raw: string, _scope: ListScope, type?: EntryType): ValidEntry {
    const value = basicEntryCheck(raw).toLowerCase();
    if (type && type !== 'sender') throw new LocalizedUsageError(TEXT.senderOnly, { type });
    const entry = value.startsWith('@') ? `*${value}` : value;
    // PMG's own pattern is [^\s/\\;,]+ with globs; we also want it to look like mail.
    if (/[\s/\\;,]/.test(entry) || entry.length < 3) throw new LocalizedUsageError(TEXT.entry, { entry: printable(raw) });
    const literal = entry.replace(/[*?]/g, 'x');
    const at = literal.lastIndexOf('@');
    const ok = isMailAddress(literal) || (at === 0 && isDomain(literal.slice(1))) || (at < 0 && isDomain(literal));
    if (!ok) throw new LocalizedUsageError(TEXT.entry, { entry: printable(raw) });
    return { type: 'sender', value: entry };
  }

  checkScope(scope: ListScope): void {
    if (!scope.recipient) throw new LocalizedUsageError(TEXT.needRecipient);
  }

  async list(kind: ListKind, scope: ListScope): Promise<ListEntry[]> {
    this.checkScope(scope);
    const data = await this.client.call('GET', this.path(kind), { pmail: scope.recipient! });
    if (!Array.isArray(data)) throw new BackendError('malformed', { backend: PROXMOX, detail: 'the list answer is not a list' });
    return data
      .map((row) => (isRecord(row) ? String(row.address ?? '') : typeof row === 'string' ? row : ''))
      .filter(Boolean)
      .map((value) => ({ value, type: 'sender' as const, source: `mailbox ${scope.recipient}` }));
  }

  async add(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome> {
    const current = await this.list(kind, scope);
    if (current.some((e) => e.value.toLowerCase() === entry.value)) {
      throw new BackendError('duplicate', { backend: PROXMOX, detail: entry.value, list: kind });
    }
    await this.client.call('POST', this.path(kind), { pmail: scope.recipient!, address: entry.value });
    return { detail: `added ${entry.value} to ${this.path(kind)} of ${scope.recipient}` };
  }

  async remove(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome> {
    const current = await this.list(kind, scope);
    if (!current.some((e) => e.value.toLowerCase() === entry.value)) {
      throw new BackendError('absent', { backend: PROXMOX, detail: entry.value, list: kind });
    }
    await this.client.call('DELETE', this.path(kind), { pmail: scope.recipient!, address: entry.value });
    return { detail: `removed ${entry.value} from ${this.path(kind)} of ${scope.recipient}` };
  }

  private path(kind: ListKind): string {
    if (this.legacyNames) return kind === 'allow' ? '/quarantine/whitelist' : '/quarantine/blacklist';
    return kind === 'allow' ? '/quarantine/welcomelist' : '/quarantine/blocklist';
  }
}
