/**
 * The embedded store: one SQLite file in the data folder (better-sqlite3, WAL
 * mode), so the CLI, the console and a local bot share state between runs and
 * between processes. Expired keys are ignored on read and swept on write.
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { BatchOp, Lock, LogEntry, SetOptions, Store } from './store.js';

type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS hash (key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, field));
CREATE TABLE IF NOT EXISTS zset (key TEXT NOT NULL, member TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (key, member));
CREATE INDEX IF NOT EXISTS zset_score ON zset (key, score);
CREATE TABLE IF NOT EXISTS expiry (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS expiry_at ON expiry (at);
CREATE TABLE IF NOT EXISTS log (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, time INTEGER NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS log_name_time ON log (name, time);
`;

export interface EmbeddedStoreOptions {
  /** Path of the SQLite file, or ':memory:' for a private in-process store. */
  file: string;
  now?: () => number;
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly db: Db;
  private readonly now: () => number;
  private lastSweep = 0;
  /** Prepared statements, compiled once: preparing on every call cost more than running them. */
  private readonly statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  constructor(options: EmbeddedStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.now = options.now ?? Date.now;
  }

  // --- expiry -------------------------------------------------------------

  private alive(key: string): boolean {
    const row = this.sql('SELECT at FROM expiry WHERE key = ?').get(key) as { at: number } | undefined;
    if (!row) return true;
    if (row.at > this.now()) return true;
    this.purge(key);
    return false;
  }

  private purge(key: string): void {
    this.sql('DELETE FROM kv WHERE key = ?').run(key);
    this.sql('DELETE FROM hash WHERE key = ?').run(key);
    this.sql('DELETE FROM zset WHERE key = ?').run(key);
    this.sql('DELETE FROM expiry WHERE key = ?').run(key);
  }

  private expire(key: string, ttlMs: number | undefined): void {
    if (ttlMs === undefined) return;
    this.sql('INSERT INTO expiry (key, at) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET at = excluded.at').run(key, this.now() + ttlMs);
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const expired = this.sql('SELECT key FROM expiry WHERE at <= ?').all(now) as Array<{ key: string }>;
    for (const { key } of expired) this.purge(key);
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  // --- strings ------------------------------------------------------------

  async get(key: string): Promise<string | null> {
    if (!this.alive(key)) return null;
    const row = this.sql('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async set(key: string, value: string, options: SetOptions = {}): Promise<boolean> {
    return this.tx(() => {
      this.sweep();
      if (options.ifAbsent && this.alive(key) && this.sql('SELECT 1 FROM kv WHERE key = ?').get(key)) return false;
      this.setNow(key, value, options.ttlMs);
      return true;
    });
  }

  private setNow(key: string, value: string, ttlMs?: number): void {
    this.purge(key);
    this.sql('INSERT INTO kv (key, value) VALUES (?, ?)').run(key, value);
    this.expire(key, ttlMs);
  }

  async del(key: string): Promise<void> {
    this.tx(() => this.purge(key));
  }

  async take(key: string): Promise<string | null> {
    return this.tx(() => {
      if (!this.alive(key)) return null;
      const row = this.sql('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
      if (!row) return null;
      this.purge(key);
      return row.value;
    });
  }

  async incr(key: string, by = 1, ttlMs?: number): Promise<number> {
    return this.tx(() => this.incrNow(key, by, ttlMs));
  }

  private incrNow(key: string, by: number, ttlMs?: number): number {
    const current = this.alive(key) ? (this.sql('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined) : undefined;
    const next = Number(current?.value ?? 0) + by;
    this.sql('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, String(next));
    this.expire(key, ttlMs);
    return next;
  }

  async ttl(key: string): Promise<number | null> {
    if (!this.alive(key)) return null;
    const row = this.sql('SELECT at FROM expiry WHERE key = ?').get(key) as { at: number } | undefined;
    return row ? row.at - this.now() : null;
  }

  // --- hashes -------------------------------------------------------------

  async hget(key: string, field: string): Promise<string | null> {
    if (!this.alive(key)) return null;
    const row = this.sql('SELECT value FROM hash WHERE key = ? AND field = ?').get(key, field) as { value: string } | undefined;
    return row?.value ?? null;
  }

  async hset(key: string, field: string, value: string, ttlMs?: number): Promise<void> {
    this.tx(() => this.hsetNow(key, field, value, ttlMs));
  }

  private hsetNow(key: string, field: string, value: string, ttlMs?: number): void {
    this.alive(key);
    this.sql('INSERT INTO hash (key, field, value) VALUES (?, ?, ?) ON CONFLICT(key, field) DO UPDATE SET value = excluded.value').run(key, field, value);
    this.expire(key, ttlMs);
  }

  async hdel(key: string, field: string): Promise<void> {
    this.sql('DELETE FROM hash WHERE key = ? AND field = ?').run(key, field);
  }

  async hincr(key: string, field: string, by = 1, ttlMs?: number): Promise<number> {
    return this.tx(() => this.hincrNow(key, field, by, ttlMs));
  }

  private hincrNow(key: string, field: string, by: number, ttlMs?: number): number {
    this.alive(key);
    const row = this.sql('SELECT value FROM hash WHERE key = ? AND field = ?').get(key, field) as { value: string } | undefined;
    const next = Number(row?.value ?? 0) + by;
    this.sql('INSERT INTO hash (key, field, value) VALUES (?, ?, ?) ON CONFLICT(key, field) DO UPDATE SET value = excluded.value').run(key, field, String(next));
    this.expire(key, ttlMs);
    return next;
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    if (!this.alive(key)) return {};
    const rows = this.sql('SELECT field, value FROM hash WHERE key = ?').all(key) as Array<{ field: string; value: string }>;
    return Object.fromEntries(rows.map((r) => [r.field, r.value]));
  }

  // --- sorted sets --------------------------------------------------------

  async zincr(key: string, member: string, by = 1, ttlMs?: number): Promise<number> {
    return this.tx(() => this.zincrNow(key, member, by, ttlMs));
  }

  private zincrNow(key: string, member: string, by: number, ttlMs?: number): number {
    this.alive(key);
    const row = this.sql('SELECT score FROM zset WHERE key = ? AND member = ?').get(key, member) as { score: number } | undefined;
    const next = (row?.score ?? 0) + by;
    this.sql('INSERT INTO zset (key, member, score) VALUES (?, ?, ?) ON CONFLICT(key, member) DO UPDATE SET score = excluded.score').run(key, member, next);
    this.expire(key, ttlMs);
    return next;
  }

  async ztop(key: string, n: number): Promise<Array<[string, number]>> {
    if (!this.alive(key)) return [];
    const rows = this.sql('SELECT member, score FROM zset WHERE key = ? ORDER BY score DESC, member DESC LIMIT ?').all(key, n) as Array<{ member: string; score: number }>;
    return rows.map((r) => [r.member, r.score]);
  }

  private ztrimNow(key: string, keep: number): void {
    this.sql('DELETE FROM zset WHERE key = ? AND member NOT IN (SELECT member FROM zset WHERE key = ? ORDER BY score DESC, member DESC LIMIT ?)')
      .run(key, key, keep);
  }

  async keys(prefix: string): Promise<string[]> {
    const like = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const rows = this.sql(
        `SELECT key FROM kv WHERE key LIKE ? ESCAPE '\\' UNION SELECT DISTINCT key FROM hash WHERE key LIKE ? ESCAPE '\\' UNION SELECT DISTINCT key FROM zset WHERE key LIKE ? ESCAPE '\\'`,
      )
      .all(like, like, like) as Array<{ key: string }>;
    return rows.map((r) => r.key).filter((key) => this.alive(key)).sort();
  }

  // --- append-only log ----------------------------------------------------

  async append(log: string, record: Record<string, unknown>): Promise<LogEntry> {
    const time = this.now();
    const info = this.sql('INSERT INTO log (name, time, record) VALUES (?, ?, ?)').run(log, time, JSON.stringify(record));
    return { id: String(info.lastInsertRowid), time, record };
  }

  async range(log: string, options: { sinceMs?: number; limit?: number } = {}): Promise<LogEntry[]> {
    const rows = this.sql('SELECT id, time, record FROM log WHERE name = ? AND time >= ? ORDER BY id LIMIT ?')
      .all(log, options.sinceMs ?? 0, options.limit ?? -1) as Array<{ id: number; time: number; record: string }>;
    return rows.map((r) => ({ id: String(r.id), time: r.time, record: JSON.parse(r.record) as Record<string, unknown> }));
  }

  // --- locks and batches --------------------------------------------------

  async lock(name: string, ttlMs: number): Promise<Lock | null> {
    const key = `lock:${name}`;
    const owner = randomUUID();
    if (!(await this.set(key, owner, { ttlMs, ifAbsent: true }))) return null;
    return {
      name,
      release: async () => {
        this.tx(() => {
          const row = this.sql('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
          if (row?.value === owner) this.purge(key);
        });
      },
    };
  }

  async batch(ops: BatchOp[]): Promise<void> {
    this.tx(() => {
      for (const op of ops) {
        switch (op.op) {
          case 'set': this.setNow(op.key, op.value, op.ttlMs); break;
          case 'del': this.purge(op.key); break;
          case 'incr': this.incrNow(op.key, op.by, op.ttlMs); break;
          case 'hincr': this.hincrNow(op.key, op.field, op.by, op.ttlMs); break;
          case 'hset': this.hsetNow(op.key, op.field, op.value, op.ttlMs); break;
          case 'zincr': this.zincrNow(op.key, op.member, op.by, op.ttlMs); break;
          case 'ztrim': this.ztrimNow(op.key, op.keep); break;
        }
      }
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
