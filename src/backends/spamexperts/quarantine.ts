/**
 * SpamExperts quarantine through the REST API: search the delivery log,
 * release (which also reports a false positive) and remove. A message is
 * identified by its 5-tuple (recipient, message_id, filtering_host, datetime,
 * sender), which we keep as JSON in `ref`.
 */
import { minuteStamp, toIso } from '../dates.js';
import { BackendError } from '../errors.js';
import { isRecord, oneLine } from '../http.js';
import { messageId } from '../message-id.js';
import type { ActionOutcome, MessageDetail, QuarantineBackend, QuarantinedMessage, QuarantineQuery } from '../types.js';
import { messageOf, SPAMEXPERTS, SpamExpertsRest, type RestSettings } from './rest-client.js';

interface Tuple {
  recipient: string;
  message_id: string;
  filtering_host: string;
  datetime: string | number;
  sender: string;
}

const PAGE = 500;

export class SpamExpertsQuarantine implements QuarantineBackend {
  readonly name = 'spamexperts';
  private readonly rest: SpamExpertsRest;

  constructor(settings: RestSettings) {
    this.rest = new SpamExpertsRest(settings);
  }

  async search(query: QuarantineQuery): Promise<QuarantinedMessage[]> {
    const out: QuarantinedMessage[] = [];
    for (let page = 1; out.length < query.limit; page++) {
      const json = await this.rest.call('GET', '/rest/log/search/delivery', {
        query: {
          since: minuteStamp(query.sinceMs),
          until: minuteStamp(query.untilMs),
          current_page: String(page),
          length: String(PAGE),
          ...(query.recipient ? { recipient: query.recipient } : {}),
          ...(query.domain ? { domain: query.domain } : {}),
        },
      });
      const entries = entriesOf(json);
      for (const entry of entries) {
        const message = toMessage(entry);
        if (message && isQuarantined(entry)) out.push(message);
      }
      if (entries.length < PAGE) break;
    }
    return out.slice(0, query.limit);
  }

  async show(message: QuarantinedMessage): Promise<MessageDetail> {
    const text = await this.rest.text('/rest/log/view/plain/delivery', queryOf(tupleOf(message)));
    return { message, preview: text.slice(0, 4000) };
  }

  release(message: QuarantinedMessage): Promise<ActionOutcome> {
    return this.act('PUT', '/rest/log/release/delivery', message, 'released');
  }

  delete(message: QuarantinedMessage): Promise<ActionOutcome> {
    return this.act('DELETE', '/rest/log/remove/delivery', message, 'removed');
  }

  private async act(method: 'PUT' | 'DELETE', path: string, message: QuarantinedMessage, verb: string): Promise<ActionOutcome> {
    const json = await this.rest.call(method, path, { json: [tupleOf(message)] });
    const error = messageOf(json);
    if (error) throw new BackendError('refused', { backend: SPAMEXPERTS, detail: oneLine(error) });
    const success = successOf(json);
    return { detail: success ? oneLine(success) : `${verb} ${message.id}` };
  }
}

function entriesOf(json: unknown): Record<string, unknown>[] {
  const body = isRecord(json) && isRecord(json.body) ? json.body : json;
  const entries = isRecord(body) ? body.entries : undefined;
  if (!Array.isArray(entries)) throw new BackendError('malformed', { backend: SPAMEXPERTS, detail: 'the search answer has no entries list' });
  return entries.filter(isRecord);
}

/** Log search returns delivered mail too; keep what is held. Entries without a status are taken as held. */
function isQuarantined(entry: Record<string, unknown>): boolean {
  for (const key of ['status', 'delivery_status', 'main_class', 'classification']) {
    const value = entry[key];
    if (typeof value === 'string' && value) return /quarantin/i.test(value);
  }
  return true;
}

function toMessage(entry: Record<string, unknown>): QuarantinedMessage | null {
  const recipient = str(entry.recipient);
  const messageIdValue = str(entry.message_id);
  const host = str(entry.filtering_host);
  const datetime = typeof entry.datetime === 'number' ? entry.datetime : str(entry.datetime);
  if (!recipient || !messageIdValue || !host || datetime === '') return null;
  const tuple: Tuple = { recipient, message_id: messageIdValue, filtering_host: host, datetime, sender: str(entry.sender) };
  const ref = JSON.stringify(tuple);
  const size = Number(entry.size ?? entry.message_size);
  const score = Number(entry.score ?? entry.spam_score);
  const reason = str(entry.classification ?? entry.main_class ?? entry.reason);
  return {
    id: messageId('spamexperts', ref),
    backend: 'spamexperts',
    ref,
    sender: tuple.sender,
    recipients: [recipient],
    subject: str(entry.subject),
    date: toIso(datetime),
    ...(Number.isFinite(size) && size > 0 ? { size } : {}),
    ...(Number.isFinite(score) && entry.score !== undefined ? { score } : {}),
    ...(reason ? { reason } : {}),
  };
}

function tupleOf(message: QuarantinedMessage): Tuple {
  const value = JSON.parse(message.ref) as Tuple;
  return { recipient: value.recipient, message_id: value.message_id, filtering_host: value.filtering_host, datetime: value.datetime, sender: value.sender };
}

function queryOf(tuple: Tuple): Record<string, string> {
  return { ...tuple, datetime: String(tuple.datetime) };
}

function successOf(json: unknown): string | undefined {
  const body = isRecord(json) && isRecord(json.body) ? json.body : json;
  const queue = isRecord(body) && isRecord(body.messageQueue) ? body.messageQueue : null;
  const success = queue?.success;
  if (Array.isArray(success) && success.length) return success.map(String).join('; ');
  return undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
