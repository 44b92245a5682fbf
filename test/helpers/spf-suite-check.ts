/**
 * Evaluates an RFC 7208 suite test the way `postmaster check --ip` does:
 * a fresh check run (resolver layers, cache) pointed at the local DNS
 * server, and the SPF verdict SPF_MATCH reports.
 */
import { parseConfig } from '../../src/config/load.js';
import { createCheckRun } from '../../src/checks/setup.js';
import { spfChecks, spfMatch } from '../../src/checks/spf-checks.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import type { SuiteEvaluator } from './rfc7208-suite.js';

export function checkEvaluator(serverAddress: string, options: { queryTimeout?: string; totalBudget?: string } = {}): SuiteEvaluator {
  const config = parseConfig({ checks: { queryTimeout: options.queryTimeout ?? '300ms', totalBudget: options.totalBudget ?? '5s', resolvers: [serverAddress] } });
  return async (test) => {
    const store = new EmbeddedStore({ file: ':memory:' });
    try {
      const run = createCheckRun(config.checks, store, { fetchMtaSts: null });
      const domain = (test.mailfrom.includes('@') ? test.mailfrom.slice(test.mailfrom.lastIndexOf('@') + 1) : test.helo).toLowerCase();
      const facts = await spfChecks(run.ctx, domain);
      const match = await spfMatch(run.ctx, domain, test.host, test.helo || undefined, facts.tree);
      return { result: match.verdict, note: match.result.evidence };
    } finally {
      await store.close();
    }
  };
}
