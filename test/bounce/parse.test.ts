/** Reading bounces in every form people paste, through the explainer's public entry point. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Classifier } from '../../src/bounce/classify.js';
import { explainInput } from '../../src/bounce/explain.js';
import { loadCatalog } from '../../src/catalog/catalog.js';

const classifier = new Classifier(loadCatalog());
const explain = (input: string | Buffer, maxBytes = 1 << 20) => explainInput(input, classifier, { lang: 'en', maxBytes });

const DSN = `From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: sender@example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.net.

<bob@example.org>: host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>:
    Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)
<carol@example.org>: host mx.example.org[192.0.2.25] said: 452 4.2.2 <carol@example.org>: Mailbox full (in reply to RCPT TO command)

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; bob@example.org
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address rejected:
    User unknown in virtual mailbox table

Final-Recipient: rfc822; carol@example.org
Action: delayed
Status: 4.2.2
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 452 4.2.2 <carol@example.org>: Mailbox full

--B1
Content-Type: text/rfc822-headers

From: sender@example.com
To: bob@example.org, carol@example.org
Subject: hello

--B1--
`;

describe('bounce parsing', () => {
  it('reads an RFC 3464 report: one result per Final-Recipient, in order, with status, reply and remote MTA', async () => {
    const e = await explain(DSN);
    assert.equal(e.bounce, true);
    assert.deepEqual(e.results.map((r) => r.recipient), ['bob@example.org', 'carol@example.org']);
    const [bob, carol] = e.results;
    assert.equal(bob!.extracted.enhancedCode, '5.1.1');
    assert.equal(bob!.extracted.replyCode, '550');
    assert.equal(bob!.extracted.remoteHost, 'mx.example.org');
    assert.match(bob!.extracted.diagnostic!, /User unknown in virtual mailbox table/);
    assert.equal(bob!.match?.reason, 'userunknown');
    assert.equal(bob!.match?.temporary, false);
    assert.equal(carol!.match?.reason, 'mailboxfull');
    assert.equal(carol!.match?.temporary, true, 'a 4.x.x status is temporary');
  });

  it('reads the same report with CRLF and with CR-only line ends', async () => {
    const lf = await explain(DSN);
    for (const variant of [DSN.replace(/\n/g, '\r\n'), DSN.replace(/\n/g, '\r')]) {
      const e = await explain(variant);
      assert.deepEqual(e.results.map((r) => [r.recipient, r.match?.id]), lf.results.map((r) => [r.recipient, r.match?.id]));
    }
  });

  it('decodes quoted-printable and base64 report parts', async () => {
    const body = 'The following address failed:\n\n  dave@example.org\n    SMTP error from remote mail server after RCPT TO:<dave@example.org>:\n    550 5.1.1 <dave@example.org>: Recipient address rejected: User unknown\n';
    const b64 = Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\n');
    const message = `From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nTo: s@example.com\nSubject: Mail delivery failed\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64}\n`;
    const e = await explain(message);
    assert.equal(e.results[0]?.recipient, 'dave@example.org');
    assert.equal(e.results[0]?.extracted.enhancedCode, '5.1.1');
    const qp = message.replace('base64', 'quoted-printable').replace(b64, body.replace(/=/g, '=3D').replace('Recipient address rejected', 'Recipient addre=\nss rejected'));
    const q = await explain(qp);
    assert.match(q.results[0]?.extracted.diagnostic ?? '', /Recipient address rejected/);
  });

  it('joins a folded multi-line SMTP reply into one', async () => {
    const e = await explain('550-5.7.1 [203.0.113.5] Our system has detected that this message is\n550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n550 5.7.1 this message has been blocked.');
    assert.equal(e.kind, 'smtp-reply');
    assert.equal(e.results.length, 1);
    assert.equal(e.results[0]!.extracted.replyCode, '550');
    assert.equal(e.results[0]!.extracted.enhancedCode, '5.7.1');
    assert.match(e.results[0]!.extracted.diagnostic!, /likely unsolicited mail\. To reduce the amount of spam/);
    assert.deepEqual(e.results[0]!.extracted.ips, ['203.0.113.5']);
  });

  it('reads spamdyke, Postfix and Exim log lines', async () => {
    const e = await explain([
      'Mar  9 11:10:37 server spamdyke[29207]: DENIED_RBL_MATCH from: spam@mail.spam-source.net to: recipient@example.com origin_ip: 203.0.113.66 origin_rdns: (unknown) auth: (unknown) encryption: (none) reason: zen.spamhaus.org',
      'Mar  3 00:00:02 mx1 postfix/smtpd[5667]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.7; from=<x@spam.example> to=<anna@example.com> proto=ESMTP helo=<User>',
      '2017-05-01 07:42:42 H=rev.dns (helo.name) [192.0.2.3] F=<a@b.example> rejected RCPT <x@a.example>: Unrouteable address',
    ].join('\n'));
    assert.equal(e.kind, 'log-line');
    assert.deepEqual(e.results.map((r) => r.recipient), ['recipient@example.com', 'anna@example.com', 'x@a.example']);
    assert.equal(e.results[0]!.match?.source, 'spamdyke');
    assert.equal(e.results[1]!.extracted.zone, 'zen.spamhaus.org');
    assert.equal(e.results[1]!.extracted.replyCode, '554');
    assert.equal(e.results[2]!.match?.reason, 'hostunknown');
  });

  it('never invents a status code: fields the text does not hold are null', async () => {
    const e = await explain('Sorry, your message could not be delivered: mailbox unavailable');
    const ex = e.results[0]!.extracted;
    assert.equal(ex.replyCode, null);
    assert.equal(ex.enhancedCode, null);
    assert.equal(ex.remoteHost, null);
    assert.equal(ex.zone, null);
  });

  it('says "not a bounce" for ordinary mail and prose', async () => {
    const mail = await explain('From: alice@example.com\nTo: bob@example.org\nSubject: lunch\nDate: Thu, 26 Nov 2026 10:00:00 +0000\n\nShall we meet at noon?\n');
    assert.equal(mail.bounce, false);
    assert.ok(mail.noteCodes.includes('not-a-bounce'));
    const prose = await explain('The quick brown fox jumps over the lazy dog.');
    assert.equal(prose.bounce, false);
  });

  it('answers empty and binary input without a result', async () => {
    const empty = await explain('   \n\n');
    assert.deepEqual([empty.bounce, empty.noteCodes], [false, ['empty']]);
    const binary = await explain(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    assert.deepEqual([binary.bounce, binary.noteCodes], [false, ['binary']]);
  });

  it('refuses input above the configured cap with a sentence that says what to do', async () => {
    await assert.rejects(explain('x'.repeat(2048), 1024), /The input is 2 kB, more than the 1 kB the explainer reads \(limits\.maxInputBytes\)\. Paste the bounce's report part/);
  });

  it('keeps what it could extract when the bounce is not in the catalogue', async () => {
    const e = await explain('599 9.9.9 zorglub frobnicated the quux at 198.51.100.23 via relay.example.net');
    assert.equal(e.bounce, true);
    const r = e.results[0]!;
    assert.deepEqual(r.extracted.ips, ['198.51.100.23']);
    assert.ok(r.extracted.domains.includes('relay.example.net'));
  });

  it('reads an ARF feedback report as feedback for the reported recipient', async () => {
    const arf = `From: abuse@isp.example\nTo: fbl@example.com\nSubject: FW: complaint\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=feedback-report; boundary="F"\n\n--F\nContent-Type: text/plain\n\nThis is an email abuse report for an email message received from IP 192.0.2.89.\n\n--F\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: SomeGenerator/1.0\nVersion: 1\nOriginal-Rcpt-To: <victim@isp.example>\nSource-IP: 192.0.2.89\n\n--F\nContent-Type: text/rfc822-headers\n\nFrom: news@example.com\nTo: victim@isp.example\nSubject: offer\n\n--F--\n`;
    const e = await explain(arf);
    assert.equal(e.results[0]?.recipient, 'victim@isp.example');
    assert.equal(e.reasons[0], 'feedback');
  });
});
