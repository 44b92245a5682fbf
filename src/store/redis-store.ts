/**
 * The Redis store (ioredis): production state, shared by several replicas.
 * Logs are Redis streams (XADD / XRANGE), locks are SET NX PX with a
 * compare-and-delete release, batches are one MULTI.
 */
import { randomUUID } from 'node:crypto';
import { Redis, type ChainableCommander } from 'ioredis';
import type { BatchOp, Lock, LogEntry, SetOptions, Store } from './store.js';

const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const TAKE = `local v = redis.call('get', KEYS[1]); if v then redis.call('del', KEYS[1]) end; return v`;
const ZTRIM = `return redis.call('zremrangebyrank', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))`;

export interface RedisStoreOptions {
  url: string;
  keyPrefix?: string;
  /** Fail fast instead of queueing commands while disconnected (tests, CLI). */
  connectTimeoutMs?: number;
  /** A command that gets no answer in this time fails (a Redis that accepts but never answers). */
  commandTimeoutMs?: number;
  /**
   * Connection errors: ioredis emits one per reconnect attempt and prints a stack trace for any it
   * cannot hand to a listener. They go here instead (the composition root logs them once per outage).
   */
  onError?: (error: Error) => void;
}

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  readonly redis: Redis;
  private readonly prefix: string;

  constructor(options: RedisStoreOptions) {
    this.prefix = options.keyPrefix ?? 'postmaster:';
    this.redis = new Redis(options.url, {
      keyPrefix: this.prefix,
      lazyConnect: false,
      connectTimeout: options.connectTimeoutMs ?? 5000,
      ...(options.commandTimeoutMs ? { commandTimeout: options.commandTimeoutMs } : {}),
      maxRetriesPerRequest: 1,
      // Keep reconnecting, at most every 2 s: the store comes back on its own after an outage.
      retryStrategy: (times) => Math.min(100 * 2 ** times, 2000),
    });
    this.redis.on('error', options.onError ?? (() => {}));
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  async set(key: string, value: string, options: SetOptions = {}): Promise<boolean> {
    const ttl = options.ttlMs !== undefined ? Math.max(1, Math.round(options.ttlMs)) : undefined;
    let answer: string | null;
    if (ttl !== undefined && options.ifAbsent) answer = await this.redis.set(key, value, 'PX', ttl, 'NX');
    else if (ttl !== undefined) answer = await this.redis.set(key, value, 'PX', ttl);
    else if (options.ifAbsent) answer = await this.redis.set(key, value, 'NX');
    else answer = await this.redis.set(key, value);
    return answer === 'OK';
  }

  async del(key: string): Promise<void> {
    await this.redis.del(key);
  }

  async take(key: string): Promise<string | null> {
    return (await this.redis.eval(TAKE, 1, key)) as string | null;
  }

  async incr(key: string, by = 1, ttlMs?: number): Promise<number> {
    const m = this.redis.multi().incrbyfloat(key, by);
    if (ttlMs !== undefined) m.pexpire(key, ttlMs);
    const [[, value] = []] = (await m.exec()) ?? [];
    return Number(value);
  }

  async ttl(key: string): Promise<number | null> {
    const ms = await this.redis.pttl(key);
    return ms < 0 ? null : ms;
  }

  async hget(key: string, field: string): Promise<string | null> {
    return this.redis.hget(key, field);
  }

  async hset(key: string, field: string, value: string, ttlMs?: number): Promise<void> {
    const m = this.redis.multi().hset(key, field, value);
    if (ttlMs !== undefined) m.pexpire(key, ttlMs);
    await m.exec();
  }

  async hdel(key: string, field: string): Promise<void> {
    await this.redis.hdel(key, field);
  }

  async hincr(key: string, field: string, by = 1, ttlMs?: number): Promise<number> {
    const m = this.redis.multi().hincrbyfloat(key, field, by);
    if (ttlMs !== undefined) m.pexpire(key, ttlMs);
    const [[, value] = []] = (await m.exec()) ?? [];
    return Number(value);
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return this.redis.hgetall(key);
  }

  async zincr(key: string, member: string, by = 1, ttlMs?: number): Promise<number> {
    const m = this.redis.multi().zincrby(key, by, member);
    if (ttlMs !== undefined) m.pexpire(key, ttlMs);
    const [[, value] = []] = (await m.exec()) ?? [];
    return Number(value);
  }

  async ztop(key: string, n: number): Promise<Array<[string, number]>> {
    const flat = await this.redis.zrevrange(key, 0, n - 1, 'WITHSCORES');
    const out: Array<[string, number]> = [];
    for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, Number(flat[i + 1])]);
    return out;
  }

  async keys(prefix: string): Promise<string[]> {
    const found = new Set<string>();
    let cursor = '0';
    const pattern = this.prefix + prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`) + '*';
    do {
      // SCAN's MATCH is not prefixed by ioredis, so the prefix is added above and stripped here.
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      for (const key of batch) found.add(key.slice(this.prefix.length));
    } while (cursor !== '0');
    return [...found].sort();
  }

  async append(log: string, record: Record<string, unknown>): Promise<LogEntry> {
    const id = (await this.redis.xadd(`log:${log}`, '*', 'record', JSON.stringify(record))) as string;
    return { id, time: Number(id.split('-')[0]), record };
  }

  async range(log: string, options: { sinceMs?: number; limit?: number } = {}): Promise<LogEntry[]> {
    const start = options.sinceMs !== undefined ? String(Math.max(0, Math.floor(options.sinceMs))) : '-';
    const rows = options.limit !== undefined
      ? await this.redis.xrange(`log:${log}`, start, '+', 'COUNT', options.limit)
      : await this.redis.xrange(`log:${log}`, start, '+');
    return rows.map(([id, fields]) => {
      const at = fields.indexOf('record');
      return { id, time: Number(id.split('-')[0]), record: JSON.parse(fields[at + 1] ?? '{}') as Record<string, unknown> };
    });
  }

  async lock(name: string, ttlMs: number): Promise<Lock | null> {
    const key = `lock:${name}`;
    const owner = randomUUID();
    if (!(await this.set(key, owner, { ttlMs, ifAbsent: true }))) return null;
    return {
      name,
      release: async () => {
        await this.redis.eval(RELEASE_LOCK, 1, key, owner);
      },
    };
  }

  async batch(ops: BatchOp[]): Promise<void> {
    if (ops.length === 0) return;
    const m: ChainableCommander = this.redis.multi();
    for (const op of ops) {
      switch (op.op) {
        case 'set':
          if (op.ttlMs !== undefined) m.set(op.key, op.value, 'PX', Math.max(1, Math.round(op.ttlMs)));
          else m.set(op.key, op.value);
          break;
        case 'del': m.del(op.key); break;
        case 'incr': m.incrbyfloat(op.key, op.by); break;
        case 'hincr': m.hincrbyfloat(op.key, op.field, op.by); break;
        case 'hset': m.hset(op.key, op.field, op.value); break;
        case 'zincr': m.zincrby(op.key, op.by, op.member); break;
        case 'ztrim': m.eval(ZTRIM, 1, op.key, op.keep); break;
      }
      if ('ttlMs' in op && op.ttlMs !== undefined && op.op !== 'set') m.pexpire(op.key, op.ttlMs);
    }
    const results = await m.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
