/**
 * Files sent to the bot in Teams arrive as "file download info" attachments
 * with a short-lived, pre-authenticated download URL (the bot needs
 * supportsFiles in the manifest). Only .eml and .txt files are read, only
 * over https (or loopback http in tests), and never past the size limit.
 */
import type { Attachment as BotAttachment } from 'botbuilder';
import { BotError } from '../../core/errors.js';
import type { Attachment } from '../../core/request.js';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const TEXT_FILE = /\.(eml|txt|log)$/i;
const LOOPBACK = /^(127\.0\.0\.1|\[::1\]|localhost)$/;

export type TeamsFileVerdict = { ok: true; attachment: Attachment } | { ok: false; name: string; reason: 'not-text' | 'unavailable' };

export function teamsFiles(attachments: BotAttachment[] | undefined, options: { maxBytes: number; allowLoopback: boolean }): TeamsFileVerdict[] {
  const verdicts: TeamsFileVerdict[] = [];
  for (const attachment of attachments ?? []) {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) continue; // the HTML copy of the message, cards, images
    const name = attachment.name ?? 'file';
    const content = (attachment.content ?? {}) as { downloadUrl?: string; fileType?: string };
    if (!TEXT_FILE.test(name) && !['eml', 'txt'].includes((content.fileType ?? '').toLowerCase())) {
      verdicts.push({ ok: false, name, reason: 'not-text' });
      continue;
    }
    let url: URL;
    try {
      url = new URL(content.downloadUrl ?? '');
    } catch {
      verdicts.push({ ok: false, name, reason: 'unavailable' });
      continue;
    }
    const allowed = url.protocol === 'https:' || (options.allowLoopback && url.protocol === 'http:' && LOOPBACK.test(url.hostname));
    if (!allowed) {
      verdicts.push({ ok: false, name, reason: 'unavailable' });
      continue;
    }
    verdicts.push({ ok: true, attachment: { name, read: () => download(url, options.maxBytes) } });
  }
  return verdicts;
}

async function download(url: URL, maxBytes: number): Promise<Buffer> {
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok || !response.body) throw new BotError('backend_failed', `The file could not be downloaded from Teams (HTTP ${response.status}).`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new BotError('input_too_large', `The file is larger than the ${maxBytes} bytes the explainer reads.`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
