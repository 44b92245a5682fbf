/**
 * A local quarantine folder for small setups and demos. Each held message is
 * `<name>.eml` (the original bytes) next to `<name>.json`:
 *   {"from": "sender@x.com", "to": ["rcpt@y.com"], "subject": "…", "receivedAt": "2026-…Z", "reason": "…", "score": 7.5}
 * (`from` and `to` are the envelope; `subject` and `receivedAt` are optional).
 * Release sends the original bytes unchanged over SMTP to the configured relay
 * with that envelope, then moves both files to `.released/`; delete removes them.
 */
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isMailAddress } from '../entries.js';
import { BackendError } from '../errors.js';
import { isRecord, oneLine } from '../http.js';
import { messageId } from '../message-id.js';
import type { ActionOutcome, MessageDetail, QuarantineBackend, QuarantinedMessage, QuarantineQuery } from '../types.js';
import { decodeHeader, headerValue } from './headers.js';

const BACKEND = 'the local quarantine';
/** A held message's name: no path separators, no hidden files. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._,:+=@-]*$/;

export interface MaildirSettings {
  dir: string;
  relay: { host: string; port: number; secure: boolean; username?: string | undefined; password?: string | undefined };
  timeoutMs: number;
}

interface Metadata {
  from: string;
  to: string[];
  subject?: string;
  receivedAt?: string;
  reason?: string;
  score?: number;
}

export class MaildirQuarantine implements QuarantineBackend {
  readonly name = 'maildir';

  constructor(private readonly settings: MaildirSettings) {}

  async search(query: QuarantineQuery): Promise<QuarantinedMessage[]> {
    let names: string[];
    try {
      names = await readdir(this.settings.dir);
    } catch (error) {
      throw new BackendError('io', { backend: BACKEND, detail: `${this.settings.dir} (${(error as NodeJS.ErrnoException).code})` }, { cause: error });
    }
    const out: QuarantinedMessage[] = [];
    for (const file of names.filter((n) => n.endsWith('.eml')).sort()) {
      const name = file.slice(0, -4);
      if (!SAFE_NAME.test(name)) continue;
      const message = await this.describe(name).catch(() => null);
      if (!message) continue;
      const time = Date.parse(message.date);
      if (time < query.sinceMs || time > query.untilMs) continue;
      if (query.recipient && !message.recipients.some((r) => r.toLowerCase() === query.recipient!.toLowerCase())) continue;
      if (query.domain && !message.recipients.some((r) => r.toLowerCase().endsWith(`@${query.domain}`))) continue;
      out.push(message);
    }
    out.sort((a, b) => b.date.localeCompare(a.date));
    return out.slice(0, query.limit);
  }

  async show(message: QuarantinedMessage): Promise<MessageDetail> {
    const raw = await this.read(message.ref, 'eml');
    return { message, preview: raw.subarray(0, 4000).toString('utf8') };
  }

  async release(message: QuarantinedMessage): Promise<ActionOutcome> {
    const meta = parseMetadata(await this.read(message.ref, 'json'), message.ref);
    const raw = await this.read(message.ref, 'eml');
    const { relay, timeoutMs } = this.settings;
    // Loaded on release only: nodemailer is ~40 modules that listing and showing never need.
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport({
      host: relay.host,
      port: relay.port,
      secure: relay.secure,
      ...(relay.username ? { auth: { user: relay.username, pass: relay.password ?? '' } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    const relayName = `SMTP relay ${relay.host}:${relay.port}`;
    let response: string;
    let refused: string[] = [];
    let refusal = '';
    try {
      const info = await transport.sendMail({ envelope: { from: meta.from, to: meta.to }, raw });
      response = String(info.response ?? 'accepted');
      refused = (info.rejected as Array<string | { address: string }>).map((r) => (typeof r === 'string' ? r : r.address));
      refusal = (info.rejectedErrors ?? []).map((e) => (e as { response?: string }).response ?? e.message).join('; ');
    } catch (error) {
      throw smtpError(error, relayName, timeoutMs);
    } finally {
      transport.close();
    }
    if (refused.length) {
      // Some recipients got it, some did not: keep the message for those only, so a retry cannot send it twice.
      const delivered = meta.to.filter((r) => !refused.includes(r));
      await this.writeMetadata(message.ref, { ...meta, to: refused });
      throw new BackendError('refused', { backend: relayName, detail: oneLine(`delivered to ${delivered.join(', ')}; refused for ${refused.join(', ')}: ${refusal}`) });
    }
    const keep = join(this.settings.dir, '.released');
    await mkdir(keep, { recursive: true });
    await rename(this.path(message.ref, 'eml'), join(keep, `${message.ref}.eml`));
    await rename(this.path(message.ref, 'json'), join(keep, `${message.ref}.json`)).catch(() => {});
    return { detail: `relay ${relay.host}:${relay.port} answered ${oneLine(response, 200)}` };
  }

  /** Replaces a message's metadata atomically (temp file, fsync, rename). */
  private async writeMetadata(name: string, meta: Metadata): Promise<void> {
    const target = this.path(name, 'json');
    const temp = `${target}.tmp-${process.pid}`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(meta));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  }

  async delete(message: QuarantinedMessage): Promise<ActionOutcome> {
    await this.read(message.ref, 'eml');
    await unlink(this.path(message.ref, 'eml'));
    await unlink(this.path(message.ref, 'json')).catch(() => {});
    return { detail: `deleted ${message.ref}.eml` };
  }

  private async describe(name: string): Promise<QuarantinedMessage> {
    const meta = parseMetadata(await this.read(name, 'json'), name);
    const head = (await this.read(name, 'eml')).subarray(0, 64 * 1024).toString('latin1');
    const info = await stat(this.path(name, 'eml'));
    const date = meta.receivedAt && Number.isFinite(Date.parse(meta.receivedAt)) ? new Date(meta.receivedAt).toISOString() : info.mtime.toISOString();
    return {
      id: messageId('maildir', name),
      backend: 'maildir',
      ref: name,
      sender: meta.from,
      recipients: meta.to,
      subject: meta.subject ?? decodeHeader(headerValue(head, 'subject') ?? ''),
      date,
      size: info.size,
      ...(meta.score !== undefined ? { score: meta.score } : {}),
      ...(meta.reason ? { reason: meta.reason } : {}),
    };
  }

  private path(name: string, ext: 'eml' | 'json'): string {
    if (!SAFE_NAME.test(name)) throw new BackendError('not_found', { backend: BACKEND, detail: 'that message' });
    return join(this.settings.dir, `${name}.${ext}`);
  }

  private async read(name: string, ext: 'eml' | 'json'): Promise<Buffer> {
    try {
      return await readFile(this.path(name, ext));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackendError('not_found', { backend: BACKEND, detail: `message ${name}` });
      throw new BackendError('io', { backend: BACKEND, detail: `${name}.${ext} (${(error as NodeJS.ErrnoException).code})` }, { cause: error });
    }
  }
}

function parseMetadata(raw: Buffer, name: string): Metadata {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BackendError('malformed', { backend: BACKEND, detail: `${name}.json is not JSON` });
  }
  if (!isRecord(value) || typeof value.from !== 'string' || !Array.isArray(value.to) || value.to.length === 0) {
    throw new BackendError('malformed', { backend: BACKEND, detail: `${name}.json needs "from" and a non-empty "to" list` });
  }
  const to = value.to.filter((r): r is string => typeof r === 'string' && isMailAddress(r));
  if (to.length !== value.to.length || (value.from !== '' && !isMailAddress(value.from))) {
    throw new BackendError('malformed', { backend: BACKEND, detail: `${name}.json has an address that is not one` });
  }
  return {
    from: value.from,
    to,
    ...(typeof value.subject === 'string' ? { subject: value.subject } : {}),
    ...(typeof value.receivedAt === 'string' ? { receivedAt: value.receivedAt } : {}),
    ...(typeof value.reason === 'string' ? { reason: value.reason } : {}),
    ...(typeof value.score === 'number' ? { score: value.score } : {}),
  };
}

function smtpError(error: unknown, relayName: string, timeoutMs: number): BackendError {
  const e = error as { code?: string; response?: string; responseCode?: number; message?: string };
  if (e.code === 'ETIMEDOUT' || e.code === 'ETIMEOUT') {
    return new BackendError('timeout', { backend: relayName, seconds: timeoutMs / 1000 }, { cause: error });
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ESOCKET' || e.code === 'EDNS' || e.code === 'ECONNECTION') {
    return new BackendError('unreachable', { backend: relayName, detail: e.code }, { cause: error });
  }
  if (e.code === 'EAUTH') return new BackendError('unauthorized', { backend: relayName, status: e.responseCode ?? 535 }, { cause: error });
  return new BackendError('refused', { backend: relayName, detail: oneLine(e.response || e.message || String(error)) }, { cause: error });
}
