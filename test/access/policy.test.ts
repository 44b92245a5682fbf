/**
 * The access policy through the real commands: every permission allowed, not
 * granted, and asked for another customer domain; deny by default, the
 * console included; every refusal names the permission and is audited.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccessPolicy } from '../../src/access/policy.js';
import { harness, replyText, type Harness } from '../backends/harness.js';
import { startSmtpSink, type SmtpSink } from '../backends/smtp-sink.js';
import { MESSAGES, world } from './fixtures.js';

const ALL = ['quarantine.read', 'quarantine.release', 'quarantine.delete', 'lists.read', 'lists.edit', 'audit.read'];

const ROLES = {
  'helpdesk-a': { members: ['console:alice', 'slack-group:SHELP'], grants: ALL, domains: ['a.test'] },
  readers: { members: ['console:rita', 'teams:6f1c2a90-0000-4000-8000-00000000abcd'], grants: ['quarantine.read', 'lists.read'] },
  auditors: { members: ['console:otto'], grants: ['audit.read'] },
};

describe('access policy', () => {
  let smtp: SmtpSink;
  before(async () => {
    smtp = await startSmtpSink();
  });
  after(async () => {
    await smtp.close();
  });

  async function setup(): Promise<{ h: Harness; w: ReturnType<typeof world>; ids: Record<'a' | 'b', string>; as: (id: string) => { actor: { id: string } } }> {
    const w = world(smtp.port);
    const h = await harness({ backends: w.backends, access: { roles: ROLES } });
    // Ids are computed from the backend's own identifiers; list as someone who may read everything.
    const list = await h.run('quarantine list --json', { actor: { id: 'console:rita' } });
    const rows = list.data as Array<{ id: string; recipients: string[] }>;
    const ids = {
      a: rows.find((r) => r.recipients[0] === MESSAGES.a.to)!.id,
      b: rows.find((r) => r.recipients[0] === MESSAGES.b.to)!.id,
    };
    return { h, w, ids, as: (id: string) => ({ actor: { id } }) };
  }

  it('decides per person, group and domain, and denies by default', () => {
    const policy = new AccessPolicy(ROLES as never);
    assert.deepEqual(policy.decide({ id: 'console:alice' }, 'quarantine.release', 'a.test'), { allowed: true, role: 'helpdesk-a' });
    assert.deepEqual(policy.decide({ id: 'console:alice' }, 'quarantine.release', 'b.test'), { allowed: false, reason: 'other_domain' });
    assert.deepEqual(policy.decide({ id: 'console:alice' }, 'lists.edit'), { allowed: false, reason: 'other_domain' });
    assert.deepEqual(policy.decide({ id: 'slack:U777', groups: ['SHELP'] }, 'lists.edit', 'a.test'), { allowed: true, role: 'helpdesk-a' });
    assert.deepEqual(policy.decide({ id: 'teams:6f1c2a90-0000-4000-8000-00000000abcd' }, 'quarantine.read', 'b.test'), { allowed: true, role: 'readers' });
    assert.deepEqual(policy.decide({ id: 'console:rita' }, 'quarantine.delete', 'a.test'), { allowed: false, reason: 'not_granted' });
    assert.deepEqual(policy.decide({ id: 'console:root' }, 'audit.read'), { allowed: false, reason: 'no_role' });
    // An id without its platform, or a group id given as a person, matches nothing.
    assert.equal(policy.decide({ id: 'alice' }, 'quarantine.read', 'a.test').allowed, false);
    assert.equal(policy.decide({ id: 'slack:SHELP' }, 'quarantine.read', 'a.test').allowed, false);
    assert.equal(new AccessPolicy({}).decide({ id: 'console:root' }, 'quarantine.read').allowed, false);
  });

  describe('quarantine.read', () => {
    it('allowed: lists and shows mail of its own domain', async () => {
      const { h, ids, as } = await setup();
      const list = await h.run('quarantine list --domain a.test --json', as('console:alice'));
      assert.equal(list.exitCode ?? 0, 0, replyText(list));
      assert.deepEqual((list.data as Array<{ id: string }>).map((r) => r.id), [ids.a]);
      // Without --domain a limited reader sees only its domains.
      const mine = await h.run('quarantine list --json', as('console:alice'));
      assert.deepEqual((mine.data as Array<{ id: string }>).map((r) => r.id), [ids.a]);
      const show = await h.run(`quarantine show ${ids.a}`, as('console:alice'));
      assert.equal(show.exitCode ?? 0, 0, replyText(show));
    });
    it('not granted: refused, names the permission, audited', async () => {
      const { h, ids, as } = await setup();
      const reply = await h.run('quarantine list', as('console:otto'));
      assert.equal(reply.exitCode, 1);
      assert.match(reply.summary ?? '', /The permission quarantine\.read is missing/);
      const show = await h.run(`quarantine show ${ids.a}`, as('console:nobody'));
      assert.equal(show.exitCode, 1);
      assert.match(show.summary ?? '', /You \(console:nobody\) have no role .* quarantine\.read is missing/);
      const rows = await h.auditRows();
      assert.deepEqual(rows.filter((r) => r.outcome === 'refused').map((r) => [r.actor, r.action]), [['console:otto', 'quarantine.read'], ['console:nobody', 'quarantine.read']]);
    });
    it('other domain: refused', async () => {
      const { h, ids, as } = await setup();
      const list = await h.run('quarantine list --domain b.test', as('console:alice'));
      assert.equal(list.exitCode, 1);
      assert.match(list.summary ?? '', /quarantine\.read is missing for b\.test: your roles grant it only for a\.test/);
      const show = await h.run(`quarantine show ${ids.b}`, as('console:alice'));
      assert.equal(show.exitCode, 1);
      const byRecipient = await h.run(`quarantine list --recipient ${MESSAGES.b.to}`, as('console:alice'));
      assert.equal(byRecipient.exitCode, 1);
    });
  });

  for (const verb of ['release', 'delete'] as const) {
    describe(`quarantine.${verb}`, () => {
      it('allowed: done for its own domain', async () => {
        const { h, w, ids, as } = await setup();
        smtp.received.length = 0;
        const reply = await h.run(`quarantine ${verb} ${ids.a} --yes`, as('console:alice'));
        assert.equal(reply.exitCode ?? 0, 0, replyText(reply));
        assert.ok(!existsSync(join(w.quarantine, `${MESSAGES.a.name}.eml`)));
        assert.equal(smtp.received.length, verb === 'release' ? 1 : 0);
        assert.equal((await h.auditRows()).at(-1)!.outcome, 'done');
      });
      it('not granted: refused and nothing changes', async () => {
        const { h, w, ids, as } = await setup();
        smtp.received.length = 0;
        const reply = await h.run(`quarantine ${verb} ${ids.a} --yes`, as('console:rita'));
        assert.equal(reply.exitCode, 1);
        assert.match(reply.summary ?? '', new RegExp(`The permission quarantine\\.${verb} is missing`));
        assert.ok(existsSync(join(w.quarantine, `${MESSAGES.a.name}.eml`)));
        assert.equal(smtp.received.length, 0);
        const last = (await h.auditRows()).at(-1)!;
        assert.deepEqual([last.actor, last.action, last.outcome], ['console:rita', `quarantine.${verb}`, 'refused']);
      });
      it('other domain: refused and nothing changes', async () => {
        const { h, w, ids, as } = await setup();
        const reply = await h.run(`quarantine ${verb} ${ids.b} --yes`, as('console:alice'));
        assert.equal(reply.exitCode, 1);
        assert.match(reply.summary ?? '', new RegExp(`quarantine\\.${verb} is missing for b\\.test`));
        assert.ok(existsSync(join(w.quarantine, `${MESSAGES.b.name}.eml`)));
        const last = (await h.auditRows()).at(-1)!;
        assert.deepEqual([last.domain, last.outcome], ['b.test', 'refused']);
      });
    });
  }

  describe('lists.read', () => {
    it('allowed for its domain; not granted; other domain; the global list needs an unlimited grant', async () => {
      const { h, as } = await setup();
      assert.equal((await h.run('allow list --domain a.test', as('console:alice'))).exitCode ?? 0, 0);
      assert.equal((await h.run('allow list', as('console:rita'))).exitCode ?? 0, 0);
      const notGranted = await h.run('block list --domain a.test', as('console:otto'));
      assert.equal(notGranted.exitCode, 1);
      assert.match(notGranted.summary ?? '', /lists\.read is missing/);
      const other = await h.run('allow list --domain b.test', as('console:alice'));
      assert.equal(other.exitCode, 1);
      assert.match(other.summary ?? '', /lists\.read is missing for b\.test/);
      const global = await h.run('allow list', as('console:alice'));
      assert.equal(global.exitCode, 1);
      assert.match(global.summary ?? '', /missing for the global list/);
    });
  });

  describe('lists.edit', () => {
    it('allowed for its domain; not granted; other domain; global — only the allowed edit lands', async () => {
      const { h, w, as } = await setup();
      const ok = await h.run('allow add fred@partner.test --domain a.test --yes', as('console:alice'));
      assert.equal(ok.exitCode ?? 0, 0, replyText(ok));
      assert.equal(readFileSync(join(w.configDir, '_recipient_', 'test', 'a'), 'utf8'), 'sender-whitelist-entry=fred@partner.test\n');
      const notGranted = await h.run('block add spam@x.test --domain a.test --yes', as('console:rita'));
      assert.equal(notGranted.exitCode, 1);
      assert.match(notGranted.summary ?? '', /lists\.edit is missing/);
      const other = await h.run('allow add fred@partner.test --domain b.test --yes', as('console:alice'));
      assert.equal(other.exitCode, 1);
      const global = await h.run('allow add fred@partner.test --yes', as('console:alice'));
      assert.equal(global.exitCode, 1);
      assert.equal(readFileSync(w.senders, 'utf8'), '# global allow list\n');
      assert.ok(!existsSync(join(w.configDir, '_recipient_', 'test', 'b')));
      const outcomes = (await h.auditRows()).filter((r) => r.action !== 'quarantine.read').map((r) => r.outcome);
      assert.deepEqual(outcomes, ['done', 'refused', 'refused', 'refused']);
    });
  });

  describe('audit.read', () => {
    it('allowed (all, or only its domains); not granted', async () => {
      const { h, ids, as } = await setup();
      await h.run(`quarantine delete ${ids.a} --yes`, as('console:alice'));
      await h.run(`quarantine delete ${ids.b} --yes`, as('console:alice'));
      const all = await h.run('audit --json', as('console:otto'));
      assert.equal(all.exitCode ?? 0, 0, replyText(all));
      assert.deepEqual((all.data as Array<{ domain?: string; outcome: string }>).map((r) => [r.domain, r.outcome]), [['a.test', 'done'], ['b.test', 'refused']]);
      // Limited to a.test: the record about b.test is not shown.
      const mine = await h.run('audit --json', as('console:alice'));
      assert.deepEqual((mine.data as Array<{ domain?: string }>).map((r) => r.domain), ['a.test']);
      const refused = await h.run('audit', as('console:rita'));
      assert.equal(refused.exitCode, 1);
      assert.match(refused.summary ?? '', /audit\.read is missing/);
    });
  });

  it('gives the console no implicit rights: an empty policy refuses even reads', async () => {
    const w = world(smtp.port);
    const h = await harness({ backends: w.backends });
    for (const line of ['quarantine list', 'allow list', 'audit', 'block add spam@x.test --yes']) {
      const reply = await h.run(line, { actor: { id: 'console:root' } });
      assert.equal(reply.exitCode, 1, line);
      assert.match(reply.summary ?? '', /have no role in the access policy/);
    }
  });
});
