/** `audit [--since DUR] [--limit N] [--json]` — the record of privileged actions, for a role granted audit.read. */
import type { Command } from '../core/command.js';
import { UsageError } from '../core/errors.js';
import { fill, t, type Localized } from '../core/lang.js';
import { text } from '../core/reply.js';
import { accessFor, authorize } from '../access/privileged.js';
import { parseDuration } from '../core/duration.js';

const TEXT = {
  summary: {
    en: 'Shows who released, deleted, allowed or blocked what, and what was refused.',
    id: 'Menampilkan siapa yang melepas, menghapus, mengizinkan atau memblokir apa, dan apa yang ditolak.',
    de: 'Zeigt, wer was freigegeben, gelöscht, erlaubt oder gesperrt hat und was abgelehnt wurde.',
  },
  badSince: {
    en: '"{value}" is not a duration; use something like 30m, 12h or 7d.',
    id: '"{value}" bukan durasi; gunakan misalnya 30m, 12h atau 7d.',
    de: '„{value}“ ist keine Dauer; etwa 30m, 12h oder 7d verwenden.',
  },
  badLimit: { en: '--limit takes a number from 1 to 5000.', id: '--limit menerima angka 1 sampai 5000.', de: '--limit nimmt eine Zahl von 1 bis 5000.' },
  extra: { en: 'audit takes no words, only options. Usage: {usage}', id: 'audit tidak menerima kata, hanya opsi. Penggunaan: {usage}', de: 'audit nimmt keine Wörter, nur Optionen. Aufruf: {usage}' },
  title: { en: '{count} audit records since {since}', id: '{count} catatan audit sejak {since}', de: '{count} Audit-Einträge seit {since}' },
  none: { en: 'Nothing was recorded in that time.', id: 'Tidak ada yang tercatat dalam waktu itu.', de: 'In dieser Zeit wurde nichts aufgezeichnet.' },
  columns: { en: 'when|who|where|action|parameters|outcome|detail', id: 'kapan|siapa|di mana|tindakan|parameter|hasil|rincian', de: 'wann|wer|wo|Aktion|Parameter|Ergebnis|Details' },
} satisfies Record<string, Localized>;

const USAGE = 'audit [--since DUR] [--limit N] [--json]';

export const auditCommand: Command = {
  name: 'audit',
  slash: '/audit',
  summary: TEXT.summary,
  usage: USAGE,
  options: { since: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx) {
    const { args, flags, lang, services, request } = ctx;
    if (args.length) throw new UsageError(fill(t(TEXT.extra, lang), { usage: USAGE }));
    const sinceText = typeof flags.since === 'string' ? flags.since : '1d';
    const span = parseDuration(sinceText);
    if (span === null) throw new UsageError(fill(t(TEXT.badSince, lang), { value: sinceText }));
    const limit = typeof flags.limit === 'string' ? Number(flags.limit) : 500;
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError(t(TEXT.badLimit, lang));

    const access = accessFor(services);
    const scope = access.policy.scope(request.actor, 'audit.read');
    await authorize(ctx, access, 'audit.read', scope.all || scope.domains.length === 0 ? [] : scope.domains.slice(0, 1), {
      action: 'audit.read',
      params: { since: sinceText },
    });
    const sinceMs = services.now() - span;
    const rows = (await access.audit.read(sinceMs, 100_000))
      // A reader limited to some customer domains sees only records about them.
      .filter((r) => scope.all || (r.domain !== undefined && scope.domains.includes(r.domain)))
      .slice(-limit);
    const title = fill(t(TEXT.title, lang), { count: rows.length, since: new Date(sinceMs).toISOString().slice(0, 16).replace('T', ' ') });
    return {
      severity: 'info',
      title,
      parts: rows.length
        ? [{
            kind: 'table',
            columns: t(TEXT.columns, lang).split('|'),
            rows: rows.map((r) => [
              r.at.slice(0, 19).replace('T', ' '),
              r.actorName ? `${r.actorName} (${r.actor})` : r.actor,
              r.channel ? `${r.platform} ${r.channel}` : r.platform,
              r.action,
              Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(' '),
              r.outcome,
              r.detail.length > 160 ? `${r.detail.slice(0, 159)}…` : r.detail,
            ]),
          }]
        : [text(t(TEXT.none, lang))],
      data: rows,
      jsonLines: true,
      summary: title,
    };
  },
};
