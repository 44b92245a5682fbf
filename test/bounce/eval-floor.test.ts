/** Accuracy can only go up: the corpus agreement must not fall below the committed floor. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { evaluateCorpus } from '../../scripts/lib/corpus-eval.js';
import { CORPUS, corpusSkip } from '../helpers/fixtures.js';

const floor = JSON.parse(readFileSync(new URL('../fixtures/eval-floor.json', import.meta.url), 'utf8')) as { sisimai5: number; sisimai4: number };

describe('explainer accuracy on the Sisimai corpus', () => {
  it('agrees with Sisimai 5 at least as often as the committed floor', { skip: corpusSkip() }, async () => {
    const result = await evaluateCorpus(CORPUS);
    assert.ok(result.sisimai5.ok >= floor.sisimai5, `Sisimai 5 agreement fell to ${result.sisimai5.ok}/${result.sisimai5.all} (floor ${floor.sisimai5}); see npm run eval -- --show-misses 50`);
    assert.ok(result.sisimai4.ok >= floor.sisimai4, `Sisimai 4.25 agreement fell to ${result.sisimai4.ok}/${result.sisimai4.all} (floor ${floor.sisimai4})`);
    assert.equal(result.negatives.all, 3);
  });
});
