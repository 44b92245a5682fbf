/**
 * The server does not let a stranger make it work: POST /ingest checks the
 * token (and a declared size) before reading a byte of the body, and a client
 * that stalls while sending headers is disconnected.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { AppServices } from '../../src/main.js';
import { mountFeatureRoutes } from '../../src/server/feature-routes.js';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/server/metrics.js';
import { makeServices } from '../logs/helpers.js';

const TOKEN = 'a-long-shared-secret-123';
const LINE = 'Mar  3 10:00:00 mx7 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[198.51.100.3]: 554 5.7.1 Service unavailable; Client host [198.51.100.3] blocked using zen.spamhaus.org; from=<a@spam.example> to=<b@example.com> proto=ESMTP helo=<x>\n';

/** Sends headers and the first part of a body that is never finished; resolves with what came back and whether the socket was closed. */
function partialPost(port: number, headers: string[], firstBytes: number): Promise<{ response: string; closed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ response, closed: true, ms: Date.now() - started }));
    socket.on('connect', () => {
      socket.write(`POST /ingest HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`);
      socket.write(Buffer.alloc(firstBytes, 0x61));
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer and no close within 5 s; got: ${response}`));
    }, 5000).unref();
  });
}

describe('guarded requests', () => {
  let server: HttpServer;
  let port = 0;
  let services: ReturnType<typeof makeServices>;
  before(async () => {
    services = makeServices({ config: { ingest: { token: TOKEN, maxBodyBytes: 1_000_000 } } });
    server = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), headersTimeoutMs: 400, requestTimeoutMs: 2000 });
    mountFeatureRoutes(server, services as unknown as AppServices);
    port = (await server.listen(0, '127.0.0.1')).port;
  });
  after(() => server.close());

  it('answers 401 to a wrong token before the (endless) body arrives, and closes', async () => {
    const result = await partialPost(port, ['Authorization: Bearer wrong-token-000000', 'Content-Length: 900000'], 1000);
    assert.match(result.response, /^HTTP\/1\.1 401 /);
    assert.match(result.response, /wrong ingest token/);
    assert.ok(result.closed);
  });

  it('answers 413 to a declared size over the limit before reading it', async () => {
    const result = await partialPost(port, [`Authorization: Bearer ${TOKEN}`, 'Content-Length: 50000000'], 1000);
    assert.match(result.response, /^HTTP\/1\.1 413 /);
  });

  it('still counts a proper batch', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/ingest?server=mx7`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: LINE });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { events: number }).events, 1);
  });

  it('disconnects a client that stalls in its headers', async () => {
    const result = await new Promise<{ closed: boolean; ms: number }>((resolve) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1', () => socket.write('POST /ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
      socket.on('data', () => {}); // read the 408 and the server's FIN, so the close is seen
      socket.on('error', () => {});
      socket.on('close', () => resolve({ closed: true, ms: Date.now() - started }));
    });
    assert.ok(result.closed);
    assert.ok(result.ms < 4000, `closed after ${result.ms} ms`);
  });
});
