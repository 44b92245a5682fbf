/**
 * Proxmox Mail Gateway's `/api2/json` API: POST access/ticket gives a ticket
 * (sent as cookie PMGAuthCookie) and a CSRFPreventionToken (sent as a header
 * on every call that changes something). PMG has no API tokens. Answers wrap
 * their payload in `data`; errors carry `message` or `errors`.
 */
import { BackendError } from '../errors.js';
import { httpCall, isRecord, joinUrl, parseJson, statusError, type HttpAnswer } from '../http.js';

export const PROXMOX = 'Proxmox Mail Gateway';
/** PMG tickets live two hours; log in again well before that. */
const TICKET_LIFETIME_MS = 100 * 60_000;

export interface PmgSettings {
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
}

interface Session {
  ticket: string;
  csrf: string;
  at: number;
}

export class PmgClient {
  private session: Session | null = null;

  constructor(private readonly settings: PmgSettings) {}

  async call(method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string> = {}): Promise<unknown> {
    let retried = false;
    for (;;) {
      const session = await this.login();
      const url = new URL(joinUrl(this.settings.url, joinUrl('/api2/json', path)));
      const form = new URLSearchParams(params).toString();
      if (method !== 'POST') for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      try {
        const answer = await httpCall({
          backend: PROXMOX,
          url: url.toString(),
          method,
          headers: {
            cookie: `PMGAuthCookie=${session.ticket}`,
            accept: 'application/json',
            ...(method !== 'GET' ? { CSRFPreventionToken: session.csrf } : {}),
            ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(method === 'POST' ? { body: form } : {}),
          timeoutMs: this.settings.timeoutMs,
        });
        return dataOf(answer);
      } catch (error) {
        if (error instanceof BackendError && error.failure === 'unauthorized' && !retried) {
          retried = true;
          this.session = null;
          continue;
        }
        throw error;
      }
    }
  }

  private async login(): Promise<Session> {
    if (this.session && Date.now() - this.session.at < TICKET_LIFETIME_MS) return this.session;
    const answer = await httpCall({
      backend: PROXMOX,
      url: joinUrl(this.settings.url, '/api2/json/access/ticket'),
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ username: this.settings.username, password: this.settings.password }).toString(),
      timeoutMs: this.settings.timeoutMs,
    });
    const data = dataOf(answer);
    if (!isRecord(data) || typeof data.ticket !== 'string' || typeof data.CSRFPreventionToken !== 'string') {
      throw new BackendError('malformed', { backend: PROXMOX, detail: 'no ticket in the login answer' });
    }
    this.session = { ticket: data.ticket, csrf: data.CSRFPreventionToken, at: Date.now() };
    return this.session;
  }
}

function dataOf(answer: HttpAnswer): unknown {
  if (answer.status >= 400) {
    let message: string | undefined;
    try {
      message = messageOf(JSON.parse(answer.text));
    } catch {
      /* PMG puts the reason in the status line when the body is not JSON */
    }
    throw statusError(PROXMOX, answer, message);
  }
  const json = parseJson(PROXMOX, answer);
  if (!isRecord(json) || !('data' in json)) throw new BackendError('malformed', { backend: PROXMOX, detail: 'no data in the answer' });
  return json.data;
}

function messageOf(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  if (isRecord(json.errors)) {
    return Object.entries(json.errors).map(([k, v]) => `${k}: ${String(v)}`).join('; ');
  }
  return typeof json.message === 'string' ? json.message : undefined;
}
