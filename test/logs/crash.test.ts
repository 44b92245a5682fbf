/** Crash safety: counts and checkpoint are written together, so kill -9 neither loses nor double-counts a line. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingestContext } from '../../src/logs/context.js';
import { ingestFile, readCheckpoint } from '../../src/logs/ingest-file.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { generate, generatorSkip, makeServices, storedTotals, tempDir, total } from './helpers.js';

describe('ingest after a crash', { skip: generatorSkip() }, () => {
  const dir = tempDir();
  it('survives a crash: kill -9 mid-run, rerun, and the counts equal one clean run', async () => {
    const big = generate(dir, ['--lines', '40000', '--days', '3', '--seed', '11', '--start', '2026-03-02'], 'big.log');
    const allLines = readFileSync(big, 'utf8').split('\n').filter(Boolean).length;
    const crashDir = tempDir();
    const script = new URL('./fixtures/ingest-child.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', script, crashDir, big], { stdio: ['ignore', 'ignore', 'inherit'] });
    const size = statSync(big).size;
    const info = statSync(big);
    const probe = new EmbeddedStore({ file: join(crashDir, 'postmaster.db') });
    let killedAt = 0;
    try {
      for (let i = 0; i < 600 && killedAt === 0; i++) {
        await new Promise((r) => setTimeout(r, 10));
        const cp = await readCheckpoint(probe, info.dev, info.ino).catch(() => null);
        if (cp && cp.offset > 0) {
          child.kill('SIGKILL');
          killedAt = cp.offset;
        }
      }
    } finally {
      await probe.close();
    }
    await new Promise((r) => child.once('exit', r));
    assert.ok(killedAt > 0 && killedAt < size, `killed mid-file (at ${killedAt} of ${size})`);
    const resumed = makeServices({ dir: crashDir });
    const rest = await ingestFile(ingestContext(resumed), big, { format: 'auto' });
    assert.ok(rest.lines > 0 && rest.lines < allLines, `the rerun continued (${rest.lines} of ${allLines} lines), it did not start over`);
    const clean = makeServices();
    await ingestFile(ingestContext(clean), big, { format: 'auto' });
    const a = await storedTotals(resumed.store);
    const b = await storedTotals(clean.store);
    assert.deepEqual(a, b);
    assert.ok(total(a) > 3_000);
  });

});
