/**
 * `ingest FILE...|- [--format auto|spamdyke|postfix|exim] [--server NAME] [--follow] [--json]`:
 * counts the rejections in mail logs (resumable: a file is read on from where
 * the last run stopped). `--follow` tails one file through rotation until
 * interrupted.
 */
import type { Command } from '../core/command.js';
import { fileErrorReason, missingFileReason } from './file-errors.js';
import { BotError, UsageError } from '../core/errors.js';
import { fill, t, type Lang } from '../core/lang.js';
import type { Reply } from '../core/reply.js';
import type { SinkStats } from '../logs/sink.js';
import { LOG_FORMATS, type LogFormat } from '../logs/types.js';

const M = {
  noInput: {
    en: 'Name at least one log file, or - for standard input, e.g. "ingest /var/log/maillog".',
    id: 'Sebutkan minimal satu file log, atau - untuk standard input, mis. "ingest /var/log/maillog".',
    de: 'Bitte mindestens eine Logdatei angeben oder - für die Standardeingabe, z. B. „ingest /var/log/maillog“.',
  },
  badFormat: {
    en: 'The format "{format}" is not known; use auto, spamdyke, postfix or exim.',
    id: 'Format "{format}" tidak dikenal; gunakan auto, spamdyke, postfix atau exim.',
    de: 'Das Format „{format}“ ist unbekannt; möglich sind auto, spamdyke, postfix oder exim.',
  },
  badServer: {
    en: 'The server name "{server}" may only hold letters, digits, ".", "_" and "-".',
    id: 'Nama server "{server}" hanya boleh berisi huruf, angka, ".", "_" dan "-".',
    de: 'Der Servername „{server}“ darf nur Buchstaben, Ziffern, „.“, „_“ und „-“ enthalten.',
  },
  unreadable: {
    en: 'Cannot read {file}: {why}. Give the path of a readable log file.',
    id: 'Tidak dapat membaca {file}: {why}. Berikan path file log yang dapat dibaca.',
    de: '{file} kann nicht gelesen werden: {why}. Bitte den Pfad einer lesbaren Logdatei angeben.',
  },
  followOne: {
    en: '--follow tails exactly one local file, e.g. "ingest /var/log/maillog --follow".',
    id: '--follow mengikuti tepat satu file lokal, mis. "ingest /var/log/maillog --follow".',
    de: '--follow verfolgt genau eine lokale Datei, z. B. „ingest /var/log/maillog --follow“.',
  },
  noStdin: {
    en: 'Standard input (-) is only available in the terminal; upload the log file instead.',
    id: 'Standard input (-) hanya tersedia di terminal; unggah file log sebagai gantinya.',
    de: 'Die Standardeingabe (-) gibt es nur im Terminal; bitte die Logdatei hochladen.',
  },
  title: {
    en: '{events} rejections in {lines} lines',
    id: '{events} penolakan dalam {lines} baris',
    de: '{events} Ablehnungen in {lines} Zeilen',
  },
  format: { en: 'Format', id: 'Format', de: 'Format' },
  lines: { en: 'Lines read', id: 'Baris dibaca', de: 'Gelesene Zeilen' },
  events: { en: 'Rejections', id: 'Penolakan', de: 'Ablehnungen' },
  skipped: { en: 'Unreadable lines', id: 'Baris tak terbaca', de: 'Unlesbare Zeilen' },
  reason: { en: 'Reason', id: 'Alasan', de: 'Grund' },
  count: { en: 'Count', id: 'Jumlah', de: 'Anzahl' },
  unknownFormat: { en: 'not recognised', id: 'tidak dikenali', de: 'nicht erkannt' },
} as const;


export const ingestCommand: Command = {
  name: 'ingest',
  summary: {
    en: 'Counts the rejections in mail logs (spamdyke, Postfix, Exim) for digests and spike alerts.',
    id: 'Menghitung penolakan di log email (spamdyke, Postfix, Exim) untuk ringkasan dan peringatan lonjakan.',
    de: 'Zählt die Ablehnungen in Mail-Logs (spamdyke, Postfix, Exim) für Berichte und Spitzenalarme.',
  },
  usage: 'ingest FILE...|- [--format auto|spamdyke|postfix|exim] [--server NAME] [--follow] [--json]',
  options: {
    format: { type: 'string' },
    server: { type: 'string' },
    follow: { type: 'boolean' },
  },
  fileArgs: true,
  async run({ request, args, flags, lang, services }) {
    const format = (flags.format as string | undefined) ?? 'auto';
    if (format !== 'auto' && !(LOG_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(fill(t(M.badFormat, lang), { format }));
    }
    const server = flags.server as string | undefined;
    if (server !== undefined && !/^[\w.-]{1,100}$/.test(server)) throw new UsageError(fill(t(M.badServer, lang), { server }));
    const inputs = args.length ? args : request.attachments.map((a) => a.path ?? a.name);
    if (inputs.length === 0) throw new UsageError(t(M.noInput, lang));
    const source = { format: format as LogFormat | 'auto', ...(server ? { server } : {}) };
    // The log parsers and counters load when something is ingested, not with every command.
    const [{ ingestContext }, { followFile, ingestBuffer, ingestFile }] = await Promise.all([import('../logs/context.js'), import('../logs/ingest-file.js')]);
    const ctx = ingestContext(services);
    const local = request.platform === 'cli' || request.platform === 'console';

    if (flags.follow) {
      const attachment = request.attachments.find((a) => a.path === inputs[0]);
      if (inputs.length !== 1 || !local || !attachment?.path) throw new UsageError(t(M.followOne, lang));
      const controller = new AbortController();
      const stop = () => controller.abort();
      // Following runs until the person interrupts it; the counts are flushed before the reply.
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const stats = await readOrExplain(attachment.path, lang, () => followFile(ctx, attachment.path!, { ...source, signal: controller.signal }));
        return summary([stats], lang);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    }

    const results: SinkStats[] = [];
    for (const input of inputs) {
      if (input === '-') {
        if (!request.stdin) throw new UsageError(t(M.noStdin, lang));
        results.push(await ingestBuffer(ctx, await request.stdin(), source));
        continue;
      }
      const attachment = request.attachments.find((a) => a.path === input || (!a.path && a.name === input));
      if (!attachment) throw new UsageError(fill(t(M.unreadable, lang), { file: input, why: missingFileReason(lang) }));
      if (attachment.path && local) {
        results.push(await readOrExplain(input, lang, () => ingestFile(ctx, attachment.path!, source)));
      } else {
        // Uploads are held in memory: bounded, and so is what a .gz unpacks to.
        const maxBytes = services.config.limits.maxInputBytes;
        results.push(await readOrExplain(input, lang, async () => {
          const data = await attachment.read();
          if (data.length > maxBytes) throw Object.assign(new Error('too large'), { code: 'ERR_BUFFER_TOO_LARGE' });
          return ingestBuffer(ctx, data, { ...source, maxBytes });
        }));
      }
    }
    return summary(results, lang);
  },
};

async function readOrExplain<T>(file: string, lang: Lang, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = fileErrorReason(error, lang);
    if (why) throw new UsageError(fill(t(M.unreadable, lang), { file, why }));
    if (code === 'EMFILE' || code === 'EIO') throw new BotError('store_failed', fill(t(M.unreadable, lang), { file, why: code }), { cause: error });
    throw error;
  }
}

function summary(results: SinkStats[], lang: Lang): Reply {
  const formats = [...new Set(results.map((r) => r.format).filter((f): f is LogFormat => f !== null))];
  const byReason: Record<string, number> = {};
  let lines = 0;
  let events = 0;
  let skipped = 0;
  for (const r of results) {
    lines += r.lines;
    events += r.events;
    skipped += r.skipped;
    for (const [k, v] of Object.entries(r.byReason)) byReason[k] = (byReason[k] ?? 0) + v;
  }
  const sorted = Object.fromEntries(Object.entries(byReason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  const format = formats.length === 0 ? null : formats.length === 1 ? formats[0]! : 'mixed';
  const data = { format, lines, events, skipped, byReason: sorted };
  return {
    severity: skipped > 0 && events === 0 ? 'warn' : 'ok',
    title: fill(t(M.title, lang), { events, lines }),
    parts: [
      {
        kind: 'fields',
        fields: [
          { label: t(M.format, lang), value: format ?? t(M.unknownFormat, lang) },
          { label: t(M.lines, lang), value: String(lines) },
          { label: t(M.events, lang), value: String(events) },
          { label: t(M.skipped, lang), value: String(skipped) },
        ],
      },
      ...(events
        ? [{ kind: 'table' as const, columns: [t(M.reason, lang), t(M.count, lang)], rows: Object.entries(sorted).slice(0, 20).map(([k, v]) => [k, String(v)]) }]
        : []),
    ],
    data,
    summary: fill(t(M.title, lang), { events, lines }),
  };
}
