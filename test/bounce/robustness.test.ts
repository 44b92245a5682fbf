/**
 * Anything can be pasted. Hostile and broken input must get an answer, never
 * a crash or a hang: adversarial 100 kB lines (every pattern is linear-time),
 * and a seeded fuzz over mutated corpus messages.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Classifier } from '../../src/bounce/classify.js';
import { explainInput } from '../../src/bounce/explain.js';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { CORPUS as SISIMAI, corpusSkip } from '../helpers/fixtures.js';

const classifier = new Classifier(loadCatalog());
const explain = (input: string | Buffer) => explainInput(input, classifier, { lang: 'en', maxBytes: 10 << 20 });
const CORPUS = join(SISIMAI, 'maildir/bsd');

/** Deterministic PRNG (mulberry32), so a failing fuzz case can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('robustness', () => {
  it('answers adversarial 100 kB single lines promptly (linear-time patterns)', async () => {
    const hostile = [
      'a'.repeat(100_000),
      '550 ' + 'mailbox '.repeat(12_500),
      '<'.repeat(50_000) + '@'.repeat(50_000),
      ('x@' + 'a.'.repeat(60)).repeat(800),
      '550-5.7.1 '.repeat(10_000),
      'user '.repeat(20_000) + 'does not',
      '1.2.3.'.repeat(16_000),
      ':'.repeat(100_000),
      ('blocked using ' + 'a-'.repeat(40)).repeat(1000),
      'Final-Recipient: rfc822; ' + 'b'.repeat(100_000),
    ];
    for (const line of hostile) {
      const started = performance.now();
      const e = await explain(line);
      const ms = performance.now() - started;
      assert.ok(Array.isArray(e.results));
      // A generous bound that only a super-linear pattern (seconds to hours) would break; speed is measured in npm run bench.
      assert.ok(ms < 3000, `${ms.toFixed(0)} ms for a ${line.length}-character line starting "${line.slice(0, 20)}"`);
    }
  });

  it('refuses a 50 MB paste at the configured cap without reading it', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 'a');
    await assert.rejects(explain(huge), /The input is 50\.0 MB, more than the 10\.0 MB the explainer reads \(limits\.maxInputBytes\)/);
  });

  it('survives seeded mutations of corpus messages with an answer for each', { skip: corpusSkip() }, async () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.eml')).sort().slice(0, 120);
    const random = prng(20261126);
    let answered = 0;
    for (const file of files) {
      const original = readFileSync(join(CORPUS, file));
      for (let round = 0; round < 3; round++) {
        const bytes = Buffer.from(original);
        const mutations = 1 + Math.floor(random() * 20);
        for (let i = 0; i < mutations; i++) {
          const at = Math.floor(random() * bytes.length);
          const kind = random();
          if (kind < 0.5) bytes[at] = Math.floor(random() * 256);
          else if (kind < 0.8) bytes[at] = [10, 13, 45, 58, 60, 62, 64, 61][Math.floor(random() * 8)]!;
          else bytes.copyWithin(at, Math.floor(random() * bytes.length));
        }
        const cut = random() < 0.3 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
        const e = await explain(cut);
        assert.equal(typeof e.bounce, 'boolean', `${file} round ${round}`);
        answered++;
      }
    }
    assert.equal(answered, files.length * 3);
  });
});
