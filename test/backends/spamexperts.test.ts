/** SpamExperts REST quarantine and Control Panel lists against a local server that speaks both APIs. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { harness, adminRole, replyText, type Harness } from './harness.js';
import { startFakeSpamExperts, SE_USER, type FakeSpamExperts, type SeEntry } from './fake-spamexperts.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString().slice(0, 19).replace('T', ' ');

function entry(n: number, extra: Partial<SeEntry> = {}): SeEntry {
  return {
    recipient: `user${n}@example.com`,
    message_id: `<m${n}@sender.test>`,
    filtering_host: 'filter1.antispamcloud.test',
    datetime: minutesAgo(10 + n),
    sender: `news${n}@sender.test`,
    subject: `Offer ${n}`,
    status: 'quarantined',
    ...extra,
  };
}

describe('SpamExperts backend', () => {
  let se: FakeSpamExperts;
  let h: Harness;

  before(async () => {
    se = await startFakeSpamExperts();
  });
  after(async () => {
    await se.http.stop();
  });
  beforeEach(async () => {
    se.entries.splice(0, se.entries.length, entry(1), entry(2), entry(3, { status: 'delivered' }));
    se.released.length = 0;
    se.removed.length = 0;
    se.lists = {};
    h = await harness({
      backends: {
        quarantine: 'spamexperts',
        lists: 'spamexperts',
        timeoutMs: 400,
        spamexperts: { url: se.http.url, username: SE_USER.user, password: SE_USER.pass },
      },
      access: { roles: adminRole() },
    });
  });

  async function idOf(recipient: string): Promise<string> {
    const reply = await h.run('quarantine list --json');
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    const rows = reply.data as Array<{ id: string; recipients: string[] }>;
    const row = rows.find((r) => r.recipients.includes(recipient));
    assert.ok(row, `no row for ${recipient}`);
    return row.id;
  }

  it('lists only held mail, and the ids are short and stable', async () => {
    const first = await h.run('quarantine list --json');
    const second = await h.run('quarantine list --json');
    const rows = first.data as Array<{ id: string; subject: string }>;
    assert.deepEqual(rows.map((r) => r.subject).sort(), ['Offer 1', 'Offer 2']);
    assert.ok(rows.every((r) => /^[0-9a-f]{10}$/.test(r.id)));
    assert.deepEqual(second.data, first.data);
    const search = se.http.received.find((r) => r.path === '/rest/log/search/delivery')!;
    assert.match(search.headers.authorization ?? '', /^Bearer tok-\d+$/);
  });

  it('releases a message with its 5-tuple, using the refreshed token, and audits it', async () => {
    const id = await idOf('user1@example.com');
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.match(replyText(reply), /Released message/);
    assert.equal(se.released.length, 1);
    const tuple = se.released[0] as Record<string, string>;
    assert.deepEqual(Object.keys(tuple).sort(), ['datetime', 'filtering_host', 'message_id', 'recipient', 'sender']);
    assert.equal(tuple.message_id, '<m1@sender.test>');
    // The search answer carried a new token; the release used it rather than logging in again.
    const put = se.http.received.find((r) => r.method === 'PUT')!;
    const lastSearch = se.http.received.filter((r) => r.path === '/rest/log/search/delivery').length;
    assert.notEqual(put.headers.authorization, 'Bearer tok-1');
    assert.ok(lastSearch >= 1);
    const rows = await h.auditRows();
    assert.deepEqual(rows.map((r) => [r.action, r.outcome]), [['quarantine.release', 'done']]);
    assert.equal((rows[0]!.params as Record<string, string>).id, id);
    // The same id is gone now: a second release is bad input, not a crash.
    const again = await h.run(`quarantine release ${id} --yes`);
    assert.equal(again.exitCode, 2);
    assert.match(again.summary ?? '', /no quarantined message with id/);
  });

  it('deletes with DELETE /rest/log/remove/delivery', async () => {
    const id = await idOf('user2@example.com');
    const reply = await h.run(`quarantine delete ${id} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.equal(se.removed.length, 1);
    assert.equal(se.entries.length, 2);
  });

  it('logs in again once when the token has expired', async () => {
    const id = await idOf('user1@example.com');
    se.http.fail(/^PUT \/rest\/log\/release/, '401');
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.equal(se.released.length, 1);
  });

  it('says the credentials were refused on 401, releases nothing, and audits the failure', async () => {
    const id = await idOf('user1@example.com');
    se.http.fail(/^PUT \/rest\/log\/release/, '401');
    se.http.fail(/^GET \/rest\/auth\/token/, '401');
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /SpamExperts refused the bot's credentials \(HTTP 401\).*Nothing was changed/);
    assert.equal(se.released.length, 0);
    assert.equal(se.entries.length, 3);
    const last = (await h.auditRows()).at(-1)!;
    assert.equal(last.outcome, 'failed');
    assert.match(String(last.detail), /HTTP 401/);
    assert.doesNotMatch(JSON.stringify(await h.auditRows()) + replyText(reply), new RegExp(SE_USER.pass));
  });

  it('reports a 500 with the server\'s message and changes nothing', async () => {
    const id = await idOf('user2@example.com');
    se.http.fail(/^DELETE \/rest\/log\/remove/, '500');
    const reply = await h.run(`quarantine delete ${id} --yes`);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /failed with HTTP 500 \(internal error: database is locked\); nothing was changed/);
    assert.equal(se.entries.length, 3);
    assert.equal((await h.auditRows()).at(-1)!.outcome, 'failed');
  });

  it('gives up after the time limit with a clear sentence', async () => {
    const id = await idOf('user1@example.com');
    se.http.fail(/^PUT \/rest\/log\/release/, 'hang');
    const started = Date.now();
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.ok(Date.now() - started < 3000);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /SpamExperts did not answer within 0\.4 s/);
    assert.equal(se.released.length, 0);
    const last = (await h.auditRows()).at(-1)!;
    assert.deepEqual([last.action, last.outcome], ['quarantine.release', 'failed']);
    assert.match(String(last.detail), /did not answer/);
  });

  it('says so when the answer is not JSON', async () => {
    se.http.fail(/^GET \/rest\/log\/search/, 'malformed');
    const reply = await h.run('quarantine list');
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /SpamExperts sent an answer the bot cannot read \(HTTP 200, text\/html, not JSON\)/);
  });

  it('passes on the API\'s own refusal (message already gone)', async () => {
    const id = await idOf('user1@example.com');
    se.entries.splice(0, 1);
    const reply = await h.run(`quarantine release ${id} --yes`);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /SpamExperts refused: Message <m1@sender\.test> is no longer in quarantine/);
    assert.equal((await h.auditRows()).at(-1)!.outcome, 'refused');
  });

  it('shows a message with its text', async () => {
    const id = await idOf('user2@example.com');
    const reply = await h.run(`quarantine show ${id}`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.match(replyText(reply), /Hello from the quarantine/);
    assert.deepEqual(reply.actions?.map((a) => a.command), [`quarantine release ${id}`, `quarantine delete ${id}`]);
  });

  it('still shows the facts when the message text cannot be fetched', async () => {
    const id = await idOf('user2@example.com');
    se.http.fail(/^GET \/rest\/log\/view/, '500');
    const reply = await h.run(`quarantine show ${id}`);
    assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
    assert.match(replyText(reply), /Offer 2/);
    assert.match(replyText(reply), /failed with HTTP 500/);
  });

  it('answers bad input with one sentence and exit 2', async () => {
    const cases: Array<[string, RegExp]> = [
      ['quarantine', /Say what to do: quarantine list/],
      ['quarantine release', /Give the message id/],
      ['quarantine release not-an-id!', /is not a message id/],
      ['quarantine release 0000000000 --yes', /There is no quarantined message with id 0000000000/],
      ['quarantine list --since yesterday', /"yesterday" is not a duration; use something like 30m/],
      ['quarantine list --recipient not-an-address', /"not-an-address" is not a mail address; use one like user@example\.com/],
      ['quarantine list --domain "exa mple.com"', /is not a domain/],
      ['quarantine show 1a2b 3c4d', /Unexpected extra words: 3c4d/],
      ['allow add fred@partner.test --domain example.com --type mx', /--type takes sender, recipient, ip or rdns/],
    ];
    for (const [line, message] of cases) {
      const reply = await h.run(line);
      assert.equal(reply.exitCode, 2, line);
      assert.match(reply.summary ?? '', message, line);
    }
    assert.equal(se.released.length, 0);
  });

  describe('Control Panel lists', () => {
    it('adds, lists and removes a sender per domain with HTTP Basic', async () => {
      const added = await h.run('allow add fred@partner.test --domain example.com --yes');
      assert.equal(added.exitCode ?? 0, 0, replyText(added));
      assert.deepEqual(se.lists['example.com']!.senderwhitelist, ['fred@partner.test']);
      const call = se.http.received.find((r) => r.path.includes('/whitelistsender/'))!;
      assert.equal(call.path, '/api/domain/whitelistsender/format/json/domain/example.com/sender/fred@partner.test/');
      assert.match(call.headers.authorization ?? '', /^Basic /);
      const domainWide = await h.run('block add @spammer.test --domain example.com --yes');
      assert.equal(domainWide.exitCode ?? 0, 0, replyText(domainWide));
      assert.deepEqual(se.lists['example.com']!.senderblacklist, ['spammer.test']);
      const listed = await h.run('allow list --domain example.com --json');
      assert.deepEqual((listed.data as Array<{ value: string }>).map((e) => e.value), ['fred@partner.test']);
      const removed = await h.run('allow remove fred@partner.test --domain example.com --yes');
      assert.equal(removed.exitCode ?? 0, 0, replyText(removed));
      assert.deepEqual(se.lists['example.com']!.senderwhitelist, []);
    });

    it('refuses a duplicate and says when a removed entry was not there', async () => {
      await h.run('allow add fred@partner.test --domain example.com --yes');
      const dup = await h.run('allow add FRED@partner.test --domain example.com --yes');
      assert.equal(dup.exitCode, 1);
      assert.match(dup.summary ?? '', /fred@partner\.test is already on the allow list/);
      const absent = await h.run('block remove joe@partner.test --domain example.com --yes');
      assert.equal(absent.exitCode, 1);
      assert.match(absent.summary ?? '', /joe@partner\.test was not on the block list/);
    });

    it('treats HTTP 200 with messages.error as a refusal, and audits it', async () => {
      se.panelErrors.push('Domain example.com is not owned by this reseller');
      const reply = await h.run('allow add fred@partner.test --domain example.com --yes');
      assert.equal(reply.exitCode, 1);
      assert.match(reply.summary ?? '', /SpamExperts refused: Domain example\.com is not owned by this reseller/);
      assert.deepEqual(se.lists['example.com']!.senderwhitelist, []);
      const last = (await h.auditRows()).at(-1)!;
      assert.deepEqual([last.action, last.outcome], ['lists.allow.add', 'refused']);
    });

    it('asks for a domain, and refuses IP entries, as bad input', async () => {
      const noDomain = await h.run('allow add fred@partner.test --yes');
      assert.equal(noDomain.exitCode, 2);
      assert.match(noDomain.summary ?? '', /per customer domain; add --domain example\.com/);
      const ip = await h.run('block add 203.0.113.9 --domain example.com --yes');
      assert.equal(ip.exitCode, 2);
      assert.match(ip.summary ?? '', /not ip entries/);
    });

    it('reports a 500 and a timeout from the panel clearly', async () => {
      se.http.fail(/^GET \/api\/domain\/senderwhitelist/, '500');
      const failed = await h.run('allow add fred@partner.test --domain example.com --yes');
      assert.equal(failed.exitCode, 1);
      assert.match(failed.summary ?? '', /HTTP 500/);
      se.http.fail(/^GET \/api\/domain\/whitelistsender/, 'hang');
      const slow = await h.run('allow add fred@partner.test --domain example.com --yes');
      assert.equal(slow.exitCode, 1);
      assert.match(slow.summary ?? '', /did not answer within/);
      const outcomes = (await h.auditRows()).map((r) => r.outcome);
      assert.deepEqual(outcomes, ['failed', 'failed']);
    });
  });
});
