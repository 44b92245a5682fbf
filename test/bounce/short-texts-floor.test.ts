/** Short pasted texts: the labelled set stays well-formed and the count explained right can only go up. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { evaluateShortTexts, readShortTexts } from '../../scripts/lib/short-eval.js';

const floor = JSON.parse(readFileSync(new URL('./short-texts-floor.json', import.meta.url), 'utf8')) as { correct: number };

describe('explainer accuracy on short pasted texts', () => {
  it('reads a labelled set of at least 300 texts, each with a known reason and a public source', () => {
    const items = readShortTexts();
    assert.ok(items.length >= 300, `only ${items.length} labelled texts`);
    assert.equal(new Set(items.map((i) => i.text)).size, items.length, 'a text is labelled twice');
  });

  it('explains at least as many texts right as the committed floor', async () => {
    const result = await evaluateShortTexts();
    assert.ok(
      result.overall.ok >= floor.correct,
      `short-text accuracy fell to ${result.overall.ok}/${result.overall.all} (floor ${floor.correct}); see npm run eval:short -- --show-misses 50`,
    );
  });
});
