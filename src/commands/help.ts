/** `help [COMMAND]`: what the bot can do, in the reader's language. */
import type { Command } from '../core/command.js';
import { UsageError } from '../core/errors.js';
import { fill, t } from '../core/lang.js';

const UNKNOWN = {
  en: 'There is no command "{name}". The commands are: {names}.',
  id: 'Tidak ada perintah "{name}". Perintah yang ada: {names}.',
  de: 'Einen Befehl „{name}“ gibt es nicht. Die Befehle sind: {names}.',
};
import type { AppServices } from '../main.js';

/** Words only the terminal console knows (src/adapters/console/repl.ts). */
const CONSOLE_WORDS = [
  {
    name: 'lang en|id|de',
    summary: { en: 'Answers in English, Indonesian or German from now on.', id: 'Menjawab dalam bahasa Inggris, Indonesia atau Jerman mulai sekarang.', de: 'Antwortet ab jetzt auf Englisch, Indonesisch oder Deutsch.' },
  },
  { name: 'quit', summary: { en: 'Leaves the console (also exit, or Ctrl-D).', id: 'Keluar dari konsol (juga exit, atau Ctrl-D).', de: 'Verlässt die Konsole (auch exit oder Strg-D).' } },
];

export const helpCommand: Command = {
  name: 'help',
  summary: {
    en: 'Lists the commands, or explains one: help explain.',
    id: 'Menampilkan daftar perintah, atau menjelaskan satu perintah: help explain.',
    de: 'Listet die Befehle auf oder erklärt einen: help explain.',
  },
  usage: 'help [COMMAND]',
  async run({ args, lang, services, request }) {
    const router = (services as AppServices).router;
    if (args[0]) {
      const command = router.find(args[0]);
      if (command) return router.helpFor(command, lang);
      throw new UsageError(fill(t(UNKNOWN, lang), { name: args[0], names: router.commands.map((c) => c.name).join(', ') }));
    }
    const rows = router.commands.map((c) => [c.slash ? `${c.name} (${c.slash})` : c.name, t(c.summary, lang)]);
    if (request.platform === 'console') rows.push(...CONSOLE_WORDS.map((w) => [w.name, t(w.summary, lang)]));
    return {
      severity: 'info',
      title: 'postmaster',
      parts: [{ kind: 'table', columns: ['command', lang === 'de' ? 'was er tut' : lang === 'id' ? 'fungsi' : 'what it does'], rows }],
      data: router.commands.map((c) => ({ name: c.name, slash: c.slash ?? null, usage: c.usage, summary: t(c.summary, lang) })),
    };
  },
};
