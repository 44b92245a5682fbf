import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';
import { find, goodZone, KEY_1024, KEY_2048, KEY_512, one, patch, runner, severityOf, type Runner } from './fixtures.js';

let server: DnsServer;
let run: Runner;

before(async () => {
  server = await startDnsServer(goodZone());
  run = runner(server);
});
after(async () => {
  await run.close();
  await server.close();
});

describe('a healthy domain', () => {
  it('passes every check, worst first, with nothing above INFO', async () => {
    server.setZone(goodZone());
    const out = await run.check('good.test');
    assert.equal(out.kind, 'domain');
    assert.equal(out.target, 'good.test');
    assert.ok(!out.results.some((r) => r.severity === 'CRIT' || r.severity === 'WARN' || r.severity === 'UNKNOWN'), JSON.stringify(out.results, null, 1));
    for (const code of ['DNS_RESOLVE', 'NS_COUNT', 'MX_PRESENT', 'MX_HYGIENE', 'SPF_PRESENT', 'SPF_SYNTAX', 'SPF_LOOKUPS', 'SPF_ALL', 'SPF_BROAD',
      'SPF_DEPRECATED', 'DMARC_PRESENT', 'DMARC_POLICY', 'DMARC_RUA', 'DKIM_SELECTORS', 'MTA_STS', 'TLSRPT', 'BIMI', 'DOMAIN_BL', 'DNSSEC_DANE'] as const) {
      assert.equal(severityOf(out, code), 'OK', code);
    }
    // Results are sorted worst first.
    const rank = { CRIT: 0, WARN: 1, UNKNOWN: 2, INFO: 3, OK: 4 };
    assert.deepEqual(out.results.map((r) => rank[r.severity]), [...out.results.map((r) => rank[r.severity])].sort((a, b) => a - b));
    assert.deepEqual(out.mxHosts.map((h) => h.name), ['mx1.good.test', 'mx2.good.test']);
  });
});

describe('DNS_RESOLVE and NS_COUNT', () => {
  it('NXDOMAIN is CRIT and the other domain checks are left out', async () => {
    const out = await run.check('nowhere.test');
    assert.equal(severityOf(out, 'DNS_RESOLVE'), 'CRIT');
    assert.match(one(out, 'DNS_RESOLVE').verdict, /does not exist \(NXDOMAIN\)/);
    assert.equal(find(out, 'SPF_PRESENT').length, 0);
    assert.equal(find(out, 'MX_PRESENT').length, 0);
  });

  it('SERVFAIL is UNKNOWN, never "missing"', async () => {
    server.setZone({ ...goodZone(), 'broken.test': { $rcode: 'SERVFAIL' } });
    const out = await run.check('broken.test');
    assert.equal(severityOf(out, 'DNS_RESOLVE'), 'UNKNOWN');
    assert.equal(severityOf(out, 'SPF_PRESENT'), 'UNKNOWN');
    assert.equal(severityOf(out, 'MX_PRESENT'), 'UNKNOWN');
    assert.ok(!out.results.some((r) => r.severity === 'CRIT'), 'a SERVFAIL must never read as a failure');
  });

  it('a single nameserver is WARN', async () => {
    const zone = goodZone();
    server.setZone(patch(zone, { 'good.test': { ...zone['good.test']!, NS: ['ns1.good.test'] } }));
    assert.equal(severityOf(await run.check('good.test'), 'NS_COUNT'), 'WARN');
  });
});

describe('MX_PRESENT, MX_HYGIENE and MX_OURS', () => {
  it('no MX and no address is CRIT; no MX with an A record is WARN; a null MX is INFO', async () => {
    const zone = goodZone();
    const { MX: _mx, ...noMx } = zone['good.test']!;
    server.setZone(patch(zone, { 'good.test': noMx }));
    assert.equal(severityOf(await run.check('good.test'), 'MX_PRESENT'), 'CRIT');
    server.setZone(patch(zone, { 'good.test': { ...noMx, A: ['45.67.89.12'] } }));
    const implicit = await run.check('good.test');
    assert.equal(severityOf(implicit, 'MX_PRESENT'), 'WARN');
    assert.match(one(implicit, 'MX_PRESENT').verdict, /fall back to the A\/AAAA record 45\.67\.89\.12/);
    server.setZone(patch(zone, { 'good.test': { ...noMx, MX: [{ exchange: '', priority: 0 }] } }));
    assert.equal(severityOf(await run.check('good.test'), 'MX_PRESENT'), 'INFO');
  });

  it('a CNAME MX or a private address is WARN; no reachable MX at all is CRIT', async () => {
    const zone = goodZone();
    server.setZone(patch(zone, { 'mx2.good.test': { CNAME: 'mx1.good.test' } }));
    const cname = one(await run.check('good.test'), 'MX_HYGIENE');
    assert.equal(cname.severity, 'WARN');
    assert.match(cname.verdict, /mx2\.good\.test is a CNAME/);
    server.setZone(patch(zone, { 'mx2.good.test': { A: ['10.0.0.5'] } }));
    assert.match(one(await run.check('good.test'), 'MX_HYGIENE').verdict, /non-public 10\.0\.0\.5/);
    server.setZone(patch(zone, { 'mx1.good.test': undefined, 'mx2.good.test': undefined }));
    assert.equal(severityOf(await run.check('good.test'), 'MX_HYGIENE'), 'CRIT');
  });

  it('MX_OURS warns when an MX bypasses our filter, passes when all match, and is skipped unconfigured', async () => {
    server.setZone(goodZone());
    assert.equal(find(await run.check('good.test'), 'MX_OURS').length, 0);
    const ours = await run.check('good.test', {}, { checks: { ourMx: ['mx?.good.test'] } });
    assert.equal(severityOf(ours, 'MX_OURS'), 'OK');
    const foreign = await run.check('good.test', {}, { checks: { ourMx: ['*.filter.hoster.test'] } });
    assert.equal(severityOf(foreign, 'MX_OURS'), 'WARN');
    assert.match(one(foreign, 'MX_OURS').verdict, /bypasses our filtering/);
  });
});

describe('DKIM_SELECTORS and DKIM_KEY', () => {
  it('a 512-bit key is CRIT, a 1024-bit key WARN, a revoked asked-for key CRIT, t=y INFO', async () => {
    const zone = goodZone();
    server.setZone(patch(zone, {
      'selector1._domainkey.good.test': { TXT: [`v=DKIM1; k=rsa; p=${KEY_512}`] },
      's1._domainkey.good.test': { TXT: [`v=DKIM1; k=rsa; p=${KEY_1024}`] },
      'old._domainkey.good.test': { TXT: ['v=DKIM1; k=rsa; p='] },
      'k1._domainkey.good.test': { TXT: [`v=DKIM1; t=y; k=rsa; p=${KEY_2048}`] },
    }));
    const out = await run.check('good.test', { dkim: ['old'] });
    assert.equal(severityOf(out, 'DKIM_KEY', 'selector1'), 'CRIT');
    assert.match(one(out, 'DKIM_KEY', 'selector1').verdict, /512-bit RSA key/);
    assert.equal(severityOf(out, 'DKIM_KEY', 's1'), 'WARN');
    assert.equal(severityOf(out, 'DKIM_KEY', 'old'), 'CRIT');
    assert.match(one(out, 'DKIM_KEY', 'old').verdict, /revoked/);
    assert.equal(severityOf(out, 'DKIM_KEY', 'k1'), 'INFO');
    assert.equal(severityOf(out, 'DKIM_SELECTORS'), 'OK');
  });

  it('no selector found is WARN with the --dkim hint; an asked-for missing selector is CRIT; a timeout is UNKNOWN', async () => {
    server.setZone(patch(goodZone(), { 'selector1._domainkey.good.test': undefined }));
    const none = await run.check('good.test');
    assert.equal(severityOf(none, 'DKIM_SELECTORS'), 'WARN');
    assert.match(one(none, 'DKIM_SELECTORS').verdict, /try --dkim/);
    assert.match(one(none, 'DKIM_SELECTORS').evidence, /_domainkey\.good\.test is NXDOMAIN/);
    const asked = await run.check('good.test', { dkim: ['mine'] });
    assert.equal(severityOf(asked, 'DKIM_KEY', 'mine'), 'CRIT');
    server.setZone(patch(goodZone(), { 'slow._domainkey.good.test': { $silent: true } }));
    const slow = await run.check('good.test', { dkim: ['slow'] });
    assert.equal(severityOf(slow, 'DKIM_KEY', 'slow'), 'UNKNOWN');
  });
});

describe('MTA_STS, TLSRPT, BIMI and DNSSEC_DANE', () => {
  it('an MX outside an enforce policy is WARN; a bad policy is WARN; no record is INFO', async () => {
    server.setZone(goodZone());
    const outside = await run.check('good.test', {}, { fetchMtaSts: async () => ({ status: 200, contentType: 'text/plain', body: 'version: STSv1\nmode: enforce\nmx: mx1.good.test\nmax_age: 86400\n' }) });
    assert.equal(severityOf(outside, 'MTA_STS'), 'WARN');
    assert.match(one(outside, 'MTA_STS').verdict, /mx2\.good\.test is not in the policy/);
    const invalid = await run.check('good.test', {}, { fetchMtaSts: async () => ({ status: 200, contentType: 'text/plain', body: 'version: STSv1\nmode: sometimes\n' }) });
    assert.match(one(invalid, 'MTA_STS').verdict, /invalid \(Invalid mode field\)/);
    const html = await run.check('good.test', {}, { fetchMtaSts: async () => ({ status: 200, contentType: 'text/html', body: '<html>' }) });
    assert.match(one(html, 'MTA_STS').verdict, /not text\/plain/);
    const testing = await run.check('good.test', {}, { fetchMtaSts: async () => ({ status: 200, body: 'version: STSv1\nmode: testing\nmx: *.good.test\nmax_age: 600\n' }) });
    assert.equal(severityOf(testing, 'MTA_STS'), 'INFO');
    server.setZone(patch(goodZone(), { '_mta-sts.good.test': undefined, '_smtp._tls.good.test': undefined, 'default._bimi.good.test': undefined }));
    const none = await run.check('good.test');
    assert.equal(severityOf(none, 'MTA_STS'), 'INFO');
    assert.equal(severityOf(none, 'TLSRPT'), 'INFO');
    assert.equal(severityOf(none, 'BIMI'), 'INFO');
  });

  it('TLSRPT without a valid rua is WARN; BIMI with p=none is INFO', async () => {
    server.setZone(patch(goodZone(), {
      '_smtp._tls.good.test': { TXT: ['v=TLSRPTv1; rua=tls@good.test'] },
      '_dmarc.good.test': { TXT: ['v=DMARC1; p=none; rua=mailto:dmarc@good.test'] },
    }));
    const out = await run.check('good.test');
    assert.equal(severityOf(out, 'TLSRPT'), 'WARN');
    assert.equal(severityOf(out, 'BIMI'), 'INFO');
    assert.match(one(out, 'BIMI').verdict, /logos will not show/);
  });

  it('DNSSEC_DANE reads the AD bit and TLSA through the configured server', async () => {
    server.setZone(goodZone());
    const signed = await run.check('good.test');
    assert.equal(severityOf(signed, 'DNSSEC_DANE'), 'OK');
    assert.match(one(signed, 'DNSSEC_DANE').verdict, /mx1\.good\.test TLSA 3 1 1/);
    const zone = goodZone();
    server.setZone(patch(zone, { 'good.test': { ...zone['good.test']!, $ad: false } }));
    assert.equal(severityOf(await run.check('good.test'), 'DNSSEC_DANE'), 'INFO');
  });
});
