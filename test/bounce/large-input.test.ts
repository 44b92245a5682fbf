/**
 * A large upload in chat is explained on a worker thread: the server's event
 * loop keeps ticking meanwhile (other people are answered), and the answer is
 * the same as in-process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { parseConfig } from '../../src/config/load.js';
import type { Request } from '../../src/core/request.js';
import { createServices, type AppServices } from '../../src/main.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { tempDir } from '../helpers/temp.js';

const BOUNCE_HEAD = [
  'From: MAILER-DAEMON@example.org',
  'To: bob@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: text/plain',
  '',
  'This is the mail system at host example.org.',
  '',
  '<alice@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <alice@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
  '',
].join('\n');

function upload(platform: Request['platform'], bytes: Buffer): Request {
  return { platform, actor: { id: 'slack:U1' }, channel: 'C1', lang: 'en', args: [], text: '', attachments: [{ name: 'big.eml', read: async () => bytes }] };
}

describe('a large upload', () => {
  let services: AppServices;
  const big = Buffer.from(BOUNCE_HEAD + 'quoted original text line with nothing in it\n'.repeat(60_000));
  before(async () => {
    services = await createServices(parseConfig({ dataDir: tempDir('pm-large-input-'), log: { level: 'silent' } }), { store: new EmbeddedStore({ file: ':memory:' }), logger: pino({ level: 'silent' }) });
  });
  after(() => services.close());

  it('is explained off the event loop in chat, with the same answer as in-process', async () => {
    assert.ok(big.length > 2_000_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    const chat = await services.router.dispatch('explain', upload('slack', big), services);
    const ms = Date.now() - started;
    clearInterval(timer);
    assert.equal(chat.exitCode ?? 0, 0, chat.summary);
    // A blocked loop would tick once or twice in the whole explanation.
    assert.ok(ticks >= Math.min(5, ms / 40), `the event loop ticked ${ticks} times in ${ms} ms`);

    const local = await services.router.dispatch('explain', { ...upload('cli', big), attachments: [{ name: 'big.eml', path: 'big.eml', read: async () => big }] }, services);
    assert.deepEqual((chat.data as Array<{ results: unknown }>)[0]!.results, (local.data as Array<{ results: unknown }>)[0]!.results);
  });
});

describe('work per input is bounded', () => {
  let services: AppServices;
  before(async () => {
    services = await createServices(parseConfig({ dataDir: tempDir('pm-bounded-'), log: { level: 'silent' } }), { store: new EmbeddedStore({ file: ':memory:' }), logger: pino({ level: 'silent' }) });
  });
  after(() => services.close());

  const head = 'From: MAILER-DAEMON@example.org\nTo: bob@example.com\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\n';
  const cli = (bytes: Buffer): Request => ({ platform: 'cli', actor: { id: 'console:t' }, channel: 'cli', lang: 'en', args: [], text: '', attachments: [{ name: 'big.eml', path: 'big.eml', read: async () => bytes }] });
  const explain = async (text: string) => {
    const reply = await services.router.dispatch('explain', cli(Buffer.from(text)), services);
    const data = reply.data as Array<{ results: Array<{ recipient: string | null }> }>;
    const notes = reply.parts.filter((p) => p.kind === 'context').flatMap((p) => (p.kind === 'context' ? p.content : [])).join(' ');
    return { results: data[0]!.results, truncated: /only its beginning was read/.test(notes) };
  };

  it('reads the first 500 recipients of a report that names 20,000, and says so', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `<user${i}@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n`);
    const { results, truncated } = await explain(head + lines.join(''));
    assert.equal(results.length, 500);
    assert.equal(results[0]!.recipient, 'user0@example.net');
    assert.ok(truncated);
  });

  it('reads the first 100 messages of an mbox', async () => {
    const messages = Array.from({ length: 300 }, (_, i) => `From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n${head}<u${i}@example.net>: said: 550 5.1.1 User unknown\n\n`);
    const { results, truncated } = await explain(messages.join(''));
    assert.equal(results.length, 100);
    assert.ok(truncated);
  });

  it('reads the first 512 kB of a long part, and of a long paste', async () => {
    const report = `${head}<alice@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown\n${'quoted original text\n'.repeat(40_000)}`;
    const long = await explain(report);
    assert.equal(long.results[0]!.recipient, 'alice@example.net');
    assert.ok(long.truncated);
    const paste = await explain(`550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown ${'x'.repeat(600_000)}`);
    assert.ok(paste.truncated);
    assert.equal((await explain(`${head}<alice@example.net>: said: 550 5.1.1 User unknown\n`)).truncated, false);
  });

  it('does not call a report cut because of a large attachment or returned original', async () => {
    const boundary = 'b1';
    const message = [
      'From: MAILER-DAEMON@example.org', 'To: bob@example.com', 'Subject: Undelivered Mail Returned to Sender',
      `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
      `--${boundary}`, 'Content-Type: text/plain', '', '<alice@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown', '',
      `--${boundary}`, 'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="a.bin"', 'Content-Transfer-Encoding: base64', '',
      Buffer.alloc(700_000, 7).toString('base64').replace(/.{76}/g, '$&\n'), '',
      `--${boundary}`, 'Content-Type: message/rfc822', '', 'From: bob@example.com', 'To: alice@example.net', '', 'x'.repeat(700_000), '',
      `--${boundary}--`, '',
    ].join('\n');
    const { results, truncated } = await explain(message);
    assert.equal(results[0]!.recipient, 'alice@example.net');
    assert.equal(truncated, false);
  });
});
