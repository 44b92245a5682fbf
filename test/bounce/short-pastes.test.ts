/**
 * Short pastes the way support staff paste them (issue: "Short pasted
 * texts"): user-unknown wording outranks a 5.7.1 code, provider rate limits
 * are speeding, virus notices and greylisting are recognised, two bounces
 * pasted together stay two, and spamdyke's origin_rdns is the sending client.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Classifier } from '../../src/bounce/classify.js';
import { explainInput } from '../../src/bounce/explain.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const classifier = new Classifier(loadCatalog());
const explain = (text: string) => explainInput(text, classifier, { lang: 'en', maxBytes: 1 << 20, name: 'The input' });

async function first(text: string): Promise<{ id: string | undefined; reason: string | undefined; recipient: string | null | undefined }> {
  const explained = await explain(text);
  assert.ok(explained.bounce, `${text} is a bounce`);
  const result = explained.results[0];
  return { id: result?.match?.id, reason: explained.reasons[0], recipient: result?.recipient };
}

describe('short pastes', () => {
  it('user-unknown wording outranks a 5.7.1 code', async () => {
    const got = await first('550 5.7.1 <x@example.org>: Recipient address rejected: User unknown');
    assert.equal(got.reason, 'userunknown');
    assert.equal(got.recipient, 'x@example.org');
    assert.equal((await first('550 Requested action not taken: no such user here')).reason, 'userunknown');
  });

  it('provider rate limits are speeding: Gmail 4.7.28 and Outlook.com RP-001', async () => {
    const gmail = await first('421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.');
    assert.deepEqual([gmail.id, gmail.reason], ['providers.gmail-rate-limited', 'speeding']);
    const outlook = await first("452 4.7.0 RP-001 (BAY004-MC1F34) Unfortunately, some messages from 192.0.2.1 weren't sent. Please try again.");
    assert.deepEqual([outlook.id, outlook.reason], ['providers.microsoft-rate-limit-rp', 'speeding']);
  });

  it('recognises virus notices, greylisting and null MX', async () => {
    assert.equal((await first('554 5.7.1 Message rejected: virus found: Win.Test.EICAR_HDB-1')).reason, 'virusdetected');
    assert.equal((await first('450 4.2.0 <bob@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html')).reason, 'greylisted');
    assert.equal((await first('457 Greylisted, please come back later.')).reason, 'greylisted');
    const nullMx = await first('556 5.1.10 Recipient address has null MX');
    assert.equal(nullMx.id, 'rfc3463.x-1-10');
  });

  it('two bounces pasted together are two results, each with its own recipient and codes', async () => {
    const explained = await explain([
      'host mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      '',
      'host mx.example.net[192.0.2.2] said: 452 4.2.2 <b@example.net>: Mailbox full (in reply to RCPT TO command)',
    ].join('\n'));
    assert.deepEqual(
      explained.results.map((r) => [r.recipient, r.extracted.enhancedCode, r.extracted.remoteHost]),
      [['a@example.org', '5.1.1', 'mx.example.org'], ['b@example.net', '4.2.2', 'mx.example.net']],
    );
    assert.deepEqual(explained.reasons, ['userunknown', 'mailboxfull']);
  });

  it("spamdyke's origin_rdns is the sending client, never the remote (destination) host", async () => {
    const explained = await explain('Dec  5 10:00:00 mail spamdyke[1234]: DENIED_RBL_MATCH from: bob@example.com to: alice@example.org origin_ip: 192.0.2.7 origin_rdns: mail.sender-isp.example auth: (unknown) encryption: (none) reason: 554_5.7.1');
    const result = explained.results[0]!;
    assert.equal(result.extracted.remoteHost, null);
    assert.equal(result.record.clientHost, 'mail.sender-isp.example');
    assert.deepEqual(result.extracted.ips, ['192.0.2.7']);
  });
});
