/**
 * `digest [--date YYYY-MM-DD | --since DUR] [--server NAME] [--json] [--png FILE]`:
 * the rejection digest — totals against the day before and the same weekday
 * last week, top reasons with catalogue titles, top offenders, spikes and a
 * chart. `/digest` in chat shows today so far.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from '../core/command.js';
import { UsageError } from '../core/errors.js';
import { fill, t } from '../core/lang.js';
import { parseDate, localDay, sinceRange } from '../digest/range.js';
import { dayLabel, digestReply } from '../digest/render.js';
import { knownServers } from '../digest/series.js';
import { spikeRule } from '../digest/settings.js';
import { configDuration } from '../core/duration.js';

const M = {
  both: {
    en: 'Use either --date or --since, not both.',
    id: 'Gunakan --date atau --since, tidak keduanya.',
    de: 'Bitte entweder --date oder --since angeben, nicht beides.',
  },
  badDate: {
    en: 'The date "{date}" is not a day in the form YYYY-MM-DD, e.g. 2026-03-14.',
    id: 'Tanggal "{date}" bukan hari dalam bentuk YYYY-MM-DD, mis. 2026-03-14.',
    de: 'Das Datum „{date}“ ist kein Tag der Form JJJJ-MM-TT, z. B. 2026-03-14.',
  },
  badSince: {
    en: 'The duration "{since}" is not understood; use e.g. 30m, 6h or 7d (at most {max}).',
    id: 'Durasi "{since}" tidak dipahami; gunakan mis. 30m, 6h atau 7d (paling lama {max}).',
    de: 'Die Dauer „{since}“ ist unverständlich; z. B. 30m, 6h oder 7d (höchstens {max}).',
  },
  future: {
    en: 'The date {date} lies in the future; choose today or an earlier day.',
    id: 'Tanggal {date} ada di masa depan; pilih hari ini atau sebelumnya.',
    de: 'Der {date} liegt in der Zukunft; bitte heute oder einen früheren Tag wählen.',
  },
  badServer: {
    en: 'No counts exist for the server "{server}"; known servers: {known}.',
    id: 'Tidak ada hitungan untuk server "{server}"; server yang dikenal: {known}.',
    de: 'Für den Server „{server}“ gibt es keine Zählungen; bekannte Server: {known}.',
  },
  none: { en: 'none yet', id: 'belum ada', de: 'noch keine' },
  pngLocal: {
    en: '--png writes a file and is only available in the terminal; the chart is attached to this answer instead.',
    id: '--png menulis file dan hanya tersedia di terminal; grafik sudah dilampirkan pada jawaban ini.',
    de: '--png schreibt eine Datei und ist nur im Terminal verfügbar; das Diagramm hängt stattdessen an dieser Antwort.',
  },
  badWord: {
    en: '"{word}" is not a day or a duration; use today, a date like 2026-03-14, or a duration like 6h or 7d.',
    id: '"{word}" bukan hari atau durasi; gunakan today, tanggal seperti 2026-03-14, atau durasi seperti 6h atau 7d.',
    de: '„{word}“ ist weder ein Tag noch eine Dauer; möglich sind today, ein Datum wie 2026-03-14 oder eine Dauer wie 6h oder 7d.',
  },
  soFar: { en: '{day}, so far', id: '{day}, sejauh ini', de: '{day}, bisher' },
  last: { en: 'last {since}', id: '{since} terakhir', de: 'letzte {since}' },
} as const;

export const digestCommand: Command = {
  name: 'digest',
  slash: '/digest',
  summary: {
    en: 'Shows the rejection digest: totals, top reasons and offenders, spikes and a chart (today so far by default).',
    id: 'Menampilkan ringkasan penolakan: total, alasan dan pelaku teratas, lonjakan, dan grafik (hari ini secara bawaan).',
    de: 'Zeigt den Ablehnungsbericht: Summen, häufigste Gründe und Verursacher, Spitzen und ein Diagramm (standardmäßig heute).',
  },
  usage: 'digest [today | YYYY-MM-DD | DUR] [--date YYYY-MM-DD | --since DUR] [--server NAME] [--json] [--png FILE]',
  options: {
    date: { type: 'string' },
    since: { type: 'string' },
    server: { type: 'string' },
    png: { type: 'string' },
  },
  async run({ request, args, flags, lang, services }) {
    const { digest } = services.config;
    const now = services.now();
    const tz = digest.timeZone;
    // Chat shorthand: "/digest 7d", "/digest 2026-03-14", "/digest today".
    const [word, ...extra] = args;
    if (extra.length > 0 || (word !== undefined && !/^(?:today|\d{4}-\d{2}-\d{2}|\d+[mhdw])$/i.test(word))) {
      throw new UsageError(fill(t(M.badWord, lang), { word: extra[0] ?? word ?? '' }));
    }
    const date = (flags.date as string | undefined) ?? (word && /^\d{4}-/.test(word) ? word : undefined);
    const since = (flags.since as string | undefined) ?? (word && /^\d+[mhdw]$/i.test(word) ? word.toLowerCase() : undefined);
    const png = flags.png as string | undefined;
    if (date !== undefined && since !== undefined) throw new UsageError(t(M.both, lang));
    const local = request.platform === 'cli' || request.platform === 'console';
    if (png !== undefined && !local) throw new UsageError(t(M.pngLocal, lang));
    const hourTtlMs = configDuration(digest.hourTtl);
    const dayTtlMs = configDuration(digest.dayTtl);

    let range;
    let rangeLabel: string;
    if (date !== undefined) {
      range = parseDate(date, tz, now);
      if (!range) throw new UsageError(fill(t(M.badDate, lang), { date }));
      if (range.from > now) throw new UsageError(fill(t(M.future, lang), { date }));
      rangeLabel = dayLabel(range.from, tz, lang);
    } else if (since !== undefined) {
      range = sinceRange(since, now);
      // Beyond the hour buckets the daily rollups still count (see src/digest/coverage.ts).
      if (!range || range.to - range.from > dayTtlMs) throw new UsageError(fill(t(M.badSince, lang), { since, max: digest.dayTtl }));
      rangeLabel = fill(t(M.last, lang), { since });
    } else {
      range = { from: localDay(now, tz).from, to: now };
      rangeLabel = fill(t(M.soFar, lang), { day: dayLabel(now, tz, lang) });
    }

    const server = flags.server as string | undefined;
    if (server !== undefined) {
      const known = await knownServers(services.store);
      if (!known.includes(server)) throw new UsageError(fill(t(M.badServer, lang), { server, known: known.join(', ') || t(M.none, lang) }));
    }
    // The digest builder loads when a digest is made, not with every command.
    const { buildDigest } = await import('../digest/build.js');
    const data = await buildDigest(services.store, {
      from: range.from,
      to: range.to,
      servers: server ? [server] : [],
      rule: spikeRule(services.config),
      timeZone: tz,
      now,
      hourTtlMs,
      dayTtlMs,
      topTtlMs: configDuration(digest.topTtl),
    });
    const wantChart = png !== undefined || !flags.json;
    const { reply, png: image } = await digestReply(data, { lang, catalog: services.catalog, timeZone: tz, rangeLabel, chart: wantChart });
    if (png !== undefined && image) await writeFile(png, image);
    return reply;
  },
};
