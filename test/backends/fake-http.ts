/**
 * A small HTTP server on 127.0.0.1 for backend tests, with fault injection:
 * answer a matching request with 401, 500, a body that is not JSON, or never.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = '401' | '500' | 'malformed' | 'hang';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: Received, res: ServerResponse) => void;

export class FakeHttp {
  readonly received: Received[] = [];
  private faults: Array<{ match: RegExp; fault: Fault; times: number }> = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  url = '';

  constructor(private readonly handler: Handler) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` requests whose "METHOD path" matches get the fault. */
  fail(match: RegExp, fault: Fault, times = 1): void {
    this.faults.push({ match, fault, times });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const received: Received = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      this.received.push(received);
      const fault = this.faults.find((f) => f.times > 0 && f.match.test(`${received.method} ${received.path}`));
      if (fault) {
        fault.times--;
        switch (fault.fault) {
          case '401':
            return json(res, 401, { message: 'authentication failure' });
          case '500':
            return json(res, 500, { message: 'internal error: database is locked' });
          case 'malformed':
            res.writeHead(200, { 'content-type': 'text/html' });
            return void res.end('<html><body>Login required</body></html>');
          case 'hang':
            this.hanging.add(res);
            return;
        }
      }
      this.handler(received, res);
    });
  }
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function basicUser(req: Received): { user: string; pass: string } | null {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}
