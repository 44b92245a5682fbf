/**
 * Evaluates an RFC 7208 suite test the way `postmaster check --ip` does:
 * a fresh check run (resolver layers, cache) pointed at the local DNS
 * server, and the verdict SPF_MATCH reports for (host, mailfrom, helo).
 */
import { parseConfig } from '../../src/config/load.js';
import { createCheckRun } from '../../src/checks/setup.js';
import { spfMatch } from '../../src/checks/spf-checks.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import type { SuiteEvaluator } from './rfc7208-suite.js';

export function checkEvaluator(serverAddress: string, options: { queryTimeout?: string; totalBudget?: string } = {}): SuiteEvaluator {
  // A generous per-query timeout: the suite's TIMEOUT names must time out, every other answer must arrive even on a busy machine.
  const config = parseConfig({ checks: { queryTimeout: options.queryTimeout ?? '1s', totalBudget: options.totalBudget ?? '10s', resolvers: [serverAddress] } });
  return async (test) => {
    const store = new EmbeddedStore({ file: ':memory:' });
    try {
      const run = createCheckRun(config.checks, store, { fetchMtaSts: null });
      const match = await spfMatch(run.ctx, { mailFrom: test.mailfrom, ip: test.host, ...(test.helo ? { helo: test.helo } : {}) });
      return { result: match.verdict, note: match.result.evidence };
    } finally {
      await store.close();
    }
  };
}
