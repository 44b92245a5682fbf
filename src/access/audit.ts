/**
 * The audit trail of privileged actions: who, where, what, with which
 * parameters, the result or error, and when. Appended with Store.append — a
 * Redis stream with Redis, the SQLite log with the embedded store — so it
 * survives restarts and is shared by replicas. With the embedded store each
 * record is also mirrored as one line to <dataDir>/audit.jsonl, for tail,
 * grep and log shippers.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Request } from '../core/request.js';
import type { Store } from '../store/store.js';

export const AUDIT_LOG = 'audit';

export type Outcome = 'done' | 'failed' | 'refused' | 'requested' | 'cancelled';

export interface AuditRecord {
  /** ISO 8601, from the bot's clock. */
  at: string;
  actor: string;
  actorName?: string;
  platform: string;
  channel?: string;
  /** e.g. quarantine.release, lists.allow.add, audit.read */
  action: string;
  params: Record<string, string>;
  /** Customer domain concerned, when there is one (restricted readers see only theirs). */
  domain?: string;
  outcome: Outcome;
  /** What happened, one line: the backend's answer, or why it was refused. */
  detail: string;
}

export interface AuditRow extends AuditRecord {
  id: string;
}

export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    /** Where the JSON Lines mirror goes; undefined = no mirror (Redis). */
    private readonly mirrorFile?: string,
  ) {}

  async record(
    request: Request,
    entry: { action: string; params: Record<string, string>; domain?: string | undefined; outcome: Outcome; detail: string },
  ): Promise<AuditRecord> {
    const record: AuditRecord = {
      at: new Date(this.now()).toISOString(),
      actor: request.actor.id,
      ...(request.actor.name ? { actorName: request.actor.name } : {}),
      platform: request.platform,
      ...(request.channel ? { channel: request.channel } : {}),
      action: entry.action,
      params: entry.params,
      ...(entry.domain ? { domain: entry.domain } : {}),
      outcome: entry.outcome,
      detail: entry.detail,
    };
    await this.store.append(AUDIT_LOG, record as unknown as Record<string, unknown>);
    if (this.mirrorFile) {
      await mkdir(dirname(this.mirrorFile), { recursive: true });
      await appendFile(this.mirrorFile, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    }
    return record;
  }

  async read(sinceMs: number, limit = 5000): Promise<AuditRow[]> {
    const entries = await this.store.range(AUDIT_LOG, { sinceMs });
    return entries.slice(-limit).map((e) => ({ id: e.id, ...(e.record as unknown as AuditRecord) }));
  }
}
