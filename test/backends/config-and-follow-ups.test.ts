/** The backends/access config sections, and the follow-up commands the explainer offers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { applyEnv } from '../../src/config/env.js';
import { allowSenderCommand, findInQuarantineCommand } from '../../src/backends/follow-ups.js';
import { startSmtpSink } from './smtp-sink.js';
import { world, MESSAGES } from '../access/fixtures.js';
import { adminRole, harness, replyText } from './harness.js';

describe('backends and access configuration', () => {
  it('works when absent: no backend, nobody granted anything, 5 minute confirmations', () => {
    const config = parseConfig({});
    assert.equal(config.backends.quarantine, 'none');
    assert.equal(config.backends.lists, 'none');
    assert.deepEqual(config.access.roles, {});
    assert.equal(config.access.confirmTtl, '5m');
  });

  it('names the missing key when a chosen backend lacks its settings', () => {
    assert.throws(() => parseConfig({ backends: { quarantine: 'spamexperts' } }), (e: unknown) => e instanceof ConfigError && /backends\.spamexperts\.url/.test(e.message));
    assert.throws(() => parseConfig({ backends: { quarantine: 'maildir', maildir: {} } }), (e: unknown) => e instanceof ConfigError && /backends\.maildir\.dir/.test(e.message));
    assert.throws(() => parseConfig({ access: { roles: { ops: { members: ['U0123'], grants: ['lists.edit'] } } } }), (e: unknown) => e instanceof ConfigError && /access\.roles\.ops\.members\.0.*slack:U0123/.test(e.message));
    assert.throws(() => parseConfig({ access: { roles: { ops: { members: ['slack:U1'], grants: ['*'] } } } }), ConfigError);
    assert.throws(() => parseConfig({ backends: { lists: 'spamdyke', spamdyke: { file: {} } } }), (e: unknown) => e instanceof ConfigError && /backends\.spamdyke\.file/.test(e.message));
  });

  it('takes passwords from the environment', () => {
    const raw = applyEnv({ backends: { quarantine: 'proxmox', proxmox: { url: 'https://pmg.example.net:8006', username: 'bot@pmg' } } }, { PMG_PASSWORD: 'from-env' });
    assert.equal(parseConfig(raw).backends.proxmox?.password, 'from-env');
  });
});

describe('follow-up commands for the explainer', () => {
  it('builds commands only from plain addresses', () => {
    assert.equal(allowSenderCommand('<fred@partner.test>'), 'allow add fred@partner.test');
    assert.equal(allowSenderCommand('fred@partner.test', 'Example.com'), 'allow add fred@partner.test --domain example.com');
    assert.equal(allowSenderCommand('fred@partner.test --yes'), null);
    assert.equal(allowSenderCommand('"a b"@x.test'), null);
    assert.equal(findInQuarantineCommand('anna@a.test'), 'quarantine list --recipient anna@a.test --since 7d');
    assert.equal(findInQuarantineCommand('anna@a.test; rm -rf'), null);
  });

  it('the offered commands work as typed', async () => {
    const smtp = await startSmtpSink();
    try {
      const w = world(smtp.port);
      const h = await harness({ backends: w.backends, access: { roles: adminRole() } });
      const find = await h.run(findInQuarantineCommand(MESSAGES.a.to)!);
      assert.equal(find.exitCode ?? 0, 0, replyText(find));
      assert.deepEqual((find.data as Array<{ recipients: string[] }>).map((m) => m.recipients), [[MESSAGES.a.to]]);
      const allow = await h.run(`${allowSenderCommand(MESSAGES.a.from)!} --yes`);
      assert.equal(allow.exitCode ?? 0, 0, replyText(allow));
    } finally {
      await smtp.close();
    }
  });
});
