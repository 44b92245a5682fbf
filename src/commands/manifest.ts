/**
 * What the router needs to know of each command before running it (name,
 * aliases, slash command, summary, usage, options), written by the build
 * (write-manifest.ts) beside the compiled commands. It records a hash of the
 * compiled command modules it was made from and is ignored once they change.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Command } from '../core/command.js';
import { writeFileAtomically } from '../core/write-atomically.js';

export type CommandMeta = Omit<Command, 'run'> & { module: string; exportName: string };

export const MANIFEST_FILE = new URL('./manifest.json', import.meta.url);

/** A hash over this folder's compiled modules. */
function modulesHash(): string {
  const dir = new URL('./', import.meta.url);
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) hash.update(`${file}\0${readFileSync(new URL(file, dir))}\0`);
  return hash.digest('hex');
}

export function readManifest(): CommandMeta[] | undefined {
  // Only the build writes one (beside compiled .js); under tsx the sources are read directly.
  if (import.meta.url.endsWith('.ts')) return undefined;
  try {
    const saved = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as { hash: string; commands: CommandMeta[] };
    return saved.hash === modulesHash() ? saved.commands : undefined;
  } catch {
    return undefined;
  }
}

export function writeManifest(commands: CommandMeta[]): void {
  writeFileAtomically(MANIFEST_FILE, JSON.stringify({ hash: modulesHash(), commands }));
}
