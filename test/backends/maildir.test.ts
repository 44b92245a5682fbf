/** The local maildir quarantine: release delivers the original bytes to a local SMTP server, byte for byte. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminRole, harness, replyText, tempDir } from './harness.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

// Original bytes with things a re-encoding would change: CRLF, 8-bit UTF-8, a long line, trailing spaces, a dot line.
const ORIGINAL = Buffer.concat([
  Buffer.from('Return-Path: <billing@vendor.test>\r\nFrom: Vendor <billing@vendor.test>\r\nTo: anna@example.com\r\n'),
  Buffer.from('Subject: =?utf-8?B?UmVjaG51bmcgZsO8ciBOb3ZlbWJlcg==?=\r\nMessage-ID: <inv-42@vendor.test>\r\n'),
  Buffer.from('MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
  Buffer.from('Grüße aus Köln, trailing spaces   \r\n.\r\n..two dots\r\n', 'utf8'),
  Buffer.from(`${'x'.repeat(900)}\r\nend\r\n`),
]);

describe('maildir quarantine', () => {
  let sink: SmtpSink;
  let port = 0;
  let received: SmtpSink['received'] = [];
  let refuse = new Set<string>();

  before(async () => {
    sink = await startSmtpSink();
    ({ port, received, refuse } = sink);
  });
  after(() => sink.close());

  async function setup() {
    const dir = join(tempDir('pm-maildir-'), 'quarantine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'inv-42.eml'), ORIGINAL);
    writeFileSync(join(dir, 'inv-42.json'), JSON.stringify({ from: 'billing@vendor.test', to: ['anna@example.com', 'ben@example.com'], receivedAt: new Date(Date.now() - 3600_000).toISOString(), reason: 'Combined Score', score: 8.5 }));
    writeFileSync(join(dir, 'old.eml'), 'Subject: old\r\n\r\nold\r\n');
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ from: '', to: ['ops@example.com'], receivedAt: new Date(Date.now() - 10 * 86400_000).toISOString() }));
    const h = await harness({
      backends: { quarantine: 'maildir', timeoutMs: 2000, maildir: { dir, relay: { host: '127.0.0.1', port } } },
      access: { roles: adminRole() },
    });
    return { dir, h };
  }

  it('lists held messages with the decoded subject, within --since', async () => {
    const { h } = await setup();
    const day = await h.run('quarantine list --json');
    const rows = day.data as Array<{ subject: string; recipients: string[]; sender: string }>;
    assert.deepEqual(rows.map((r) => r.subject), ['Rechnung für November']);
    const all = await h.run('quarantine list --since 30d --json');
    assert.equal((all.data as unknown[]).length, 2);
    const byRecipient = await h.run('quarantine list --since 30d --recipient ops@example.com');
    assert.match(replyText(byRecipient), /<> \(bounce\)/);
  });

  it('releases: the relay receives the original bytes with the stored envelope, and the file leaves the quarantine', async () => {
    const { dir, h } = await setup();
    received.length = 0;
    const id = ((await h.run('quarantine list --json')).data as Array<{ id: string }>)[0]!.id;
    const reply = await h.run(`quarantine release ${id.slice(0, 6)} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.equal(received.length, 1);
    assert.equal(received[0]!.from, 'billing@vendor.test');
    assert.deepEqual(received[0]!.to, ['anna@example.com', 'ben@example.com']);
    assert.ok(received[0]!.data.equals(ORIGINAL), 'the message arrived byte for byte');
    assert.ok(!existsSync(join(dir, 'inv-42.eml')));
    assert.ok(readFileSync(join(dir, '.released', 'inv-42.eml')).equals(ORIGINAL));
    const row = (await h.auditRows()).at(-1)!;
    assert.deepEqual([row.action, row.outcome], ['quarantine.release', 'done']);
    assert.match(String(row.detail), /relay 127\.0\.0\.1:\d+ answered 250/);
  });

  it('keeps the message when the relay refuses it, and says why', async () => {
    const { dir, h } = await setup();
    received.length = 0;
    const id = ((await h.run('quarantine list --json')).data as Array<{ id: string }>)[0]!.id;
    refuse.add('*');
    const reply = await h.run(`quarantine release ${id} --yes`).finally(() => refuse.clear());
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /SMTP relay 127\.0\.0\.1:\d+ refused: .*550/);
    assert.equal(received.length, 0);
    assert.ok(existsSync(join(dir, 'inv-42.eml')));
    assert.equal((await h.auditRows()).at(-1)!.outcome, 'refused');
  });

  it('after a partial delivery keeps the message only for the refused recipient', async () => {
    const { dir, h } = await setup();
    received.length = 0;
    const id = ((await h.run('quarantine list --json')).data as Array<{ id: string }>)[0]!.id;
    refuse.add('anna@example.com');
    const reply = await h.run(`quarantine release ${id} --yes`).finally(() => refuse.clear());
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /delivered to ben@example\.com; refused for anna@example\.com/);
    assert.deepEqual(received.map((r) => r.to), [['ben@example.com']]);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'inv-42.json'), 'utf8')).to, ['anna@example.com']);
    // The retry goes to anna only.
    const retry = await h.run(`quarantine release ${id} --yes`);
    assert.equal(retry.exitCode ?? 0, 0, replyText(retry));
    assert.deepEqual(received.map((r) => r.to), [['ben@example.com'], ['anna@example.com']]);
  });

  it('says so when the relay cannot be reached', async () => {
    const { dir } = await setup();
    const h = await harness({
      backends: { quarantine: 'maildir', timeoutMs: 1000, maildir: { dir, relay: { host: '127.0.0.1', port: 1 } } },
      access: { roles: adminRole() },
    });
    const id = ((await h.run('quarantine list --json')).data as Array<{ id: string }>)[0]!.id;
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /cannot reach SMTP relay 127\.0\.0\.1:1 \((ESOCKET|ECONNECTION|ECONNREFUSED)\)/);
    assert.ok(existsSync(join(dir, 'inv-42.eml')));
  });

  it('deletes both files', async () => {
    const { dir, h } = await setup();
    const id = ((await h.run('quarantine list --json')).data as Array<{ id: string }>)[0]!.id;
    const reply = await h.run(`quarantine delete ${id} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.ok(!existsSync(join(dir, 'inv-42.eml')));
    assert.ok(!existsSync(join(dir, 'inv-42.json')));
    const again = await h.run(`quarantine show ${id}`);
    assert.equal(again.exitCode, 2);
  });

  it('says "no quarantine backend" when none is configured', async () => {
    const h = await harness({ access: { roles: adminRole() } });
    const reply = await h.run('quarantine list');
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /No quarantine backend is configured; set backends\.quarantine/);
  });
});
