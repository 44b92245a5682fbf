/** Three replicas on one Redis: each digest slot and each spike alert is posted exactly once. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { freshRedisStore, REDIS_URL, redisSkip, testPrefix } from '../helpers/redis.js';
import { tempDir } from '../logs/helpers.js';
import { addCounts } from './counts-helper.js';

const H = 3_600_000;

describe('exactly once across replicas', async () => {
  const skip = await redisSkip();
  it('posts each digest slot and the spike alert once, with three processes on real Redis', { skip }, async () => {
    const prefix = testPrefix();
    const store = freshRedisStore(prefix);
    const out = join(tempDir(), 'posts.jsonl');
    writeFileSync(out, '');
    try {
      const hour = Math.floor(Date.now() / H) * H;
      const key = 'blocked:zen.spamhaus.org';
      for (let d = 1; d <= 14; d++) await addCounts(store, 'mx1', key, hour - d * 24 * H, 10);
      await addCounts(store, 'mx1', key, hour, 300);

      const deadline = Date.now() + 60_000; // a cap only: replicas stop 3 s after the last one is ready
      const script = new URL('./fixtures/replica.ts', import.meta.url).pathname;
      const children = [0, 1, 2].map(() => spawn(process.execPath, ['--import', 'tsx', script, REDIS_URL, prefix, out, String(deadline)], { stdio: ['ignore', 'ignore', 'inherit'] }));
      const codes = await Promise.all(children.map((c) => new Promise<number | null>((r) => c.once('exit', r))));
      assert.deepEqual(codes, [0, 0, 0]);

      const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { pid: number; ready?: number; stopped?: number; title?: string; severity?: string });
      const ready = rows.filter((r) => r.ready);
      assert.equal(ready.length, 3);
      const stopped = rows.filter((r) => r.stopped);
      assert.ok(Math.min(...stopped.map((r) => r.stopped!)) - Math.max(...ready.map((r) => r.ready!)) >= 2500, 'all three replicas ran side by side for seconds');

      const digests = rows.filter((r) => r.title?.startsWith('Mail rejections'));
      const slots = await store.keys('digest:sent:');
      assert.ok(slots.length >= 2, `several digest slots fired (${slots.length})`);
      assert.equal(digests.length, slots.length, 'one post per slot, none twice');

      const spikes = rows.filter((r) => r.title?.startsWith('Rejection spike'));
      assert.equal(spikes.length, 1, 'the spike alert went out once');
      assert.equal(spikes[0]!.title, 'Rejection spike: RBL zen.spamhaus.org on mx1');
    } finally {
      for (const k of await store.keys('')) await store.del(k);
      await store.close();
    }
  });
});
