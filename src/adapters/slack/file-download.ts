/**
 * Files shared with the bot (.eml, .txt) become Request attachments. They are
 * downloaded with the bot token from url_private_download — and the token is
 * only ever sent to Slack's own file host (or the configured API host, for
 * a local fake), never to a URL some payload names.
 */
import type { webApi } from '@slack/bolt';
import type { Attachment } from '../../core/request.js';
import { BotError } from '../../core/errors.js';

/** The parts of a Slack file object we read. */
export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  file_access?: string;
}

export type FileVerdict =
  | { ok: true; attachment: Attachment }
  | { ok: false; reason: 'not-text' | 'too-large' | 'unavailable'; name: string; size?: number };

const LOOPBACK = /^(127\.0\.0\.1|\[::1\]|localhost)$/;
const TEXT_EXTENSIONS = /\.(eml|txt|log)$/i;
const TEXT_TYPES = new Set(['text/plain', 'message/rfc822', 'application/octet-stream']);
const TEXT_FILETYPES = new Set(['text', 'email', 'eml']);

export interface DownloadOptions {
  botToken: string;
  /** Hosts that may receive the bot token: files.slack.com, plus the API host when it is a local fake. */
  trustedHosts: ReadonlySet<string>;
  maxBytes: number;
  fetch?: typeof fetch;
}

export function trustedFileHosts(apiUrl: string | undefined): Set<string> {
  const hosts = new Set(['files.slack.com']);
  if (apiUrl) hosts.add(new URL(apiUrl).host);
  return hosts;
}

export function isExplainableFile(file: SlackFile): boolean {
  const name = file.name ?? file.title ?? '';
  if (TEXT_EXTENSIONS.test(name)) return true;
  return TEXT_FILETYPES.has(file.filetype ?? '') || (TEXT_TYPES.has(file.mimetype ?? '') && file.mimetype !== 'application/octet-stream');
}

/** Checks a shared file and returns an attachment that downloads it on read(). */
export async function fileAttachment(file: SlackFile, client: webApi.WebClient, options: DownloadOptions): Promise<FileVerdict> {
  const name = file.name ?? file.title ?? file.id ?? 'file';
  if (!isExplainableFile(file)) return { ok: false, reason: 'not-text', name };
  let info = file;
  // Message events may carry a partial file object ("check_file_info"); files.info has the URL.
  if (!info.url_private_download && !info.url_private && file.id) {
    const result = await client.files.info({ file: file.id });
    info = { ...file, ...(result.file as SlackFile | undefined) };
  }
  if (typeof info.size === 'number' && info.size > options.maxBytes) return { ok: false, reason: 'too-large', name, size: info.size };
  const url = info.url_private_download ?? info.url_private;
  if (!url) return { ok: false, reason: 'unavailable', name };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'unavailable', name };
  }
  const trusted = options.trustedHosts.has(parsed.host);
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname));
  if (!trusted || !secure) return { ok: false, reason: 'unavailable', name };
  return { ok: true, attachment: { name, read: () => download(parsed, options) } };
}

async function download(url: URL, options: DownloadOptions): Promise<Buffer> {
  const fetchFn = options.fetch ?? fetch;
  // undici drops Authorization on a cross-origin redirect, so a redirect cannot leak the token.
  const response = await fetchFn(url, { headers: { Authorization: `Bearer ${options.botToken}` }, redirect: 'follow' });
  if (!response.ok || !response.body) {
    throw new BotError('backend_failed', `The file could not be downloaded from Slack (HTTP ${response.status}).`);
  }
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    // Slack answers a login page when the token lacks files:read.
    await response.body.cancel();
    throw new BotError('backend_failed', 'Slack refused the file download; the app needs the files:read scope (reinstall it from manifest/slack.yaml).');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > options.maxBytes) {
      throw new BotError('input_too_large', `The file is larger than the ${options.maxBytes} bytes the explainer reads.`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
