import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGS } from '../../src/core/lang.js';
import { CHECK_MESSAGES } from '../../src/checks/messages/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Words outside placeholders, record syntax and codes: what a translation must change. */
const prose = (text: string) => text.replace(/\{\w+\}/g, '').match(/\b[a-z]{3,}\b/gi) ?? [];

// Templates that are the same in every language on purpose: pure placeholders, record syntax, SPF results, DMARC mode names.
const SAME_EVERYWHERE = new Set(['run.mxSendsToo', 'mx.problems', 'mx.fixes', 'spf.warning', 'spf.deprecated', 'match.pass',
  'dmarc.ruaProblem', 'align.strict', 'align.relaxed', 'dkim.label', 'helo.localhost', 'asn.info']);

describe('check message catalogue', () => {
  const entries = Object.entries(CHECK_MESSAGES);

  it('has every template in en, id and de with the same placeholders', () => {
    assert.ok(entries.length > 150, `only ${entries.length} templates`);
    for (const [key, table] of entries) {
      const expected = placeholders(table.en);
      for (const lang of LANGS) {
        const text = (table as Partial<Record<string, string>>)[lang];
        assert.ok(typeof text === 'string', `${key} has no ${lang} text`);
        assert.ok(text.trim().length > 0, `${key}.${lang} is empty`);
        assert.deepEqual(placeholders(text), expected, `${key}.${lang} placeholders differ from en`);
        assert.equal(text.split('{').length, text.split('}').length, `${key}.${lang} has an unbalanced brace`);
      }
    }
  });

  it('translates every sentence: id and de differ from the English wording', () => {
    for (const [key, table] of entries) {
      if (SAME_EVERYWHERE.has(key) || prose(table.en).length < 2) continue;
      assert.notEqual(table.id, table.en, `${key}: id is a copy of en`);
      assert.notEqual(table.de, table.en, `${key}: de is a copy of en`);
    }
  });

  it('keeps record syntax, codes and numbers of the English template', () => {
    // Tokens like v=spf1, p=reject, 550-5.7.25, RFC numbers and check codes must survive translation verbatim.
    const verbatim = (text: string) => (text.match(/[\w.-]*=(?:[\w.:@{}]*[\w}])?|\b\d[\d.-]*\d\b|\b[A-Z]{2,}_[A-Z_]+\b/g) ?? []).sort();
    for (const [key, table] of entries) {
      for (const lang of ['id', 'de'] as const) {
        assert.deepEqual(verbatim(table[lang]), verbatim(table.en), `${key}.${lang} changed a code, record or number`);
      }
    }
  });
});
