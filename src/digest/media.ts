/**
 * Charts for Teams: Teams cards cannot carry the PNG (a Workflows message is
 * capped near 28 KB), so the image is served by the bot at an unguessable,
 * expiring URL. The bytes live in the store (shared by replicas) under a
 * random 128-bit token; the HTTP server mounts `mediaHandler` at
 * GET /media/:token.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const key = (token: string) => `media:${token}`;

export interface MediaResponse {
  status: 200 | 404;
  contentType: string;
  body: Buffer;
  /** Extra headers the server should send. */
  headers: Record<string, string>;
}

/** Stores PNG bytes; returns the token (22 url-safe characters = 128 random bits). */
export async function storeMedia(store: Store, png: Uint8Array, ttlMs: number): Promise<string> {
  const token = randomBytes(16).toString('base64url');
  await store.set(key(token), Buffer.from(png).toString('base64'), { ttlMs });
  return token;
}

/** The public URL of a stored image, under the bot's base URL. */
export function mediaUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/media/${token}`;
}

/** GET /media/:token — 404 for a malformed, unknown or expired token (no hint which). */
export function mediaHandler(store: Store): (token: string) => Promise<MediaResponse> {
  return async (token) => {
    const notFound: MediaResponse = { status: 404, contentType: 'text/plain; charset=utf-8', body: Buffer.from('Not found\n'), headers: { 'cache-control': 'no-store' } };
    if (!TOKEN.test(token)) return notFound;
    const value = await store.get(key(token));
    if (!value) return notFound;
    return {
      status: 200,
      contentType: 'image/png',
      body: Buffer.from(value, 'base64'),
      headers: { 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' },
    };
  };
}
