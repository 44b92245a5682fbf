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

  it('refuses a file over the input limit with the same sentence, and answers the others', async () => {
    const large = join(dir, 'large.eml');
    writeFileSync(large, `Subject: x\n\n${'a'.repeat(300_000)}\n`);
    const files = [...corpus.slice(0, 120), large, ...corpus.slice(120, 250)];
    const limit = '  maxInputBytes: 200000\n';
    const one = await cliProcess(['--config', config(dir, 0, limit), 'explain', '--json', ...files], { env: { LOG_LEVEL: 'silent' } });
    const threaded = await cliProcess(['--config', config(dir, 1, limit), 'explain', '--json', ...files], { env: { LOG_LEVEL: 'silent' } });
    assert.equal(one.code, 2);
    assert.equal(one.stderr, `${large} is 293 kB, more than the 195 kB the explainer reads (limits.maxInputBytes). Paste the bounce's report part, or attach the .eml without its large attachments.\n`);
    assert.deepEqual(one.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file), corpus.slice(0, 250));
    assert.deepEqual(threaded, one);
  });

  it('refuses a batch of which no file can be read with one sentence and no rows', async () => {
    const files = Array.from({ length: 210 }, (_, i) => join(dir, `gone-${i}.eml`));
    const threaded = await cliProcess(['--config', config(dir, 1), 'explain', '--json', ...files], { env: { LOG_LEVEL: 'silent' } });
    assert.equal(threaded.code, 2);
    assert.equal(threaded.stdout, '');
    const lines = threaded.stderr.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^Cannot read .*gone-0\.eml: no such file\. .* Cannot read .*gone-209\.eml: no such file\./);
  });
});
