/** The same contract for both stores: the embedded SQLite store and Redis. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EmbeddedStore } from '../src/store/embedded-store.js';
import type { Store } from '../src/store/store.js';
import { freshRedisStore, redisSkip } from './helpers/redis.js';
import { tempDir } from './helpers/temp.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function contract(name: string, make: () => Store, skip: () => Promise<false | string>) {
  describe(`store contract: ${name}`, async () => {
    const skipped = await skip();
    const opts = { skip: skipped };

    it('gets, sets, deletes and expires strings', opts, async () => {
      const s = make();
      try {
        assert.equal(await s.get('a'), null);
        assert.equal(await s.set('a', '1'), true);
        assert.equal(await s.get('a'), '1');
        assert.equal(await s.set('a', '2', { ifAbsent: true }), false);
        assert.equal(await s.get('a'), '1');
        await s.set('short', 'x', { ttlMs: 60 });
        const ttl = await s.ttl('short');
        assert.ok(ttl !== null && ttl > 0 && ttl <= 60);
        await sleep(120);
        assert.equal(await s.get('short'), null);
        assert.equal(await s.set('short', 'y', { ifAbsent: true }), true, 'an expired key is absent');
        await s.del('a');
        assert.equal(await s.get('a'), null);
      } finally {
        await s.close();
      }
    });

    it('takes a single-use token exactly once', opts, async () => {
      const s = make();
      try {
        await s.set('tok', 'payload', { ttlMs: 10_000 });
        const [a, b] = await Promise.all([s.take('tok'), s.take('tok')]);
        assert.deepEqual([a, b].filter(Boolean), ['payload']);
        assert.equal(await s.take('missing'), null);
      } finally {
        await s.close();
      }
    });

    it('counts with incr, hashes and sorted sets', opts, async () => {
      const s = make();
      try {
        assert.equal(await s.incr('n'), 1);
        assert.equal(await s.incr('n', 4), 5);
        assert.equal(await s.hincr('h', 'rbl', 2), 2);
        assert.equal(await s.hincr('h', 'rbl'), 3);
        await s.hset('h', 'name', 'mx1');
        assert.deepEqual(await s.hgetall('h'), { rbl: '3', name: 'mx1' });
        assert.equal(await s.hget('h', 'name'), 'mx1');
        await s.hdel('h', 'name');
        assert.equal(await s.hget('h', 'name'), null);
        await s.zincr('z', 'a', 1);
        await s.zincr('z', 'b', 5);
        await s.zincr('z', 'c', 3);
        await s.zincr('z', 'a', 1);
        assert.deepEqual(await s.ztop('z', 2), [['b', 5], ['c', 3]]);
        assert.deepEqual(await s.hgetall('nothing'), {});
      } finally {
        await s.close();
      }
    });

    it('applies a batch atomically, with TTLs and trimming', opts, async () => {
      const s = make();
      try {
        await s.batch([
          { op: 'hincr', key: 'rej:mx1:2026112614', field: 'blocked', by: 3, ttlMs: 60_000 },
          { op: 'hincr', key: 'rej:mx1:2026112614', field: 'greylisted', by: 1, ttlMs: 60_000 },
          { op: 'zincr', key: 'top', member: '192.0.2.1', by: 7 },
          { op: 'zincr', key: 'top', member: '192.0.2.2', by: 1 },
          { op: 'zincr', key: 'top', member: '192.0.2.3', by: 4 },
          { op: 'ztrim', key: 'top', keep: 2 },
          { op: 'set', key: 'checkpoint', value: '{"offset":10}' },
          { op: 'incr', key: 'lines', by: 10 },
        ]);
        assert.deepEqual(await s.hgetall('rej:mx1:2026112614'), { blocked: '3', greylisted: '1' });
        const ttl = await s.ttl('rej:mx1:2026112614');
        assert.ok(ttl !== null && ttl > 50_000);
        assert.deepEqual(await s.ztop('top', 10), [['192.0.2.1', 7], ['192.0.2.3', 4]]);
        assert.equal(await s.get('checkpoint'), '{"offset":10}');
        assert.equal(await s.get('lines'), '10');
      } finally {
        await s.close();
      }
    });

    it('lists keys by prefix', opts, async () => {
      const s = make();
      try {
        await s.set('evt:1', 'x');
        await s.hset('evt:2', 'f', 'v');
        await s.zincr('evt:3', 'm');
        await s.set('other', 'x');
        assert.deepEqual(await s.keys('evt:'), ['evt:1', 'evt:2', 'evt:3']);
      } finally {
        await s.close();
      }
    });

    it('appends to a log and reads it back in order, by time', opts, async () => {
      const s = make();
      try {
        const first = await s.append('audit', { who: 'a' });
        await sleep(5);
        const second = await s.append('audit', { who: 'b' });
        const all = await s.range('audit');
        assert.deepEqual(all.map((e) => e.record.who), ['a', 'b']);
        assert.equal(all[0]!.id, first.id);
        const recent = await s.range('audit', { sinceMs: second.time });
        assert.deepEqual(recent.map((e) => e.record.who), ['b']);
        assert.equal((await s.range('audit', { limit: 1 })).length, 1);
      } finally {
        await s.close();
      }
    });

    it('hands a lock to one holder until it is released or expires', opts, async () => {
      const s = make();
      try {
        const a = await s.lock('digest', 10_000);
        assert.ok(a);
        assert.equal(await s.lock('digest', 10_000), null);
        await a.release();
        const b = await s.lock('digest', 50);
        assert.ok(b);
        await sleep(100);
        const c = await s.lock('digest', 10_000);
        assert.ok(c, 'an expired lock can be taken again');
        await b.release(); // b no longer owns it: must not release c's lock
        assert.equal(await s.lock('digest', 10_000), null);
      } finally {
        await s.close();
      }
    });
  });
}

contract('embedded (SQLite)', () => new EmbeddedStore({ file: ':memory:' }), async () => false);
contract('redis', () => freshRedisStore(), redisSkip);

describe('embedded store on disk', () => {
  it('keeps state between instances and processes sharing the file', async () => {
    const file = join(tempDir('pm-store-'), 'state.db');
    const a = new EmbeddedStore({ file });
    await a.set('k', 'v');
    await a.append('audit', { n: 1 });
    await a.close();
    const b = new EmbeddedStore({ file });
    assert.equal(await b.get('k'), 'v');
    assert.equal((await b.range('audit')).length, 1);
    await b.close();
  });
});
