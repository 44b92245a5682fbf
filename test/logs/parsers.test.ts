/** The format parsers against real-format lines (shared/notes/digests.md §2) and the syslog envelope. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineClassifier } from '../../src/logs/classify-line.js';
import { LogClock } from '../../src/logs/clock.js';
import { detectFormat } from '../../src/logs/detect.js';
import { parseEximLine } from '../../src/logs/exim.js';
import { parsePostfixLine } from '../../src/logs/postfix.js';
import { parseSpamdykeLine } from '../../src/logs/spamdyke.js';
import { parseEnvelope } from '../../src/logs/syslog.js';
import type { RawReject } from '../../src/logs/types.js';
import { testCatalog } from './helpers.js';

const clock = new LogClock(Date.UTC(2025, 5, 1), 'UTC');
const classifier = new LineClassifier(testCatalog());

function reject(result: ReturnType<typeof parsePostfixLine>): RawReject {
  assert.equal(typeof result, 'object', `expected a rejection, got ${String(result)}`);
  return result as RawReject;
}

describe('syslog envelope', () => {
  it('reads classic stamps with a single-digit day and slashes in the program name', () => {
    const env = parseEnvelope('Mar  3 00:00:02 mx1 postfix-smo/submission/smtpd[5667]: hello world', clock);
    assert.deepEqual(env, { time: Date.UTC(2025, 2, 3, 0, 0, 2), host: 'mx1', prog: 'postfix-smo/submission/smtpd', msg: 'hello world' });
  });
  it('reads RFC 3339 stamps with an offset', () => {
    const env = parseEnvelope('2025-03-03T14:02:11.250+01:00 mx2 postfix/smtpd[1]: x', clock);
    assert.equal(env?.time, Date.UTC(2025, 2, 3, 13, 2, 11, 250));
    assert.equal(env?.host, 'mx2');
  });
  it('reads RFC 5424 with PRI, structured data and a BOM', () => {
    const env = parseEnvelope('<22>1 2025-03-03T14:02:11Z mx3 postfix/smtpd 123 - [meta x="1"] \uFEFFNOQUEUE: reject: x', clock);
    assert.equal(env?.prog, 'postfix/smtpd');
    assert.equal(env?.msg, 'NOQUEUE: reject: x');
    assert.equal(env?.time, Date.UTC(2025, 2, 3, 14, 2, 11));
  });
  it('reads a forwarded classic line with PRI', () => {
    assert.equal(parseEnvelope('<22>Mar 13 10:00:00 mx1 postfix/smtpd[2]: m', clock)?.time, Date.UTC(2025, 2, 13, 10));
  });
  it('returns null for garbage instead of throwing', () => {
    for (const line of ['', 'garbage', 'Mar', '<999999>', 'Foo  3 00:00:02 mx1 x: y', '2025-13-45T99:99:99Z h p: m']) {
      assert.equal(parseEnvelope(line, clock), null, line);
    }
  });
});

describe('postfix', () => {
  it('reads an smtpd RBL reject with zone, addresses and codes', () => {
    const r = reject(parsePostfixLine('Mar  3 00:00:02 mx1 postfix/smtpd[5667]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.7; from=<x@spam.example> to=<anna@example.com> proto=ESMTP helo=<User>', clock));
    assert.equal(r.ip, '192.0.2.7');
    assert.equal(r.replyCode, '554');
    assert.equal(r.enhancedCode, '5.7.1');
    assert.equal(r.from, 'x@spam.example');
    assert.equal(r.to, 'anna@example.com');
    assert.equal(r.host, 'mx1');
    const c = classifier.classify(r);
    assert.equal(c.detail, 'zen.spamhaus.org');
    assert.equal(c.key, `${c.reason}:zen.spamhaus.org`);
    assert.equal(c.reason, 'blocked');
  });
  it('reads postscreen rejects with comma-separated fields', () => {
    const r = reject(parsePostfixLine('Mar  3 00:00:09 mx1 postfix/postscreen[77]: NOQUEUE: reject: RCPT from [192.0.2.16]:60591: 550 5.7.1 Service unavailable; client [192.0.2.16] blocked using zen.spamhaus.org; from=<a@b.example>, to=<c@example.com>, proto=ESMTP, helo=<h>', clock));
    assert.equal(r.ip, '192.0.2.16');
    assert.equal(r.from, 'a@b.example');
    assert.equal(r.to, 'c@example.com');
    assert.equal(classifier.classify(r).detail, 'zen.spamhaus.org');
  });
  it('reads CONNECT and EHLO rejects that carry no from/to', () => {
    const c = reject(parsePostfixLine('Mar  3 00:00:03 mx1 postfix/smtpd[1]: NOQUEUE: reject: CONNECT from unknown[192.0.2.15]: 450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.15]; proto=SMTP', clock));
    assert.equal(c.ip, '192.0.2.15');
    assert.equal(c.from, undefined);
    const e = reject(parsePostfixLine('Mar  3 00:00:04 mx1 postfix/smtpd[1]: NOQUEUE: reject: EHLO from s1.example[192.0.2.10]: 504 5.5.2 <User>: Helo command rejected: need fully-qualified hostname; proto=SMTP helo=<User>', clock));
    assert.equal(e.text, '<User>: Helo command rejected: need fully-qualified hostname');
  });
  it('classifies greylisting, unknown users and relaying by the catalogue', () => {
    const grey = reject(parsePostfixLine('Mar  3 00:00:05 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.13]: 450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html; from=<a@b.example> to=<bob@example.com> proto=ESMTP helo=<h>', clock));
    assert.equal(classifier.classify(grey).reason, 'greylisted');
    const unknown = reject(parsePostfixLine('Mar  3 00:00:06 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.11]: 550 5.1.1 <jdoe@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<a@b.example> to=<jdoe@example.com> proto=ESMTP helo=<h>', clock));
    const u = classifier.classify(unknown);
    assert.equal(u.reason, 'userunknown');
    assert.ok(u.entry, 'the catalogue names the entry');
    const relay = reject(parsePostfixLine('Mar  3 00:00:07 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.12]: 554 5.7.1 <a@other.example>: Relay access denied; from=<a@b.example> to=<a@other.example> proto=SMTP helo=<h>', clock));
    assert.equal(classifier.classify(relay).reason, 'norelaying');
  });
  it('reads cleanup header rejects', () => {
    const r = reject(parsePostfixLine('Mar  3 00:00:08 mx1 postfix/cleanup[88]: 4F1B22C012: reject: header Subject: You won from unknown[192.0.2.17]; from=<s@spam.example> to=<c@example.com> proto=ESMTP helo=<h>: 5.7.1 Spam subject rejected', clock));
    assert.equal(r.ip, '192.0.2.17');
    assert.equal(r.enhancedCode, '5.7.1');
    assert.equal(r.from, 's@spam.example');
    assert.match(r.text, /Spam subject rejected/);
  });
  it('reads outbound bounces as direction out', () => {
    const r = reject(parsePostfixLine('Mar  3 00:00:10 mx1 postfix/smtp[9]: 4F1B22C013: to=<u1@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=1.1, delays=0.1/0.01/0.4/0.6, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[142.250.27.26] said: 550 5.1.1 <u1@gmail.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))', clock));
    assert.equal(r.direction, 'out');
    assert.equal(r.replyCode, '550');
    assert.equal(r.enhancedCode, '5.1.1');
    assert.equal(r.to, 'u1@gmail.com');
    assert.ok(classifier.classify(r).key.startsWith('out.'));
  });
  it('does not count reject_warning, postgrey lines or ordinary traffic', () => {
    assert.equal(parsePostfixLine('Mar  3 00:00:11 mx1 postfix/smtpd[1]: NOQUEUE: reject_warning: RCPT from x[192.0.2.1]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]; from=<a@b.example> to=<c@example.com> proto=ESMTP helo=<h>', clock), 'other');
    assert.equal(parsePostfixLine('Mar  3 00:00:12 mx1 postgrey[99]: action=greylist, reason=new, client_name=unknown, client_address=192.0.2.18, sender=a@b.example, recipient=c@example.com', clock), 'other');
    assert.equal(parsePostfixLine('Mar  3 00:00:13 mx1 postfix/qmgr[1]: ABCDEF1234: removed', clock), 'other');
    assert.equal(parsePostfixLine('\u0000\u0001 binary reject: junk', clock), 'skip');
  });
});

describe('exim', () => {
  const lines = [
    ['2013-06-15 16:36:49 H=altmx.example [111.67.203.116] F=<k@mail.example> rejected RCPT <o@example.ua>: Unknown user', '111.67.203.116', 'o@example.ua'],
    ['2017-05-01 07:42:42 H=rev.dns (helo.name) [192.0.2.3] F=<a@b.example> rejected RCPT <x@a.example>: Unrouteable address', '192.0.2.3', 'x@a.example'],
    ['2024-03-21 09:18:51 H=m05.example [9.12.1.21]:43030 I=[194.169.175.2]:25 Ci=7326 CV=no SNI=mail.example F=<u@example.tld> rejected RCPT <l@example.tld>: relay not permitted', '9.12.1.21', 'l@example.tld'],
    ['2013-06-15 11:19:33 [2249] H=([2.181.148.95]) [2.181.148.95]:52391 I=[1.2.3.4]:25 F=f@x.example rejected RCPT s@example.com: rejected found in dnsbl zen.spamhaus.org', '2.181.148.95', 's@example.com'],
    ['2013-06-15 11:20:36 [2516] 1Unmew-0000ea-SE H=h.example [83.235.177.148]:32706 F=a@x.example rejected after DATA: This message contains a virus (Eicar)', '83.235.177.148', undefined],
  ] as const;
  for (const [line, ip, to] of lines) {
    it(`reads ${line.slice(20, 70)}…`, () => {
      const r = reject(parseEximLine(line, clock));
      assert.equal(r.ip, ip);
      assert.equal(r.to, to);
      assert.equal(r.direction, 'in');
      assert.ok(Number.isFinite(r.time));
    });
  }
  it('keeps the dnsbl zone and classifies relaying and viruses', () => {
    assert.equal(classifier.classify(reject(parseEximLine(lines[3][0], clock))).detail, 'zen.spamhaus.org');
    assert.equal(classifier.classify(reject(parseEximLine(lines[2][0], clock))).reason, 'norelaying');
    assert.equal(classifier.classify(reject(parseEximLine(lines[4][0], clock))).reason, 'virusdetected');
    const unknown = reject(parseEximLine(lines[0][0], clock));
    assert.equal(unknown.command, 'RCPT', 'the stage reaches the classifier');
    assert.equal(classifier.classify(unknown).reason, 'userunknown');
  });
  it('reads rejected connections, greylisting and ** bounces', () => {
    const conn = reject(parseEximLine('2013-06-02 06:54:20 [13314] SMTP protocol synchronization error (input sent without waiting for greeting): rejected connection from H=[211.148.195.192]:25936 I=[1.2.3.4]:25 input="x"', clock));
    assert.equal(conn.ip, '211.148.195.192');
    const grey = reject(parseEximLine('2024-01-05 10:00:00 H=mx.example [192.0.2.50] F=<a@b.example> temporarily rejected RCPT <c@example.com>: greylisted.', clock));
    assert.equal(classifier.classify(grey).reason, 'greylisted');
    const bounce = reject(parseEximLine('2024-03-21 09:18:51 1rnH9B-0004Pq-2L ** user@remote.example R=dnslookup T=remote_smtp H=mx.remote.example [198.51.100.9]: SMTP error from remote mail server after RCPT TO:<user@remote.example>: 550 5.1.1 User unknown', clock));
    assert.equal(bounce.direction, 'out');
    assert.equal(bounce.to, 'user@remote.example');
    assert.equal(bounce.replyCode, '550');
    assert.equal(bounce.enhancedCode, '5.1.1');
  });
  it('honours an explicit zone offset and ignores rejectlog header lines', () => {
    const r = reject(parseEximLine('2024-01-05 10:00:00 +0200 H=mx.example [192.0.2.50] F=<a@b.example> rejected RCPT <c@example.com>: Unknown user', clock));
    assert.equal(r.time, Date.UTC(2024, 0, 5, 8));
    assert.equal(parseEximLine('Envelope-from: <a@b.example>', clock), 'other');
    assert.equal(parseEximLine('  P Received: from x', clock), 'other');
  });
});

describe('spamdyke', () => {
  it('reads a DENIED line, keeps the code and drops (unknown) fields', () => {
    const r = reject(parseSpamdykeLine('Mar  9 11:10:37 srv spamdyke[29207]: DENIED_RDNS_MISSING from: spam@x.example to: rcpt@example.com origin_ip: 203.0.113.66 origin_rdns: (unknown) auth: (unknown) encryption: (none) reason: (empty)', clock));
    assert.equal(r.logCode, 'DENIED_RDNS_MISSING');
    assert.equal(r.ip, '203.0.113.66');
    assert.equal(r.from, 'spam@x.example');
    const c = classifier.classify(r);
    assert.equal(c.entry, 'spamdyke.denied-rdns-missing', 'the catalogue log code names the entry');
    assert.equal(c.reason, 'requireptr');
  });
  it('keeps the zone from reason: for RBL matches', () => {
    const r = reject(parseSpamdykeLine('Mar  9 11:10:38 srv spamdyke[29208]: DENIED_RBL_MATCH from: (unknown) to: a@example.com origin_ip: 198.51.100.4 origin_rdns: dyn.example auth: (unknown) encryption: TLS reason: zen.spamhaus.org', clock));
    const c = classifier.classify(r);
    assert.equal(r.from, undefined);
    assert.equal(c.detail, 'zen.spamhaus.org');
    assert.equal(c.key, 'blocked:zen.spamhaus.org');
    assert.equal(c.entry, 'spamdyke.denied-rbl-match');
  });
  it('reads 4.x lines without encryption and does not count ALLOWED or TIMEOUT', () => {
    assert.equal(typeof parseSpamdykeLine('Mar  9 11:10:39 srv spamdyke[1]: DENIED_GRAYLISTED from: a@b.example to: c@example.com origin_ip: 192.0.2.9 origin_rdns: x.example auth: (unknown)', clock), 'object');
    assert.equal(parseSpamdykeLine('Mar  9 11:10:40 srv spamdyke[1]: ALLOWED from: a@b.example to: c@example.com origin_ip: 192.0.2.9 origin_rdns: x.example auth: (unknown) encryption: TLS reason: (empty)', clock), 'other');
    assert.equal(parseSpamdykeLine('Mar  9 11:10:41 srv spamdyke[1]: TIMEOUT from: a@b.example to: c@example.com origin_ip: 192.0.2.9 origin_rdns: x.example auth: (unknown) encryption: (none) reason: TIMEOUT', clock), 'other');
  });
});

describe('format detection', () => {
  it('recognises each format from one line', () => {
    assert.equal(detectFormat('Mar  3 00:09:10 mx1 postfix/smtpd[48286]: connect from x[1.2.3.4]'), 'postfix');
    assert.equal(detectFormat('Mar  9 11:10:37 srv spamdyke[29207]: ALLOWED from: a@b to: c@d origin_ip: 1.2.3.4 origin_rdns: x auth: (unknown)'), 'spamdyke');
    assert.equal(detectFormat('2024-03-21 09:18:51 1rnH9B-0004Pq-2L <= a@b.example H=x [1.2.3.4] P=esmtps S=1234'), 'exim');
    assert.equal(detectFormat('hello world'), null);
  });
});
