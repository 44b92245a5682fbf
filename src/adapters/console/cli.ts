/**
 * The command-line face: `postmaster <command> [args]`. Prints the rendered
 * Reply (or its data with --json) and exits with the Reply's exit code.
 * `postmaster` alone starts the bot (console and any configured chat faces).
 */
import { createInterface } from 'node:readline/promises';
import { ConfigError, loadConfig } from '../../config/load.js';
import { BotError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
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

const USAGE = 'Usage: postmaster [--config FILE] [COMMAND [ARGS...]]   (postmaster help lists the commands)';

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
  let services;
  try {
    const config = loadConfig({ path: configPath, env: io.env });
    services = await createServices(config, { logDestination: 'stderr' });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof BotError) {
      io.stderr.write(`${error instanceof BotError ? error.userMessage : error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    if (rest.length === 0 || rest[0] === 'serve') {
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
      stdin: () => readAll(io.stdin),
      interactive: Boolean(io.stdin.isTTY && io.stdout.isTTY),
      ask: async (question: string) => {
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
    writeReply(reply, io);
    return reply.exitCode ?? 0;
  } finally {
    await services.close();
  }
}

/** The positional arguments of a file-taking command, except `-` (standard input, read by the command). */
function fileArgsOf(command: Command, args: string[]): string[] {
  try {
    return parseOptions(command, args).args.filter((a) => a !== '-');
  } catch {
    return []; // the router reports the usage error
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
      for (const row of data) io.stdout.write(`${JSON.stringify(row)}\n`);
    } else {
      io.stdout.write(`${JSON.stringify(data ?? null)}\n`);
    }
    return;
  }
  io.stdout.write(renderText(reply, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
}

