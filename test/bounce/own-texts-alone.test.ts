/**
 * Our own filters' texts (the SpamExperts-style classifications and
 * spamdyke's replies) pasted alone, as support staff paste them — with no
 * host, with or without an SMTP code — are recognised as their catalogue
 * entry, never "not a bounce" or a bare reply class.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Classifier } from '../../src/bounce/classify.js';
import { explainInput } from '../../src/bounce/explain.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const catalog = loadCatalog();
const classifier = new Classifier(catalog);
const options = { lang: 'en' as const, maxBytes: 1 << 20, name: 'The input' };

describe('own filter texts pasted alone', () => {
  const own = catalog.entries.filter((e) => e.tier === 'own');
  it('covers both own sources', () => {
    assert.ok(own.some((e) => e.source === 'spamexperts') && own.some((e) => e.source === 'spamdyke'));
  });
  it('each text, alone and after a reply code, is explained as its entry', async () => {
    const wrong: string[] = [];
    for (const entry of own) {
      for (const text of entry.match.texts) {
        const code = entry.match.replyCodes.find((c) => /^\d{3}$/.test(c)) ?? (entry.category === 'temporary' ? '451' : '550');
        for (const paste of [text, `${code} ${text}`]) {
          const explained = await explainInput(paste, classifier, options);
          const got = explained.results[0]?.match?.id ?? (explained.bounce ? '(no entry)' : '(not a bounce)');
          if (got !== entry.id) wrong.push(`${JSON.stringify(paste)} → ${got} (want ${entry.id})`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});
