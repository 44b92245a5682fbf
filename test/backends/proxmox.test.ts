/** Proxmox Mail Gateway quarantine and mailbox lists against a local server speaking /api2/json with ticket + CSRF. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { harness, adminRole, replyText, type Harness } from './harness.js';
import { startFakeProxmox, PMG_USER, type FakeProxmox, type PmgMail } from './fake-proxmox.js';

function mail(n: number, receiver = `user${n}@example.com`): PmgMail {
  return {
    id: `C1R${n}T${100 + n}`,
    receiver,
    envelope_sender: `bulk${n}@spam.test`,
    from: `Bulk <bulk${n}@spam.test>`,
    subject: `Cheap watches ${n}`,
    time: Math.floor(Date.now() / 1000) - 600 * n,
    bytes: 2048,
    spamlevel: 12,
  };
}

describe('Proxmox Mail Gateway backend', () => {
  let pmg: FakeProxmox;
  let h: Harness;

  before(async () => {
    pmg = await startFakeProxmox();
  });
  after(async () => {
    await pmg.http.stop();
  });
  beforeEach(async () => {
    pmg.spam.splice(0, pmg.spam.length, mail(1), mail(2), mail(3, 'boss@other.test'));
    pmg.delivered.length = 0;
    pmg.deleted.length = 0;
    pmg.lists = { welcomelist: {}, blocklist: {} };
    h = await harness({
      backends: {
        quarantine: 'proxmox',
        lists: 'proxmox',
        timeoutMs: 400,
        proxmox: { url: pmg.http.url, ...PMG_USER },
      },
      access: { roles: adminRole() },
    });
  });

  async function idOf(ref: string): Promise<string> {
    const reply = await h.run('quarantine list --json');
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    const all = reply.data as Array<{ id: string; subject: string }>;
    const n = ref.match(/R(\d+)/)![1];
    return all.find((m) => m.subject === `Cheap watches ${n}`)!.id;
  }

  it('lists the spam quarantine, filtered by recipient and by domain', async () => {
    const all = await h.run('quarantine list --json');
    assert.equal((all.data as unknown[]).length, 3);
    const one = await h.run('quarantine list --recipient user2@example.com --json');
    assert.deepEqual((one.data as Array<{ recipients: string[] }>).map((m) => m.recipients[0]), ['user2@example.com']);
    assert.equal(pmg.http.received.at(-1)!.query.get('pmail'), 'user2@example.com');
    const dom = await h.run('quarantine list --domain example.com --json');
    assert.equal((dom.data as unknown[]).length, 2);
  });

  it('delivers with POST action=deliver, sending the ticket cookie and the CSRF token', async () => {
    const id = await idOf('C1R1T101');
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.deepEqual(pmg.delivered, ['C1R1T101']);
    const post = pmg.http.received.find((r) => r.method === 'POST' && r.path === '/api2/json/quarantine/content')!;
    assert.match(post.headers.cookie ?? '', /^PMGAuthCookie=PMG:postmaster@pmg:/);
    assert.match(String(post.headers.csrfpreventiontoken), /^\w+:csrf-\d+$/);
    assert.equal(new URLSearchParams(post.body).get('action'), 'deliver');
    assert.deepEqual((await h.auditRows()).map((r) => [r.action, r.outcome]), [['quarantine.release', 'done']]);
  });

  it('deletes with action=delete', async () => {
    const id = await idOf('C1R2T102');
    const reply = await h.run(`quarantine delete ${id} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.deepEqual(pmg.deleted, ['C1R2T102']);
  });

  it('shows the content without markup', async () => {
    const id = await idOf('C1R1T101');
    const reply = await h.run(`quarantine show ${id}`);
    assert.match(replyText(reply), /\\nCheap watches"/);
    assert.doesNotMatch(replyText(reply), /<b>/);
  });

  it('refuses a wrong password clearly and releases nothing', async () => {
    const bad = await harness({
      backends: { quarantine: 'proxmox', lists: 'none', timeoutMs: 400, proxmox: { url: pmg.http.url, username: PMG_USER.username, password: 'wrong' } },
      access: { roles: adminRole() },
    });
    const reply = await bad.run('quarantine list');
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /Proxmox Mail Gateway refused the bot's credentials \(HTTP 401\)/);
    assert.doesNotMatch(replyText(reply), /wrong/);
  });

  it('reports a 500 with PMG\'s message and audits the failure', async () => {
    const id = await idOf('C1R1T101');
    pmg.http.fail(/^POST \/api2\/json\/quarantine\/content/, '500');
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /failed with HTTP 500 \(internal error: database is locked\)/);
    assert.deepEqual(pmg.delivered, []);
    assert.equal(pmg.spam.length, 3);
    const last = (await h.auditRows()).at(-1)!;
    assert.deepEqual([last.outcome, last.action], ['failed', 'quarantine.release']);
  });

  it('times out and says so', async () => {
    const id = await idOf('C1R1T101');
    pmg.http.fail(/^POST \/api2\/json\/quarantine\/content/, 'hang');
    const reply = await h.run(`quarantine delete ${id} --yes`);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /did not answer within 0\.4 s/);
    assert.deepEqual(pmg.deleted, []);
    assert.match(String((await h.auditRows()).at(-1)!.detail), /did not answer/);
  });

  it('says when the answer is not PMG JSON', async () => {
    pmg.http.fail(/^GET \/api2\/json\/quarantine\/spam/, 'malformed');
    const reply = await h.run('quarantine list');
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /Proxmox Mail Gateway sent an answer the bot cannot read/);
  });

  it('logs in again when the ticket is refused', async () => {
    const id = await idOf('C1R1T101');
    pmg.http.fail(/^POST \/api2\/json\/quarantine\/content/, '401');
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.deepEqual(pmg.delivered, ['C1R1T101']);
  });

  describe('mailbox welcome/block lists', () => {
    it('adds, lists and removes per mailbox; @domain becomes a *@domain glob', async () => {
      const add = await h.run('allow add @partner.test --recipient user1@example.com --yes');
      assert.equal(add.exitCode ?? 0, 0, replyText(add));
      assert.deepEqual(pmg.lists.welcomelist['user1@example.com'], ['*@partner.test']);
      const block = await h.run('block add bulk1@spam.test --recipient user1@example.com --yes');
      assert.equal(block.exitCode ?? 0, 0, replyText(block));
      assert.deepEqual(pmg.lists.blocklist['user1@example.com'], ['bulk1@spam.test']);
      const del = pmg.http.received.filter((r) => r.method === 'POST' && r.path === '/api2/json/quarantine/blocklist');
      assert.equal(del.length, 1);
      const listed = await h.run('allow list --recipient user1@example.com --json');
      assert.deepEqual((listed.data as Array<{ value: string }>).map((e) => e.value), ['*@partner.test']);
      const rm = await h.run('allow remove *@partner.test --recipient user1@example.com --yes');
      assert.equal(rm.exitCode ?? 0, 0, replyText(rm));
      assert.deepEqual(pmg.lists.welcomelist['user1@example.com'], []);
      const gone = await h.run('allow remove *@partner.test --recipient user1@example.com --yes');
      assert.equal(gone.exitCode, 1);
      assert.match(gone.summary ?? '', /was not on the allow list/);
    });

    it('needs --recipient, and refuses entries PMG would not take', async () => {
      const noScope = await h.run('allow add fred@partner.test --domain example.com --yes');
      assert.equal(noScope.exitCode, 2);
      assert.match(noScope.summary ?? '', /per mailbox; add --recipient/);
      const bad = await h.run('block add fred;rm@x --recipient user1@example.com --yes');
      assert.equal(bad.exitCode, 2);
    });

    it('uses the legacy whitelist/blacklist paths when configured', async () => {
      const legacy = await harness({
        backends: { quarantine: 'none', lists: 'proxmox', timeoutMs: 400, proxmox: { url: pmg.http.url, ...PMG_USER, legacyListNames: true } },
        access: { roles: adminRole() },
      });
      const reply = await legacy.run('allow list --recipient user1@example.com');
      assert.equal(reply.exitCode, 1);
      assert.match(reply.summary ?? '', /HTTP 501 \(Method 'GET \/api2\/json\/quarantine\/whitelist' not implemented\)/);
    });
  });
});
