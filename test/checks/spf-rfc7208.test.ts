/**
 * The RFC 7208 test suite (pyspf's rfc7208-tests.yml) against SPF_MATCH's
 * verdict: each scenario's DNS data is served from the local DNS server and
 * each test's (host, mailfrom, helo) is evaluated as `postmaster check --ip`
 * does. The floor is the score reached; `npm run eval:spf` lists failures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';
import { loadSuite, runSuite, toNode } from '../helpers/rfc7208-suite.js';
import { checkEvaluator } from '../helpers/spf-suite-check.js';

/** Tests that must pass; raise it when the score goes up, never lower it. */
const FLOOR = 201;

let server: DnsServer;
before(async () => {
  server = await startDnsServer();
});
after(async () => server.close());

describe('RFC 7208 test suite', () => {
  it('reads the suite the way its reference driver does', () => {
    const scenarios = loadSuite();
    assert.equal(scenarios.reduce((n, s) => n + s.tests.length, 0), 201);
    // SPF (type 99) doubles as TXT unless the name has TXT of its own; TIMEOUT silences the types not listed before it.
    assert.deepEqual(toNode([{ SPF: 'v=spf1 -all' }]), { SPF: ['v=spf1 -all'], TXT: ['v=spf1 -all'] });
    assert.deepEqual(toNode([{ SPF: 'v=spf1 -all' }, { TXT: 'NONE' }, 'TIMEOUT']), { SPF: ['v=spf1 -all'], $silentUnless: ['SPF'] });
    assert.deepEqual(toNode([{ TXT: 'v=spf1 -all' }, 'TIMEOUT']), { TXT: ['v=spf1 -all'], $silentUnless: ['TXT'] });
  });

  it(`SPF_MATCH agrees with at least ${FLOOR} of the 201 tests`, async (t) => {
    const outcomes = await runSuite(loadSuite(), server, checkEvaluator(server.address));
    const passed = outcomes.filter((o) => o.ok).length;
    t.diagnostic(`RFC 7208 suite: ${passed}/${outcomes.length} (${((100 * passed) / outcomes.length).toFixed(1)} %)`);
    const failing = outcomes.filter((o) => !o.ok).map((o) => `${o.test.name}: expected ${o.test.expected.join('|')}, got ${o.result}`);
    for (const line of failing) t.diagnostic(line);
    assert.ok(passed >= FLOOR, `${passed}/${outcomes.length} below the floor ${FLOOR}:\n${failing.join('\n')}`);
  });
});
