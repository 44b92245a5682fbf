/**
 * SpamExperts sender (and recipient) allow/block lists through the Control
 * Panel API: GET `/api/<controller>/<action>/format/json/<key>/<value>/…`
 * with HTTP Basic. It answers HTTP 200 even when it fails, so every answer's
 * `messages.error` is checked. Lists exist per customer domain only.
 */
import type { Localized } from '../../core/lang.js';
import { basicEntryCheck, isDomain, isMailAddress, printable } from '../entries.js';
import { BackendError, LocalizedUsageError } from '../errors.js';
import { basicAuth, httpCall, isRecord, joinUrl, oneLine, parseJson, statusError } from '../http.js';
import type { ActionOutcome, EntryType, ListBackend, ListEntry, ListKind, ListScope, ValidEntry } from '../types.js';
import { SPAMEXPERTS } from './rest-client.js';

export interface PanelSettings {
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
}

const ACTIONS: Record<ListKind, Record<'sender' | 'recipient', { list: string; add: string; remove: string; param: string }>> = {
  allow: {
    sender: { list: 'senderwhitelist', add: 'whitelistsender', remove: 'unwhitelistsender', param: 'sender' },
    recipient: { list: 'recipientwhitelist', add: 'whitelistrecipient', remove: 'unwhitelistrecipient', param: 'recipient' },
  },
  block: {
    sender: { list: 'senderblacklist', add: 'blacklistsender', remove: 'unblacklistsender', param: 'sender' },
    recipient: { list: 'recipientblacklist', add: 'blacklistrecipient', remove: 'unblacklistrecipient', param: 'recipient' },
  },
};

const TEXT = {
  needDomain: {
    en: 'SpamExperts keeps allow and block lists per customer domain; add --domain example.com.',
    id: 'SpamExperts menyimpan daftar izin dan blokir per domain pelanggan; tambahkan --domain example.com.',
    de: 'SpamExperts führt Erlaubt- und Sperrlisten pro Kundendomain; --domain example.com angeben.',
  },
  noRecipientScope: {
    en: 'The SpamExperts Control Panel API has no per-mailbox lists; use --domain {domain} instead of --recipient.',
    id: 'API Control Panel SpamExperts tidak punya daftar per kotak surat; gunakan --domain {domain} sebagai ganti --recipient.',
    de: 'Die SpamExperts-Control-Panel-API kennt keine Listen pro Postfach; --domain {domain} statt --recipient verwenden.',
  },
  noHostEntries: {
    en: 'SpamExperts lists hold sender addresses and domains, not {type} entries; use fred@example.com or @example.com.',
    id: 'Daftar SpamExperts berisi alamat dan domain pengirim, bukan entri {type}; gunakan fred@example.com atau @example.com.',
    de: 'SpamExperts-Listen enthalten Absenderadressen und Domains, keine {type}-Einträge; fred@example.com oder @example.com verwenden.',
  },
  address: {
    en: '"{entry}" is not an address or domain; use fred@example.com for one sender or @example.com for a whole domain.',
    id: '"{entry}" bukan alamat atau domain; gunakan fred@example.com untuk satu pengirim atau @example.com untuk seluruh domain.',
    de: '„{entry}“ ist weder Adresse noch Domain; fred@example.com für einen Absender oder @example.com für eine ganze Domain verwenden.',
  },
} satisfies Record<string, Localized>;

export class SpamExpertsLists implements ListBackend {
  readonly name = 'spamexperts';

  constructor(private readonly settings: PanelSettings) {}

  validate(raw: string, _scope: ListScope, type?: EntryType): ValidEntry {
    const value = basicEntryCheck(raw).toLowerCase();
    const chosen = type ?? (/^[\d.:/]+$/.test(value) ? 'ip' : 'sender');
    if (chosen === 'ip' || chosen === 'rdns') throw new LocalizedUsageError(TEXT.noHostEntries, { type: chosen });
    // The panel takes a domain as "example.com"; people write @example.com or *@example.com.
    const bare = value.replace(/^\*?@/, '');
    if (isMailAddress(bare) || isDomain(bare)) return { type: chosen, value: bare };
    throw new LocalizedUsageError(TEXT.address, { entry: printable(raw) });
  }

  checkScope(scope: ListScope): void {
    if (scope.recipient) throw new LocalizedUsageError(TEXT.noRecipientScope, { domain: scope.recipient.slice(scope.recipient.lastIndexOf('@') + 1) });
    if (!scope.domain) throw new LocalizedUsageError(TEXT.needDomain);
  }

  async list(kind: ListKind, scope: ListScope): Promise<ListEntry[]> {
    this.checkScope(scope);
    const out: ListEntry[] = [];
    for (const type of ['sender', 'recipient'] as const) {
      const result = await this.get(['domain', ACTIONS[kind][type].list], { domain: scope.domain! });
      for (const value of valuesOf(result)) out.push({ value, type, source: `domain ${scope.domain}` });
    }
    return out;
  }

  async add(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome> {
    const action = this.action(kind, entry);
    const current = await this.get(['domain', action.list], { domain: scope.domain! });
    if (valuesOf(current).some((v) => v.toLowerCase() === entry.value)) {
      throw new BackendError('duplicate', { backend: SPAMEXPERTS, detail: entry.value, list: kind });
    }
    await this.get(['domain', action.add], { domain: scope.domain!, [action.param]: entry.value });
    return { detail: `${action.add} ${entry.value} for ${scope.domain}` };
  }

  async remove(kind: ListKind, entry: ValidEntry, scope: ListScope): Promise<ActionOutcome> {
    const action = this.action(kind, entry);
    const current = await this.get(['domain', action.list], { domain: scope.domain! });
    if (!valuesOf(current).some((v) => v.toLowerCase() === entry.value)) {
      throw new BackendError('absent', { backend: SPAMEXPERTS, detail: entry.value, list: kind });
    }
    await this.get(['domain', action.remove], { domain: scope.domain!, [action.param]: entry.value });
    return { detail: `${action.remove} ${entry.value} for ${scope.domain}` };
  }

  private action(kind: ListKind, entry: ValidEntry) {
    if (entry.type !== 'sender' && entry.type !== 'recipient') throw new LocalizedUsageError(TEXT.noHostEntries, { type: entry.type });
    return ACTIONS[kind][entry.type];
  }

  /** One Control Panel call; returns `result` or throws with `messages.error`. */
  private async get(route: [string, string], params: Record<string, string>): Promise<unknown> {
    const path = ['api', ...route, 'format', 'json', ...Object.entries(params).flatMap(([k, v]) => [k, encodeURIComponent(v)])].join('/');
    const answer = await httpCall({
      backend: SPAMEXPERTS,
      url: `${joinUrl(this.settings.url, path)}/`,
      headers: { authorization: basicAuth(this.settings.username, this.settings.password), accept: 'application/json' },
      timeoutMs: this.settings.timeoutMs,
    });
    if (answer.status >= 400) throw statusError(SPAMEXPERTS, answer);
    const json = parseJson(SPAMEXPERTS, answer);
    if (!isRecord(json)) throw new BackendError('malformed', { backend: SPAMEXPERTS, detail: 'the answer is not an object' });
    const errors = isRecord(json.messages) ? json.messages.error : undefined;
    if (Array.isArray(errors) && errors.length) {
      throw new BackendError('refused', { backend: SPAMEXPERTS, detail: oneLine(errors.map(String).join('; ')) });
    }
    return json.result;
  }
}

/** `result` of a list call: strings, or objects naming the sender. */
function valuesOf(result: unknown): string[] {
  if (result === undefined || result === null || result === '') return [];
  if (!Array.isArray(result)) throw new BackendError('malformed', { backend: SPAMEXPERTS, detail: 'the list answer is not a list' });
  return result
    .map((item) => (typeof item === 'string' ? item : isRecord(item) ? String(item.sender ?? item.recipient ?? item.value ?? '') : ''))
    .filter(Boolean);
}
