/**
 * One HTTP call to a backend with global fetch: a time limit, and every way it
 * can go wrong (refused credentials, server error, timeout, unreachable host,
 * an answer that is not the JSON we expect) turned into a BackendError with a
 * clear sentence. Secrets travel in headers only and are never put in errors.
 */
import { BackendError } from './errors.js';

export interface HttpCall {
  backend: string;
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Largest answer read from a backend; anything bigger is refused as malformed. */
const MAX_BODY = 20 * 1024 * 1024;

export async function httpCall(call: HttpCall): Promise<HttpAnswer> {
  let response: Response;
  let text: string;
  const signal = AbortSignal.timeout(call.timeoutMs);
  try {
    response = await fetch(call.url, {
      method: call.method ?? 'GET',
      headers: call.headers,
      body: call.body,
      signal,
      redirect: 'error',
    });
    text = await response.text();
  } catch (error) {
    if (signal.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
      throw new BackendError('timeout', { backend: call.backend, seconds: Math.round(call.timeoutMs / 100) / 10 }, { cause: error });
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new BackendError('unreachable', { backend: call.backend, detail: cause?.code ?? cause?.message ?? (error as Error).message }, { cause: error });
  }
  if (text.length > MAX_BODY) throw new BackendError('malformed', { backend: call.backend, detail: 'answer too large' });
  if (response.status === 401 || response.status === 403) {
    throw new BackendError('unauthorized', { backend: call.backend, status: response.status });
  }
  return { status: response.status, headers: response.headers, text };
}

/** Parses a JSON answer; anything else is a 'malformed' BackendError. */
export function parseJson(backend: string, answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    const kind = answer.headers.get('content-type')?.split(';')[0] ?? 'unknown type';
    throw new BackendError('malformed', { backend, detail: `HTTP ${answer.status}, ${kind}, not JSON` });
  }
}

/** A 5xx (or other unexpected status) as a BackendError, with the backend's own message when it gave one. */
export function statusError(backend: string, answer: HttpAnswer, message?: string): BackendError {
  return new BackendError('server', { backend, status: answer.status, ...(message ? { detail: oneLine(message) } : {}) });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Backend text shown to people: one line, bounded. */
export function oneLine(value: string, max = 300): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Joins a base URL and a path without doubling or losing slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
