/**
 * `--resolver` points the bot's DNS traffic at a host of the asker's choice:
 * at a terminal that is the operator's own machine, in chat it needs a role
 * that grants checks.resolver (deny by default, refusal audited).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { parseConfig } from '../../src/config/load.js';
import type { Request } from '../../src/core/request.js';
import { createServices, type AppServices } from '../../src/main.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';
import { goodZone } from './fixtures.js';
import { tempDir } from '../helpers/temp.js';

function chatRequest(actor: string, args: string[]): Request {
  return { platform: 'slack', actor: { id: actor }, channel: 'C1', lang: 'en', args, text: args.join(' '), attachments: [] };
}

describe('check --resolver from chat', () => {
  let dns: DnsServer;
  let services: AppServices;
  before(async () => {
    dns = await startDnsServer(goodZone());
    const config = parseConfig({
      dataDir: tempDir('pm-resolver-access-'),
      log: { level: 'silent' },
      checks: { queryTimeout: '2s', totalBudget: '8s', resolvers: ['127.0.0.1:9'] },
      access: { roles: { oncall: { members: ['slack:UONCALL'], grants: ['checks.resolver'] } } },
    });
    services = await createServices(config, { store: new EmbeddedStore({ file: ':memory:' }), logger: pino({ level: 'silent' }) });
  });
  after(async () => {
    await services.close();
    await dns.close();
  });

  it('is refused for someone without the role, with a sentence, and audited', async () => {
    const reply = await services.router.dispatch('check', chatRequest('slack:USTRANGER', ['good.test', '--resolver', dns.address]), services);
    assert.equal(reply.exitCode, 1);
    assert.match(reply.summary ?? '', /no role in the access policy, so the permission checks\.resolver is missing/);
    const audit = await services.store.range('audit');
    assert.ok(audit.some((e) => e.record.action === 'checks.resolver' && e.record.outcome === 'refused'), 'the refusal is in the audit trail');
    assert.deepEqual(dns.queries, [], 'not one query was sent to the chosen server');
  });

  it('runs for someone whose role grants checks.resolver, against that server', async () => {
    const reply = await services.router.dispatch('check', chatRequest('slack:UONCALL', ['good.test', '--resolver', dns.address, '--json']), services);
    assert.equal(reply.exitCode ?? 0, 0, JSON.stringify(reply).slice(0, 500));
    const data = reply.data as { results: Array<{ code: string; severity: string }> };
    assert.equal(data.results.find((r) => r.code === 'DNS_RESOLVE')?.severity, 'OK');
  });
});
