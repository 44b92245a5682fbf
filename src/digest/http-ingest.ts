/**
 * POST /ingest for syslog forwarders (the HTTP server mounts it): the body is
 * log lines, the shared token comes as `Authorization: Bearer <token>`. With no
 * token configured every request is refused (deny by default). The token is
 * compared in constant time (SHA-256 of both sides, then timingSafeEqual, so
 * the length does not leak either).
 *
 * HTTP delivery has no file identity, so each batch is recognised instead: by
 * its `Idempotency-Key` header when the forwarder sends one, otherwise by the
 * hash of its server, format and body. A batch is counted once — its marker is
 * written in the same store batch as its counts — and a retry of it answers
 * 200 with `duplicate: true` and counts nothing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Services } from '../core/services.js';
import { ingestContext } from '../logs/context.js';
import { ingestBuffer } from '../logs/ingest-file.js';
import { LOG_FORMATS, type LogFormat } from '../logs/types.js';

export interface IngestHttpRequest {
  /** The Authorization header, as received. */
  authorization: string | undefined;
  /** The Idempotency-Key header, when the forwarder names its batches. */
  idempotencyKey?: string | undefined;
  body: Buffer;
  /** Query parameters `server` and `format`. */
  server?: string | undefined;
  format?: string | undefined;
}

export interface IngestHttpResponse {
  status: 200 | 400 | 401 | 403 | 409 | 413;
  body: Record<string, unknown>;
}

/** How long a counted batch is remembered: longer than any forwarder keeps retrying. */
const BATCH_MEMORY_MS = 7 * 24 * 3600 * 1000;

export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The answer to a request that must not be read any further (no token, a wrong one, a declared
 * size over the limit), or null. The server asks this before it reads a byte of the body.
 */
export function refuseIngestEarly(services: Services, headers: { authorization?: string | undefined; contentLength?: string | undefined }): IngestHttpResponse | null {
  const expected = services.config.ingest.token;
  if (!expected) return { status: 403, body: { error: 'The ingest endpoint is disabled: set POSTMASTER_INGEST_TOKEN to enable it.' } };
  const given = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  if (!given || !tokenMatches(given, expected)) return { status: 401, body: { error: 'Missing or wrong ingest token (Authorization: Bearer <token>).' } };
  const declared = headers.contentLength === undefined ? NaN : Number(headers.contentLength);
  if (declared > services.config.ingest.maxBodyBytes) {
    return { status: 413, body: { error: `The body is larger than ${services.config.ingest.maxBodyBytes} bytes; send smaller batches.` } };
  }
  return null;
}

export async function handleIngestHttp(services: Services, request: IngestHttpRequest): Promise<IngestHttpResponse> {
  const refused = refuseIngestEarly(services, { authorization: request.authorization });
  if (refused) return refused;
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
  if (request.idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(request.idempotencyKey)) {
    return { status: 400, body: { error: 'The Idempotency-Key must be 1 to 200 visible ASCII characters.' } };
  }
  const identity = createHash('sha256')
    .update(request.idempotencyKey !== undefined ? `key\0${request.idempotencyKey}` : `body\0${request.server ?? ''}\0${format}\0`)
    .update(request.idempotencyKey !== undefined ? '' : request.body)
    .digest('hex');
  const marker = `ingest:batch:${identity}`;
  if (await services.store.get(marker)) return { status: 200, body: { duplicate: true, lines: 0, events: 0 } };
  // Two copies of one batch arriving together: the second waits for the first's answer.
  const lock = await services.store.lock(marker, 60_000);
  if (!lock) return { status: 409, body: { error: 'The same batch is being counted right now; retry in a moment.' } };
  try {
    if (await services.store.get(marker)) return { status: 200, body: { duplicate: true, lines: 0, events: 0 } };
    const stats = await ingestBuffer(ingestContext(services), request.body, {
      format: format as LogFormat | 'auto',
      ...(request.server ? { server: request.server } : {}),
      maxBytes: services.config.ingest.maxBodyBytes * 20,
      withCounts: [{ op: 'set', key: marker, value: String(services.now()), ttlMs: BATCH_MEMORY_MS }],
    });
    return { status: 200, body: { format: stats.format, lines: stats.lines, events: stats.events, skipped: stats.skipped, byReason: stats.byReason } };
  } finally {
    await lock.release();
  }
}
