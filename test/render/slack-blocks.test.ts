/**
 * Block Kit renderer: golden output for hostile, non-Latin and long replies,
 * and every limit in limits.ts at exactly the limit and one past it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderBlocks, textLength, type SlackMessage } from '../../src/adapters/slack/render-blocks.js';
import { renderForSlack } from '../../src/adapters/slack/deliver.js';
import { SLACK_LIMITS as L } from '../../src/adapters/slack/limits.js';
import { escapeMrkdwn } from '../../src/adapters/slack/mrkdwn.js';
import type { Reply } from '../../src/core/reply.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { assertGolden } from './golden.js';
import { HOSTILE, NON_LATIN, longReply } from './replies.js';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every mrkdwn string in a message, fallback text included. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const out: string[] = [message.text];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Any;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') out.push(record.text);
    Object.values(record).forEach(walk);
  };
  walk(message.blocks);
  return out;
}

function assertWithinLimits(message: SlackMessage): void {
  assert.ok(message.blocks.length <= L.blocksPerMessage, `${message.blocks.length} blocks`);
  assert.ok(textLength(message.blocks) <= L.practicalBlocksText, `${textLength(message.blocks)} characters in blocks`);
  assert.ok(message.text.length <= L.fallbackText && message.text.length > 0);
  for (const block of message.blocks as Any[]) {
    if (block.type === 'header') assert.ok(block.text.text.length <= L.headerText);
    if (block.type === 'section' && block.text) assert.ok(block.text.text.length <= L.sectionText, `section of ${block.text.text.length}`);
    if (block.type === 'section' && block.fields) {
      assert.ok(block.fields.length <= L.fieldsPerSection);
      for (const field of block.fields) assert.ok(field.text.length <= L.fieldText);
    }
    if (block.type === 'context') for (const e of block.elements) assert.ok(e.text.length <= L.contextText);
    if (block.type === 'actions') {
      assert.ok(block.elements.length <= L.actionsElements);
      for (const b of block.elements) {
        assert.ok(b.text.text.length <= L.buttonText);
        assert.ok(b.value.length <= L.buttonValue);
        assert.ok(b.action_id.length <= L.actionId);
      }
    }
  }
}

const textReply = (...texts: string[]): Reply => ({ severity: 'info', parts: texts.map((s) => ({ kind: 'text', content: [s] })) });
const sections = (message: SlackMessage) => (message.blocks as Any[]).filter((b) => b.type === 'section');
const note = (message: SlackMessage) => (message.blocks as Any[]).find((b) => b.type === 'context' && /^_…/.test(b.elements[0].text));

describe('Slack Block Kit renderer', () => {
  it('renders hostile text so it can never ping, link or restyle (golden)', () => {
    const message = renderBlocks(HOSTILE);
    assertGolden('slack-hostile', message);
    assertWithinLimits(message);
    for (const textValue of mrkdwnTexts(message)) {
      assert.doesNotMatch(textValue, /<!|<@|<https?:\/\/evil|<#/, `live control sequence in ${textValue}`);
      assert.doesNotMatch(textValue, /(^|\s)@(here|channel|everyone)\b/, `broadcast in ${textValue}`);
      // Inside a ``` block Slack applies no formatting; elsewhere no marker may survive.
      const prose = textValue.replace(/```[\s\S]*?```/g, '');
      assert.doesNotMatch(prose, /(^|\s)\*(bold|urgent|x|missing|listed)\*/, `restyling markers in ${prose}`);
      assert.doesNotMatch(prose, /(^|\s)_italic_|~strike~|`code`/);
      assert.doesNotMatch(textValue, /^>/m, 'no quote');
    }
    const json = JSON.stringify(message.blocks);
    assert.match(json, /john_doe_smith@example\.com/, 'an address keeps its underscores');
    assert.match(json, /\*What to do:\*/, 'our own bold survives');
    assert.match(json, /<https:\/\/example\.com\/a\?b=1&amp;c=%3C2%3E\|safe link>/);
    assert.doesNotMatch(json, /javascript:alert\(1\)\|/);
    const header = (message.blocks as Any[])[0]!;
    assert.equal(header.text.type, 'plain_text', 'the title is plain_text, which Slack never parses');
  });

  it('keeps Indonesian, German umlauts and other scripts intact (golden)', () => {
    const message = renderBlocks(NON_LATIN);
    assertGolden('slack-non-latin', message);
    assertWithinLimits(message);
    const json = JSON.stringify(message);
    for (const word of ['Empfängers', 'Größenbeschränkung', 'jürgen.müller@bücher.example', 'sementara', '東京', 'Привет', '👍']) assert.ok(json.includes(word), word);
  });

  it('cuts a long answer with a visible note instead of exceeding a limit (golden)', () => {
    const message = renderBlocks(longReply());
    assertGolden('slack-long', message);
    assertWithinLimits(message);
    assert.match(note(message)!.elements[0].text, /…and \d+ more lines/);
  });

  it('writes the note in the reply language', () => {
    assert.match(note(renderBlocks({ ...longReply(), lang: 'de' }))!.elements[0].text, /…und \d+ weitere Zeilen/);
    assert.match(note(renderBlocks({ ...longReply(), lang: 'id' }))!.elements[0].text, /…dan \d+ baris lagi/);
  });

  it('header: 150 characters exactly kept, one more cut with …', () => {
    const prefix = 'ℹ️ '.length;
    const at = renderBlocks({ severity: 'info', title: 'h'.repeat(L.headerText - prefix), parts: [] });
    assert.equal((at.blocks[0] as Any).text.text.length, L.headerText);
    assert.ok(!(at.blocks[0] as Any).text.text.endsWith('…'));
    const past = renderBlocks({ severity: 'info', title: 'h'.repeat(L.headerText - prefix + 1), parts: [] });
    assert.equal((past.blocks[0] as Any).text.text.length, L.headerText);
    assert.ok((past.blocks[0] as Any).text.text.endsWith('…'));
  });

  it('section text: 3,000 characters in one section, 3,001 split into two without loss', () => {
    const at = renderBlocks(textReply('s'.repeat(L.sectionText)));
    assert.equal(sections(at).length, 1);
    assert.equal(sections(at)[0]!.text.text.length, L.sectionText);
    const past = renderBlocks(textReply('s'.repeat(L.sectionText + 1)));
    assert.equal(sections(past).length, 2);
    assert.equal(sections(past).map((b) => b.text.text).join(''), 's'.repeat(L.sectionText + 1));
    assertWithinLimits(past);
  });

  it('section text counts escaped characters: an entity is never split', () => {
    const past = renderBlocks(textReply(`${'s'.repeat(L.sectionText - 2)}&`));
    for (const block of sections(past)) assert.doesNotMatch(block.text.text, /&(a|am)?$/);
    assert.equal(sections(past).map((b) => b.text.text).join(''), `${'s'.repeat(L.sectionText - 2)}&amp;`);
  });

  it('fields: 10 in one section, 11 in two; 2,000 characters kept, 2,001 cut with a note', () => {
    const fields = (n: number): Reply => ({ severity: 'info', parts: [{ kind: 'fields', fields: Array.from({ length: n }, (_, i) => ({ label: `L${i}`, value: `v${i}` })) }] });
    assert.equal(sections(renderBlocks(fields(L.fieldsPerSection))).length, 1);
    assert.deepEqual(sections(renderBlocks(fields(L.fieldsPerSection + 1))).map((b) => b.fields.length), [10, 1]);
    const label = '*L*\n';
    const valueAt = 'v'.repeat(L.fieldText - label.length);
    const at = renderBlocks({ severity: 'info', parts: [{ kind: 'fields', fields: [{ label: 'L', value: valueAt }] }] });
    assert.equal(sections(at)[0]!.fields[0].text, label + valueAt);
    const past = renderBlocks({ severity: 'info', parts: [{ kind: 'fields', fields: [{ label: 'L', value: `${valueAt}v` }] }] });
    const cut = sections(past)[0]!.fields[0].text as string;
    assert.ok(cut.length <= L.fieldText);
    assert.match(cut, /…and \d+ more characters$/);
  });

  it('blocks: 50 kept, 51 cut to 49 plus the note', () => {
    const dividers = (n: number): Reply => ({ severity: 'info', parts: Array.from({ length: n }, () => ({ kind: 'divider' as const })) });
    const at = renderBlocks(dividers(L.blocksPerMessage));
    assert.equal(at.blocks.length, L.blocksPerMessage);
    assert.equal(note(at), undefined);
    const past = renderBlocks(dividers(L.blocksPerMessage + 1));
    assert.equal(past.blocks.length, L.blocksPerMessage);
    assert.match(note(past)!.elements[0].text, /…and 2 more lines/);
  });

  it('total text: 12,000 characters kept, 12,001 cut with the note', () => {
    const chunk = 's'.repeat(L.sectionText);
    const at = renderBlocks(textReply(chunk, chunk, chunk, chunk));
    assert.equal(textLength(at.blocks), L.practicalBlocksText);
    assert.equal(note(at), undefined);
    const past = renderBlocks(textReply(chunk, chunk, chunk, `${chunk}s`));
    assert.ok(textLength(past.blocks) <= L.practicalBlocksText);
    assert.ok(note(past));
  });

  it('fallback text: 3,000 characters kept, 3,001 cut with the note', () => {
    const at = renderBlocks({ severity: 'info', parts: [{ kind: 'code', text: 'f'.repeat(L.fallbackText) }] });
    assert.equal(at.text, 'f'.repeat(L.fallbackText));
    const past = renderBlocks({ severity: 'info', parts: [{ kind: 'code', text: 'f'.repeat(L.fallbackText + 1) }] });
    assert.ok(past.text.length <= L.fallbackText);
    assert.match(past.text, /…and \d+ more characters$/);
    assert.ok(L.fallbackText <= L.messageText);
  });

  it('buttons: label 75 kept, 76 cut; a 2,000-character command rides in the value, 2,001 is parked in the store', async () => {
    const button = (label: string, command: string): Reply => ({ severity: 'info', parts: [], actions: [{ id: 'a', label, command }] });
    const buttonOf = (message: SlackMessage) => (message.blocks as Any[]).find((b) => b.type === 'actions')!.elements[0];
    assert.equal(buttonOf(renderBlocks(button('b'.repeat(L.buttonText), 'help'))).text.text, 'b'.repeat(L.buttonText));
    const cut = buttonOf(renderBlocks(button('b'.repeat(L.buttonText + 1), 'help'))).text.text as string;
    assert.equal(cut.length, L.buttonText);
    assert.ok(cut.endsWith('…'));

    const store = new EmbeddedStore({ file: ':memory:' });
    try {
      const exact = `explain ${'x'.repeat(L.buttonValue - 'explain '.length)}`;
      assert.equal(buttonOf(await renderForSlack(button('Go', exact), store)).value, exact);
      const longer = `${exact}x`;
      const parked = buttonOf(await renderForSlack(button('Go', longer), store)).value as string;
      assert.match(parked, /^ref:/);
      assert.equal(await store.get(`chat:action:${parked.slice(4)}`), longer);
    } finally {
      await store.close();
    }
  });

  it('escapes the same way everywhere it writes mrkdwn', () => {
    assert.equal(escapeMrkdwn('<!channel> & <@U1>'), '&lt;!channel&gt; &amp; &lt;@U1&gt;');
    assert.equal(escapeMrkdwn('@here'), '@\u2060here');
    assert.equal(escapeMrkdwn('*bold*'), '\u2217bold\u2217');
    assert.equal(escapeMrkdwn('a_b_c'), 'a_b_c');
  });
});
