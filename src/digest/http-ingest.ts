/**
 * POST /ingest for syslog forwarders (the HTTP server mounts it): the body is
 * log lines, the shared token comes as `Authorization: Bearer <token>`. With no
 * token configured every request is refused (deny by default). The token is
 * compared in constant time (SHA-256 of both sides, then timingSafeEqual, so
 * the length does not leak either).
 *
 * HTTP delivery has no file identity, so there is no checkpoint: a forwarder
 * that retries a batch counts it twice. Use file ingest where that matters.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Services } from '../core/services.js';
import { ingestContext } from '../logs/context.js';
import { ingestBuffer } from '../logs/ingest-file.js';
import { LOG_FORMATS, type LogFormat } from '../logs/types.js';

export interface IngestHttpRequest {
  /** The Authorization header, as received. */
  authorization: string | undefined;
  body: Buffer;
  /** Query parameters `server` and `format`. */
  server?: string | undefined;
  format?: string | undefined;
}

export interface IngestHttpResponse {
  status: 200 | 400 | 401 | 403 | 413;
  body: Record<string, unknown>;
}

export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function handleIngestHttp(services: Services, request: IngestHttpRequest): Promise<IngestHttpResponse> {
  const expected = services.config.ingest.token;
  if (!expected) return { status: 403, body: { error: 'The ingest endpoint is disabled: set POSTMASTER_INGEST_TOKEN to enable it.' } };
  const given = /^Bearer (.+)$/i.exec(request.authorization ?? '')?.[1]?.trim();
  if (!given || !tokenMatches(given, expected)) return { status: 401, body: { error: 'Missing or wrong ingest token (Authorization: Bearer <token>).' } };
  if (request.body.length > services.config.ingest.maxBodyBytes) {
    return { status: 413, body: { error: `The body is larger than ${services.config.ingest.maxBodyBytes} bytes; send smaller batches.` } };
  }
  const format = request.format ?? 'auto';
  if (format !== 'auto' && !(LOG_FORMATS as readonly string[]).includes(format)) {
    return { status: 400, body: { error: `Unknown format "${format}"; use auto, spamdyke, postfix or exim.` } };
  }
  if (request.server !== undefined && !/^[\w.-]{1,100}$/.test(request.server)) {
    return { status: 400, body: { error: 'The server name may only hold letters, digits, ".", "_" and "-".' } };
  }
  const stats = await ingestBuffer(ingestContext(services), request.body, {
    format: format as LogFormat | 'auto',
    ...(request.server ? { server: request.server } : {}),
    maxBytes: services.config.ingest.maxBodyBytes * 20,
  });
  return { status: 200, body: { format: stats.format, lines: stats.lines, events: stats.events, skipped: stats.skipped, byReason: stats.byReason } };
}
