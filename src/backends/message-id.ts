/**
 * Our message ids: the first 10 hex digits of a SHA-256 of the backend's own
 * identifier. Short and safe to type, the same every time the backend lists
 * the message, and mapped back through the store (message-index.ts).
 */
import { createHash } from 'node:crypto';

export const MESSAGE_ID_LENGTH = 10;
/** What a person may type: the whole id or a unique prefix of at least 4 characters. */
export const MESSAGE_ID_PATTERN = /^[0-9a-f]{4,10}$/;

export function messageId(backend: string, ref: string): string {
  return createHash('sha256').update(`${backend}\0${ref}`).digest('hex').slice(0, MESSAGE_ID_LENGTH);
}
