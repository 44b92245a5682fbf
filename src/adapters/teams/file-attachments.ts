/**
 * Files sent to the bot in Teams arrive as "file download info" attachments
 * with a short-lived, pre-authenticated download URL (the bot needs
 * supportsFiles in the manifest). Only .eml and .txt files are read, only
 * over https from Microsoft's file hosts (or loopback http in tests), and
 * never past the size limit: the URL comes from the activity, and the bot must
 * not be talked into fetching anything else (an internal address, a redirect
 * elsewhere).
 */
import type { Attachment as BotAttachment } from 'botbuilder';
import { BotError } from '../../core/errors.js';
import type { Attachment } from '../../core/request.js';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const TEXT_FILE = /\.(eml|txt|log)$/i;
const LOOPBACK = /^(127\.0\.0\.1|\[::1\]|localhost)$/;
/** Where Teams puts files shared with a bot: SharePoint / OneDrive (all clouds), Graph, Bot Framework. */
const MICROSOFT_FILE_HOSTS = [
  'sharepoint.com', 'sharepoint.us', 'sharepoint-mil.us', 'sharepoint.cn', 'sharepoint.de',
  'onedrive.com', 'graph.microsoft.com', 'graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn',
  'botframework.com', 'teams.microsoft.com',
];
const MAX_REDIRECTS = 3;

/** An https URL on a Microsoft file host, or (tests only) http on loopback. */
export function isAllowedFileUrl(url: URL, allowLoopback: boolean): boolean {
  if (allowLoopback && url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return true;
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return MICROSOFT_FILE_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

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
    if (!isAllowedFileUrl(url, options.allowLoopback)) {
      verdicts.push({ ok: false, name, reason: 'unavailable' });
      continue;
    }
    verdicts.push({ ok: true, attachment: { name, read: () => download(url, options.maxBytes, options.allowLoopback) } });
  }
  return verdicts;
}

async function download(first: URL, maxBytes: number, allowLoopback: boolean): Promise<Buffer> {
  let url = first;
  let response = await fetch(url, { redirect: 'manual' });
  // Redirects are followed by hand: each hop must be a Microsoft file host too.
  for (let hop = 0; response.status >= 300 && response.status < 400; hop++) {
    const location = response.headers.get('location');
    const next = location ? new URL(location, url) : null;
    if (!next || hop >= MAX_REDIRECTS || !isAllowedFileUrl(next, allowLoopback)) {
      throw new BotError('backend_failed', 'The file could not be downloaded from Teams: it was redirected to a host that is not Microsoft\'s.');
    }
    url = next;
    response = await fetch(url, { redirect: 'manual' });
  }
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
