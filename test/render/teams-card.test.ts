/**
 * Adaptive Card renderer: golden output for hostile, non-Latin and long
 * replies, and the card budget and button count at exactly the limit and one past it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CARD_BUDGET_BYTES, TEAMS_LIMITS as L, jsonBytes } from '../../src/adapters/teams/limits.js';
import { escapeMarkdown } from '../../src/adapters/teams/markdown.js';
import { renderCard, type AdaptiveCard } from '../../src/adapters/teams/render-card.js';
import type { Reply } from '../../src/core/reply.js';
import { assertGolden } from './golden.js';
import { HOSTILE, NON_LATIN, longReply } from './replies.js';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function texts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Any;
    if (record.type === 'TextBlock') out.push(record.text);
    if (Array.isArray(record.facts)) for (const f of record.facts) out.push(f.title, f.value);
    Object.values(record).forEach(walk);
  };
  walk(card.body);
  return out;
}

const note = (card: AdaptiveCard) => card.body.find((e) => e.type === 'TextBlock' && String(e.text).startsWith('…'));

describe('Teams Adaptive Card renderer', () => {
  it('renders hostile text escaped, with confirmations as ShowCard (golden)', () => {
    const card = renderCard(HOSTILE);
    assertGolden('teams-hostile', card);
    assert.equal(card.version, '1.5');
    assert.ok(jsonBytes(card) <= CARD_BUDGET_BYTES);
    for (const value of texts(card)) {
      assert.doesNotMatch(value, /(^|[^\\])\*bold\*|(^|[^\\])\[link\]\(|(^|[^\\])_italic_/, `live markdown in ${value}`);
      assert.doesNotMatch(value, /^\s*[-#>]\s/m, `a list, heading or quote in ${value}`);
    }
    const release = card.actions!.find((a) => a.title === 'Release')!;
    assert.equal(release.type, 'Action.ShowCard', 'a confirmation opens a card with the real button');
    assert.equal((release.card as Any).actions[0].data.pmCommand, 'quarantine release 1a2b --confirm tok');
    assert.equal((card.actions![0] as Any).data.pmCommand, 'check 203.0.113.5');
    assert.match(JSON.stringify(card.body), /\*\*What to do: \*\*|\*\*What to do:\*\*/);
    assert.ok(card.fallbackText.length > 0);
  });

  it('keeps Indonesian, German umlauts and other scripts intact (golden)', () => {
    const card = renderCard(NON_LATIN);
    assertGolden('teams-non-latin', card);
    const json = JSON.stringify(card);
    for (const word of ['Empfängers', 'Größenbeschränkung', 'jürgen.müller@bücher.example', 'sementara', '東京', 'Привет', '👍']) assert.ok(json.includes(word), word);
  });

  it('cuts a long answer to the card budget with a visible note (golden)', () => {
    const card = renderCard({ ...longReply(), parts: [...longReply().parts, ...longReply().parts, ...longReply().parts] });
    assertGolden('teams-long', card);
    assert.ok(jsonBytes(card) <= CARD_BUDGET_BYTES, `${jsonBytes(card)} bytes`);
    assert.match(String(note(card)?.text), /^…and \d+ more lines$/);
    assert.match(String(note(renderCard({ ...longReply(), lang: 'de', parts: [...longReply().parts, ...longReply().parts, ...longReply().parts] }))?.text), /^…und \d+ weitere Zeilen$/);
  });

  it('card budget: exactly the budget is kept whole, one byte more is cut', () => {
    const withText = (n: number): Reply => ({ severity: 'info', parts: [{ kind: 'text', content: ['a'.repeat(n)] }, { kind: 'text', content: ['tail'] }] });
    // Past 2,000 characters the fallback text stops growing, so each further character adds one byte.
    const overhead = jsonBytes(renderCard(withText(3000))) - 3000;
    const exact = CARD_BUDGET_BYTES - overhead;
    const at = renderCard(withText(exact));
    assert.equal(jsonBytes(at), CARD_BUDGET_BYTES);
    assert.equal(note(at), undefined);
    const past = renderCard(withText(exact + 1));
    assert.ok(jsonBytes(past) <= CARD_BUDGET_BYTES);
    assert.ok(note(past), 'cut with a note');
    assert.ok(CARD_BUDGET_BYTES + L.activityOverheadBytes <= L.messageBytes);
  });

  it('counts bytes, not characters: umlauts take two', () => {
    const card = renderCard({ severity: 'info', parts: [{ kind: 'text', content: ['ü'.repeat(CARD_BUDGET_BYTES)] }] });
    assert.ok(jsonBytes(card) <= CARD_BUDGET_BYTES);
    assert.match(String(note(card)?.text), /more characters/);
  });

  it('buttons: 6 shown, the 7th left off', () => {
    const buttons = (n: number): Reply => ({ severity: 'info', parts: [], actions: Array.from({ length: n }, (_, i) => ({ id: `b${i}`, label: `B${i}`, command: `help ${i}` })) });
    assert.equal(renderCard(buttons(L.actions)).actions!.length, L.actions);
    assert.equal(renderCard(buttons(L.actions + 1)).actions!.length, L.actions);
  });

  it('escapes markdown but leaves plain words alone', () => {
    assert.equal(escapeMarkdown('*a* _b_ [c](d) `e`'), '\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\`');
    assert.equal(escapeMarkdown('- item\n# head\n> quote\n1. one'), '\\- item\n\\# head\n\\> quote\n1\\. one');
    assert.equal(escapeMarkdown('Grüße, Empfänger 4.2.2'), 'Grüße, Empfänger 4.2.2');
  });
});
