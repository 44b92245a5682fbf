/**
 * One router for every face: Slack, Teams, the console and the CLI all hand it
 * a command name and a Request, and get a Reply back. It parses options,
 * applies the global ones (--lang, --json), and turns errors into sentences.
 */
import { parseArgs } from 'node:util';
import type { Command, Flags, OptionSpec } from './command.js';
import { BotError, UsageError } from './errors.js';
import { isLang, LANGS, t, type Lang } from './lang.js';
import { errorReply, type Reply, type RowsOutcome } from './reply.js';
import type { Request } from './request.js';
import type { Services } from './services.js';

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const MESSAGES = {
  unknown: {
    en: 'There is no command "{name}". Try one of: {names}.',
    id: 'Tidak ada perintah "{name}". Coba salah satu dari: {names}.',
    de: 'Einen Befehl „{name}“ gibt es nicht. Versuchen Sie: {names}.',
  },
  badLang: {
    en: 'The language "{lang}" is not available; use one of {langs}.',
    id: 'Bahasa "{lang}" tidak tersedia; gunakan salah satu dari {langs}.',
    de: 'Die Sprache „{lang}“ gibt es nicht; möglich sind {langs}.',
  },
  failed: {
    en: 'Something went wrong while running "{name}"; the error was logged. Please try again, or tell the on-call engineer.',
    id: 'Terjadi kesalahan saat menjalankan "{name}"; error sudah dicatat. Silakan coba lagi, atau hubungi engineer on-call.',
    de: 'Beim Ausführen von „{name}“ ist ein Fehler aufgetreten; er wurde protokolliert. Bitte erneut versuchen oder den Bereitschaftsdienst informieren.',
  },
  usage: { en: 'Usage', id: 'Penggunaan', de: 'Aufruf' },
} as const;

function fillIn(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

export class Router {
  private readonly byName = new Map<string, Command>();

  constructor(readonly commands: readonly Command[]) {
    for (const command of commands) {
      for (const name of [command.name, ...(command.aliases ?? [])]) {
        if (this.byName.has(name)) throw new Error(`command name "${name}" registered twice`);
        this.byName.set(name, command);
      }
    }
  }

  find(name: string): Command | undefined {
    return this.byName.get(name.replace(/^\//, '').toLowerCase());
  }

  /** Finds the command a chat slash command (`/bounce`) belongs to. */
  findBySlash(slash: string): Command | undefined {
    return this.commands.find((c) => c.slash === slash) ?? this.find(slash);
  }

  async dispatch(name: string, request: Request, services: Services): Promise<Reply> {
    const command = this.find(name);
    if (!command) {
      const names = this.commands.map((c) => c.name).join(', ');
      return errorReply(fillIn(t(MESSAGES.unknown, request.lang), { name, names }));
    }
    let lang: Lang = request.lang;
    try {
      const { flags, args } = parseOptions(command, request.args);
      if (flags.lang !== undefined) {
        if (!isLang(flags.lang)) {
          throw new UsageError(fillIn(t(MESSAGES.badLang, lang), { lang: String(flags.lang), langs: LANGS.join(', ') }));
        }
        lang = flags.lang;
      }
      if (flags.help) return this.helpFor(command, lang);
      const reply = await command.run({ request: { ...request, lang }, args, flags, lang, services });
      const rows = reply.rows ? { rows: this.guarded(reply.rows, command, lang, services) } : {};
      return { lang, ...reply, ...rows, ...(flags.json ? { asJson: true } : {}) };
    } catch (error) {
      return { ...this.failure(error, command, lang, services), lang };
    }
  }

  /** The sentence (and exit status) for a command that threw: what was wrong and what would work. */
  private failure(error: unknown, command: Command, lang: Lang, services: Services): Reply {
    if (error instanceof UsageError) return errorReply(error.userMessage, 2);
    if (error instanceof BotError) {
      services.logger.warn({ err: error, command: command.name }, 'command refused');
      // Errors that know every language (the state store being down) answer in the asker's.
      const localized = (error as BotError & { localized?: (l: Lang) => string }).localized;
      return errorReply(localized ? localized.call(error, lang) : error.userMessage, 1);
    }
    services.logger.error({ err: error, command: command.name }, 'command failed');
    return errorReply(fillIn(t(MESSAGES.failed, lang), { name: command.name }), 1);
  }

  /** Streamed rows whose producer throws end with that error's sentence, as a command that throws does. */
  private async *guarded(rows: AsyncGenerator<unknown, RowsOutcome, undefined>, command: Command, lang: Lang, services: Services): AsyncGenerator<unknown, RowsOutcome, undefined> {
    try {
      return yield* rows;
    } catch (error) {
      const reply = this.failure(error, command, lang, services);
      return { errors: [reply.summary!], exitCode: reply.exitCode ?? 1 };
    }
  }

  helpFor(command: Command, lang: Lang): Reply {
    return {
      severity: 'info',
      title: command.name,
      parts: [
        { kind: 'text', content: [t(command.summary, lang)] },
        { kind: 'code', text: `${t(MESSAGES.usage, lang)}: ${command.usage}` },
      ],
      lang,
      data: { name: command.name, usage: command.usage, summary: t(command.summary, lang) },
    };
  }
}

/**
 * The last argument list parsed, per list: the CLI reads a command's file arguments before the
 * router parses them again (thousands of file names at the terminal are worth parsing once).
 */
const lastParsed = new WeakMap<readonly string[], { command: Command; argv: string[]; parsed: { flags: Flags; args: string[] } }>();

/** Parses options strictly; an unknown option or a missing value is a usage error with a sentence. */
export function parseOptions(command: Command, argv: string[]): { flags: Flags; args: string[] } {
  const last = lastParsed.get(argv);
  if (last && last.command === command && last.argv.length === argv.length && last.argv.every((a, i) => a === argv[i])) {
    return { flags: Object.assign(Object.create(null) as Flags, last.parsed.flags), args: [...last.parsed.args] };
  }
  const options = { ...GLOBAL_OPTIONS, ...(command.options ?? {}) };
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const result = { flags: parsed.values as Flags, args: parsed.positionals };
    lastParsed.set(argv, { command, argv: [...argv], parsed: { flags: Object.assign(Object.create(null) as Flags, result.flags), args: [...result.args] } });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new UsageError(`${message.replace(/\.$/, '')}. Usage: ${command.usage}`);
  }
}
