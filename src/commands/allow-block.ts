/**
 * `allow|block add|remove ENTRY [--domain D | --recipient R] [--type T] [--yes]`
 * and `allow|block list [--domain D | --recipient R] [--json]` — the allow and
 * block lists of the configured list backend. Edits need a role, a
 * confirmation and leave an audit record (src/access/privileged.ts).
 */
import type { Command, CommandContext } from '../core/command.js';
import { BotError, UsageError } from '../core/errors.js';
import { fill, t, type Localized } from '../core/lang.js';
import { code, text, type Reply } from '../core/reply.js';
import { accessFor, authorize, runPrivileged } from '../access/privileged.js';
import { backendsFor } from '../backends/for-services.js';
import { checkAddressOption, checkDomainOption, domainOf, printable } from '../backends/entries.js';
import { BackendError, inLanguage, listName } from '../backends/errors.js';
import type { EntryType, ListBackend, ListKind, ListScope, ValidEntry } from '../backends/types.js';

const ENTRY_TYPES: EntryType[] = ['sender', 'recipient', 'ip', 'rdns'];

const TEXT = {
  allowSummary: {
    en: 'Shows or edits the allow list (senders, IPs, host names that are never blocked).',
    id: 'Menampilkan atau mengubah daftar izin (pengirim, IP, nama host yang tidak pernah diblokir).',
    de: 'Zeigt oder ändert die Erlaubt-Liste (Absender, IPs, Hostnamen, die nie gesperrt werden).',
  },
  blockSummary: {
    en: 'Shows or edits the block list (senders, IPs, host names that are always refused).',
    id: 'Menampilkan atau mengubah daftar blokir (pengirim, IP, nama host yang selalu ditolak).',
    de: 'Zeigt oder ändert die Sperrliste (Absender, IPs, Hostnamen, die immer abgewiesen werden).',
  },
  noBackend: {
    en: 'No list backend is configured; set backends.lists (spamexperts, proxmox or spamdyke) in the config file.',
    id: 'Belum ada backend daftar yang dikonfigurasi; atur backends.lists (spamexperts, proxmox atau spamdyke) di berkas konfigurasi.',
    de: 'Es ist kein Listen-Backend eingerichtet; backends.lists (spamexperts, proxmox oder spamdyke) in der Konfigurationsdatei setzen.',
  },
  subcommand: {
    en: 'Say what to do: {name} list, {name} add ENTRY or {name} remove ENTRY (e.g. {name} add fred@example.com).',
    id: 'Sebutkan tindakannya: {name} list, {name} add ENTRI atau {name} remove ENTRI (mis. {name} add fred@example.com).',
    de: 'Bitte angeben, was zu tun ist: {name} list, {name} add EINTRAG oder {name} remove EINTRAG (z. B. {name} add fred@example.com).',
  },
  needEntry: {
    en: 'Give one entry, e.g. "{name} {verb} fred@example.com" or "{name} {verb} @example.com".',
    id: 'Berikan satu entri, mis. "{name} {verb} fred@example.com" atau "{name} {verb} @example.com".',
    de: 'Bitte genau einen Eintrag angeben, z. B. „{name} {verb} fred@example.com“ oder „{name} {verb} @example.com“.',
  },
  spaces: {
    en: 'An entry is one word without spaces; "{entry}" is several. Add one entry at a time, e.g. "{name} {verb} fred@example.com".',
    id: 'Entri adalah satu kata tanpa spasi; "{entry}" lebih dari satu. Tambahkan satu per satu, mis. "{name} {verb} fred@example.com".',
    de: 'Ein Eintrag ist ein Wort ohne Leerzeichen; „{entry}“ sind mehrere. Einträge einzeln angeben, z. B. „{name} {verb} fred@example.com“.',
  },
  extra: {
    en: 'Unexpected extra words: {words}. Usage: {usage}',
    id: 'Kata tambahan yang tidak diharapkan: {words}. Penggunaan: {usage}',
    de: 'Unerwartete zusätzliche Wörter: {words}. Aufruf: {usage}',
  },
  badType: {
    en: '--type takes sender, recipient, ip or rdns, not "{value}".',
    id: '--type menerima sender, recipient, ip atau rdns, bukan "{value}".',
    de: '--type nimmt sender, recipient, ip oder rdns, nicht „{value}“.',
  },
  bothScopes: {
    en: 'Give either --domain or --recipient, not both.',
    id: 'Berikan --domain atau --recipient, jangan keduanya.',
    de: 'Bitte entweder --domain oder --recipient angeben, nicht beides.',
  },
  scopeGlobal: { en: 'the global {list}', id: '{list} global', de: 'die globale {list}' },
  scopeDomain: { en: 'the {list} of {domain}', id: '{list} untuk {domain}', de: 'die {list} von {domain}' },
  scopeRecipient: { en: 'the {list} of mailbox {recipient}', id: '{list} kotak surat {recipient}', de: 'die {list} des Postfachs {recipient}' },
  add: {
    en: 'Add {entry} ({type}) to {scope} on {backend}.',
    id: 'Tambahkan {entry} ({type}) ke {scope} di {backend}.',
    de: '{entry} ({type}) zu {scope} auf {backend} hinzufügen.',
  },
  remove: {
    en: 'Remove {entry} ({type}) from {scope} on {backend}.',
    id: 'Hapus {entry} ({type}) dari {scope} di {backend}.',
    de: '{entry} ({type}) aus {scope} auf {backend} entfernen.',
  },
  added: { en: 'Added {entry} to {scope}.', id: '{entry} ditambahkan ke {scope}.', de: '{entry} wurde zu {scope} hinzugefügt.' },
  removed: { en: 'Removed {entry} from {scope}.', id: '{entry} dihapus dari {scope}.', de: '{entry} wurde aus {scope} entfernt.' },
  listTitle: { en: '{count} entries on {scope}', id: '{count} entri di {scope}', de: '{count} Einträge auf {scope}' },
  empty: { en: 'The list is empty.', id: 'Daftar kosong.', de: 'Die Liste ist leer.' },
  addLabel: { en: 'Add', id: 'Tambah', de: 'Hinzufügen' },
  removeLabel: { en: 'Remove', id: 'Hapus', de: 'Entfernen' },
  columns: { en: 'entry|type|where', id: 'entri|jenis|lokasi', de: 'Eintrag|Art|Ort' },
} satisfies Record<string, Localized>;

function makeCommand(kind: ListKind): Command {
  const usage = `${kind} add|remove ENTRY [--domain D | --recipient R] [--type sender|recipient|ip|rdns] [--yes] | ${kind} list [--domain D | --recipient R] [--json]`;
  return {
    name: kind,
    slash: `/${kind}`,
    summary: kind === 'allow' ? TEXT.allowSummary : TEXT.blockSummary,
    usage,
    options: {
      domain: { type: 'string' },
      recipient: { type: 'string' },
      type: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      confirm: { type: 'string' },
    },
    async run(ctx) {
      const [verb = '', ...rest] = ctx.args;
      try {
        switch (verb.toLowerCase()) {
          case 'list':
          case 'show':
            if (rest.length) throw new UsageError(fill(t(TEXT.extra, ctx.lang), { words: rest.join(' '), usage }));
            return await list(ctx, kind);
          case 'add':
            return await edit(ctx, kind, 'add', entryArg(ctx, kind, 'add', rest, usage));
          case 'remove':
          case 'rm':
          case 'delete':
            return await edit(ctx, kind, 'remove', entryArg(ctx, kind, 'remove', rest, usage));
          default:
            throw new UsageError(fill(t(TEXT.subcommand, ctx.lang), { name: kind }));
        }
      } catch (error) {
        throw inLanguage(error, ctx.lang);
      }
    },
  };
}

export const allowCommand = makeCommand('allow');
export const blockCommand = makeCommand('block');

function entryArg(ctx: CommandContext, kind: ListKind, verb: string, rest: string[], usage: string): string {
  if (rest.length === 0) throw new UsageError(fill(t(TEXT.needEntry, ctx.lang), { name: kind, verb }));
  if (rest.length > 1) {
    // "allow add fred @example.com" or a quoted entry with spaces: one sentence on what would work.
    if (rest.every((w) => !w.startsWith('-'))) throw new UsageError(fill(t(TEXT.spaces, ctx.lang), { entry: printable(rest.join(' ')), name: kind, verb }));
    throw new UsageError(fill(t(TEXT.extra, ctx.lang), { words: rest.slice(1).join(' '), usage }));
  }
  if (/\s/.test(rest[0]!.trim())) throw new UsageError(fill(t(TEXT.spaces, ctx.lang), { entry: printable(rest[0]!), name: kind, verb }));
  return rest[0]!;
}

async function backend(ctx: CommandContext): Promise<ListBackend> {
  const found = (await backendsFor(ctx.services)).lists;
  if (!found) throw new BotError('backend_failed', t(TEXT.noBackend, ctx.lang));
  return found;
}

function scopeOf(ctx: CommandContext): ListScope {
  const { flags, lang } = ctx;
  if (typeof flags.domain === 'string' && typeof flags.recipient === 'string') throw new UsageError(t(TEXT.bothScopes, lang));
  if (typeof flags.domain === 'string') return { domain: checkDomainOption(flags.domain) };
  if (typeof flags.recipient === 'string') return { recipient: checkAddressOption(flags.recipient) };
  return {};
}

function typeOf(ctx: CommandContext): EntryType | undefined {
  const value = ctx.flags.type;
  if (typeof value !== 'string') return undefined;
  const type = value.toLowerCase() as EntryType;
  if (!ENTRY_TYPES.includes(type)) throw new UsageError(fill(t(TEXT.badType, ctx.lang), { value: printable(value) }));
  return type;
}

function scopeDomains(scope: ListScope): string[] {
  if (scope.domain) return [scope.domain];
  if (scope.recipient) return [domainOf(scope.recipient)];
  return [];
}

function scopeText(kind: ListKind, scope: ListScope, lang: CommandContext['lang']): string {
  const list = listName(kind, lang);
  if (scope.domain) return fill(t(TEXT.scopeDomain, lang), { list, domain: scope.domain });
  if (scope.recipient) return fill(t(TEXT.scopeRecipient, lang), { list, recipient: scope.recipient });
  return fill(t(TEXT.scopeGlobal, lang), { list });
}

function scopeParams(scope: ListScope): Record<string, string> {
  return { ...(scope.domain ? { domain: scope.domain } : {}), ...(scope.recipient ? { recipient: scope.recipient } : {}) };
}

async function list(ctx: CommandContext, kind: ListKind): Promise<Reply> {
  const { lang, services } = ctx;
  const scope = scopeOf(ctx);
  await authorize(ctx, accessFor(services), 'lists.read', scopeDomains(scope), { action: `lists.${kind}.list`, params: scopeParams(scope) });
  const b = await backend(ctx);
  b.checkScope(scope);
  const entries = await b.list(kind, scope);
  const where = scopeText(kind, scope, lang);
  const [entryCol, typeCol, whereCol] = t(TEXT.columns, lang).split('|') as [string, string, string];
  return {
    severity: 'info',
    title: fill(t(TEXT.listTitle, lang), { count: entries.length, scope: where }),
    parts: entries.length
      ? [{ kind: 'table', columns: [entryCol, typeCol, whereCol], rows: entries.map((e) => [e.value, e.type, e.source ?? '']) }]
      : [text(t(TEXT.empty, lang))],
    data: entries.map((e) => ({ list: kind, ...e, backend: b.name, ...scopeParams(scope) })),
    jsonLines: true,
    summary: fill(t(TEXT.listTitle, lang), { count: entries.length, scope: where }),
  };
}

async function edit(ctx: CommandContext, kind: ListKind, verb: 'add' | 'remove', raw: string): Promise<Reply> {
  const { lang } = ctx;
  const scope = scopeOf(ctx);
  const type = typeOf(ctx);
  const b = await backend(ctx);
  b.checkScope(scope);
  const entry: ValidEntry = b.validate(raw, scope, type);
  const where = scopeText(kind, scope, lang);
  const params = { backend: b.name, list: kind, op: verb, entry: entry.value, type: entry.type, ...scopeParams(scope) };
  const action = `lists.${kind}.${verb}`;
  const domains = scopeDomains(scope);
  const values = { entry: entry.value, type: entry.type, scope: where, backend: b.name };
  const command = [kind, verb, entry.value, ...(scope.domain ? ['--domain', scope.domain] : []), ...(scope.recipient ? ['--recipient', scope.recipient] : []), '--type', entry.type].join(' ');
  return runPrivileged(ctx, {
    permission: 'lists.edit',
    action,
    params,
    domains,
    describe: fill(t(TEXT[verb], lang), values),
    label: t(verb === 'add' ? TEXT.addLabel : TEXT.removeLabel, lang),
    command,
    danger: verb === 'remove' || kind === 'block',
    // Refuse a duplicate (or a missing entry) before asking anyone to confirm it; the backend checks again when done.
    precheck: () => precheck(b, kind, verb, entry, scope),
    execute: async () => {
      const outcome = verb === 'add' ? await b.add(kind, entry, scope) : await b.remove(kind, entry, scope);
      const sentence = fill(t(verb === 'add' ? TEXT.added : TEXT.removed, lang), values);
      return {
        detail: outcome.detail,
        reply: { severity: 'ok', parts: [text(sentence), { kind: 'context', content: [code(outcome.detail)] }], summary: sentence, data: { done: true, ...params, detail: outcome.detail } },
      };
    },
  });
}

async function precheck(b: ListBackend, kind: ListKind, verb: 'add' | 'remove', entry: ValidEntry, scope: ListScope): Promise<void> {
  const current = await b.list(kind, scope);
  const present = current.some((e) => e.type === entry.type && e.value.toLowerCase().replace(/\.$/, '') === entry.value.toLowerCase().replace(/\.$/, ''));
  if (verb === 'add' && present) throw new BackendError('duplicate', { backend: b.name, detail: entry.value, list: kind });
  if (verb === 'remove' && !present) throw new BackendError('absent', { backend: b.name, detail: entry.value, list: kind });
}
