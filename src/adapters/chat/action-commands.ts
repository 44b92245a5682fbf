/**
 * What a button carries. A Reply Action's `command` ("check 203.0.113.5")
 * travels in the button's value; one too long for the platform is parked in
 * the store and the button carries a reference instead. On click the command
 * is tokenised and run as the CLICKING person — the value is never taken as
 * authorisation; commands re-check who may do what.
 */
import { createHash } from 'node:crypto';
import { tokenize } from '../../core/tokenize.js';
import type { Store } from '../../store/store.js';
import type { ParsedCommand } from './chat-text.js';

const REF_PREFIX = 'ref:';
const REF_TTL_MS = 7 * 24 * 3600_000;

/** The button value for a command: the command itself when it fits, else a stored reference. */
export async function actionValue(store: Store, command: string, maxLength: number): Promise<string> {
  if (command.length <= maxLength && !command.startsWith(REF_PREFIX)) return command;
  const id = createHash('sha256').update(command).digest('base64url').slice(0, 32);
  await store.set(`chat:action:${id}`, command, { ttlMs: REF_TTL_MS });
  return `${REF_PREFIX}${id}`;
}

/** The command a clicked button stands for; null when a reference has expired or the value is empty. */
export async function commandFromValue(store: Store, value: string): Promise<ParsedCommand | null> {
  let command = value;
  if (value.startsWith(REF_PREFIX)) {
    const stored = await store.get(`chat:action:${value.slice(REF_PREFIX.length)}`);
    if (stored === null) return null;
    command = stored;
  }
  const tokens = tokenize(command);
  const name = tokens[0];
  if (!name) return null;
  const text = command.trim().replace(/^\S+\s*/, '');
  return { name, args: tokens.slice(1), text };
}
