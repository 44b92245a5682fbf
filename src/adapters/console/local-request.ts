/** Builds Requests for the terminal faces (CLI and console). */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { Lang } from '../../core/lang.js';
import type { Attachment, Request } from '../../core/request.js';

export function localActorId(): string {
  let name = process.env.USER ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    /* no passwd entry (containers): fall back to $USER */
  }
  return `console:${name}`;
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
    actor: { id: localActorId() },
    channel: platform,
    lang,
    args,
    text: textContent,
    attachments: [],
    ...extra,
  };
}
