import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';
import { checkCli, goodZone, patch } from './fixtures.js';

let server: DnsServer;
before(async () => {
  // No _mta-sts record: the CLI's real HTTPS policy fetch must never be triggered in tests.
  server = await startDnsServer(patch(goodZone(), { '_mta-sts.good.test': undefined }));
});
after(async () => server.close());

describe('postmaster check (CLI contract)', () => {
  it('--json prints exactly {target, kind, elapsedMs, results} and exits 0 without CRIT', async () => {
    const { code, stdout } = await checkCli(server, ['check', 'GOOD.test.', '--json']);
    assert.equal(code, 0, stdout);
    const data = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), ['target', 'kind', 'elapsedMs', 'results']);
    assert.equal(data.target, 'good.test');
    assert.equal(data.kind, 'domain');
    assert.equal(typeof data.elapsedMs, 'number');
    const results = data.results as Array<Record<string, unknown>>;
    assert.ok(results.length > 15);
    for (const r of results) {
      for (const key of ['code', 'severity', 'verdict', 'evidence', 'fix']) assert.equal(typeof r[key], 'string', `${key} in ${JSON.stringify(r)}`);
      assert.ok(['CRIT', 'WARN', 'INFO', 'OK', 'UNKNOWN'].includes(r.severity as string));
      assert.ok(Object.keys(r).every((k) => ['code', 'severity', 'verdict', 'evidence', 'fix', 'subject', 'catalog'].includes(k)));
    }
    assert.equal(stdout.trim().split('\n').length, 1, 'one JSON document');
  });

  it('exits 1 when a result is CRIT', async () => {
    const { code, stdout } = await checkCli(server, ['check', 'nowhere.test', '--json']);
    assert.equal(code, 1);
    const data = JSON.parse(stdout) as { results: Array<{ code: string; severity: string }> };
    assert.deepEqual(data.results.map((r) => [r.code, r.severity])[0], ['DNS_RESOLVE', 'CRIT']);
  });

  it('exits 2 with one sentence on bad input', async () => {
    for (const args of [['check', 'not a domain'], ['check', '203.0.113.5', '--ip', '203.0.113.6'], ['check', 'good.test', '--resolver', 'dns.example'], ['check', 'good.test', '--bogus']]) {
      const { code, stdout, stderr } = await checkCli(server, args);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
    }
  });

  it('--resolver sends every query, DNSBL ones included, to that server', async () => {
    const first = server.queries.length;
    const { code, stdout } = await checkCli(server, ['check', 'good.test', '--resolver', server.address, '--json'], { resolverInConfig: false });
    assert.equal(code, 0, stdout);
    const asked = server.queries.slice(first);
    assert.ok(asked.includes('10.89.67.45.zen.spamhaus.org A'), 'DNSBL query did not reach the --resolver server');
    assert.ok(asked.includes('good.test.dbl.spamhaus.org A'));
    assert.ok(asked.includes('_dmarc.good.test TXT'));
  });

  it('renders worst first, collapses OK lines, and offers re-run and per-MX-IP buttons', async () => {
    const { code, stdout } = await checkCli(server, ['check', 'good.test', '--ip', '81.2.69.160']);
    assert.equal(code, 1, 'SPF fails for an unlisted IP under -all');
    assert.match(stdout, /Check of good\.test: \d+ critical/);
    assert.match(stdout, /\[ERROR\]\s+SPF_MATCH: 81\.2\.69\.160 → fail/);
    assert.match(stdout, /\[OK\]\s+\d+ checks passed: DNS_RESOLVE, NS_COUNT/);
    assert.equal((stdout.match(/\[OK\]/g) ?? []).length, 1, 'OK lines are collapsed into one');
    assert.match(stdout, /check good\.test --ip 81\.2\.69\.160/);
    assert.match(stdout, /check 45\.67\.89\.10/);
    assert.match(stdout, /check 45\.67\.89\.11/);
    const order = ['[ERROR]', '[WARN]', '[INFO]', '[OK]'].map((m) => stdout.indexOf(m)).filter((i) => i >= 0);
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
  });

  it('frames the answer in the asked language', async () => {
    const { stdout } = await checkCli(server, ['check', 'good.test', '--lang', 'de']);
    assert.match(stdout, /Prüfung von good\.test/);
    assert.match(stdout, /Erneut prüfen/);
  });
});
