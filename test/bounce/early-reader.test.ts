/**
 * The process entry boots a reading thread only for what looks like a batch of files: any other
 * command must not pay for a thread (the explain command still decides; explain-many.test.ts
 * checks that a booted thread changes no answer).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeBatch, PARALLEL_FILES } from '../../src/bounce/off-thread/early-reader.js';

const files = (n: number) => Array.from({ length: n }, (_, i) => `bounce-${i}.eml`);

describe('early reading thread', () => {
  it('is booted for explain (or bounce) of many files, also after --config and among options', () => {
    assert.equal(looksLikeBatch(['explain', ...files(PARALLEL_FILES)]), true);
    assert.equal(looksLikeBatch(['bounce', '--json', ...files(PARALLEL_FILES)]), true);
    assert.equal(looksLikeBatch(['--config', 'pm.yaml', 'explain', '--lang', 'de', ...files(PARALLEL_FILES)]), true);
    assert.equal(looksLikeBatch(['--config=pm.yaml', 'explain', ...files(PARALLEL_FILES)]), true);
  });

  it('is not booted for fewer files, standard input, a stored explanation or another command', () => {
    assert.equal(looksLikeBatch(['explain', ...files(PARALLEL_FILES - 1)]), false);
    assert.equal(looksLikeBatch(['explain', '-', ...files(PARALLEL_FILES)]), false);
    assert.equal(looksLikeBatch(['explain', '--ref', '0123456789abcdef', ...files(PARALLEL_FILES)]), false);
    assert.equal(looksLikeBatch(['ingest', ...files(PARALLEL_FILES)]), false);
    assert.equal(looksLikeBatch(['help']), false);
    assert.equal(looksLikeBatch([]), false);
  });
});
