/**
 * A local SpamExperts: the REST API (`/rest/auth/token`, log search, release,
 * remove, view; Bearer tokens that rotate) and the Control Panel API
 * (`/api/domain/<action>/format/json/…`, HTTP Basic, HTTP 200 with
 * messages.error on failure).
 */
import { FakeHttp, basicUser, json, type Received } from './fake-http.js';
import type { ServerResponse } from 'node:http';

export interface SeEntry {
  recipient: string;
  message_id: string;
  filtering_host: string;
  datetime: string;
  sender: string;
  subject: string;
  status: string;
}

export interface FakeSpamExperts {
  http: FakeHttp;
  entries: SeEntry[];
  released: unknown[];
  removed: unknown[];
  lists: Record<string, Record<string, string[]>>;
  /** Messages the panel answers with (HTTP 200) on the next mutating call. */
  panelErrors: string[];
}

export const SE_USER = { user: 'bot@example.net', pass: 's3cret-pass' };

export async function startFakeSpamExperts(): Promise<FakeSpamExperts> {
  const tokens = new Set<string>();
  let counter = 0;
  const issue = () => {
    const token = `tok-${++counter}`;
    tokens.add(token);
    return token;
  };
  const state: FakeSpamExperts = {
    http: undefined as unknown as FakeHttp,
    entries: [],
    released: [],
    removed: [],
    lists: {},
    panelErrors: [],
  };
  const bearerOk = (req: Received) => {
    const h = req.headers.authorization ?? '';
    return h.startsWith('Bearer ') && tokens.has(h.slice(7));
  };
  const matches = (e: SeEntry, t: Record<string, unknown>) =>
    e.recipient === t.recipient && e.message_id === t.message_id && e.filtering_host === t.filtering_host && e.datetime === String(t.datetime) && e.sender === t.sender;

  const handler = (req: Received, res: ServerResponse) => {
    if (req.path.startsWith('/api/')) return panel(req, res);
    if (req.method === 'GET' && req.path === '/rest/auth/token') {
      const who = basicUser(req);
      if (!who || who.user !== SE_USER.user || who.pass !== SE_USER.pass) return json(res, 401, { message: 'Invalid credentials' });
      return json(res, 200, { token: issue(), userData: { username: who.user, role: 'domain' } });
    }
    if (!bearerOk(req)) return json(res, 401, { message: 'Token expired' });
    if (req.method === 'GET' && req.path === '/rest/log/search/delivery') {
      const recipient = req.query.get('recipient');
      const domain = req.query.get('domain');
      if (!req.query.get('since') || !/^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(req.query.get('since')!)) return json(res, 400, { message: 'bad since' });
      const entries = state.entries.filter((e) => (!recipient || e.recipient === recipient) && (!domain || e.recipient.endsWith(`@${domain}`)));
      // Every answer carries a fresh token, as the real API does.
      return json(res, 200, { token: issue(), body: { entries, currentPage: 1, last_count: entries.length } });
    }
    if (req.path === '/rest/log/view/plain/delivery') {
      const e = state.entries.find((x) => matches(x, Object.fromEntries(req.query)));
      if (!e) return json(res, 404, { message: 'Message not found' });
      return json(res, 200, { body: { plain: `Subject: ${e.subject}\n\nHello from the quarantine.` } });
    }
    const action = /^\/rest\/log\/(release|remove)\/delivery$/.exec(req.path);
    if (action && ((action[1] === 'release' && req.method === 'PUT') || (action[1] === 'remove' && req.method === 'DELETE'))) {
      if (!String(req.headers['content-type']).includes('application/json')) return json(res, 415, { message: 'JSON body required' });
      const tuples = JSON.parse(req.body) as Array<Record<string, unknown>>;
      const errors: string[] = [];
      for (const t of tuples) {
        const at = state.entries.findIndex((e) => matches(e, t));
        if (at < 0) errors.push(`Message ${String(t.message_id)} is no longer in quarantine`);
        else {
          state.entries.splice(at, 1);
          (action[1] === 'release' ? state.released : state.removed).push(t);
        }
      }
      return json(res, 200, { body: { messageQueue: { success: errors.length ? [] : [`${action[1]}d ${tuples.length} message(s)`], error: errors } } });
    }
    json(res, 404, { message: 'no such route' });
  };

  const panel = (req: Received, res: ServerResponse) => {
    const who = basicUser(req);
    if (!who || who.user !== SE_USER.user || who.pass !== SE_USER.pass) return json(res, 401, { messages: { error: ['Invalid login'] } });
    const parts = req.path.split('/').filter(Boolean); // api, domain, action, format, json, k, v, …
    const [api, controller, action, fmt, kind, ...kv] = parts;
    if (api !== 'api' || controller !== 'domain' || fmt !== 'format' || kind !== 'json') return json(res, 200, { messages: { error: ['Unknown API call'] }, result: null });
    const params: Record<string, string> = {};
    for (let i = 0; i + 1 < kv.length; i += 2) params[kv[i]!] = kv[i + 1]!;
    const domain = params.domain;
    if (!domain) return json(res, 200, { messages: { error: ['Domain is required'] }, result: null });
    const lists = (state.lists[domain] ??= { senderwhitelist: [], senderblacklist: [], recipientwhitelist: [], recipientblacklist: [] });
    const listFor: Record<string, [string, 'add' | 'remove']> = {
      whitelistsender: ['senderwhitelist', 'add'], unwhitelistsender: ['senderwhitelist', 'remove'],
      blacklistsender: ['senderblacklist', 'add'], unblacklistsender: ['senderblacklist', 'remove'],
    };
    if (action! in lists) return json(res, 200, { messages: [], result: lists[action!] });
    const op = listFor[action!];
    if (!op) return json(res, 200, { messages: { error: [`Unknown action ${action}`] }, result: null });
    if (state.panelErrors.length) return json(res, 200, { messages: { error: [state.panelErrors.shift()!] }, result: null });
    const list = lists[op[0]]!;
    const sender = params.sender!;
    if (op[1] === 'add') list.push(sender);
    else list.splice(list.indexOf(sender), 1);
    return json(res, 200, { messages: { success: [`Sender ${sender} updated`] }, result: true });
  };

  state.http = await new FakeHttp(handler).start();
  return state;
}
