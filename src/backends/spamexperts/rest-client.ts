/**
 * The SpamExperts / Mail Assure REST API (`/rest/…`, as used by the vendor's
 * mobile app): `GET /rest/auth/token` with HTTP Basic gives a token, sent as
 * `Authorization: Bearer`; any answer may carry a fresher `token`.
 */
import { BackendError } from '../errors.js';
import { basicAuth, httpCall, isRecord, joinUrl, parseJson, statusError, type HttpAnswer } from '../http.js';

export const SPAMEXPERTS = 'SpamExperts';

export interface RestSettings {
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
}

export class SpamExpertsRest {
  private token: string | null = null;

  constructor(private readonly settings: RestSettings) {}

  /** Calls the API and returns its JSON; a status of 400 or more is an error with the API's own message. */
  async call(method: 'GET' | 'PUT' | 'DELETE', path: string, options: { query?: Record<string, string>; json?: unknown } = {}): Promise<unknown> {
    const answer = await this.send(method, path, options);
    const json = tryJson(answer);
    if (answer.status === 404) throw new BackendError('not_found', { backend: SPAMEXPERTS, detail: messageOf(json) ?? 'that message' });
    if (answer.status >= 400) throw statusError(SPAMEXPERTS, answer, messageOf(json));
    if (json === undefined) return parseJson(SPAMEXPERTS, answer);
    this.refresh(json);
    return json;
  }

  /** A message view: the text inside a JSON `body`, or the plain answer. */
  async text(path: string, query: Record<string, string>): Promise<string> {
    const answer = await this.send('GET', path, { query });
    const json = tryJson(answer);
    if (answer.status >= 400) throw statusError(SPAMEXPERTS, answer, messageOf(json));
    if (json === undefined) return answer.text;
    this.refresh(json);
    if (isRecord(json)) {
      const body = json.body;
      if (typeof body === 'string') return body;
      if (isRecord(body)) {
        for (const key of ['plain', 'message', 'content', 'raw']) if (typeof body[key] === 'string') return body[key] as string;
      }
    }
    throw new BackendError('malformed', { backend: SPAMEXPERTS, detail: 'no message text in the view answer' });
  }

  /** Sends one request, logging in first, and once more if the token was refused. */
  private async send(method: 'GET' | 'PUT' | 'DELETE', path: string, options: { query?: Record<string, string>; json?: unknown }): Promise<HttpAnswer> {
    let retried = false;
    for (;;) {
      const token = this.token ?? (await this.login());
      const url = new URL(joinUrl(this.settings.url, path));
      for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
      try {
        return await httpCall({
          backend: SPAMEXPERTS,
          url: url.toString(),
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
          timeoutMs: this.settings.timeoutMs,
        });
      } catch (error) {
        if (error instanceof BackendError && error.failure === 'unauthorized' && !retried) {
          retried = true;
          this.token = null;
          continue;
        }
        throw error;
      }
    }
  }

  private async login(): Promise<string> {
    const answer = await httpCall({
      backend: SPAMEXPERTS,
      url: joinUrl(this.settings.url, '/rest/auth/token'),
      headers: { authorization: basicAuth(this.settings.username, this.settings.password), accept: 'application/json' },
      timeoutMs: this.settings.timeoutMs,
    });
    if (answer.status >= 400) throw statusError(SPAMEXPERTS, answer);
    const json = parseJson(SPAMEXPERTS, answer);
    const token = tokenIn(json);
    if (!token) throw new BackendError('malformed', { backend: SPAMEXPERTS, detail: 'no token in the login answer' });
    this.token = token;
    return token;
  }

  private refresh(json: unknown): void {
    const token = tokenIn(json);
    if (token) this.token = token;
  }
}

function tokenIn(json: unknown): string | null {
  if (!isRecord(json)) return null;
  if (typeof json.token === 'string' && json.token) return json.token;
  if (isRecord(json.body) && typeof json.body.token === 'string' && json.body.token) return json.body.token;
  return null;
}

function tryJson(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return undefined;
  }
}

/** The error text of an answer: `messageQueue.error`, `message`, or `error`. */
export function messageOf(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  const body = isRecord(json.body) ? json.body : json;
  const queue = isRecord(body.messageQueue) ? body.messageQueue : isRecord(json.messageQueue) ? json.messageQueue : null;
  const errors = queue?.error;
  if (Array.isArray(errors) && errors.length) return errors.map(String).join('; ');
  if (typeof errors === 'string' && errors) return errors;
  for (const key of ['message', 'error', 'detail']) {
    const value = body[key] ?? json[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}
