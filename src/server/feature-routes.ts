/**
 * Routes other features provide as plain functions, mounted on the one HTTP
 * server: digest chart images (GET /media/:token) and log forwarders
 * (POST /ingest). The server only translates HTTP; the features decide.
 */
import type { IncomingMessage } from 'node:http';
import { handleIngestHttp, refuseIngestEarly } from '../digest/http-ingest.js';
import { mediaHandler } from '../digest/media.js';
import type { AppServices } from '../main.js';
import type { HttpServer } from './http-server.js';

/** Reads a request body up to `limit` bytes; one byte more tells the handler it was too large. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > limit) {
      chunks.push(buffer.subarray(0, Math.max(0, buffer.length - (total - limit))));
      req.resume(); // drain the rest without keeping it
      break;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function mountFeatureRoutes(server: HttpServer, services: AppServices): void {
  const media = mediaHandler(services.store);
  server.route('get', '/media/:token', async (req, res) => {
    const answer = await media(req.params.token ?? '');
    res.writeHead(answer.status, { 'content-type': answer.contentType, ...answer.headers });
    res.end(answer.body);
  });

  server.route('post', '/ingest', async (req, res) => {
    // The token (and a declared size) are checked before a byte of the body is read: a stranger
    // cannot make the server read, buffer or parse anything. The connection is closed after.
    const refused = refuseIngestEarly(services, { authorization: req.headers.authorization, contentLength: req.headers['content-length'] });
    if (refused) {
      res.writeHead(refused.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify(refused.body), () => req.destroy());
      return;
    }
    const body = await readBody(req, services.config.ingest.maxBodyBytes + 1);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = await handleIngestHttp(services, {
      authorization: req.headers.authorization,
      idempotencyKey: typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined,
      body,
      server: url.searchParams.get('server') ?? undefined,
      format: url.searchParams.get('format') ?? undefined,
    });
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  });
}
