/** spamdyke list files: syntax, safe edits, backups, locks across processes, crashes, read-only files. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateSpamdykeEntry } from '../../src/backends/spamdyke/syntax.js';
import { LocalizedUsageError } from '../../src/backends/errors.js';
import { adminRole, harness, replyText, tempDir } from './harness.js';

const WRITER = fileURLToPath(new URL('./fixtures/spamdyke-writer.ts', import.meta.url));

function runWriter(file: string, prefix: string, count: number, env: Record<string, string> = {}): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, prefix, String(count)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

function setup() {
  const dir = tempDir('pm-spamdyke-');
  const files = {
    whitelistSenders: join(dir, 'whitelist_senders'),
    blacklistSenders: join(dir, 'blacklist_senders'),
    blacklistIp: join(dir, 'blacklist_ip'),
    whitelistRdns: join(dir, 'whitelist_rdns'),
    conf: join(dir, 'spamdyke.conf'),
    configDir: join(dir, 'config-dir'),
  };
  writeFileSync(files.whitelistSenders, '# partners of our customers\nalice@partner.test\n\n# added by hand\n@trusted.test\n');
  writeFileSync(files.blacklistIp, '# abusive networks\n198.51.100.0/24\n');
  // Paths come from spamdyke.conf, as on a real server; one is overridden in our config.
  writeFileSync(
    files.conf,
    [
      'log-level=info',
      `sender-whitelist-file=${files.whitelistSenders}`,
      `sender-blacklist-file=${files.blacklistSenders}`,
      `ip-blacklist-file=${files.blacklistIp}`,
      `rdns-whitelist-file=/nonexistent/overridden`,
      `config-dir=${files.configDir}`,
    ].join('\n'),
  );
  return { dir, files };
}

async function spamdykeHarness(files: ReturnType<typeof setup>['files']) {
  return harness({
    backends: {
      lists: 'spamdyke',
      spamdyke: { configFile: files.conf, files: { allow: { rdns: files.whitelistRdns } } },
    },
    access: { roles: adminRole() },
  });
}

describe('spamdyke entry syntax', () => {
  const ok: Array<[string, string, string]> = [
    ['fred@example.com', 'sender', 'fred@example.com'],
    ['Fred@Example.COM', 'sender', 'fred@example.com'],
    ['@example.com', 'sender', '@example.com'],
    ['203.0.113.7', 'ip', '203.0.113.7'],
    ['203.0.113', 'ip', '203.0.113'],
    ['11.22.', 'ip', '11.22'],
    ['11.22.33-44.55', 'ip', '11.22.33-44.55'],
    ['203.0.113.0/24', 'ip', '203.0.113.0/24'],
    ['11.22.0.0/255.255.0.0', 'ip', '11.22.0.0/255.255.0.0'],
    ['.example.com', 'rdns', '.example.com'],
  ];
  for (const [raw, type, value] of ok) {
    it(`accepts ${raw} as ${type}`, () => {
      assert.deepEqual(validateSpamdykeEntry(raw), { type, value });
    });
  }
  it('takes a host name as rDNS only when asked', () => {
    assert.deepEqual(validateSpamdykeEntry('mail.example.com', 'rdns'), { type: 'rdns', value: 'mail.example.com' });
    assert.throws(() => validateSpamdykeEntry('mail.example.com'), /write @mail\.example\.com .* or add --type rdns/);
  });
  const bad: Array<[string, RegExp]> = [
    ['*@example.com', /no "\*" wildcards .* use @example\.com/],
    ['fred smith@example.com', /contains spaces/],
    ['fred@', /not an address spamdyke understands/],
    ['256.1.1.1', /not an IPv4 entry/],
    ['10.0.0.0/33', /not an IPv4 entry/],
    ['10.0.0.0/255.0.255.0', /not an IPv4 entry/],
    ['1.2.3.9-4', /not an IPv4 entry/],
    ['2001:db8::1', /not an address spamdyke understands/],
    ['', /is empty/],
  ];
  for (const [raw, message] of bad) {
    it(`refuses ${JSON.stringify(raw)} with a sentence`, () => {
      assert.throws(() => validateSpamdykeEntry(raw), (error: unknown) => error instanceof LocalizedUsageError && message.test(error.message));
    });
  }
});

describe('spamdyke list files', () => {
  it('adds and removes keeping comments, order and a backup; reads paths from spamdyke.conf', async () => {
    const { files } = setup();
    const h = await spamdykeHarness(files);
    const before = readFileSync(files.whitelistSenders, 'utf8');
    const add = await h.run('allow add bob@partner.test --yes');
    assert.equal(add.exitCode ?? 0, 0, replyText(add));
    assert.equal(readFileSync(files.whitelistSenders, 'utf8'), `${before}bob@partner.test\n`);
    assert.equal(readFileSync(`${files.whitelistSenders}.bak`, 'utf8'), before);
    const rm = await h.run('allow remove alice@partner.test --yes');
    assert.equal(rm.exitCode ?? 0, 0, replyText(rm));
    assert.equal(readFileSync(files.whitelistSenders, 'utf8'), '# partners of our customers\n\n# added by hand\n@trusted.test\nbob@partner.test\n');
    const ip = await h.run('block add 203.0.113.0/25 --yes');
    assert.equal(ip.exitCode ?? 0, 0, replyText(ip));
    assert.match(readFileSync(files.blacklistIp, 'utf8'), /198\.51\.100\.0\/24\n203\.0\.113\.0\/25\n$/);
    const rdns = await h.run('allow add .mx.partner.test --yes');
    assert.equal(rdns.exitCode ?? 0, 0, replyText(rdns));
    assert.equal(readFileSync(files.whitelistRdns, 'utf8'), '.mx.partner.test\n');
    const listed = await h.run('allow list --json');
    assert.deepEqual((listed.data as Array<{ value: string; type: string }>).map((e) => `${e.type}:${e.value}`), ['sender:@trusted.test', 'sender:bob@partner.test', 'rdns:.mx.partner.test']);
  });

  it('refuses a duplicate (any case) and says when a removed entry was not there', async () => {
    const { files } = setup();
    const h = await spamdykeHarness(files);
    const before = readFileSync(files.whitelistSenders, 'utf8');
    const dup = await h.run('allow add ALICE@partner.test --yes');
    assert.equal(dup.exitCode, 1);
    assert.match(dup.summary ?? '', /alice@partner\.test is already on the allow list; nothing was changed/);
    const absent = await h.run('allow remove carol@partner.test --yes');
    assert.equal(absent.exitCode, 1);
    assert.match(absent.summary ?? '', /carol@partner\.test was not on the allow list, so there was nothing to remove/);
    assert.equal(readFileSync(files.whitelistSenders, 'utf8'), before);
    assert.deepEqual((await h.auditRows()).map((r) => r.outcome), ['refused', 'refused']);
  });

  it('keeps a customer domain\'s own list in spamdyke\'s config-dir', async () => {
    const { files } = setup();
    const h = await spamdykeHarness(files);
    const reply = await h.run('block add @spam.test --domain shop.example.com --yes');
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    const path = join(files.configDir, '_recipient_', 'com', 'example', 'shop');
    assert.equal(readFileSync(path, 'utf8'), 'sender-blacklist-entry=@spam.test\n');
    await h.run('block add 192.0.2.1 --domain shop.example.com --yes');
    assert.equal(readFileSync(path, 'utf8'), 'sender-blacklist-entry=@spam.test\nip-blacklist-entry=192.0.2.1\n');
    const listed = await h.run('block list --domain shop.example.com --json');
    assert.deepEqual((listed.data as Array<{ value: string }>).map((e) => e.value), ['@spam.test', '192.0.2.1']);
    const rcpt = await h.run('block add --type recipient info@shop.example.com --domain shop.example.com --yes');
    assert.equal(rcpt.exitCode, 2);
  });

  it('says clearly that a read-only file cannot be changed, and leaves it alone', async () => {
    const { files } = setup();
    const h = await spamdykeHarness(files);
    const before = readFileSync(files.whitelistSenders, 'utf8');
    chmodSync(files.whitelistSenders, 0o444);
    const reply = await h.run('allow add bob@partner.test --yes');
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', new RegExp(`The list file ${files.whitelistSenders.replace(/[.]/g, '\\.')} is read-only`));
    assert.equal(readFileSync(files.whitelistSenders, 'utf8'), before);
    const last = (await h.auditRows()).at(-1)!;
    assert.deepEqual([last.action, last.outcome], ['lists.allow.add', 'refused']);
  });

  it('loses nothing when two processes edit the same file at once', async () => {
    const { files } = setup();
    const [a, b] = await Promise.all([runWriter(files.whitelistSenders, 'a', 40), runWriter(files.whitelistSenders, 'b', 40)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const lines = readFileSync(files.whitelistSenders, 'utf8').split('\n');
    for (const prefix of ['a', 'b']) {
      for (let i = 0; i < 40; i++) assert.ok(lines.includes(`${prefix}${i}@example.com`), `${prefix}${i} lost`);
    }
    assert.deepEqual(lines.slice(0, 5), ['# partners of our customers', 'alice@partner.test', '', '# added by hand', '@trusted.test']);
    assert.equal(lines.length, 5 + 80 + 1);
    assert.ok(!existsSync(`${files.whitelistSenders}.lock`));
  });

  it('leaves the old file intact when a process dies between temp write and rename, and recovers', async () => {
    const { dir, files } = setup();
    const before = readFileSync(files.whitelistSenders, 'utf8');
    const crashed = await runWriter(files.whitelistSenders, 'x', 1, { CRASH: '1' });
    assert.equal(crashed.signal, 'SIGKILL');
    assert.equal(readFileSync(files.whitelistSenders, 'utf8'), before);
    assert.ok(readdirSync(dir).some((n) => n.startsWith('.whitelist_senders.tmp-')), 'the temp file of the crashed edit is there');
    assert.ok(existsSync(`${files.whitelistSenders}.lock`), 'the crashed process still "holds" the lock');
    // The next edit sees the lock's owner is gone, takes over, and cleans up.
    const h = await spamdykeHarness(files);
    const reply = await h.run('allow add bob@partner.test --yes');
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.equal(readFileSync(files.whitelistSenders, 'utf8'), `${before}bob@partner.test\n`);
    assert.ok(!readdirSync(dir).some((n) => n.startsWith('.whitelist_senders.tmp-')));
  });

  it('says which setting is missing when no file is configured for a kind of entry', async () => {
    const { files } = setup();
    mkdirSync(files.configDir, { recursive: true });
    const h = await spamdykeHarness(files);
    const reply = await h.run('allow add 192.0.2.7 --yes');
    assert.equal(reply.exitCode, 2);
    assert.match(reply.summary ?? '', /set ip-whitelist-file in spamdyke\.conf or backends\.spamdyke\.files\.allow\.ip/);
  });
});

describe('spamdyke list files: what must not change', () => {
  it('refuses entries spamdyke would read as a comment (#) or an exception (!)', async () => {
    for (const [raw, word] of [['#fred@example.com', 'comment'], ['!203.0.113.7', 'exception']] as const) {
      assert.throws(() => validateSpamdykeEntry(raw), (error: unknown) => error instanceof LocalizedUsageError && error.message.includes(word));
    }
    const { files } = setup();
    const h = await spamdykeHarness(files);
    const before = readFileSync(files.whitelistSenders, 'utf8');
    const reply = await h.run('allow add !bob@partner.test --yes');
    assert.equal(reply.exitCode, 2, replyText(reply));
    assert.match(reply.summary ?? replyText(reply), /reads as an exception/);
    assert.equal(readFileSync(files.whitelistSenders, 'utf8'), before, 'the file is untouched');
  });

  it('edits a symlinked list at its target, keeping the link and the file mode', async () => {
    const { dir, files } = setup();
    const shared = join(dir, 'managed');
    mkdirSync(shared);
    const target = join(shared, 'whitelist_senders.real');
    writeFileSync(target, 'alice@partner.test\n');
    chmodSync(target, 0o664);
    rmSync(files.whitelistSenders);
    symlinkSync(target, files.whitelistSenders);
    const previous = process.umask(0o022);
    try {
      const h = await spamdykeHarness(files);
      const add = await h.run('allow add bob@partner.test --yes');
      assert.equal(add.exitCode ?? 0, 0, replyText(add));
    } finally {
      process.umask(previous);
    }
    assert.ok(lstatSync(files.whitelistSenders).isSymbolicLink(), 'the list is still a link');
    assert.equal(readlinkSync(files.whitelistSenders), target);
    assert.equal(readFileSync(target, 'utf8'), 'alice@partner.test\nbob@partner.test\n');
    assert.equal(statSync(target).mode & 0o777, 0o664, 'group-writable stays group-writable despite the umask');
    assert.deepEqual(readdirSync(shared).filter((f) => f.includes('.tmp-')), [], 'no temp file left');
  });
});
