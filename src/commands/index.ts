/**
 * Every command the router knows, for every face. Add a command by adding its
 * module to COMMAND_MODULES; nothing else needs to change.
 *
 * A process gets its commands through loadCommands(): from the build's
 * manifest (manifest.ts) each command is a stub whose module loads on first
 * run, so `postmaster explain` never loads the checks, the backends or the
 * digest; without a current manifest (tests under tsx) every module loads.
 */
import type { Command } from '../core/command.js';
import { readManifest } from './manifest.js';

/** Each command module and the commands it exports. */
export const COMMAND_MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  './help.js': () => import('./help.js'),
  './explain.js': () => import('./explain.js'),
  './catalog.js': () => import('./catalog.js'),
  './check.js': () => import('./check.js'),
  './ingest.js': () => import('./ingest.js'),
  './digest.js': () => import('./digest.js'),
  './quarantine.js': () => import('./quarantine.js'),
  './allow-block.js': () => import('./allow-block.js'),
  './audit.js': () => import('./audit.js'),
};

/** The order commands are listed in (help, the router's "try one of"). */
export const COMMAND_ORDER = ['help', 'explain', 'catalog', 'check', 'ingest', 'digest', 'quarantine', 'allow', 'block', 'audit'];

function isCommand(value: unknown): value is Command {
  return typeof value === 'object' && value !== null && typeof (value as Command).name === 'string' && typeof (value as Command).run === 'function';
}

/** Every command, each with the module and export it came from (for the manifest). */
export async function importCommands(): Promise<Array<{ command: Command; module: string; exportName: string }>> {
  const found: Array<{ command: Command; module: string; exportName: string }> = [];
  for (const [module, load] of Object.entries(COMMAND_MODULES)) {
    for (const [exportName, value] of Object.entries(await load())) {
      if (isCommand(value)) found.push({ command: value, module, exportName });
    }
  }
  return found.sort((a, b) => COMMAND_ORDER.indexOf(a.command.name) - COMMAND_ORDER.indexOf(b.command.name));
}

export async function loadCommands(): Promise<Command[]> {
  const manifest = readManifest();
  if (!manifest) return (await importCommands()).map((c) => c.command);
  return manifest.map(({ module, exportName, ...meta }) => {
    let loaded: Promise<Command> | undefined;
    const real = () => (loaded ??= COMMAND_MODULES[module]!().then((m) => m[exportName] as Command));
    return { ...meta, run: async (ctx) => (await real()).run(ctx) } satisfies Command;
  });
}
