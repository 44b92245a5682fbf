/** Slack's markup in incoming text becomes what the person pasted. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slackTextToPlain } from '../../src/adapters/slack/incoming-text.js';

describe('slackTextToPlain', () => {
  it('restores auto-linked addresses, URLs and entities in a pasted bounce', () => {
    assert.equal(
      slackTextToPlain('550 5.1.1 &lt;<mailto:john@example.com|john@example.com>&gt;: Recipient address rejected'),
      '550 5.1.1 <john@example.com>: Recipient address rejected',
    );
    assert.equal(slackTextToPlain('see <https://support.google.com/mail/?p=x&amp;y=1>'), 'see https://support.google.com/mail/?p=x&y=1');
    assert.equal(slackTextToPlain('host <http://mx.example.net|mx.example.net>[192.0.2.1]'), 'host mx.example.net[192.0.2.1]');
  });

  it('turns mentions into readable text rather than live markup', () => {
    assert.equal(slackTextToPlain('<!here> <@U123> <#C1|support> <!subteam^S1|@oncall>'), '@here @U123 #support @oncall');
  });

  it('decodes &amp; last, so an escaped entity stays literal', () => {
    assert.equal(slackTextToPlain('&amp;lt;'), '&lt;');
  });
});
