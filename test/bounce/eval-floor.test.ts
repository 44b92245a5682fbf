/** Accuracy can only go up: the corpus agreement must not fall below the committed floor. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateCorpus } from '../../scripts/lib/corpus-eval.js';

const CORPUS = resolve('../shared/corpus/sisimai');
const floor = JSON.parse(readFileSync(new URL('../fixtures/eval-floor.json', import.meta.url), 'utf8')) as { sisimai5: number; sisimai4: number };
const present = existsSync(join(CORPUS, 'upstream-v5-expected.jsonl'));
if (!present) console.warn(`\n*** SKIPPED: the Sisimai corpus is not at ${CORPUS}; the accuracy floor is not checked ***\n`);

describe('explainer accuracy on the Sisimai corpus', () => {
  it('agrees with Sisimai 5 at least as often as the committed floor', { skip: present ? false : `corpus not found at ${CORPUS}` }, async () => {
    const result = await evaluateCorpus(CORPUS);
    assert.ok(result.sisimai5.ok >= floor.sisimai5, `Sisimai 5 agreement fell to ${result.sisimai5.ok}/${result.sisimai5.all} (floor ${floor.sisimai5}); see npm run eval -- --show-misses 50`);
    assert.ok(result.sisimai4.ok >= floor.sisimai4, `Sisimai 4.25 agreement fell to ${result.sisimai4.ok}/${result.sisimai4.all} (floor ${floor.sisimai4})`);
    assert.equal(result.negatives.all, 3);
  });
});
