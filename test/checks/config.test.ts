import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { resolveZones } from '../../src/checks/dnsbl-zones.js';
import { configDuration as durationMs } from '../../src/core/duration.js';

describe('the checks config section', () => {
  it('works when absent, with the documented defaults', () => {
    const { checks } = parseConfig({});
    assert.deepEqual(checks.resolvers, []);
    assert.equal(durationMs(checks.queryTimeout), 2000);
    assert.equal(durationMs(checks.totalBudget), 2300);
    assert.equal(checks.smtp.port, 25);
    assert.equal(checks.dnsbl.dqsKey, undefined);
    const zones = resolveZones(checks.dnsbl).map((z) => z.zone);
    assert.ok(zones.includes('zen.spamhaus.org') && zones.includes('list.dnswl.org') && zones.includes('dbl.spamhaus.org'));
    assert.ok(!zones.some((z) => z.includes('sorbs')), 'SORBS is gone since June 2024');
  });

  it('takes the DQS key from SPAMHAUS_DQS_KEY', () => {
    const config = loadConfig({ env: { SPAMHAUS_DQS_KEY: 'abcdef0123456789' } });
    assert.equal(config.checks.dnsbl.dqsKey, 'abcdef0123456789');
    assert.ok(resolveZones(config.checks.dnsbl).some((z) => z.display === 'zrd.dq.spamhaus.net'));
  });

  it('is strict: a misspelt key or a bad zone stops the start with the key named', () => {
    assert.throws(() => parseConfig({ checks: { resolver: ['127.0.0.1'] } }), (e: unknown) => e instanceof ConfigError && /checks\.resolver/.test(e.message));
    assert.throws(() => parseConfig({ checks: { dnsbl: { zones: [{ zone: 'not a zone' }] } } }), /checks\.dnsbl\.zones\.0\.zone/);
    assert.throws(() => parseConfig({ checks: { totalBudget: '2 seconds' } }), /checks\.totalBudget/);
  });
});
