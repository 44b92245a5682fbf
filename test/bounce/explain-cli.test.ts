/** The `postmaster explain` contract other tools rely on: JSON Lines fields, input order, exit codes. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('pm-explain-');
const fileA = join(dir, 'a.txt');
const fileB = join(dir, 'b.txt');
writeFileSync(fileA, '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table\n');
writeFileSync(fileB, '421 Refused. You have no reverse DNS entry.\n');

describe('postmaster explain', () => {
  it('prints one JSON object per input, in input order, with the documented fields', async () => {
    const run = await cli(['explain', '--json', fileA, fileB]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.file), [fileA, fileB]);
    const [a, b] = lines;
    assert.equal(a.bounce, true);
    assert.deepEqual(Object.keys(a.results[0]).sort(), ['alternatives', 'extracted', 'match', 'recipient']);
    assert.deepEqual(Object.keys(a.results[0].match).sort(), ['actor', 'category', 'confidence', 'id', 'reason', 'source', 'temporary', 'title']);
    assert.deepEqual(Object.keys(a.results[0].extracted).sort(), ['diagnostic', 'domains', 'enhancedCode', 'ips', 'remoteHost', 'replyCode', 'zone']);
    assert.equal(a.results[0].match.reason, 'userunknown');
    assert.equal(a.results[0].extracted.enhancedCode, '5.1.1');
    assert.equal(b.results[0].match.id, 'spamdyke.denied-rdns-missing');
    assert.equal(b.results[0].match.reason, 'requireptr');
  });

  it('reads standard input when no file or - is given', async () => {
    for (const argv of [['explain', '--json'], ['explain', '--json', '-']]) {
      const run = await cli(argv, { stdin: '554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org\n' });
      assert.equal(run.code, 0, run.stderr);
      const line = JSON.parse(run.stdout);
      assert.equal(line.file, '-');
      assert.equal(line.results[0].extracted.zone, 'zen.spamhaus.org');
    }
  });

  it('exits 0 for an unmatched text and says what it extracted', async () => {
    const run = await cli(['explain'], { stdin: '554 zorglub frobnicated 198.51.100.23\n' });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Not in the catalogue/);
    assert.match(run.stdout, /198\.51\.100\.23/);
  });

  it('exits 2 with one line on stderr for an unreadable file, and still answers the readable ones', async () => {
    const run = await cli(['explain', '--json', fileA, join(dir, 'missing.eml')]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /Cannot read .*missing\.eml: no such file/);
    assert.equal(run.stdout.trim().split('\n').length, 1);
    const only = await cli(['explain', join(dir, 'missing.eml')]);
    assert.equal(only.code, 2);
    assert.equal(only.stdout, '');
  });

  it('exits 2 on a usage error', async () => {
    const badOption = await cli(['explain', '--frobnicate', fileA]);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /Unknown option '--frobnicate'.*Usage: explain/);
    const badLang = await cli(['explain', '--lang', 'fr', fileA]);
    assert.equal(badLang.code, 2);
    assert.match(badLang.stderr, /"fr" is not available; use one of en, id, de/);
  });

  it('answers in Indonesian and German', async () => {
    const id = await cli(['explain', '--lang', 'id', fileB]);
    assert.match(id.stdout, /Siapa yang harus bertindak/);
    const de = await cli(['explain', '--lang', 'de', fileB]);
    assert.match(de.stdout, /Wer handeln muss/);
  });

  it('lists the catalogue as JSON with languages present', async () => {
    const run = await cli(['catalog', '--json', '--source', 'spamdyke']);
    assert.equal(run.code, 0);
    const entries = JSON.parse(run.stdout);
    assert.ok(entries.length >= 29);
    assert.deepEqual(Object.keys(entries[0]).sort(), ['category', 'id', 'languages', 'reason', 'source', 'title']);
    assert.deepEqual(entries[0].languages, ['en', 'id', 'de']);
    const bad = await cli(['catalog', '--source', 'nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no catalogue source "nope"; the sources are/);
  });
});

describe('explain follow-ups', () => {
  it('offers the check an RBL rejection implies, and the allow-list entry a blacklisted sender implies', async () => {
    const rbl = await cli(['explain'], { stdin: '554 Refused. Your IP address is listed in the RBL at zen.spamhaus.org (from 203.0.113.66)\n' });
    assert.match(rbl.stdout, /check 203\.0\.113\.66/);
    const sender = await cli(['explain'], {
      stdin: 'DENIED_SENDER_BLACKLISTED from: spam@bad.example to: rcpt@customer.example origin_ip: 203.0.113.66 origin_rdns: (unknown) auth: (unknown) encryption: (none) reason: (empty)\n',
    });
    assert.match(sender.stdout, /allow add spam@bad\.example --domain customer\.example/);
  });

  it('offers a check for a blocklist or a server address even when the entry does not', async () => {
    const listed = await cli(['explain'], { stdin: '550 5.7.1 Message rejected because 203.0.113.9 is listed at bl.example-rbl.org\n' });
    assert.match(listed.stdout, /check 203\.0\.113\.9/);
    const unknown = await cli(['explain'], { stdin: '554 zorglub frobnicated 198.51.100.23\n' });
    assert.match(unknown.stdout, /check 198\.51\.100\.23/);
  });

  it('never builds a button from text that is not a plain address', async () => {
    const run = await cli(['explain'], {
      stdin: 'DENIED_SENDER_BLACKLISTED from: "a;b"@x.example to: rcpt@customer.example origin_ip: 203.0.113.66 origin_rdns: (unknown) auth: (unknown) encryption: (none) reason: (empty)\n',
    });
    assert.doesNotMatch(run.stdout, /allow add/);
  });
});

describe('console', () => {
  it('explains a pasted bounce ended by an empty line, and runs commands', async () => {
    const run = await cli([], { stdin: 'help\n550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n\nquit\n' });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /postmaster console/);
    assert.match(run.stdout, /explain \(\/bounce\)/);
    assert.match(run.stdout, /Catalogue entry: /);
  });

  it('explains what was pasted when input ends without an empty line (Ctrl-D)', async () => {
    const run = await cli([], { stdin: 'Refused. Your IP address is blacklisted.' });
    assert.match(run.stdout, /Catalogue entry: spamdyke\./);
  });
});
