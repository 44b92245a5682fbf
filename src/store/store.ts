/**
 * The one state interface. Two implementations pass the same contract tests
 * (test/store.contract.test.ts): the embedded one (SQLite file in the data
 * folder, so the CLI and the console keep state between runs) and Redis (for
 * production and several replicas).
 *
 * Keys are plain strings; a Redis key prefix is applied by the implementation.
 * A TTL set on a hash or sorted set applies to the whole key, as in Redis.
 */

export interface SetOptions {
  ttlMs?: number;
  /** Only set when the key does not exist (SET NX); the answer says whether it was set. */
  ifAbsent?: boolean;
}

export interface LogEntry {
  /** Store-assigned id, increasing with time (a Redis stream id or a row number). */
  id: string;
  /** Milliseconds since the epoch when it was appended. */
  time: number;
  record: Record<string, unknown>;
}

export interface Lock {
  readonly name: string;
  /** Releases the lock if this holder still owns it. */
  release(): Promise<void>;
}

/** Operations that `batch` applies all together or not at all. */
export type BatchOp =
  | { op: 'set'; key: string; value: string; ttlMs?: number }
  | { op: 'del'; key: string }
  | { op: 'incr'; key: string; by: number; ttlMs?: number }
  | { op: 'hincr'; key: string; field: string; by: number; ttlMs?: number }
  | { op: 'hset'; key: string; field: string; value: string; ttlMs?: number }
  | { op: 'zincr'; key: string; member: string; by: number; ttlMs?: number }
  /** Keeps the `keep` highest-scored members. */
  | { op: 'ztrim'; key: string; keep: number };

export interface Store {
  readonly kind: 'embedded' | 'redis';

  get(key: string): Promise<string | null>;
  /** Returns false only when `ifAbsent` was asked and the key existed. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Reads and deletes in one step: a single-use token can be taken once. */
  take(key: string): Promise<string | null>;
  incr(key: string, by?: number, ttlMs?: number): Promise<number>;
  /** Remaining time to live in ms; null when the key has none or does not exist. */
  ttl(key: string): Promise<number | null>;

  hget(key: string, field: string): Promise<string | null>;
  hset(key: string, field: string, value: string, ttlMs?: number): Promise<void>;
  hdel(key: string, field: string): Promise<void>;
  hincr(key: string, field: string, by?: number, ttlMs?: number): Promise<number>;
  hgetall(key: string): Promise<Record<string, string>>;

  zincr(key: string, member: string, by?: number, ttlMs?: number): Promise<number>;
  /** The `n` highest-scored members, highest first. */
  ztop(key: string, n: number): Promise<Array<[member: string, score: number]>>;

  /** Keys that start with `prefix` (without the store's own key prefix). */
  keys(prefix: string): Promise<string[]>;

  /** Appends to an append-only log (audit trail, events); entries are never changed. */
  append(log: string, record: Record<string, unknown>): Promise<LogEntry>;
  /** Entries appended at or after `sinceMs`, oldest first. */
  range(log: string, options?: { sinceMs?: number; limit?: number }): Promise<LogEntry[]>;

  /** A lock with expiry; null when another holder has it. */
  lock(name: string, ttlMs: number): Promise<Lock | null>;

  /** Applies the operations atomically (one Redis MULTI, one SQLite transaction). */
  batch(ops: BatchOp[]): Promise<void>;

  close(): Promise<void>;
}
