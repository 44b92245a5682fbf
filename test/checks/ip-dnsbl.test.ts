import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Catalog, loadCatalog, parseCatalogFile } from '../../src/catalog/catalog.js';
import { queryName } from '../../src/checks/dnsbl.js';
import { defaultZones } from '../../src/checks/dnsbl-zones.js';
import { reverseName } from '../../src/checks/reverse.js';
import { startDnsServer, type DnsServer, type Zone } from '../helpers/dns-server.js';
import { find, goodZone, one, runner, severityOf, type Runner } from './fixtures.js';

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

const IP = '81.2.69.160';
const REV = '160.69.2.81';

/** A sender IP with PTR mail.sender.test ↔ A, plus whatever the scenario adds. */
function senderZone(extra: Zone = {}): Zone {
  return {
    [`${REV}.in-addr.arpa`]: { PTR: ['mail.sender.test'] },
    'mail.sender.test': { A: [IP] },
    [`${REV}.origin.asn.cymru.com`]: { TXT: ['64500 | 81.2.69.0/24 | GB | ripencc | 2003-01-01'] },
    'as64500.asn.cymru.com': { TXT: ['64500 | GB | ripencc | 2003-01-01 | EXAMPLENET Example Networks, GB'] },
    ...extra,
  };
}

const PTR_CATALOG = parseCatalogFile(`
source: gmailtest
tier: provider
description: test entries
entries:
  - id: gmailtest.ptr
    category: rejected
    reason: requireptr
    actor: sender
    title: { en: Gmail requires PTR, id: Gmail mewajibkan PTR, de: Gmail verlangt PTR }
    explanation: { en: x, id: x, de: x }
    remedy: { en: x, id: x, de: x }
    match: { enhancedCodes: ['5.7.25'], texts: ['does not have a PTR record'] }
    examples: ['550-5.7.25 The IP address sending this message does not have a PTR record setup']
`, 'gmailtest.yaml');

describe('IP_SCOPE', () => {
  it('private, CGNAT and documentation addresses are CRIT and are never sent to the lists', async () => {
    server.setZone(senderZone());
    for (const ip of ['10.1.2.3', '100.64.1.1', '192.0.2.1', '2001:db8::1']) {
      const out = await run.check(ip);
      assert.equal(out.kind, 'ip');
      assert.equal(severityOf(out, 'IP_SCOPE'), 'CRIT', ip);
      assert.equal(find(out, 'IP_DNSBL').length, 0);
    }
    assert.ok(!server.queries.some((q) => q.includes('3.2.1.10.zen')), 'a private address leaked to a DNSBL');
    assert.equal(severityOf(await run.check(IP), 'IP_SCOPE'), 'OK');
  });
});

describe('IP_PTR, IP_FCRDNS, IP_PTR_GENERIC, IP_ASN', () => {
  it('a forward-confirmed mail name passes; the origin AS is shown', async () => {
    server.setZone(senderZone());
    const out = await run.check(IP);
    assert.equal(severityOf(out, 'IP_PTR'), 'OK');
    assert.equal(severityOf(out, 'IP_FCRDNS'), 'OK');
    assert.equal(severityOf(out, 'IP_PTR_GENERIC'), 'OK');
    assert.equal(one(out, 'IP_ASN').verdict, 'AS64500 EXAMPLENET Example Networks, GB (GB), 81.2.69.0/24.');
  });

  it('no PTR is CRIT and links the catalogue entry for 5.7.25', async () => {
    server.setZone(Object.fromEntries(Object.entries(senderZone()).filter(([k]) => !k.endsWith('in-addr.arpa'))));
    const catalog = new Catalog(PTR_CATALOG.entries, [PTR_CATALOG.source]);
    const out = await run.check(IP, {}, { catalog });
    const ptr = one(out, 'IP_PTR');
    assert.equal(ptr.severity, 'CRIT');
    assert.match(ptr.verdict, /550-5\.7\.25/);
    assert.deepEqual(ptr.catalog, [{ id: 'gmailtest.ptr', title: 'Gmail requires PTR' }]);
    assert.equal(find(out, 'IP_FCRDNS').length, 0);
  });

  it('links the bundled catalogue at run time: no PTR ↔ a 5.7.25 entry, a Spamhaus listing ↔ a Spamhaus entry', async () => {
    const catalog = loadCatalog();
    server.setZone({
      ...Object.fromEntries(Object.entries(senderZone()).filter(([k]) => !k.endsWith('in-addr.arpa'))),
      [`${REV}.zen.spamhaus.org`]: { A: ['127.0.0.2'] },
    });
    const out = await run.check(IP, {}, { catalog });
    const ptrLinks = one(out, 'IP_PTR').catalog ?? [];
    assert.ok(ptrLinks.length > 0, 'IP_PTR links no catalogue entry');
    for (const link of ptrLinks) {
      assert.ok(catalog.get(link.id)!.match.enhancedCodes.some((c) => /^[5X]\.7\.25$/.test(c)), `${link.id} is not a 5.7.25 entry`);
    }
    const listing = one(out, 'IP_DNSBL', 'Spamhaus ZEN').catalog ?? [];
    assert.ok(listing.length > 0, 'a Spamhaus listing links no catalogue entry');
    assert.ok(listing.every((l) => /spamhaus/i.test(JSON.stringify(catalog.get(l.id)))), JSON.stringify(listing));
  });

  it('a PTR that does not resolve back is CRIT; two PTRs WARN; a dynamic-looking name WARN; SERVFAIL UNKNOWN', async () => {
    server.setZone(senderZone({ 'mail.sender.test': { A: ['81.2.69.161'] } }));
    const mismatch = one(await run.check(IP), 'IP_FCRDNS');
    assert.equal(mismatch.severity, 'CRIT');
    assert.match(mismatch.evidence, /mail\.sender\.test → 81\.2\.69\.161/);
    server.setZone(senderZone({ [`${REV}.in-addr.arpa`]: { PTR: ['mail.sender.test', 'other.sender.test'] } }));
    assert.equal(severityOf(await run.check(IP), 'IP_PTR'), 'WARN');
    server.setZone(senderZone({ [`${REV}.in-addr.arpa`]: { PTR: ['81-2-69-160.dsl.isp.test'] }, '81-2-69-160.dsl.isp.test': { A: [IP] } }));
    const generic = one(await run.check(IP), 'IP_PTR_GENERIC');
    assert.equal(generic.severity, 'WARN');
    assert.match(generic.verdict, /address digits "81-2-69-160"/);
    server.setZone(senderZone({ [`${REV}.in-addr.arpa`]: { $rcode: 'SERVFAIL' } }));
    assert.equal(severityOf(await run.check(IP), 'IP_PTR'), 'UNKNOWN');
  });
});

describe('IP_HELO', () => {
  it('localhost WARN, a name not pointing at the IP WARN, a matching name OK, one differing from the PTR INFO', async () => {
    server.setZone(senderZone({ 'other.sender.test': { A: [IP] }, 'elsewhere.sender.test': { A: ['81.2.69.1'] } }));
    assert.equal(severityOf(await run.check(IP, { helo: 'localhost' }), 'IP_HELO'), 'WARN');
    assert.match(one(await run.check(IP, { helo: 'elsewhere.sender.test' }), 'IP_HELO').verdict, /does not resolve to 81\.2\.69\.160/);
    const same = one(await run.check(IP, { helo: 'mail.sender.test' }), 'IP_HELO');
    assert.equal(same.severity, 'OK');
    assert.match(same.verdict, /matches the PTR/);
    assert.equal(severityOf(await run.check(IP, { helo: 'other.sender.test' }), 'IP_HELO'), 'INFO');
  });
});

describe('IP_DNSBL', () => {
  it('decodes a Spamhaus XBL listing into words, with the TXT and the delist link; CRIT', async () => {
    server.setZone(senderZone({ [`${REV}.zen.spamhaus.org`]: { A: ['127.0.0.4'], TXT: ['https://check.spamhaus.org/listed/?searchterm=81.2.69.160'] } }));
    const out = await run.check(IP);
    const hit = one(out, 'IP_DNSBL', 'Spamhaus ZEN');
    assert.equal(hit.severity, 'CRIT');
    assert.match(hit.verdict, /XBL: infected host or exploit \(CBL\) \(127\.0\.0\.4\)/);
    assert.match(hit.evidence, /TXT "https:\/\/check\.spamhaus\.org\/listed/);
    assert.match(hit.fix, /Delist at https:\/\/check\.spamhaus\.org\//);
  });

  it('a minor list is WARN, an informational list INFO, and DNSWL is a positive INFO', async () => {
    server.setZone(senderZone({
      [`${REV}.all.s5h.net`]: { A: ['127.0.0.2'] },
      [`${REV}.dnsbl-3.uceprotect.net`]: { A: ['127.0.0.2'] },
      [`${REV}.list.dnswl.org`]: { A: ['127.0.15.2'] },
    }));
    const out = await run.check(IP);
    assert.equal(severityOf(out, 'IP_DNSBL', 's5h'), 'WARN');
    assert.equal(severityOf(out, 'IP_DNSBL', 'UCEPROTECT level 3'), 'INFO');
    const allow = one(out, 'IP_DNSBL', 'DNSWL');
    assert.equal(allow.severity, 'INFO');
    assert.match(allow.verdict, /allow list \(trust medium \(127\.0\.15\.2\)\): a known good sender/);
  });

  it('queries IPv6 addresses as 32 reversed nibbles, only on lists that serve IPv6', async () => {
    const v6 = '2a01:4f8:1::25';
    const nibbles = '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.8.f.4.0.1.0.a.2';
    assert.equal(reverseName(v6), `${nibbles}.ip6.arpa`);
    assert.equal(queryName(defaultZones()[0]!, v6), `${nibbles}.zen.spamhaus.org`);
    server.setZone({ [`${nibbles}.zen.spamhaus.org`]: { A: ['127.0.0.3'] }, [`${nibbles}.ip6.arpa`]: { PTR: ['mail6.sender.test'] }, 'mail6.sender.test': { AAAA: [v6] } });
    const before = server.queries.length;
    const out = await run.check(v6);
    assert.match(one(out, 'IP_DNSBL', 'Spamhaus ZEN').verdict, /CSS: snowshoe/);
    assert.equal(severityOf(out, 'IP_FCRDNS'), 'OK');
    const asked = server.queries.slice(before);
    assert.ok(!asked.some((q) => q.includes('barracudacentral')), 'an IPv4-only list was asked about an IPv6 address');
  });
});

describe('DNSBL_HEALTH: refusals, dead zones and timeouts are UNKNOWN, never listed', () => {
  it('Spamhaus 127.255.255.254, an answer outside 127/8, a wildcard zone and a silent zone', async () => {
    server.setZone(senderZone({
      [`${REV}.zen.spamhaus.org`]: { A: ['127.255.255.254'] },
      [`${REV}.bl.spamcop.net`]: { A: ['198.51.100.1'] },
      '*.psbl.surriel.com': { A: ['127.0.0.2'] },
      '*.b.barracudacentral.org': { $silent: true },
      [`${REV}.list.dnswl.org`]: { A: ['127.0.0.255'] },
    }));
    const out = await run.check(IP);
    const health = find(out, 'DNSBL_HEALTH');
    const about = (name: string) => health.find((r) => r.subject === name);
    assert.match(about('Spamhaus ZEN')!.verdict, /public\/open resolver/);
    assert.match(about('Spamhaus ZEN')!.fix, /DQS key/);
    assert.match(about('SpamCop')!.verdict, /outside 127\.0\.0\.0\/8/);
    assert.match(about('PSBL')!.verdict, /answers everything/);
    assert.match(about('Barracuda BRBL')!.verdict, /did not answer/);
    assert.match(about('DNSWL')!.verdict, /refused/);
    assert.ok(health.every((r) => r.severity === 'UNKNOWN'));
    assert.ok(!find(out, 'IP_DNSBL').some((r) => r.severity === 'CRIT' || r.severity === 'WARN'), 'an error answer was reported as a listing');
    assert.equal(severityOf(out, 'IP_DNSBL'), 'OK');
    assert.match(one(out, 'IP_DNSBL').verdict, /not listed on 9 of 13 lists \(5 could not be asked\)/);
  });
});

describe('DOMAIN_BL', () => {
  it('DBL listing is CRIT; SURBL bits are decoded; URIBL 127.0.0.1 is a refusal', async () => {
    server.setZone({ ...goodZone(), 'good.test.dbl.spamhaus.org': { A: ['127.0.1.2'] }, 'good.test.multi.surbl.org': { A: ['127.0.0.80'] }, 'good.test.multi.uribl.com': { A: ['127.0.0.1'] } });
    const out = await run.check('good.test');
    assert.equal(severityOf(out, 'DOMAIN_BL', 'Spamhaus DBL'), 'CRIT');
    assert.match(one(out, 'DOMAIN_BL', 'SURBL').verdict, /MW \(malware\), ABUSE \(spam\) \(127\.0\.0\.80\)/);
    assert.equal(one(out, 'DNSBL_HEALTH', 'URIBL').severity, 'UNKNOWN');
  });
});

describe('configured lists', () => {
  it('a DQS key moves Spamhaus to dq.spamhaus.net, adds ZRD, and never shows the key', async () => {
    const key = 'abcdef0123456789abcdef';
    server.setZone(senderZone({ [`${REV}.${key}.zen.dq.spamhaus.net`]: { A: ['127.0.0.2'] }, [`good.test.${key}.zrd.dq.spamhaus.net`]: { A: ['127.0.2.5'] }, ...goodZone() }));
    const first = server.queries.length;
    const out = await run.check(IP, {}, { checks: { dnsbl: { dqsKey: key } } });
    const hit = one(out, 'IP_DNSBL', 'Spamhaus ZEN (DQS)');
    assert.equal(hit.severity, 'CRIT');
    assert.ok(!JSON.stringify(out).includes(key), 'the DQS key leaked into the report');
    const asked = server.queries.slice(first);
    assert.ok(asked.includes(`${REV}.${key}.zen.dq.spamhaus.net A`));
    assert.ok(!asked.includes(`${REV}.zen.spamhaus.org A`), 'the public Spamhaus zone was still asked');
    const domain = await run.check('good.test', {}, { checks: { dnsbl: { dqsKey: key } } });
    assert.match(one(domain, 'DOMAIN_BL', 'ZRD').verdict, /first seen 5 hours ago/);
  });

  it('zones can be disabled and added with their own tier and codes', async () => {
    server.setZone(senderZone({ [`${REV}.bl.internal.test`]: { A: ['127.0.0.9'] } }));
    const first = server.queries.length;
    const out = await run.check(IP, {}, {
      checks: { dnsbl: { disable: ['zen.spamhaus.org'], zones: [{ zone: 'bl.internal.test', name: 'Our list', tier: 'major', codes: { '127.0.0.9': 'abuse desk block' } }] } },
    });
    assert.match(one(out, 'IP_DNSBL', 'Our list').verdict, /abuse desk block \(127\.0\.0\.9\)/);
    assert.ok(!server.queries.slice(first).some((q) => q.includes('.zen.spamhaus.org')));
  });
});
