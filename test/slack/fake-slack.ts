/**
 * A local fake of the Slack Web API on 127.0.0.1, plus the response_url
 * endpoint and private file downloads. It records every call (form bodies
 * parsed the way the web-api client sends them; `blocks` arrive as a JSON
 * string inside a form field) so tests assert on what Slack would receive.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
  at: number;
}

export interface FakeSlack {
  url: string;
  apiUrl: string;
  calls: RecordedCall[];
  responses: Array<{ path: string; body: Record<string, unknown>; at: number }>;
  downloads: Array<{ path: string; authorization?: string }>;
  uploads: Array<{ path: string; bytes: number }>;
  /** Files served at /files/<name>. */
  files: Map<string, string>;
  /** Members of user groups for usergroups.users.list. */
  userGroups: Map<string, string[]>;
  /** response_url paths that answer 404 (expired). */
  failingResponsePaths: Set<string>;
  callsTo(method: string): RecordedCall[];
  waitFor<T>(check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export const BOT_TOKEN = 'xoxb-test-token';
export const BOT_USER_ID = 'UBOT';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] = (key === 'blocks' || key === 'attachments') && value.startsWith('[') ? JSON.parse(value) : value;
  }
  return params;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: FakeSlack['responses'] = [];
  const downloads: FakeSlack['downloads'] = [];
  const uploads: FakeSlack['uploads'] = [];
  const files = new Map<string, string>();
  const userGroups = new Map<string, string[]>();
  const failingResponsePaths = new Set<string>();
  let base = '';
  let ts = 1700000000;

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req);
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const params = parseParams(body.toString('utf8'), String(req.headers['content-type'] ?? ''));
      calls.push({ method, params, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), at: Date.now() });
      if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) return json(200, { ok: false, error: 'invalid_auth' });
      switch (method) {
        case 'auth.test':
          return json(200, { ok: true, user_id: BOT_USER_ID, bot_id: 'BBOT', team_id: 'T1', user: 'postmaster' });
        case 'chat.postMessage':
          return json(200, { ok: true, channel: params.channel, ts: `${++ts}.000100` });
        case 'chat.postEphemeral':
          return json(200, { ok: true, message_ts: `${++ts}.000200` });
        case 'usergroups.users.list':
          return json(200, { ok: true, users: userGroups.get(String(params.usergroup)) ?? [] });
        case 'files.info': {
          const name = String(params.file);
          return json(200, { ok: true, file: { id: name, name, size: files.get(name)?.length ?? 0, url_private_download: `${base}/files/${name}` } });
        }
        case 'files.getUploadURLExternal':
          return json(200, { ok: true, upload_url: `${base}/upload/${params.filename}`, file_id: `F${++ts}` });
        case 'files.completeUploadExternal':
          return json(200, { ok: true, files: [{ id: 'F1' }] });
        default:
          return json(200, { ok: true });
      }
    }
    if (path.startsWith('/respond/')) {
      if (failingResponsePaths.has(path)) return json(404, { ok: false, error: 'expired_url' });
      responses.push({ path, body: JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>, at: Date.now() });
      return json(200, { ok: true });
    }
    if (path.startsWith('/files/')) {
      const name = decodeURIComponent(path.slice('/files/'.length));
      downloads.push({ path, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      const content = files.get(name);
      if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>login</html>');
      }
      if (content === undefined) return json(404, { ok: false });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end(content);
    }
    if (path.startsWith('/upload/')) {
      uploads.push({ path, bytes: body.length });
      res.writeHead(200);
      return res.end('OK');
    }
    json(404, { ok: false, error: 'unknown_path' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    responses,
    downloads,
    uploads,
    files,
    userGroups,
    failingResponsePaths,
    callsTo: (method) => calls.filter((c) => c.method === method),
    async waitFor(check, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > until) throw new Error('fake Slack: condition not met in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
