/** Proxmox Mail Gateway spam quarantine: list, content, and the deliver / delete actions. */
import { toIso } from '../dates.js';
import { BackendError } from '../errors.js';
import { isRecord } from '../http.js';
import { messageId } from '../message-id.js';
import { domainOf } from '../entries.js';
import type { ActionOutcome, MessageDetail, QuarantineBackend, QuarantinedMessage, QuarantineQuery } from '../types.js';
import { PmgClient, PROXMOX, type PmgSettings } from './pmg-client.js';

/** PMG ids look like C12R34T567 (cluster id, row id, ticket id). */
const PMG_ID = /^C\d+R\d+T\d+$/;

export class ProxmoxQuarantine implements QuarantineBackend {
  readonly name = 'proxmox';

  constructor(private readonly client: PmgClient) {}

  static create(settings: PmgSettings): ProxmoxQuarantine {
    return new ProxmoxQuarantine(new PmgClient(settings));
  }

  async search(query: QuarantineQuery): Promise<QuarantinedMessage[]> {
    const data = await this.client.call('GET', '/quarantine/spam', {
      starttime: String(Math.floor(query.sinceMs / 1000)),
      endtime: String(Math.ceil(query.untilMs / 1000)),
      ...(query.recipient ? { pmail: query.recipient } : {}),
    });
    if (!Array.isArray(data)) throw new BackendError('malformed', { backend: PROXMOX, detail: 'the spam list is not a list' });
    return data
      .filter(isRecord)
      .map(toMessage)
      .filter((m): m is QuarantinedMessage => m !== null)
      .filter((m) => !query.domain || m.recipients.some((r) => domainOf(r) === query.domain))
      .slice(0, query.limit);
  }

  async show(message: QuarantinedMessage): Promise<MessageDetail> {
    const data = await this.client.call('GET', '/quarantine/content', { id: message.ref });
    if (!isRecord(data)) throw new BackendError('malformed', { backend: PROXMOX, detail: 'the content answer is not an object' });
    const header = typeof data.header === 'string' ? data.header : '';
    const content = typeof data.content === 'string' ? stripHtml(data.content) : '';
    return { message, preview: `${header}\n${content}`.trim().slice(0, 4000) };
  }

  release(message: QuarantinedMessage): Promise<ActionOutcome> {
    return this.act(message, 'deliver');
  }

  delete(message: QuarantinedMessage): Promise<ActionOutcome> {
    return this.act(message, 'delete');
  }

  private async act(message: QuarantinedMessage, action: 'deliver' | 'delete'): Promise<ActionOutcome> {
    await this.client.call('POST', '/quarantine/content', { id: message.ref, action });
    return { detail: `${action} ${message.ref}` };
  }
}

function toMessage(row: Record<string, unknown>): QuarantinedMessage | null {
  const ref = typeof row.id === 'string' ? row.id : '';
  if (!PMG_ID.test(ref)) return null;
  const receiver = typeof row.receiver === 'string' ? row.receiver : '';
  const score = Number(row.spamlevel);
  const size = Number(row.bytes);
  return {
    id: messageId('proxmox', ref),
    backend: 'proxmox',
    ref,
    sender: String(row.envelope_sender ?? row.sender ?? row.from ?? ''),
    recipients: receiver ? [receiver] : [],
    subject: typeof row.subject === 'string' ? row.subject : '',
    date: toIso(row.time),
    ...(Number.isFinite(size) && size > 0 ? { size } : {}),
    ...(Number.isFinite(score) ? { score } : {}),
    reason: 'spam',
  };
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n');
}
