/**
 * A local Proxmox Mail Gateway: POST /api2/json/access/ticket (form body) gives
 * a ticket and a CSRFPreventionToken; every call needs the PMGAuthCookie, and
 * every non-GET also the CSRFPreventionToken header (401 otherwise, as PMG).
 * Answers wrap data in {data}; parameter errors come back as HTTP 400 {errors}.
 */
import type { ServerResponse } from 'node:http';
import { FakeHttp, json, type Received } from './fake-http.js';

export const PMG_USER = { username: 'postmaster@pmg', password: 'pmg-pass-123' };

export interface PmgMail {
  id: string;
  receiver: string;
  envelope_sender: string;
  from: string;
  subject: string;
  time: number;
  bytes: number;
  spamlevel: number;
}

export interface FakeProxmox {
  http: FakeHttp;
  spam: PmgMail[];
  delivered: string[];
  deleted: string[];
  lists: Record<'welcomelist' | 'blocklist', Record<string, string[]>>;
}

export async function startFakeProxmox(): Promise<FakeProxmox> {
  const sessions = new Map<string, string>(); // ticket → csrf
  let n = 0;
  const state: FakeProxmox = { http: undefined as unknown as FakeHttp, spam: [], delivered: [], deleted: [], lists: { welcomelist: {}, blocklist: {} } };

  const handler = (req: Received, res: ServerResponse) => {
    const form = req.method === 'POST' ? new URLSearchParams(req.body) : req.query;
    if (req.path === '/api2/json/access/ticket' && req.method === 'POST') {
      if (form.get('username') !== PMG_USER.username || form.get('password') !== PMG_USER.password) {
        return json(res, 401, { data: null, message: 'authentication failure' });
      }
      const ticket = `PMG:${PMG_USER.username}:${(++n).toString(16).toUpperCase()}::c2lnbmF0dXJl`;
      const csrf = `${n.toString(16)}:csrf-${n}`;
      sessions.set(ticket, csrf);
      return json(res, 200, { data: { username: PMG_USER.username, ticket, CSRFPreventionToken: csrf, role: 'qmanager' } });
    }
    const cookie = /PMGAuthCookie=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const csrf = cookie ? sessions.get(cookie) : undefined;
    if (!csrf) return json(res, 401, { data: null, message: 'No ticket' });
    if (req.method !== 'GET' && req.headers.csrfpreventiontoken !== csrf) return json(res, 401, { data: null, message: 'Permission denied - invalid csrf token' });

    if (req.path === '/api2/json/quarantine/spam' && req.method === 'GET') {
      const start = Number(form.get('starttime'));
      const end = Number(form.get('endtime'));
      const pmail = form.get('pmail');
      return json(res, 200, { data: state.spam.filter((m) => m.time >= start && m.time <= end && (!pmail || m.receiver === pmail)) });
    }
    if (req.path === '/api2/json/quarantine/content') {
      const id = form.get('id') ?? '';
      const mail = state.spam.find((m) => m.id === id);
      if (req.method === 'GET') {
        if (!mail) return json(res, 500, { data: null, message: `unable to find mail '${id}'` });
        return json(res, 200, { data: { id, header: `Subject: ${mail.subject}`, content: '<p>Cheap <b>watches</b></p>' } });
      }
      const action = form.get('action');
      if (!['deliver', 'delete', 'welcomelist', 'blocklist'].includes(action ?? '')) return json(res, 400, { data: null, errors: { action: 'value not in enum' } });
      if (!mail) return json(res, 500, { data: null, message: `unable to find mail '${id}'` });
      state.spam.splice(state.spam.indexOf(mail), 1);
      (action === 'deliver' ? state.delivered : state.deleted).push(id);
      return json(res, 200, { data: null });
    }
    const list = /^\/api2\/json\/quarantine\/(welcomelist|blocklist)$/.exec(req.path)?.[1] as 'welcomelist' | 'blocklist' | undefined;
    if (list) {
      const pmail = form.get('pmail') ?? '';
      if (!pmail) return json(res, 400, { data: null, errors: { pmail: 'property is missing and it is not optional' } });
      const entries = (state.lists[list][pmail] ??= []);
      if (req.method === 'GET') return json(res, 200, { data: entries.map((address) => ({ address })) });
      const address = form.get('address') ?? '';
      if (!/^[^\s/\\;,]{3,}$/.test(address)) return json(res, 400, { data: null, errors: { address: 'invalid format' } });
      if (req.method === 'POST') entries.push(address);
      else if (req.method === 'DELETE') entries.splice(entries.indexOf(address), 1);
      return json(res, 200, { data: null });
    }
    json(res, 501, { data: null, message: `Method '${req.method} ${req.path}' not implemented` });
  };
  state.http = await new FakeHttp(handler).start();
  return state;
}
