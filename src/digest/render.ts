/** Turns digest data and spike alerts into neutral Replies, in the reader's language. */
import type { Catalog } from '../catalog/catalog.js';
import { fill, t, type Lang } from '../core/lang.js';
import type { Action, Part, Reply } from '../core/reply.js';
import type { DigestData } from './build.js';
import { entryTitle, reasonLabel } from './labels.js';
import { HOUR } from './spikes.js';

const M = {
  title: { en: 'Mail rejections, {range}', id: 'Penolakan email, {range}', de: 'Mail-Ablehnungen, {range}' },
  allServers: { en: 'all servers', id: 'semua server', de: 'alle Server' },
  total: { en: 'Rejections', id: 'Penolakan', de: 'Ablehnungen' },
  dayBefore: { en: 'Day before', id: 'Hari sebelumnya', de: 'Vortag' },
  weekBefore: { en: 'Same weekday last week', id: 'Hari yang sama minggu lalu', de: 'Gleicher Wochentag letzte Woche' },
  unknown: { en: 'no data', id: 'tidak ada data', de: 'keine Daten' },
  reasons: { en: 'Top reasons', id: 'Alasan teratas', de: 'Häufigste Gründe' },
  reason: { en: 'Reason', id: 'Alasan', de: 'Grund' },
  catalogue: { en: 'Catalogue', id: 'Katalog', de: 'Katalog' },
  count: { en: 'Count', id: 'Jumlah', de: 'Anzahl' },
  share: { en: 'Share', id: 'Porsi', de: 'Anteil' },
  offenders: { en: 'Top offenders', id: 'Pelaku teratas', de: 'Häufigste Verursacher' },
  kind: { en: 'Kind', id: 'Jenis', de: 'Art' },
  value: { en: 'Value', id: 'Nilai', de: 'Wert' },
  ip: { en: 'IP', id: 'IP', de: 'IP' },
  sender: { en: 'Sender domain', id: 'Domain pengirim', de: 'Absenderdomain' },
  rcpt: { en: 'Recipient', id: 'Penerima', de: 'Empfänger' },
  spikes: { en: 'Spikes', id: 'Lonjakan', de: 'Spitzen' },
  noSpikes: { en: 'No spikes.', id: 'Tidak ada lonjakan.', de: 'Keine Spitzen.' },
  nothing: { en: 'No rejections were counted in this period. Has a log been ingested (postmaster ingest FILE)?', id: 'Tidak ada penolakan yang terhitung pada periode ini. Apakah log sudah dimasukkan (postmaster ingest FILE)?', de: 'In diesem Zeitraum wurden keine Ablehnungen gezählt. Wurde ein Log eingelesen (postmaster ingest FILE)?' },
  fromRollups: {
    en: 'Hourly counts are kept for {ttl}: for {days} the totals and reasons come from the daily rollups (whole UTC days), and spikes, top offenders and the hourly chart are no longer available.',
    id: 'Hitungan per jam disimpan selama {ttl}: untuk {days} total dan alasan diambil dari rekap harian (hari UTC penuh), sedangkan lonjakan, pelaku teratas, dan grafik per jam sudah tidak tersedia.',
    de: 'Stündliche Zählungen werden {ttl} aufbewahrt: für {days} stammen Summen und Gründe aus den Tagessummen (ganze UTC-Tage); Spitzen, häufigste Verursacher und das Stundendiagramm sind nicht mehr verfügbar.',
  },
  topGone: {
    en: 'Top offenders are kept for {ttl}: for this period they are no longer available.',
    id: 'Pelaku teratas disimpan selama {ttl}: untuk periode ini datanya sudah tidak tersedia.',
    de: 'Häufigste Verursacher werden {ttl} aufbewahrt: für diesen Zeitraum sind sie nicht mehr verfügbar.',
  },
  topPartial: {
    en: 'Top offenders are kept for {ttl}: those shown cover only the time since {since}.',
    id: 'Pelaku teratas disimpan selama {ttl}: yang ditampilkan hanya mencakup waktu sejak {since}.',
    de: 'Häufigste Verursacher werden {ttl} aufbewahrt: die gezeigten umfassen nur die Zeit seit {since}.',
  },
  expired: {
    en: 'Daily rollups are kept for {ttl}: no counts are left from before {day}.',
    id: 'Rekap harian disimpan selama {ttl}: tidak ada hitungan tersisa dari sebelum {day}.',
    de: 'Tagessummen werden {ttl} aufbewahrt: vor dem {day} sind keine Zählungen mehr vorhanden.',
  },
  unjudged: {
    en: '{hours} hours could not be judged for spikes: the hourly history they are compared with has expired.',
    id: '{hours} jam tidak dapat dinilai untuk lonjakan: riwayat per jam pembandingnya sudah kedaluwarsa.',
    de: '{hours} Stunden konnten nicht auf Spitzen geprüft werden: der stündliche Verlauf, mit dem sie verglichen werden, ist abgelaufen.',
  },
  counted: {
    en: 'The counts shown cover {from} – {to} (UTC): older hours have expired, and the daily rollups hold whole UTC days only.',
    id: 'Hitungan yang ditampilkan mencakup {from} – {to} (UTC): jam yang lebih lama sudah kedaluwarsa, dan rekap harian hanya menyimpan hari UTC penuh.',
    de: 'Die gezeigten Zählungen umfassen {from} – {to} (UTC): ältere Stunden sind abgelaufen, und die Tagessummen enthalten nur ganze UTC-Tage.',
  },
  expected: { en: 'expected', id: 'perkiraan', de: 'erwartet' },
  perHour: { en: 'rejects per hour', id: 'penolakan per jam', de: 'Ablehnungen pro Stunde' },
  other: { en: 'other', id: 'lainnya', de: 'sonstige' },
  chartAlt: { en: 'Rejections per hour by reason, with the expected level', id: 'Penolakan per jam menurut alasan, dengan tingkat perkiraan', de: 'Ablehnungen pro Stunde nach Grund, mit dem erwarteten Niveau' },
  check: { en: 'check {target}', id: 'check {target}', de: 'check {target}' },
  spike: {
    en: '{label} on {server}: {count} rejects {from}–{to}, typical for a {daytype} at this hour is {baseline} ({ratio}×)',
    id: '{label} di {server}: {count} penolakan {from}–{to}, biasanya pada {daytype} di jam ini {baseline} ({ratio}×)',
    de: '{label} auf {server}: {count} Ablehnungen {from}–{to}, üblich an einem {daytype} zu dieser Stunde sind {baseline} ({ratio}×)',
  },
  weekday: { en: 'weekday', id: 'hari kerja', de: 'Werktag' },
  weekend: { en: 'weekend day', id: 'akhir pekan', de: 'Wochenendtag' },
  spikeTitle: { en: 'Rejection spike: {label} on {server}', id: 'Lonjakan penolakan: {label} di {server}', de: 'Ablehnungsspitze: {label} auf {server}' },
  normalTitle: { en: 'Back to normal: {label} on {server}', id: 'Kembali normal: {label} di {server}', de: 'Wieder normal: {label} auf {server}' },
  normal: {
    en: '{label} on {server}: {count} rejects {from}–{to}, close to the typical {baseline}.',
    id: '{label} di {server}: {count} penolakan {from}–{to}, mendekati biasanya {baseline}.',
    de: '{label} auf {server}: {count} Ablehnungen {from}–{to}, nahe am üblichen Wert {baseline}.',
  },
  silenceTitle: { en: 'No rejections logged on {server}', id: 'Tidak ada penolakan tercatat di {server}', de: 'Keine Ablehnungen auf {server} protokolliert' },
  silence: {
    en: '{server} logged no rejection for {hours} hours ({from}–{to}), where about {baseline} per hour are usual. Is log ingestion broken?',
    id: '{server} tidak mencatat penolakan selama {hours} jam ({from}–{to}), padahal biasanya sekitar {baseline} per jam. Apakah pemasukan log rusak?',
    de: '{server} hat {hours} Stunden lang ({from}–{to}) keine Ablehnung protokolliert, üblich sind etwa {baseline} pro Stunde. Ist das Einlesen der Logs gestört?',
  },
} as const;

export function hourLabel(hour: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(hour * HOUR);
}

export function dayLabel(time: number, timeZone: string, lang: Lang): string {
  const locale = lang === 'id' ? 'id-ID' : lang === 'de' ? 'de-DE' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(time);
}

/** A retention in the unit it was most likely configured in: 15d, 36h, 90m. */
function ttlText(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  return `${Math.round(ms / 60_000)}m`;
}

/** Sentences on what the stored counts no longer cover (see coverage.ts). */
function coverageNotes(data: DigestData, timeZone: string, lang: Lang): string[] {
  const c = data.coverage;
  const notes: string[] = [];
  if (c.expiredBefore !== null) notes.push(fill(t(M.expired, lang), { ttl: ttlText(c.retention.dayTtlMs), day: dayLabel(c.expiredBefore, 'UTC', lang) }));
  if (c.rollups && !(c.expiredBefore !== null && c.rollups.to <= c.expiredBefore)) {
    const first = dayLabel(c.rollups.from, 'UTC', lang);
    const last = dayLabel(c.rollups.to - 86_400_000, 'UTC', lang);
    notes.push(fill(t(M.fromRollups, lang), { ttl: ttlText(c.retention.hourTtlMs), days: first === last ? first : `${first} – ${last}` }));
  }
  if (c.counted.from !== c.asked.from || c.counted.to !== c.asked.to) {
    const at = (ms: number) => `${dayLabel(ms, 'UTC', lang)} ${hourLabel(ms / HOUR, 'UTC')}`;
    notes.push(fill(t(M.counted, lang), { from: at(c.counted.from), to: at(c.counted.to) }));
  }
  if (c.hasHours && c.topFrom !== null) {
    const lastHour = data.hourly[data.hourly.length - 1]?.hour ?? 0;
    notes.push(
      c.topFrom > lastHour * HOUR
        ? fill(t(M.topGone, lang), { ttl: ttlText(c.retention.topTtlMs) })
        : fill(t(M.topPartial, lang), { ttl: ttlText(c.retention.topTtlMs), since: `${dayLabel(c.topFrom, timeZone, lang)} ${hourLabel(c.topFrom / HOUR, timeZone)}` }),
    );
  }
  return notes;
}

function delta(now: number, before: number | null, lang: Lang): string {
  if (before === null) return t(M.unknown, lang);
  if (before === 0) return `${before}`;
  const pct = Math.round(((now - before) / before) * 100);
  return `${before} (${pct >= 0 ? '+' : ''}${pct}%)`;
}

export interface RenderOptions {
  lang: Lang;
  catalog: Catalog;
  timeZone: string;
  rangeLabel: string;
  /** Draw the chart (PNG). */
  chart: boolean;
}

export async function digestReply(data: DigestData, o: RenderOptions): Promise<{ reply: Reply; png: Buffer | null }> {
  const { lang, catalog, timeZone } = o;
  const j = data.json;
  const serversText = data.servers.length === 1 ? data.servers[0]! : data.servers.length ? data.servers.join(', ') : t(M.allServers, lang);
  const title = fill(t(M.title, lang), { range: `${o.rangeLabel} (${serversText})` });
  const label = (key: string) => reasonLabel(key, lang, catalog, data.entries);
  const parts: Part[] = [
    {
      kind: 'fields',
      fields: [
        { label: t(M.total, lang), value: String(j.total) },
        { label: t(M.dayBefore, lang), value: delta(j.total, data.dayBefore, lang) },
        { label: t(M.weekBefore, lang), value: delta(j.total, data.weekBefore, lang) },
      ],
    },
  ];
  for (const note of coverageNotes(data, timeZone, lang)) parts.push({ kind: 'text', content: [note] });
  const c = data.coverage;
  const allExpired = c.expiredBefore !== null && !c.hasHours && (c.rollups === null || c.rollups.to <= c.expiredBefore);
  if (j.total === 0 && !allExpired) parts.push({ kind: 'text', content: [t(M.nothing, lang)] });
  const reasons = Object.entries(j.byReason).slice(0, 10);
  if (reasons.length) {
    parts.push({ kind: 'heading', text: t(M.reasons, lang) });
    parts.push({
      kind: 'table',
      columns: [t(M.reason, lang), t(M.catalogue, lang), t(M.count, lang), t(M.share, lang)],
      rows: reasons.map(([key, count]) => [label(key), entryTitle(key, lang, catalog, data.entries) ?? '—', String(count), `${Math.round((count / Math.max(1, j.total)) * 100)}%`]),
    });
  }
  const offenders: string[][] = [
    ...j.top.ips.slice(0, 5).map((r) => [t(M.ip, lang), r.value, String(r.count)]),
    ...j.top.senderDomains.slice(0, 5).map((r) => [t(M.sender, lang), r.value, String(r.count)]),
    ...j.top.recipients.slice(0, 5).map((r) => [t(M.rcpt, lang), r.value, String(r.count)]),
  ];
  if (offenders.length) {
    parts.push({ kind: 'heading', text: t(M.offenders, lang) });
    parts.push({ kind: 'table', columns: [t(M.kind, lang), t(M.value, lang), t(M.count, lang)], rows: offenders });
  }
  // Spikes need hourly counts: where only rollups are left, the note above says so instead of "No spikes."
  if (j.total > 0 && data.coverage.hasHours) {
    parts.push({ kind: 'heading', text: t(M.spikes, lang) });
    parts.push(
      j.spikes.length
        ? {
            kind: 'items',
            items: j.spikes.map((s) => {
              const hour = Date.parse(s.hour) / HOUR;
              return { severity: 'warn' as const, title: spikeSentence(label(s.reason), s.server, hour, s.count, s.baseline, s.ratio, timeZone, lang) };
            }),
          }
        : { kind: 'text', content: [t(M.noSpikes, lang)] },
    );
    if (data.coverage.unjudgedHours > 0) parts.push({ kind: 'text', content: [fill(t(M.unjudged, lang), { hours: data.coverage.unjudgedHours })] });
  }
  let png: Buffer | null = null;
  if (o.chart && data.hourly.length && j.total > 0) {
    const keys = Object.keys(j.byReason);
    const shown = keys.slice(0, 6);
    const rest = keys.slice(6);
    const series = shown.map((key) => ({ label: label(key), values: data.hourly.map((h) => h.byKey[key] ?? 0) }));
    if (rest.length) series.push({ label: t(M.other, lang), values: data.hourly.map((h) => rest.reduce((sum, k) => sum + (h.byKey[k] ?? 0), 0)) });
    // Loaded on first use: chart.js and Skia would slow every CLI command's start otherwise.
    const { renderChart } = await import('./chart.js');
    png = await renderChart({
      title,
      labels: data.hourly.map((h) => hourLabel(h.hour, timeZone)),
      series,
      baseline: { label: t(M.expected, lang), values: data.hourly.map((h) => h.baseline) },
      yLabel: t(M.perHour, lang),
    });
    parts.push({ kind: 'image', alt: t(M.chartAlt, lang), png, title });
  }
  const actions: Action[] = j.top.ips.slice(0, 3).map((r, i) => ({ id: `digest-check-${i}`, label: fill(t(M.check, lang), { target: r.value }), command: `check ${r.value}` }));
  return {
    reply: {
      severity: j.spikes.length ? 'warn' : 'info',
      title,
      parts,
      ...(actions.length ? { actions } : {}),
      data: j,
      lang,
      summary: `${title}: ${j.total}`,
    },
    png,
  };
}

export function spikeSentence(label: string, server: string, hour: number, count: number, baseline: number, ratio: number, timeZone: string, lang: Lang, weekend?: boolean): string {
  const isWeekend = weekend ?? ['Sat', 'Sun'].includes(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(hour * HOUR));
  return fill(t(M.spike, lang), {
    label,
    server,
    count,
    from: hourLabel(hour, timeZone),
    to: hourLabel(hour + 1, timeZone),
    daytype: t(isWeekend ? M.weekend : M.weekday, lang),
    baseline: Math.round(baseline),
    ratio: ratio.toFixed(1),
  });
}

export interface AlertInput {
  kind: 'spike' | 'normal' | 'silence';
  server: string;
  key: string;
  label: string;
  hour: number;
  /** For silence: the first quiet hour; `hours` quiet hours follow. */
  hours?: number;
  count: number;
  baseline: number;
  topIps: string[];
}

export function alertReply(a: AlertInput, timeZone: string, lang: Lang): Reply {
  const vars = { label: a.label, server: a.server };
  if (a.kind === 'silence') {
    const text = fill(t(M.silence, lang), { server: a.server, hours: a.hours ?? 2, from: hourLabel(a.hour, timeZone), to: hourLabel(a.hour + (a.hours ?? 2), timeZone), baseline: Math.round(a.baseline) });
    return { severity: 'warn', title: fill(t(M.silenceTitle, lang), vars), parts: [{ kind: 'text', content: [text] }], lang, summary: text };
  }
  if (a.kind === 'normal') {
    const text = fill(t(M.normal, lang), { ...vars, count: a.count, from: hourLabel(a.hour, timeZone), to: hourLabel(a.hour + 1, timeZone), baseline: Math.round(a.baseline) });
    return { severity: 'ok', title: fill(t(M.normalTitle, lang), vars), parts: [{ kind: 'text', content: [text] }], lang, summary: text };
  }
  const text = spikeSentence(a.label, a.server, a.hour, a.count, a.baseline, a.count / a.baseline, timeZone, lang);
  return {
    severity: 'warn',
    title: fill(t(M.spikeTitle, lang), vars),
    parts: [{ kind: 'text', content: [text] }],
    actions: a.topIps.slice(0, 3).map((ip, i) => ({ id: `spike-check-${i}`, label: fill(t(M.check, lang), { target: ip }), command: `check ${ip}` })),
    lang,
    summary: text,
    data: { kind: a.kind, server: a.server, reason: a.key, hour: new Date(a.hour * HOUR).toISOString(), count: a.count, baseline: a.baseline },
  };
}
