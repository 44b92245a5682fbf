/**
 * `quarantine list|show|release|delete` — held mail in the configured
 * quarantine backend. Release and delete need a role, a confirmation and leave
 * an audit record (src/access/privileged.ts).
 */
import type { Command, CommandContext } from '../core/command.js';
import { BotError, UsageError } from '../core/errors.js';
import { fill, t, type Localized } from '../core/lang.js';
import { code, text, type Reply } from '../core/reply.js';
import { accessFor, auditFailure, authorize, runPrivileged } from '../access/privileged.js';
import { parseDuration } from '../core/duration.js';
import { backendsFor } from '../backends/for-services.js';
import { checkAddressOption, checkDomainOption, domainOf } from '../backends/entries.js';
import { BackendError, inLanguage } from '../backends/errors.js';
import { MESSAGE_ID_PATTERN } from '../backends/message-id.js';
import { forgetMessage, rememberMessages, resolveMessage } from '../backends/message-index.js';
import type { QuarantineBackend, QuarantinedMessage } from '../backends/types.js';

const TEXT = {
  summary: {
    en: 'Lists, shows, releases or deletes quarantined mail.',
    id: 'Menampilkan, melihat, melepas, atau menghapus email karantina.',
    de: 'Listet, zeigt, gibt frei oder löscht Mail in der Quarantäne.',
  },
  noBackend: {
    en: 'No quarantine backend is configured; set backends.quarantine (spamexperts, proxmox or maildir) in the config file.',
    id: 'Belum ada backend karantina yang dikonfigurasi; atur backends.quarantine (spamexperts, proxmox atau maildir) di berkas konfigurasi.',
    de: 'Es ist kein Quarantäne-Backend eingerichtet; backends.quarantine (spamexperts, proxmox oder maildir) in der Konfigurationsdatei setzen.',
  },
  subcommand: {
    en: 'Say what to do: quarantine list, quarantine show ID, quarantine release ID or quarantine delete ID.',
    id: 'Sebutkan tindakannya: quarantine list, quarantine show ID, quarantine release ID atau quarantine delete ID.',
    de: 'Bitte angeben, was zu tun ist: quarantine list, quarantine show ID, quarantine release ID oder quarantine delete ID.',
  },
  needId: {
    en: 'Give the message id, e.g. "quarantine {verb} 1a2b3c4d5e"; "quarantine list" shows the ids.',
    id: 'Berikan id pesan, mis. "quarantine {verb} 1a2b3c4d5e"; "quarantine list" menampilkan id-nya.',
    de: 'Bitte die Nachrichten-ID angeben, z. B. „quarantine {verb} 1a2b3c4d5e“; „quarantine list“ zeigt die IDs.',
  },
  badId: {
    en: '"{id}" is not a message id; ids are 10 letters and digits like 1a2b3c4d5e (the first 4 are enough when unique), as shown by "quarantine list".',
    id: '"{id}" bukan id pesan; id terdiri dari 10 huruf dan angka seperti 1a2b3c4d5e (4 pertama cukup bila unik), seperti ditampilkan "quarantine list".',
    de: '„{id}“ ist keine Nachrichten-ID; IDs bestehen aus 10 Buchstaben und Ziffern wie 1a2b3c4d5e (die ersten 4 genügen, wenn eindeutig), wie „quarantine list“ sie zeigt.',
  },
  missing: {
    en: 'There is no quarantined message with id {id}; run "quarantine list" (perhaps with --since 7d) for the current ids.',
    id: 'Tidak ada pesan karantina dengan id {id}; jalankan "quarantine list" (mungkin dengan --since 7d) untuk id terkini.',
    de: 'Es gibt keine Nachricht mit der ID {id} in der Quarantäne; „quarantine list“ (ggf. mit --since 7d) zeigt die aktuellen IDs.',
  },
  ambiguous: {
    en: 'The id {id} matches several messages ({ids}); type more of it.',
    id: 'Id {id} cocok dengan beberapa pesan ({ids}); ketik lebih lengkap.',
    de: 'Die ID {id} passt zu mehreren Nachrichten ({ids}); bitte mehr davon eingeben.',
  },
  extra: {
    en: 'Unexpected extra words: {words}. Usage: {usage}',
    id: 'Kata tambahan yang tidak diharapkan: {words}. Penggunaan: {usage}',
    de: 'Unerwartete zusätzliche Wörter: {words}. Aufruf: {usage}',
  },
  badSince: {
    en: '"{value}" is not a duration; use something like 30m, 12h or 7d.',
    id: '"{value}" bukan durasi; gunakan misalnya 30m, 12h atau 7d.',
    de: '„{value}“ ist keine Dauer; etwa 30m, 12h oder 7d verwenden.',
  },
  badLimit: {
    en: '--limit takes a number from 1 to 5000.',
    id: '--limit menerima angka 1 sampai 5000.',
    de: '--limit nimmt eine Zahl von 1 bis 5000.',
  },
  listTitle: {
    en: '{count} quarantined messages since {since}',
    id: '{count} pesan karantina sejak {since}',
    de: '{count} Nachrichten in Quarantäne seit {since}',
  },
  none: {
    en: 'Nothing is held for that search.',
    id: 'Tidak ada yang ditahan untuk pencarian itu.',
    de: 'Für diese Suche wird nichts zurückgehalten.',
  },
  release: {
    en: 'Release message {id} from {from} to {to}, subject "{subject}" — it will be delivered to the recipient.',
    id: 'Lepas pesan {id} dari {from} ke {to}, subjek "{subject}" — pesan akan dikirim ke penerima.',
    de: 'Nachricht {id} von {from} an {to}, Betreff „{subject}“ freigeben — sie wird dem Empfänger zugestellt.',
  },
  delete: {
    en: 'Delete message {id} from {from} to {to}, subject "{subject}" — it will be gone for good.',
    id: 'Hapus pesan {id} dari {from} ke {to}, subjek "{subject}" — pesan akan hilang selamanya.',
    de: 'Nachricht {id} von {from} an {to}, Betreff „{subject}“ löschen — sie ist danach endgültig weg.',
  },
  released: {
    en: 'Released message {id} from {from} to {to}.',
    id: 'Pesan {id} dari {from} ke {to} telah dilepas.',
    de: 'Nachricht {id} von {from} an {to} wurde freigegeben.',
  },
  deleted: {
    en: 'Deleted message {id} from {from} to {to}.',
    id: 'Pesan {id} dari {from} ke {to} telah dihapus.',
    de: 'Nachricht {id} von {from} an {to} wurde gelöscht.',
  },
  busy: {
    en: 'Someone is acting on message {id} right now; look again in a moment.',
    id: 'Seseorang sedang memproses pesan {id}; periksa lagi sebentar lagi.',
    de: 'Jemand bearbeitet die Nachricht {id} gerade; bitte gleich noch einmal nachsehen.',
  },
  releaseLabel: { en: 'Release', id: 'Lepas', de: 'Freigeben' },
  deleteLabel: { en: 'Delete', id: 'Hapus', de: 'Löschen' },
  nullSender: { en: '<> (bounce)', id: '<> (bounce)', de: '<> (Bounce)' },
  noSubject: { en: '(no subject)', id: '(tanpa subjek)', de: '(kein Betreff)' },
  columns: { en: 'id|held|from|to|subject|score', id: 'id|ditahan|dari|ke|subjek|skor', de: 'ID|gehalten|von|an|Betreff|Score' },
  fields: { en: 'From|To|Subject|Held|Size|Score|Reason', id: 'Dari|Ke|Subjek|Ditahan|Ukuran|Skor|Alasan', de: 'Von|An|Betreff|Gehalten|Größe|Score|Grund' },
} satisfies Record<string, Localized>;

const USAGE = 'quarantine list [--domain D] [--recipient R] [--since DUR] [--limit N] [--json] | quarantine show ID | quarantine release ID [--yes] | quarantine delete ID [--yes]';

export const quarantineCommand: Command = {
  name: 'quarantine',
  slash: '/quarantine',
  summary: TEXT.summary,
  usage: USAGE,
  options: {
    domain: { type: 'string' },
    recipient: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    confirm: { type: 'string' },
  },
  async run(ctx) {
    const [verb = '', ...rest] = ctx.args;
    try {
      switch (verb.toLowerCase()) {
        case 'list':
        case 'search':
          noExtra(ctx, rest);
          return await list(ctx);
        case 'show':
          return await show(ctx, oneId(ctx, rest, 'show'));
        case 'release':
          return await act(ctx, oneId(ctx, rest, 'release'), 'release');
        case 'delete':
        case 'remove':
          return await act(ctx, oneId(ctx, rest, 'delete'), 'delete');
        default:
          throw new UsageError(t(TEXT.subcommand, ctx.lang));
      }
    } catch (error) {
      throw inLanguage(error, ctx.lang);
    }
  },
};

async function backend(ctx: CommandContext): Promise<QuarantineBackend> {
  const found = (await backendsFor(ctx.services)).quarantine;
  if (!found) throw new BotError('backend_failed', t(TEXT.noBackend, ctx.lang));
  return found;
}

function noExtra(ctx: CommandContext, rest: string[]): void {
  if (rest.length) throw new UsageError(fill(t(TEXT.extra, ctx.lang), { words: rest.join(' '), usage: USAGE }));
}

function oneId(ctx: CommandContext, rest: string[], verb: string): string {
  if (rest.length === 0) throw new UsageError(fill(t(TEXT.needId, ctx.lang), { verb }));
  noExtra(ctx, rest.slice(1));
  const id = rest[0]!.trim().toLowerCase().replace(/…$/, '');
  if (!MESSAGE_ID_PATTERN.test(id)) throw new UsageError(fill(t(TEXT.badId, ctx.lang), { id: rest[0]!.slice(0, 40) }));
  return id;
}

async function list(ctx: CommandContext): Promise<Reply> {
  const { flags, lang, services } = ctx;
  const access = accessFor(services);
  const domain = typeof flags.domain === 'string' ? checkDomainOption(flags.domain) : undefined;
  const recipient = typeof flags.recipient === 'string' ? checkAddressOption(flags.recipient) : undefined;
  const sinceText = typeof flags.since === 'string' ? flags.since : '1d';
  const sinceSpan = parseDuration(sinceText);
  if (sinceSpan === null) throw new UsageError(fill(t(TEXT.badSince, lang), { value: sinceText }));
  const limit = typeof flags.limit === 'string' ? Number(flags.limit) : 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError(t(TEXT.badLimit, lang));

  const params = { ...(domain ? { domain } : {}), ...(recipient ? { recipient } : {}), since: sinceText };
  const asked = [domain, recipient ? domainOf(recipient) : undefined].filter((d): d is string => Boolean(d));
  const scope = access.policy.scope(ctx.request.actor, 'quarantine.read');
  // Without a domain, a reader limited to some domains sees only theirs.
  const domains = asked.length ? asked : scope.all || scope.domains.length === 0 ? [] : scope.domains.slice(0, 1);
  await authorize(ctx, access, 'quarantine.read', domains, { action: 'quarantine.read', params });

  const now = services.now();
  const q = await backend(ctx);
  const single = domain ?? (!asked.length && !scope.all && scope.domains.length === 1 ? scope.domains[0] : undefined);
  const found = await q.search({
    ...(single ? { domain: single } : {}),
    ...(recipient ? { recipient } : {}),
    sinceMs: now - sinceSpan,
    untilMs: now,
    limit,
  });
  const visible = scope.all ? found : found.filter((m) => m.recipients.some((r) => scope.domains.includes(domainOf(r))));
  await rememberMessages(services.store, visible);
  const [id, held, from, to, subject, score] = t(TEXT.columns, lang).split('|') as [string, string, string, string, string, string];
  return {
    severity: visible.length ? 'info' : 'ok',
    title: fill(t(TEXT.listTitle, lang), { count: visible.length, since: new Date(now - sinceSpan).toISOString().slice(0, 16).replace('T', ' ') }),
    parts: visible.length
      ? [{ kind: 'table', columns: [id, held, from, to, subject, score], rows: visible.map((m) => [m.id, shortDate(m.date), senderText(m, lang), m.recipients.join(', '), subjectText(m, lang), m.score === undefined ? '' : String(m.score)]) }]
      : [text(t(TEXT.none, lang))],
    data: visible.map(publicView),
    jsonLines: true,
    summary: fill(t(TEXT.listTitle, lang), { count: visible.length, since: sinceText }),
  };
}

async function find(ctx: CommandContext, typed: string): Promise<QuarantinedMessage> {
  const q = await backend(ctx);
  const found = await resolveMessage(ctx.services.store, q, typed, ctx.services.now());
  if (found.kind === 'missing') throw new UsageError(fill(t(TEXT.missing, ctx.lang), { id: typed }));
  if (found.kind === 'ambiguous') throw new UsageError(fill(t(TEXT.ambiguous, ctx.lang), { id: typed, ids: found.ids.slice(0, 5).join(', ') }));
  return found.message;
}

/** Refuses early, before any backend call, a person who holds the permission for no domain at all. */
async function precheck(ctx: CommandContext, permission: 'quarantine.read' | 'quarantine.release' | 'quarantine.delete', params: Record<string, string>): Promise<void> {
  const access = accessFor(ctx.services);
  const scope = access.policy.scope(ctx.request.actor, permission);
  if (!scope.all && scope.domains.length === 0) await authorize(ctx, access, permission, [], { action: permission, params });
}

async function show(ctx: CommandContext, typed: string): Promise<Reply> {
  const { lang, services } = ctx;
  await precheck(ctx, 'quarantine.read', { id: typed });
  const message = await find(ctx, typed);
  const access = accessFor(services);
  await authorize(ctx, access, 'quarantine.read', domainsOf(message), { action: 'quarantine.read', params: { id: message.id } });
  // The held message's facts are known already; a preview that cannot be fetched is not worth failing for.
  let preview: string | undefined;
  let previewProblem: string | undefined;
  try {
    preview = (await (await backend(ctx)).show(message)).preview;
  } catch (error) {
    if (!(error instanceof BackendError) || error.failure === 'unauthorized') throw error;
    previewProblem = error.localized(lang);
  }
  const labels = t(TEXT.fields, lang).split('|');
  const fields = [
    { label: labels[0]!, value: senderText(message, lang) },
    { label: labels[1]!, value: message.recipients.join(', ') },
    { label: labels[2]!, value: subjectText(message, lang) },
    { label: labels[3]!, value: shortDate(message.date) },
    ...(message.size !== undefined ? [{ label: labels[4]!, value: `${message.size} B` }] : []),
    ...(message.score !== undefined ? [{ label: labels[5]!, value: String(message.score) }] : []),
    ...(message.reason ? [{ label: labels[6]!, value: message.reason }] : []),
  ];
  return {
    severity: 'info',
    title: message.id,
    parts: [
      { kind: 'fields', fields },
      ...(preview ? [{ kind: 'code' as const, text: preview }] : []),
      ...(previewProblem ? [{ kind: 'context' as const, content: [previewProblem] }] : []),
    ],
    actions: [
      { id: 'quarantine.release', label: t(TEXT.releaseLabel, lang), command: `quarantine release ${message.id}`, style: 'primary' },
      { id: 'quarantine.delete', label: t(TEXT.deleteLabel, lang), command: `quarantine delete ${message.id}`, style: 'danger' },
    ],
    data: { ...publicView(message), preview: preview ?? null },
    summary: `${message.id}: ${subjectText(message, lang)}`,
  };
}

async function act(ctx: CommandContext, typed: string, verb: 'release' | 'delete'): Promise<Reply> {
  const { lang, services } = ctx;
  const permission = verb === 'release' ? 'quarantine.release' : 'quarantine.delete';
  await precheck(ctx, permission, { id: typed });
  const message = await find(ctx, typed).catch(async (error: unknown) => {
    if (!(error instanceof BotError) || error.code !== 'usage') await auditFailure(ctx, { action: permission, params: { id: typed } }, error);
    throw error;
  });
  const q = await backend(ctx);
  const values = { id: message.id, from: senderText(message, lang), to: message.recipients.join(', '), subject: subjectText(message, lang) };
  return runPrivileged(ctx, {
    permission,
    action: permission,
    params: { backend: q.name, id: message.id },
    domains: domainsOf(message),
    describe: fill(t(TEXT[verb], lang), values),
    label: t(verb === 'release' ? TEXT.releaseLabel : TEXT.deleteLabel, lang),
    command: `quarantine ${verb} ${message.id}`,
    danger: verb === 'delete',
    execute: async () => {
      // One action per message at a time, across replicas.
      const lock = await services.store.lock(`quarantine:act:${message.id}`, 120_000);
      if (!lock) throw new BotError('backend_failed', fill(t(TEXT.busy, lang), { id: message.id }));
      try {
        const outcome = verb === 'release' ? await q.release(message) : await q.delete(message);
        await forgetMessage(services.store, message.id);
        const sentence = fill(t(verb === 'release' ? TEXT.released : TEXT.deleted, lang), values);
        return {
          detail: outcome.detail,
          reply: { severity: 'ok', parts: [text(sentence), { kind: 'context', content: [code(outcome.detail)] }], summary: sentence, data: { done: true, action: verb, message: publicView(message), detail: outcome.detail } },
        };
      } finally {
        await lock.release();
      }
    },
  });
}

function domainsOf(message: QuarantinedMessage): string[] {
  return [...new Set(message.recipients.map(domainOf))];
}

function senderText(m: QuarantinedMessage, lang: CommandContext['lang']): string {
  return m.sender || t(TEXT.nullSender, lang);
}

function subjectText(m: QuarantinedMessage, lang: CommandContext['lang']): string {
  const s = m.subject.replace(/\s+/g, ' ').trim();
  if (!s) return t(TEXT.noSubject, lang);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

function shortDate(iso: string): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

function publicView(m: QuarantinedMessage) {
  return {
    id: m.id,
    backend: m.backend,
    date: m.date,
    sender: m.sender,
    recipients: m.recipients,
    subject: m.subject,
    ...(m.size !== undefined ? { size: m.size } : {}),
    ...(m.score !== undefined ? { score: m.score } : {}),
    ...(m.reason ? { reason: m.reason } : {}),
  };
}
