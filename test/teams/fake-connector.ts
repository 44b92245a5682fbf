/**
 * A local fake of the Bot Framework Connector (the service Teams uses to
 * receive a bot's replies) on 127.0.0.1. Activities' serviceUrl points here;
 * it records every reply and proactive post, and serves file downloads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown>;
  authorization?: string;
}

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  files: Map<string, string>;
  /** Milliseconds a file download waits before answering (a slow file host). */
  fileDelayMs: Map<string, number>;
  downloads: string[];
  /** Conversations that answer 403 (bot removed). */
  forbidden: Set<string>;
  /** Conversations that answer with these statuses first (e.g. [429] = throttled once). */
  failFirst: Map<string, number[]>;
  waitFor<T>(check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Message activities (not typing) sent to a conversation. */
  messagesTo(conversationId: string): ConnectorCall[];
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const files = new Map<string, string>();
  const fileDelayMs = new Map<string, number>();
  const downloads: string[] = [];
  const forbidden = new Set<string>();
  const failFirst = new Map<string, number[]>();
  let nextId = 1;
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const name = decodeURIComponent(path.slice('/files/'.length));
      downloads.push(name);
      const delay = fileDelayMs.get(name);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const content = files.get(name);
      res.writeHead(content === undefined ? 404 : 200, { 'content-type': 'application/octet-stream' });
      return res.end(content ?? '');
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match) {
      res.writeHead(404);
      return res.end();
    }
    const conversationId = decodeURIComponent(match[1]!);
    calls.push({
      method: req.method ?? 'POST',
      path,
      conversationId,
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const pending = failFirst.get(conversationId);
    if (pending?.length) {
      const status = pending.shift()!;
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0' } : {}) });
      return res.end(JSON.stringify({ error: { code: 'Throttled', message: `fake status ${status}` } }));
    }
    if (forbidden.has(conversationId)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${nextId++}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    serviceUrl,
    calls,
    files,
    fileDelayMs,
    downloads,
    forbidden,
    failFirst,
    messagesTo: (conversationId) => calls.filter((c) => c.conversationId === conversationId && c.body.type === 'message'),
    async waitFor(check, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > until) throw new Error('fake connector: condition not met in time');
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

/** A Teams message activity as the channel posts it to the bot. */
export function messageActivity(serviceUrl: string, fields: {
  id: string;
  conversationId: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  text?: string;
  value?: unknown;
  aadObjectId?: string;
  entities?: unknown[];
  attachments?: unknown[];
}): Record<string, unknown> {
  return {
    type: 'message',
    id: fields.id,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:user-1', name: 'Alice', aadObjectId: fields.aadObjectId ?? '00000000-0000-0000-0000-0000000000a1' },
    conversation: { id: fields.conversationId, conversationType: fields.conversationType ?? 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot-id', name: 'postmaster' },
    ...(fields.text !== undefined ? { text: fields.text } : {}),
    ...(fields.value !== undefined ? { value: fields.value } : {}),
    ...(fields.entities ? { entities: fields.entities } : {}),
    ...(fields.attachments ? { attachments: fields.attachments } : {}),
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
  };
}
