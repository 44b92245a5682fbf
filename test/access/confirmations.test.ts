/**
 * Confirmation in chat and in the terminal, and the audit trail: the button
 * shows exactly what will change; its token works once, for the person who
 * asked, for those parameters, within the time limit; every refusal is
 * audited; the audit survives a restart (SQLite file and real Redis).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Reply } from '../../src/core/reply.js';
import type { Request } from '../../src/core/request.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { harness, replyText, type Harness } from '../backends/harness.js';
import { startSmtpSink, type SmtpSink } from '../backends/smtp-sink.js';
import { REDIS_URL, redisSkip, testPrefix } from '../helpers/redis.js';
import { MESSAGES, world } from './fixtures.js';

const ROLES = {
  ops: {
    members: ['slack-group:SOPS', 'teams:11111111-2222-4333-8444-555555555555', 'console:tester'],
    grants: ['quarantine.read', 'quarantine.release', 'quarantine.delete', 'lists.read', 'lists.edit', 'audit.read'],
  },
};

const ANNA: Partial<Request> = { platform: 'slack', actor: { id: 'slack:UANNA', name: 'Anna', groups: ['SOPS'] }, channel: 'C-support' };
const BOB: Partial<Request> = { platform: 'slack', actor: { id: 'slack:UBOB', name: 'Bob', groups: ['SOPS'] }, channel: 'C-support' };
const TEAMS: Partial<Request> = { platform: 'teams', actor: { id: 'teams:11111111-2222-4333-8444-555555555555' }, channel: '19:abc@thread.tacv2' };

/** What an adapter does when a button is pressed: run its command as the person who pressed it. */
function click(h: Harness, reply: Reply, as: Partial<Request>): Promise<Reply> {
  const action = reply.actions?.[0];
  assert.ok(action, 'the reply has a button');
  return h.run(action.command, as);
}

describe('confirmations and audit', () => {
  let smtp: SmtpSink;
  before(async () => {
    smtp = await startSmtpSink();
  });
  after(async () => {
    await smtp.close();
  });

  async function setup(options: Parameters<typeof harness>[1] = {}) {
    const w = world(smtp.port);
    const h = await harness({ backends: w.backends, access: { roles: ROLES } }, options);
    return { w, h };
  }

  it('shows exactly what will change, then the asker\'s click does it once', async () => {
    const { w, h } = await setup();
    const ask = await h.run('allow add fred@partner.test', ANNA);
    assert.equal(ask.exitCode ?? 0, 0, replyText(ask));
    assert.equal(ask.parts[0]!.kind === 'text' && ask.parts[0]!.content.join(''), 'Add fred@partner.test (sender) to the global allow list on spamdyke.');
    const button = ask.actions![0]!;
    assert.match(button.command, /^allow add fred@partner\.test --type sender --confirm [0-9a-f]{24}$/);
    assert.ok(button.command.length < 2000);
    assert.deepEqual(button.confirm && [button.confirm.title, button.confirm.text], ['Please confirm', 'Add fred@partner.test (sender) to the global allow list on spamdyke.']);
    assert.equal(readFileSync(w.senders, 'utf8'), '# global allow list\n', 'nothing changes before the click');

    const done = await click(h, ask, ANNA);
    assert.equal(done.exitCode ?? 0, 0, replyText(done));
    assert.equal(readFileSync(w.senders, 'utf8'), '# global allow list\nfred@partner.test\n');

    const again = await click(h, ask, ANNA);
    assert.equal(again.exitCode, 1);
    assert.match(again.summary ?? '', /already used; it works only once/);

    const rows = await h.auditRows();
    assert.deepEqual(rows.map((r) => [r.actor, r.platform, r.channel, r.action, r.outcome]), [
      ['slack:UANNA', 'slack', 'C-support', 'lists.allow.add', 'requested'],
      ['slack:UANNA', 'slack', 'C-support', 'lists.allow.add', 'done'],
      ['slack:UANNA', 'slack', 'C-support', 'lists.allow.add', 'refused'],
    ]);
    assert.equal(rows[2]!.detail, 'confirmation used');
    assert.equal(rows[1]!.actorName, 'Anna');
  });

  it('refuses (and audits) another person\'s click, which does not spend the token', async () => {
    const { w, h } = await setup();
    const ask = await h.run('block add spam@bad.test', ANNA);
    const foreign = await click(h, ask, BOB);
    assert.equal(foreign.exitCode, 1);
    assert.match(foreign.summary ?? '', /belongs to someone else/);
    assert.equal(readFileSync(w.blocked, 'utf8'), '');
    const own = await click(h, ask, ANNA);
    assert.equal(own.exitCode ?? 0, 0, replyText(own));
    assert.equal(readFileSync(w.blocked, 'utf8'), 'spam@bad.test\n');
    const refused = (await h.auditRows()).filter((r) => r.outcome === 'refused');
    assert.deepEqual(refused.map((r) => [r.actor, r.detail]), [['slack:UBOB', 'confirmation foreign']]);
  });

  it('refuses an expired click and one whose parameters were changed', async () => {
    const { w, h } = await setup();
    const ask = await h.run('allow add fred@partner.test', ANNA);
    h.clock.now += 6 * 60_000;
    const late = await click(h, ask, ANNA);
    assert.equal(late.exitCode, 1);
    assert.match(late.summary ?? '', /confirmation expired/);

    h.clock.now = Date.now();
    const fresh = await h.run('allow add fred@partner.test', ANNA);
    const token = /--confirm (\S+)/.exec(fresh.actions![0]!.command)![1]!;
    const tampered = await h.run(`allow add evil@attacker.test --type sender --confirm ${token}`, ANNA);
    assert.equal(tampered.exitCode, 1);
    assert.match(tampered.summary ?? '', /different action or different parameters/);
    const bogus = await h.run('allow add fred@partner.test --confirm not-a-real-token-at-all', ANNA);
    assert.equal(bogus.exitCode, 1);
    assert.match(bogus.summary ?? '', /not valid/);
    assert.equal(readFileSync(w.senders, 'utf8'), '# global allow list\n');
    assert.deepEqual((await h.auditRows()).filter((r) => r.outcome === 'refused').map((r) => r.detail), ['confirmation expired', 'confirmation mismatch', 'confirmation unknown']);
  });

  it('re-checks the permission at click time', async () => {
    const { h } = await setup();
    const ask = await h.run('allow add fred@partner.test', ANNA);
    // Anna left the ops group between asking and clicking.
    const click2 = await click(h, ask, { ...ANNA, actor: { id: 'slack:UANNA' } });
    assert.equal(click2.exitCode, 1);
    assert.match(click2.summary ?? '', /lists\.edit is missing/);
  });

  it('refuses --yes in chat, and audits it', async () => {
    const { w, h } = await setup();
    for (const face of [ANNA, TEAMS]) {
      const reply = await h.run('allow add fred@partner.test --yes', face);
      assert.equal(reply.exitCode, 2);
      assert.match(reply.summary ?? '', /--yes works only in the terminal/);
    }
    assert.equal(readFileSync(w.senders, 'utf8'), '# global allow list\n');
    assert.deepEqual((await h.auditRows()).map((r) => [r.platform, r.outcome, r.detail]), [['slack', 'refused', '--yes used in chat'], ['teams', 'refused', '--yes used in chat']]);
  });

  it('releases from Teams through the button: the message reaches the relay', async () => {
    const { w, h } = await setup();
    smtp.received.length = 0;
    const id = ((await h.run('quarantine list --json', TEAMS)).data as Array<{ id: string; recipients: string[] }>).find((r) => r.recipients[0] === MESSAGES.a.to)!.id;
    const ask = await h.run(`quarantine release ${id}`, TEAMS);
    assert.equal(ask.summary, `Release message ${id} from ${MESSAGES.a.from} to ${MESSAGES.a.to}, subject "${MESSAGES.a.subject}" — it will be delivered to the recipient.`);
    assert.equal(smtp.received.length, 0);
    const done = await click(h, ask, TEAMS);
    assert.equal(done.exitCode ?? 0, 0, replyText(done));
    assert.equal(smtp.received.length, 1);
    assert.ok(!existsSync(join(w.quarantine, `${MESSAGES.a.name}.eml`)));
  });

  it('in the CLI asks in a TTY, takes --yes in scripts, and needs one of them', async () => {
    const { w, h } = await setup();
    const questions: string[] = [];
    const no = await h.run('allow add fred@partner.test', { interactive: true, ask: async (q) => (questions.push(q), false) });
    assert.equal(no.exitCode, 1);
    assert.equal(questions[0], 'Add fred@partner.test (sender) to the global allow list on spamdyke. — continue?');
    assert.equal(readFileSync(w.senders, 'utf8'), '# global allow list\n');
    const yes = await h.run('allow add fred@partner.test', { interactive: true, ask: async () => true });
    assert.equal(yes.exitCode ?? 0, 0, replyText(yes));
    const script = await h.run('allow add joe@partner.test');
    assert.equal(script.exitCode, 2);
    assert.match(script.summary ?? '', /needs confirmation .* add --yes/);
    assert.deepEqual((await h.auditRows()).map((r) => r.outcome), ['cancelled', 'done']);
  });

  it('answers in Indonesian and German too', async () => {
    const { h } = await setup();
    const id = await h.run('allow add fred@partner.test', { ...ANNA, lang: 'id' });
    assert.match(id.summary ?? '', /^Tambahkan fred@partner\.test/);
    const de = await h.run('allow add fred@partner.test --yes', { ...ANNA, lang: 'de' });
    assert.match(de.summary ?? '', /--yes gilt nur im Terminal/);
    const forbidden = await h.run('audit', { ...ANNA, actor: { id: 'slack:UX' }, lang: 'de' });
    assert.match(forbidden.summary ?? '', /haben keine Rolle/);
  });

  it('keeps the audit across a restart with the embedded store, mirrored to audit.jsonl', async () => {
    const { w, h } = await setup();
    const ask = await h.run('allow add fred@partner.test', ANNA);
    await click(h, ask, BOB);
    await click(h, ask, ANNA);
    await h.services.close();
    const reopened = await harness({ backends: w.backends, access: { roles: ROLES } }, { dataDir: h.dataDir, store: new EmbeddedStore({ file: join(h.dataDir, 'postmaster.db') }) });
    const audit = await reopened.run('audit --json');
    assert.deepEqual((audit.data as Array<{ outcome: string }>).map((r) => r.outcome), ['requested', 'refused', 'done']);
    const lines = readFileSync(join(h.dataDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string });
    assert.deepEqual(lines.map((l) => l.outcome), ['requested', 'refused', 'done']);
    await reopened.services.close();
  });

  describe('on real Redis', async () => {
    const skip = await redisSkip();
    it('audits replay, foreign and expired clicks, and reads them back after a restart', { skip }, async () => {
      const prefix = testPrefix();
      const { w, h } = await setup({ store: new RedisStore({ url: REDIS_URL, keyPrefix: prefix }) });
      const ask = await h.run('block add spam@bad.test', ANNA);
      assert.equal((await click(h, ask, BOB)).exitCode, 1);
      assert.equal((await click(h, ask, ANNA)).exitCode ?? 0, 0);
      assert.equal((await click(h, ask, ANNA)).exitCode, 1);
      const late = await h.run('block add other@bad.test', ANNA);
      h.clock.now += 10 * 60_000;
      assert.equal((await click(h, late, ANNA)).exitCode, 1);
      assert.equal(readFileSync(w.blocked, 'utf8'), 'spam@bad.test\n');
      await h.services.close();

      // A new process on the same Redis: the stream is still there.
      const again = await harness({ backends: w.backends, access: { roles: ROLES } }, { store: new RedisStore({ url: REDIS_URL, keyPrefix: prefix }) });
      const audit = await again.run('audit --json --since 1h');
      const rows = audit.data as Array<{ actor: string; outcome: string; detail: string; platform: string; channel: string }>;
      assert.deepEqual(rows.map((r) => [r.actor, r.outcome, r.detail]), [
        ['slack:UANNA', 'requested', 'confirmation shown'],
        ['slack:UBOB', 'refused', 'confirmation foreign'],
        ['slack:UANNA', 'done', 'added spam@bad.test to ' + w.blocked],
        ['slack:UANNA', 'refused', 'confirmation used'],
        ['slack:UANNA', 'requested', 'confirmation shown'],
        ['slack:UANNA', 'refused', 'confirmation expired'],
      ]);
      assert.ok(rows.every((r) => r.platform === 'slack' && r.channel === 'C-support'));
      assert.ok(!existsSync(join(again.dataDir, 'audit.jsonl')), 'no file mirror with Redis');
      await again.services.close();
    });
  });
});
