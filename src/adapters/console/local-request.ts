/** Builds Requests for the terminal faces (CLI and console). */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { Lang } from '../../core/lang.js';
import type { Actor, Attachment, Request } from '../../core/request.js';

/**
 * Who runs the terminal: the name of the process's user id in the password database. Never
 * $USER or any other environment variable (anyone can set those); a uid with no entry (common in
 * containers) is anonymous, and privileged actions are then refused.
 */
export function localActor(lookup: () => { username: string } = () => userInfo()): Actor {
  try {
    const { username } = lookup();
    if (username) return { id: `console:${username}` };
  } catch {
    /* no passwd entry for this uid */
  }
  return { id: `console:uid-${process.getuid?.() ?? 'unknown'}`, anonymous: true };
}

/**
 * A local file named on the command line. Read synchronously: a terminal command has nothing else
 * to do meanwhile, and thousands of files read through the thread pool spent more time waiting
 * than parsing.
 */
export function fileAttachment(path: string): Attachment {
  return { name: basename(path), path, read: async () => readFileSync(path) };
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export function localRequest(
  platform: 'cli' | 'console',
  lang: Lang,
  args: string[],
  textContent: string,
  extra: Partial<Request> = {},
): Request {
  return {
    platform,
    actor: localActor(),
    channel: platform,
    lang,
    args,
    text: textContent,
    attachments: [],
    ...extra,
  };
}
