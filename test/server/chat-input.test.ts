/** How chat text becomes a command: the same rule on Slack and Teams. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { commandFromValue } from '../../src/adapters/chat/action-commands.js';
import { commandInput, interpretText } from '../../src/adapters/chat/chat-text.js';
import { atLeast, explainConfidence } from '../../src/adapters/chat/explain-confidence.js';
import { parseConfig } from '../../src/config/load.js';
import { createServices } from '../../src/main.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';

const services = await createServices(parseConfig({ log: { level: 'silent' } }), { store: new EmbeddedStore({ file: ':memory:' }), logger: pino({ level: 'silent' }) });
const router = services.router;

describe('chat input', () => {
  it('runs a command named by the first word, and explains anything else', () => {
    assert.deepEqual(interpretText(router, 'catalog --source spamdyke'), { name: 'catalog', args: ['--source', 'spamdyke'], text: '--source spamdyke' });
    const pasted = '--- The following addresses had permanent fatal errors ---\n<bob@example.org>';
    assert.deepEqual(interpretText(router, pasted), { name: 'explain', args: [], text: pasted });
  });

  it('gives a raw-text command only its leading options, so a bounce is never read as options', () => {
    const parsed = commandInput(router, 'bounce', ' --lang de --json 550 5.7.1 --- blocked ---\nsecond line');
    assert.equal(parsed.name, 'explain');
    assert.deepEqual(parsed.args, ['--lang', 'de', '--json']);
    assert.equal(parsed.text, '550 5.7.1 --- blocked ---\nsecond line');
  });

  it('reads a button command, and a stored reference only while it exists', async () => {
    assert.deepEqual(await commandFromValue(services.store, 'check "203.0.113.5" --json'), { name: 'check', args: ['203.0.113.5', '--json'], text: '"203.0.113.5" --json' });
    assert.equal(await commandFromValue(services.store, 'ref:missing'), null);
    assert.equal(await commandFromValue(services.store, '   '), null);
  });

  it('reads the explainer confidence from its data', () => {
    assert.equal(explainConfidence([{ bounce: true, results: [{ match: { confidence: 'medium' } }, { match: { confidence: 'high' } }] }]), 'high');
    assert.equal(explainConfidence({ bounce: false, results: [] }), null);
    assert.equal(explainConfidence('nonsense'), null);
    assert.ok(atLeast('high', 'medium') && !atLeast('medium', 'high') && !atLeast(null, 'medium'));
  });
});
