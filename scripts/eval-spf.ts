/**
 * `npm run eval:spf`: the RFC 7208 test suite (pyspf's rfc7208-tests.yml)
 * against the SPF verdict of `postmaster check`, every scenario's DNS data
 * served from a local DNS server on 127.0.0.1. Prints the score per scenario
 * and each failing case. `--json` prints the outcome as JSON.
 */
import { parseArgs } from 'node:util';
import { startDnsServer } from '../test/helpers/dns-server.js';
import { loadSuite, runSuite } from '../test/helpers/rfc7208-suite.js';
import { checkEvaluator } from '../test/helpers/spf-suite-check.js';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' } } });
const server = await startDnsServer();
try {
  const scenarios = loadSuite();
  const outcomes = await runSuite(scenarios, server, checkEvaluator(server.address));
  const passed = outcomes.filter((o) => o.ok).length;
  if (values.json) {
    console.log(JSON.stringify({ passed, total: outcomes.length, outcomes: outcomes.map((o) => ({ scenario: o.test.scenario, name: o.test.name, expected: o.test.expected, result: o.result, ok: o.ok })) }, null, 1));
  } else {
    for (const scenario of scenarios) {
      const mine = outcomes.filter((o) => o.test.scenario === scenario.description);
      console.log(`${String(mine.filter((o) => o.ok).length).padStart(3)}/${String(mine.length).padEnd(3)} ${scenario.description}`);
    }
    const failing = outcomes.filter((o) => !o.ok);
    if (failing.length) console.log('\nFailing:');
    for (const o of failing) {
      console.log(`  ${o.test.name} (${o.test.scenario}, RFC 7208 ${o.test.spec}): expected ${o.test.expected.join(' or ')}, got ${o.result}`);
      if (values.verbose && o.note) console.log(`      ${o.note}`);
    }
    // SPF_MATCH shows mailauth's result as a second opinion: how would it have scored alone?
    const second = outcomes.filter((o) => o.test.expected.includes(/mailauth: (\w+)/.exec(o.note ?? '')?.[1] ?? '')).length;
    console.log(`\nRFC 7208 suite: ${passed}/${outcomes.length} (${((100 * passed) / outcomes.length).toFixed(1)} %)`);
    console.log(`mailauth alone (its second opinion in the evidence): ${second}/${outcomes.length}`);
  }
} finally {
  await server.close();
}
