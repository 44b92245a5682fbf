/**
 * Many files at the terminal: the reading threads (limits.explainWorkers) change how fast, never
 * what — the same lines, errors and exit code as the one-thread path, in the same order.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliProcess } from '../helpers/cli.js';
import { corpusFiles, corpusSkip } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const skip = corpusSkip();

function config(dir: string, workers: number, extra = ''): string {
  const path = join(dir, `workers-${workers}.yaml`);
  writeFileSync(path, `limits:\n  explainWorkers: ${workers}\n${extra}`);
  return path;
}

describe('explain with many files', { skip }, () => {
  const dir = tempDir('pm-many-');
  const corpus = skip ? [] : corpusFiles();
  const binary = join(dir, 'image.bin');
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 32)));
  const missing = join(dir, 'missing.eml');

  it('answers the corpus, an unreadable and a binary file exactly as one thread does', async () => {
    const files = [...corpus.slice(0, 300), missing, ...corpus.slice(300), binary];
    const one = await cliProcess(['--config', config(dir, 0), 'explain', '--json', ...files], { env: { LOG_LEVEL: 'silent' } });
    const threaded = await cliProcess(['--config', config(dir, 2), 'explain', '--json', ...files], { env: { LOG_LEVEL: 'debug' } });
    // The process entry booted the first reading thread while the CLI loaded (early-reader.ts).
    assert.match(threaded.stderr, /reading and parsing on other threads \(the first booted as the process started\)/);
    assert.equal(one.code, 2);
    assert.equal(threaded.code, one.code);
    assert.equal(threaded.stdout, one.stdout);
    assert.equal(threaded.stderr.split('\n').filter((l) => !/debug/.test(l)).join('\n'), one.stderr);
    const lines = threaded.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; bounce: boolean });
    assert.deepEqual(lines.map((l) => l.file), files.filter((f) => f !== missing));
    assert.ok(lines.filter((l) => l.bounce).length > 600, 'most of the corpus is explained as bounces');
  });

  it('refuses a file over the input limit with the same sentence', async () => {
    const large = join(dir, 'large.eml');
    writeFileSync(large, `Subject: x\n\n${'a'.repeat(300_000)}\n`);
    const files = [...corpus.slice(0, 250), large];
    const limit = '  maxInputBytes: 200000\n';
    const one = await cliProcess(['--config', config(dir, 0, limit), 'explain', '--json', ...files], { env: { LOG_LEVEL: 'silent' } });
    const threaded = await cliProcess(['--config', config(dir, 1, limit), 'explain', '--json', ...files], { env: { LOG_LEVEL: 'silent' } });
    assert.equal(one.code, 2);
    assert.match(one.stderr, /large\.eml is 293 kB, more than the 195 kB/);
    assert.deepEqual(threaded, one);
  });
});
