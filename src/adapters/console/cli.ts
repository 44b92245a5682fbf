/**
 * The command-line face: `postmaster <command> [args]`. Prints the rendered
 * Reply (or its data with --json) and exits with the Reply's exit code.
 * `postmaster` alone starts the bot (console and any configured chat faces).
 */
import { ConfigError, loadConfig } from '../../config/load.js';
import { BotError } from '../../core/errors.js';
import type { Reply, RowsOutcome } from '../../core/reply.js';
import { createServices, startBot } from '../../main.js';
import { CatalogError } from '../../catalog/catalog.js';
import { parseOptions } from '../../core/router.js';
import type { Command } from '../../core/command.js';
import { fileAttachment, localRequest, readAll } from './local-request.js';
import { renderText } from './render-text.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

const USAGE = 'Usage: postmaster [--config FILE] [COMMAND [ARGS...]] | --help | --version   (postmaster help lists the commands)';

/** Runs one CLI invocation and returns the exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let configPath: string | undefined;
  const rest = [...argv];
  while (rest[0]?.startsWith('--config')) {
    const flag = rest.shift()!;
    configPath = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : rest.shift();
    if (!configPath) {
      io.stderr.write(`--config needs a file path. ${USAGE}\n`);
      return 2;
    }
  }
  // `postmaster --help` is `postmaster help`; `--version` prints the version.
  if (rest[0] === '--help' || rest[0] === '-h') rest[0] = 'help';
  if (rest[0] === '--version' || rest[0] === '-V') {
    io.stdout.write(`postmaster ${await version()}\n`);
    return 0;
  }
  const serving = rest.length === 0 || rest[0] === 'serve';
  let services;
  try {
    const config = loadConfig({ path: configPath, env: io.env });
    const chat = Boolean(config.slack || config.teams);
    services = await createServices(config, {
      logDestination: 'stderr',
      // A server logs JSON for its log pipeline; a person at a terminal reads lines, and a one-shot
      // command's refusal is its answer (printed once), so it logs errors only unless LOG_LEVEL says.
      logFormat: serving && chat ? 'json' : 'line',
      ...(serving || io.env.LOG_LEVEL ? {} : { logLevel: 'error' }),
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof BotError) {
      io.stderr.write(`${error instanceof BotError ? error.userMessage : error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    if (serving) {
      try {
        return await startBot(services, io);
      } catch (error) {
        // The bot loads the catalogue at start; a broken file stops it with the sentence that names it.
        if (!(error instanceof CatalogError)) throw error;
        io.stderr.write(`${error.userMessage}\n`);
        return 2;
      }
    }
    const [name, ...args] = rest;
    const command = services.router.find(name!);
    const attachments = command?.fileArgs ? fileArgsOf(command, args).map(fileAttachment) : [];
    const request = localRequest('cli', services.config.lang, args, args.join(' '), {
      attachments,
      stdin: () => {
        // A person who typed `postmaster explain` alone is waiting for a prompt: say how to finish.
        if (io.stdin.isTTY) io.stderr.write(`${endOfInputHint(services.config.lang)}\n`);
        return readAll(io.stdin);
      },
      interactive: Boolean(io.stdin.isTTY && io.stdout.isTTY),
      ask: async (question: string) => {
        const { createInterface } = await import('node:readline/promises');
        const rl = createInterface({ input: io.stdin, output: io.stdout });
        try {
          const answer = await rl.question(`${question} [y/N] `);
          return /^y(es)?$/i.test(answer.trim());
        } finally {
          rl.close();
        }
      },
    });
    const reply = await services.router.dispatch(name!, request, services);
    if (reply.rows) return await writeRows(reply.rows, io);
    writeReply(reply, io);
    return reply.exitCode ?? 0;
  } finally {
    await services.close();
  }
}

const END_OF_INPUT = {
  en: 'Paste the text, then press Ctrl-D on a new line to finish (Ctrl-Z then Enter on Windows); Ctrl-C cancels.',
  id: 'Tempel teksnya, lalu tekan Ctrl-D di baris baru untuk selesai (Ctrl-Z lalu Enter di Windows); Ctrl-C membatalkan.',
  de: 'Text einfügen, dann in einer neuen Zeile Strg-D drücken (unter Windows Strg-Z und Enter); Strg-C bricht ab.',
} as const;

function endOfInputHint(lang: keyof typeof END_OF_INPUT): string {
  return END_OF_INPUT[lang];
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The positional arguments of a file-taking command, except `-` (standard input, read by the command). */
function fileArgsOf(command: Command, args: string[]): string[] {
  try {
    return parseOptions(command, args).args.filter((a) => a !== '-');
  } catch {
    return []; // the router reports the usage error
  }
}

/** Rows per write: one write per row would be one system call per row, thousands for a big corpus. */
const ROWS_PER_WRITE = 64;

/** Streamed JSON Lines (Reply.rows), printed while the next ones are produced; then the outcome. */
async function writeRows(rows: AsyncGenerator<unknown, RowsOutcome, undefined>, io: CliIO): Promise<number> {
  let pending: string[] = [];
  for (;;) {
    const next = await rows.next();
    if (next.done) {
      if (pending.length) io.stdout.write(pending.join(''));
      for (const error of next.value.errors) io.stderr.write(`${error}\n`);
      return next.value.exitCode;
    }
    pending.push(`${JSON.stringify(next.value)}\n`);
    if (pending.length === ROWS_PER_WRITE) {
      io.stdout.write(pending.join(''));
      pending = [];
    }
  }
}

function writeReply(reply: Reply, io: CliIO): void {
  for (const error of reply.errors ?? []) io.stderr.write(`${error}\n`);
  const failed = (reply.exitCode ?? 0) !== 0 && reply.data === undefined;
  if (failed) {
    // Errors go to stderr as one line, so scripts reading stdout see nothing half-written.
    io.stderr.write(`${reply.summary ?? renderText(reply, { color: false }).trim()}\n`);
    return;
  }
  if (reply.asJson) {
    const data = reply.data;
    if (Array.isArray(data) && reply.jsonLines) {
      for (let start = 0; start < data.length; start += ROWS_PER_WRITE) {
        io.stdout.write(data.slice(start, start + ROWS_PER_WRITE).map((row) => `${JSON.stringify(row)}\n`).join(''));
      }
    } else {
      io.stdout.write(`${JSON.stringify(data ?? null)}\n`);
    }
    return;
  }
  io.stdout.write(renderText(reply, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
}

