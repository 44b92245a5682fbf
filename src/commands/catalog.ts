/** `catalog [--json] [--lang L] [--source S]`: the entries the explainer knows. */
import type { Command } from '../core/command.js';
import { fill, LANGS, t } from '../core/lang.js';

const NO_WORDS = {
  en: 'catalog takes no words, only options ("{word}" is not one). Usage: {usage}',
  id: 'catalog tidak menerima kata, hanya opsi ("{word}" bukan opsi). Penggunaan: {usage}',
  de: 'catalog nimmt keine Wörter, nur Optionen („{word}“ ist keine). Aufruf: {usage}',
};
import { UsageError } from '../core/errors.js';

export const catalogCommand: Command = {
  name: 'catalog',
  summary: {
    en: 'Lists the catalogue of rejection reasons the explainer knows.',
    id: 'Menampilkan katalog alasan penolakan yang dikenal oleh penjelas.',
    de: 'Listet den Katalog der Ablehnungsgründe auf, die der Erklärer kennt.',
  },
  usage: 'catalog [--source spamexperts|spamdyke|rfc3463|providers|…] [--lang en|id|de] [--json]',
  options: { source: { type: 'string' } },
  async run({ args, flags, lang, services }) {
    if (args.length) throw new UsageError(fill(t(NO_WORDS, lang), { word: args[0]!, usage: catalogCommand.usage }));
    const source = flags.source as string | undefined;
    const known = services.catalog.sources.map((s) => s.source);
    if (source && !known.includes(source)) {
      throw new UsageError(`There is no catalogue source "${source}"; the sources are ${known.join(', ')}.`);
    }
    const entries = services.catalog.entries.filter((e) => !source || e.source === source);
    const data = entries.map((e) => ({
      id: e.id,
      source: e.source,
      category: e.category,
      reason: e.reason,
      title: t(e.title, lang),
      languages: LANGS.filter((l) => e.title[l] && e.explanation[l] && e.remedy[l]),
    }));
    return {
      severity: 'info',
      title: `${entries.length} catalogue entries`,
      parts: [
        {
          kind: 'table',
          columns: ['id', 'category', 'reason', 'title'],
          rows: data.map((d) => [d.id, d.category, d.reason, d.title]),
        },
      ],
      data,
      jsonLines: false,
      summary: `${entries.length} catalogue entries`,
    };
  },
};
