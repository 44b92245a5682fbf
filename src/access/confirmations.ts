/**
 * Confirmation tokens for state-changing actions. A token is random, kept in
 * the store (so any replica can redeem it), bound to the person who asked, the
 * action and its exact parameters, expires (default 5 minutes), and is taken
 * once with Store.take — two clicks at the same moment cannot both win.
 *
 * A click by someone else does not spend the token; the person who asked can
 * still confirm. An expired token is spent and refused.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';

const KEY = 'confirm:';
const USED = 'confirm-used:';
/** How long a spent token is remembered, so a second click is told "already used" rather than "unknown". */
const USED_MEMORY_MS = 24 * 3600_000;
export const TOKEN_PATTERN = /^[0-9a-f]{24}$/;

export type Params = Record<string, string>;

export interface Pending {
  actor: string;
  action: string;
  params: Params;
  createdAt: number;
  expiresAt: number;
}

export type Redemption =
  | { ok: true; pending: Pending }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'foreign' | 'mismatch' };

export class Confirmations {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    readonly ttlMs: number,
  ) {}

  async issue(actor: string, action: string, params: Params): Promise<{ token: string; expiresAt: number }> {
    // Hex, so a token never starts with "-" and is never taken for an option.
    const token = randomBytes(12).toString('hex');
    const createdAt = this.now();
    const pending: Pending = { actor, action, params: canonical(params), createdAt, expiresAt: createdAt + this.ttlMs };
    await this.store.set(KEY + token, JSON.stringify(pending), { ttlMs: this.ttlMs });
    return { token, expiresAt: pending.expiresAt };
  }

  async redeem(token: string, actor: string, action: string, params: Params): Promise<Redemption> {
    if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'unknown' };
    const raw = await this.store.get(KEY + token);
    if (raw === null) {
      return { ok: false, reason: (await this.store.get(USED + token)) !== null ? 'used' : 'unknown' };
    }
    const pending = JSON.parse(raw) as Pending;
    if (pending.actor !== actor) return { ok: false, reason: 'foreign' };
    if (pending.action !== action || JSON.stringify(pending.params) !== JSON.stringify(canonical(params))) {
      return { ok: false, reason: 'mismatch' };
    }
    const taken = await this.store.take(KEY + token);
    if (taken === null) return { ok: false, reason: 'used' };
    await this.store.set(USED + token, actor, { ttlMs: USED_MEMORY_MS });
    if (this.now() > pending.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, pending };
  }
}

/** Parameters with sorted keys and no empty values, so the same request always compares equal. */
function canonical(params: Params): Params {
  const out: Params = {};
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
