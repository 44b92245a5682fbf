/**
 * Maps our short message ids back to the backend's identifiers. Every message a
 * backend lists is remembered in the store (so a button pressed on another
 * replica, or a CLI run after a restart, finds it); an id the store does not
 * know is looked up in the backend's recent quarantine.
 */
import type { Store } from '../store/store.js';
import type { QuarantineBackend, QuarantinedMessage } from './types.js';
import { MESSAGE_ID_LENGTH } from './message-id.js';
import { isRecord } from './http.js';

const KEY = 'quarantine:msg:';
/** How long an id stays resolvable without the backend listing it again. */
const REMEMBER_MS = 30 * 24 * 3600_000;
/** How far back the backend is searched for an id the store does not know. */
const LOOKBACK_MS = 30 * 24 * 3600_000;

export async function rememberMessages(store: Store, messages: QuarantinedMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await store.batch(messages.map((m) => ({ op: 'set' as const, key: KEY + m.id, value: JSON.stringify(m), ttlMs: REMEMBER_MS })));
}

export async function forgetMessage(store: Store, id: string): Promise<void> {
  await store.del(KEY + id);
}

export type Resolution =
  | { kind: 'found'; message: QuarantinedMessage }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; ids: string[] };

/** Finds a message by its full id or a unique prefix. */
export async function resolveMessage(
  store: Store,
  backend: QuarantineBackend,
  typed: string,
  now: number,
): Promise<Resolution> {
  const fromStore = await lookup(store, backend.name, typed);
  if (fromStore.kind !== 'missing') return fromStore;
  const recent = await backend.search({ sinceMs: now - LOOKBACK_MS, untilMs: now, limit: 5000 });
  await rememberMessages(store, recent);
  const matches = recent.filter((m) => m.id.startsWith(typed));
  if (matches.length === 1) return { kind: 'found', message: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', ids: matches.map((m) => m.id) };
  return { kind: 'missing' };
}

async function lookup(store: Store, backendName: string, typed: string): Promise<Resolution> {
  const keys = typed.length === MESSAGE_ID_LENGTH ? [KEY + typed] : await store.keys(KEY + typed);
  const found: QuarantinedMessage[] = [];
  for (const key of keys) {
    const raw = await store.get(key);
    const message = raw ? parse(raw) : null;
    if (message && message.backend === backendName) found.push(message);
  }
  if (found.length === 1) return { kind: 'found', message: found[0]! };
  if (found.length > 1) return { kind: 'ambiguous', ids: found.map((m) => m.id) };
  return { kind: 'missing' };
}

function parse(raw: string): QuarantinedMessage | null {
  try {
    const value = JSON.parse(raw) as unknown;
    if (isRecord(value) && typeof value.id === 'string' && typeof value.ref === 'string' && typeof value.backend === 'string') {
      return value as unknown as QuarantinedMessage;
    }
  } catch {
    /* a damaged record is treated as unknown */
  }
  return null;
}
