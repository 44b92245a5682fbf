/**
 * The catalogue is data that support staff edit: every entry must be complete
 * in all three languages, and every example must be explained as its own entry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Classifier } from '../src/bounce/classify.js';
import { explainInput } from '../src/bounce/explain.js';
import { loadCatalog, parseCatalogFile } from '../src/catalog/catalog.js';
import { LANGS } from '../src/core/lang.js';
import { unsafeReason } from '../src/catalog/safe-pattern.js';

const catalog = loadCatalog();
const classifier = new Classifier(catalog);

describe('catalogue', () => {
  it('has every source the explainer relies on', () => {
    const sources = catalog.sources.map((s) => s.source).sort();
    for (const required of ['generic', 'providers', 'rfc3463', 'spamdyke', 'spamexperts']) {
      assert.ok(sources.includes(required), `missing catalogue source ${required}`);
    }
  });

  it('covers all 29 spamdyke codes of the seed document', () => {
    const codes = new Set(catalog.entries.filter((e) => e.source === 'spamdyke').flatMap((e) => e.match.logCodes));
    const seed = [
      'ALLOWED', 'ALLOWED_AUTHENTICATED', 'ALLOWED_TLS', 'DENIED_ACCESS_DENIED', 'DENIED_AUTH_REQUIRED', 'DENIED_BLACKLIST_IP',
      'DENIED_BLACKLIST_NAME', 'DENIED_EARLYTALKER', 'DENIED_GRAYLISTED', 'DENIED_IP_IN_CC_RDNS', 'DENIED_IP_IN_RDNS', 'DENIED_OTHER',
      'DENIED_RBL_MATCH', 'DENIED_RDNS_MISSING', 'DENIED_RDNS_RESOLVE', 'DENIED_RHSBL_MATCH', 'DENIED_RECIPIENT_BLACKLISTED',
      'DENIED_REJECT_ALL', 'DENIED_RELAYING', 'DENIED_SENDER_BLACKLISTED', 'DENIED_SENDER_NO_MX', 'DENIED_TOO_MANY_RECIPIENTS',
      'DENIED_UNQUALIFIED_RECIPIENT', 'DENIED_ZERO_RECIPIENTS', 'FAILED_AUTH', 'FAILED_TLS', 'TIMEOUT', 'TLS_ENCRYPTED', 'UNKNOWN_AUTH',
    ];
    assert.equal(seed.length, 29);
    assert.deepEqual(seed.filter((c) => !codes.has(c)), []);
  });

  it('has one generic entry per reason of the taxonomy', () => {
    const generic = new Set(catalog.entries.filter((e) => e.source === 'generic').map((e) => e.reason));
    for (const reason of ['userunknown', 'mailboxfull', 'blocked', 'greylisted', 'spamdetected', 'expired', 'onhold']) {
      assert.ok(generic.has(reason as never), `no generic entry for ${reason}`);
    }
  });

  it('is complete in every language for every entry', () => {
    for (const entry of catalog.entries) {
      for (const lang of LANGS) {
        for (const field of ['title', 'explanation', 'remedy'] as const) {
          assert.ok(entry[field][lang]?.trim(), `${entry.id}: ${field}.${lang} is empty`);
        }
      }
      // Written anew per language: a text left in English in another language is a gap, not a translation.
      assert.notEqual(entry.explanation.id, entry.explanation.en, `${entry.id}: the Indonesian explanation is the English one`);
      assert.notEqual(entry.explanation.de, entry.explanation.en, `${entry.id}: the German explanation is the English one`);
    }
  });

  it('uses only linear-time patterns', () => {
    for (const entry of catalog.entries) {
      for (const pattern of [...entry.match.patterns, ...entry.match.hosts]) assert.equal(unsafeReason(pattern), null, `${entry.id}: /${pattern}/`);
    }
  });

  it('explains every example as its own entry', async () => {
    const failures: string[] = [];
    for (const entry of catalog.entries) {
      for (const example of entry.examples) {
        const explained = await explainInput(example, classifier, { lang: 'en', maxBytes: 1 << 20 });
        const got = explained.results.map((r) => r.match?.id ?? '(none)');
        if (!got.includes(entry.id)) failures.push(`${entry.id}: "${example.slice(0, 90)}" → ${got.join(', ') || '(no result)'}`);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} examples are not explained as their entry:\n${failures.join('\n')}`);
  });

  it('refuses a broken entry with a sentence naming the file, entry and key', () => {
    const yaml = `source: demo\ntier: own\ndescription: test\nentries:\n  - id: demo.x\n    category: rejected\n    reason: nosuchreason\n    actor: sender\n    title: {en: a, id: b, de: c}\n    explanation: {en: a, id: b, de: c}\n    remedy: {en: a, id: b, de: c}\n    match: {texts: [abcdef]}\n    examples: [abcdef]\n`;
    assert.throws(() => parseCatalogFile(yaml, 'demo.yaml'), /demo\.yaml: entry demo\.x, key "reason"/);
    const unsafe = yaml.replace('nosuchreason', 'blocked').replace('texts: [abcdef]', "patterns: ['(a+)+b']");
    assert.throws(() => parseCatalogFile(unsafe, 'demo.yaml'), /pattern \/\(a\+\)\+b\/: a repeated group/);
  });
});
