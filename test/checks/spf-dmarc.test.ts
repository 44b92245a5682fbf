import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseSpf } from '../../src/checks/spf-record.js';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';
import { find, goodZone, one, patch, runner, severityOf, type Runner } from './fixtures.js';

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

const withSpf = (...records: Array<string | string[]>) => {
  const zone = goodZone();
  return patch(zone, { 'good.test': { ...zone['good.test']!, TXT: records } });
};

describe('SPF record grammar', () => {
  it('finds the missing space before all, unknown mechanisms and bad ranges', () => {
    assert.match(parseSpf('v=spf1 ip4:203.0.113.7~all').errors[0]!, /ip4:203\.0\.113\.7~all.*missing space/);
    assert.match(parseSpf('v=spf1 foo:bar -all').errors[0]!, /unknown or malformed term "foo:bar"/);
    assert.match(parseSpf('v=spf1 ip4:1.2.3.4/33 -all').errors[0]!, /prefix length/);
    assert.match(parseSpf('v=spf1 ip6:2001:db8::zz -all').errors[0]!, /not an IPv6 address/);
    // RFC-valid, only the second "all" is dead weight.
    assert.deepEqual(parseSpf('v=spf1 -all -all').errors, []);
    assert.match(parseSpf('v=spf1 -all -all').warnings[0]!, /"-all" comes after "all"/);
    const ok = parseSpf('v=spf1 a mx/24 a:mail.example.test/28//64 ip6:2001:db8::/32 exists:%{i}._spf.%{d} redirect=_spf.example.test');
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.redirect, '_spf.example.test');
    assert.equal(ok.terms.find((t) => t.mechanism === 'a' && t.value)?.cidr6, 64);
  });
});

describe('SPF_PRESENT, SPF_SYNTAX and SPF_ALL', () => {
  it('missing SPF is CRIT; two records are CRIT; a multi-string record is joined and OK', async () => {
    server.setZone(withSpf('google-site-verification=x'));
    assert.equal(severityOf(await run.check('good.test'), 'SPF_PRESENT'), 'CRIT');
    server.setZone(withSpf('v=spf1 -all', 'v=spf1 mx -all'));
    assert.match(one(await run.check('good.test'), 'SPF_PRESENT').verdict, /2 SPF records/);
    server.setZone(withSpf(['v=spf1 ', 'mx ', '-all']));
    const joined = await run.check('good.test');
    assert.equal(severityOf(joined, 'SPF_PRESENT'), 'OK');
    assert.equal(one(joined, 'SPF_PRESENT').evidence, 'v=spf1 mx -all');
  });

  it('a syntax error (here or in an include) is CRIT', async () => {
    server.setZone(withSpf('v=spf1 ip4:45.67.89.10~all'));
    const here = one(await run.check('good.test'), 'SPF_SYNTAX');
    assert.equal(here.severity, 'CRIT');
    assert.match(here.verdict, /missing space/);
    server.setZone(withSpf('v=spf1 include:nospf.test -all'));
    const include = one(await run.check('good.test'), 'SPF_SYNTAX');
    assert.equal(include.severity, 'CRIT');
    assert.match(include.verdict, /include:nospf\.test: nospf\.test has no SPF record/);
  });

  it('+all is CRIT, ?all and no all are WARN, ~all is OK, and redirect= is followed', async () => {
    server.setZone(withSpf('v=spf1 mx +all'));
    assert.equal(severityOf(await run.check('good.test'), 'SPF_ALL'), 'CRIT');
    server.setZone(withSpf('v=spf1 mx ?all'));
    assert.equal(severityOf(await run.check('good.test'), 'SPF_ALL'), 'WARN');
    server.setZone(withSpf('v=spf1 mx'));
    assert.match(one(await run.check('good.test'), 'SPF_ALL').verdict, /no "all"/);
    server.setZone(withSpf('v=spf1 redirect=_spf.relay.test'));
    assert.equal(severityOf(await run.check('good.test'), 'SPF_ALL'), 'OK');
  });
});

describe('SPF_LOOKUPS, SPF_BROAD, SPF_DEPRECATED and SPF_OURS', () => {
  it('counts lookups per include: 11 is CRIT, 8 is WARN, 3 void lookups CRIT, a timeout inside is UNKNOWN', async () => {
    const zone = goodZone();
    const includes: Record<string, { TXT: string[] }> = {};
    for (let i = 1; i <= 5; i++) includes[`i${i}.spf.test`] = { TXT: [`v=spf1 include:j${i}.spf.test ~all`] };
    for (let i = 1; i <= 5; i++) includes[`j${i}.spf.test`] = { TXT: [`v=spf1 ip4:45.67.${i}.0/24 ~all`] };
    server.setZone({ ...zone, ...includes, 'good.test': { ...zone['good.test']!, TXT: ['v=spf1 mx include:i1.spf.test include:i2.spf.test include:i3.spf.test include:i4.spf.test include:i5.spf.test -all'] } });
    const over = one(await run.check('good.test'), 'SPF_LOOKUPS');
    assert.equal(over.severity, 'CRIT');
    assert.match(over.verdict, /11 DNS lookups \(limit 10\)/);
    assert.match(over.evidence, /include:i1\.spf\.test \(2\)/);
    server.setZone({ ...zone, ...includes, 'good.test': { ...zone['good.test']!, TXT: ['v=spf1 include:i1.spf.test include:i2.spf.test include:i3.spf.test include:i4.spf.test -all'] } });
    assert.equal(severityOf(await run.check('good.test'), 'SPF_LOOKUPS'), 'WARN');
    server.setZone(withSpf('v=spf1 a:nx1.good.test a:nx2.good.test a:nx3.good.test -all'));
    assert.match(one(await run.check('good.test'), 'SPF_LOOKUPS').verdict, /3 void lookups/);
    server.setZone({ ...withSpf('v=spf1 include:slow.spf.test -all'), 'slow.spf.test': { $silent: true } });
    assert.equal(severityOf(await run.check('good.test'), 'SPF_LOOKUPS'), 'UNKNOWN');
  });

  it('a /8 or a private range is WARN; ptr is WARN; Sender ID is INFO', async () => {
    server.setZone(withSpf('v=spf1 ip4:10.0.0.0/8 -all'));
    const broad = one(await run.check('good.test'), 'SPF_BROAD');
    assert.equal(broad.severity, 'WARN');
    assert.match(broad.evidence, /16,777,216 addresses.*private range/);
    server.setZone(withSpf('v=spf1 ptr -all', 'spf2.0/pra mx -all'));
    const out = await run.check('good.test');
    assert.ok(find(out, 'SPF_DEPRECATED').some((r) => r.severity === 'WARN' && /ptr/.test(r.verdict)));
    assert.ok(find(out, 'SPF_DEPRECATED').some((r) => r.severity === 'INFO' && /Sender ID/.test(r.verdict)));
  });

  it('SPF_OURS is CRIT when our relay is not authorised and OK when it is', async () => {
    server.setZone(goodZone());
    const missing = await run.check('good.test', {}, { checks: { ourSpf: { includes: ['_spf.hoster.test'], ips: [] } } });
    assert.equal(severityOf(missing, 'SPF_OURS'), 'CRIT');
    assert.match(one(missing, 'SPF_OURS').fix, /include:_spf\.hoster\.test/);
    const byIp = await run.check('good.test', {}, { checks: { ourSpf: { includes: [], ips: ['45.67.90.25'] } } });
    assert.equal(severityOf(byIp, 'SPF_OURS'), 'OK');
    const byInclude = await run.check('good.test', {}, { checks: { ourSpf: { includes: ['_spf.relay.test'], ips: [] } } });
    assert.equal(severityOf(byInclude, 'SPF_OURS'), 'OK');
  });
});

describe('SPF_MATCH and DMARC_ALIGN (--ip)', () => {
  it('names the mechanism path that matched', async () => {
    server.setZone(goodZone());
    const viaInclude = await run.check('good.test', { ip: '45.67.90.7' });
    const match = one(viaInclude, 'SPF_MATCH');
    assert.equal(match.severity, 'OK');
    assert.equal(match.verdict, '45.67.90.7 → pass via include:_spf.relay.test → ip4:45.67.90.0/24.');
    assert.match(match.evidence, /mailauth: pass/);
    assert.equal(severityOf(viaInclude, 'DMARC_ALIGN'), 'OK');
    const viaMx = one(await run.check('good.test', { ip: '45.67.89.11' }), 'SPF_MATCH');
    assert.match(viaMx.verdict, /pass via mx$|pass via mx\./);
    const v6 = one(await run.check('good.test', { ip: '2a01:4f8:1::25' }), 'SPF_MATCH');
    assert.match(v6.verdict, /pass via include:_spf\.relay\.test → ip6:2a01:4f8:1::\/48/);
  });

  it('fail is CRIT and with p=reject DMARC_ALIGN is CRIT; p=quarantine makes it WARN', async () => {
    server.setZone(goodZone());
    const out = await run.check('good.test', { ip: '81.2.69.160' });
    assert.equal(severityOf(out, 'SPF_MATCH'), 'CRIT');
    assert.match(one(out, 'SPF_MATCH').verdict, /fail: not authorised.*decided by -all/);
    assert.equal(severityOf(out, 'DMARC_ALIGN'), 'CRIT');
    server.setZone(patch(goodZone(), { '_dmarc.good.test': { TXT: ['v=DMARC1; p=quarantine; rua=mailto:dmarc@good.test'] } }));
    assert.equal(severityOf(await run.check('good.test', { ip: '81.2.69.160' }), 'DMARC_ALIGN'), 'WARN');
  });

  it('follows exists: with macros like receivers do', async () => {
    server.setZone({ ...withSpf('v=spf1 exists:%{i}._spf.good.test -all'), '81.2.69.160._spf.good.test': { A: ['127.0.0.2'] } });
    const out = one(await run.check('good.test', { ip: '81.2.69.160' }), 'SPF_MATCH');
    assert.equal(out.severity, 'OK');
    assert.match(out.verdict, /pass via exists:%\{i\}\._spf\.good\.test/);
  });

  it('softfail is WARN; a timeout is UNKNOWN, never a pass or a fail', async () => {
    server.setZone(withSpf('v=spf1 include:_spf.relay.test'));
    const soft = await run.check('good.test', { ip: '81.2.69.160' });
    assert.equal(severityOf(soft, 'SPF_MATCH'), 'WARN');
    server.setZone({ ...withSpf('v=spf1 include:slow.spf.test -all'), 'slow.spf.test': { $silent: true } });
    const slow = await run.check('good.test', { ip: '81.2.69.160' });
    assert.equal(severityOf(slow, 'SPF_MATCH'), 'UNKNOWN');
    assert.equal(severityOf(slow, 'DMARC_ALIGN'), 'UNKNOWN');
  });
});

describe('DMARC_PRESENT, DMARC_POLICY and DMARC_RUA', () => {
  it('a missing record is WARN; a subdomain inherits the organisational record', async () => {
    server.setZone(patch(goodZone(), { '_dmarc.good.test': undefined }));
    assert.equal(severityOf(await run.check('good.test'), 'DMARC_PRESENT'), 'WARN');
    server.setZone({ ...goodZone(), 'sub.good.test': { MX: [{ exchange: 'mx1.good.test', priority: 10 }], TXT: ['v=spf1 -all'] } });
    const sub = await run.check('sub.good.test');
    assert.equal(severityOf(sub, 'DMARC_PRESENT'), 'OK');
    assert.match(one(sub, 'DMARC_PRESENT').verdict, /inherited from good\.test/);
    assert.match(one(sub, 'DMARC_PRESENT').evidence, /mailauth reads p=reject \(organisational record\)/);
  });

  it('two records WARN; p=none WARN; pct below 100 WARN; quarantine INFO', async () => {
    server.setZone(patch(goodZone(), { '_dmarc.good.test': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] } }));
    assert.match(one(await run.check('good.test'), 'DMARC_PRESENT').verdict, /2 DMARC records/);
    server.setZone(patch(goodZone(), { '_dmarc.good.test': { TXT: ['v=DMARC1; p=none; rua=mailto:d@good.test'] } }));
    assert.match(one(await run.check('good.test'), 'DMARC_POLICY').verdict, /p=none: monitoring only/);
    server.setZone(patch(goodZone(), { '_dmarc.good.test': { TXT: ['v=DMARC1; p=reject; pct=50; rua=mailto:d@good.test'] } }));
    assert.match(one(await run.check('good.test'), 'DMARC_POLICY').verdict, /pct=50/);
    server.setZone(patch(goodZone(), { '_dmarc.good.test': { TXT: ['v=DMARC1; p=quarantine; rua=mailto:d@good.test'] } }));
    assert.equal(severityOf(await run.check('good.test'), 'DMARC_POLICY'), 'INFO');
  });

  it('rua: missing WARN; an external destination without authorisation WARN; with it OK', async () => {
    server.setZone(patch(goodZone(), { '_dmarc.good.test': { TXT: ['v=DMARC1; p=reject'] } }));
    assert.equal(severityOf(await run.check('good.test'), 'DMARC_RUA'), 'WARN');
    const external = patch(goodZone(), {
      '_dmarc.good.test': { TXT: ['v=DMARC1; p=reject; rua=mailto:d@vendor.test'] },
      'vendor.test': { MX: [{ exchange: 'mx.vendor.test', priority: 10 }] },
    });
    server.setZone(external);
    const unauth = one(await run.check('good.test'), 'DMARC_RUA');
    assert.equal(unauth.severity, 'WARN');
    assert.match(unauth.verdict, /vendor\.test has no authorisation record/);
    server.setZone({ ...external, 'good.test._report._dmarc.vendor.test': { TXT: ['v=DMARC1'] } });
    assert.equal(severityOf(await run.check('good.test'), 'DMARC_RUA'), 'OK');
  });

  it('a SERVFAIL at _dmarc is UNKNOWN, not "missing"', async () => {
    server.setZone(patch(goodZone(), { '_dmarc.good.test': { $rcode: 'SERVFAIL' } }));
    assert.equal(severityOf(await run.check('good.test'), 'DMARC_PRESENT'), 'UNKNOWN');
  });
});
