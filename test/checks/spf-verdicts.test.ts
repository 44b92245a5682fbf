/**
 * SPF verdicts of `postmaster check` as receivers compute them (RFC 7208):
 * records that fail for every sender are syntax errors in a plain check, a
 * later bad term spoils an earlier match, RFC-valid oddities are not CRIT,
 * names DNS cannot carry do not match, and user@domain keeps its local part.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createNodeDnsQuery } from '../../src/checks/resolver.js';
import { withWireFallback } from '../../src/checks/wire-query.js';
import { startDnsServer, type DnsServer, type Zone } from '../helpers/dns-server.js';
import { checkCli, find, goodZone, one, runner, severityOf, type Runner } from './fixtures.js';

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

/** good.test with this SPF record, plus extra names. */
function withSpf(record: string, extra: Zone = {}): Zone {
  const zone = goodZone();
  return { ...zone, 'good.test': { ...zone['good.test']!, TXT: [record] }, ...extra };
}

const LISTED = '45.67.90.7';

describe('plain check DOMAIN: records that are permerror for every sender', () => {
  const broken: Array<[string, RegExp]> = [
    ['v=spf1 a:111.222.33.44 -all', /ends in a number.*ip4:/],
    ['v=spf1 include:_spf.relay.test/24 -all', /"_spf\.relay\.test\/24" does not end in a valid top-level label/],
    [`v=spf1 ip4:${LISTED}/029 -all`, /prefix length must be 0-32, without leading zeros/],
    ['v=spf1 a:mx1.good.test\rptr -all', /control character \(0x0d\)/],
    ['v=spf1 \u0080a:mx1.good.test -all', /non-ASCII character \(0x80\)/],
    ['v=spf1 exists:%(i).list.good.test -all', /"%" must be followed by/],
    ['v=spf1 -all exp=%{r}.good.test', /%\{r\} is only allowed in explanation text/],
    [`v=spf1 ip4:${LISTED} -all moo`, /unknown or malformed term "moo"/],
  ];
  for (const [record, why] of broken) {
    it(`${JSON.stringify(record)} is a CRIT syntax error, and SPF_MATCH is permerror even for a listed IP`, async () => {
      server.setZone(withSpf(record));
      const plain = one(await run.check('good.test'), 'SPF_SYNTAX');
      assert.equal(plain.severity, 'CRIT', plain.verdict);
      assert.match(plain.verdict, why);
      const match = one(await run.check('good.test', { ip: LISTED }), 'SPF_MATCH');
      assert.equal(match.severity, 'CRIT');
      assert.match(match.verdict, /permerror/);
    });
  }

  it('an included record with such an error is reported under its include', async () => {
    server.setZone(withSpf('v=spf1 include:broken.spf.test -all', { 'broken.spf.test': { TXT: ['v=spf1 a:203.0.113.7 ~all'] } }));
    const syntax = one(await run.check('good.test'), 'SPF_SYNTAX');
    assert.equal(syntax.severity, 'CRIT');
    assert.match(syntax.verdict, /include:broken\.spf\.test: "a:203\.0\.113\.7"/);
  });
});

describe('SPF_MATCH parses the whole record first (RFC 7208 §4.6)', () => {
  it('a match before a syntax error is no pass; mailauth\'s lazy pass is shown and contradicted', async () => {
    server.setZone(withSpf(`v=spf1 ip4:${LISTED} ip4:1.2.3/24 -all`));
    const match = one(await run.check('good.test', { ip: LISTED }), 'SPF_MATCH');
    assert.equal(match.severity, 'CRIT');
    assert.match(match.verdict, /permerror: good\.test: "ip4:1\.2\.3\/24"/);
    assert.match(match.evidence, /RFC 7208: permerror/);
    assert.match(match.evidence, /mailauth: pass .*; mailauth disagrees; the RFC 7208 result is shown/);
  });

  it('so does a syntax error inside an include that is reached', async () => {
    server.setZone(withSpf('v=spf1 include:half.spf.test -all', { 'half.spf.test': { TXT: [`v=spf1 ip4:${LISTED} include:x/24 ~all`] } }));
    assert.equal(severityOf(await run.check('good.test', { ip: LISTED }), 'SPF_MATCH'), 'CRIT');
  });
});

describe('RFC-valid records are not CRIT', () => {
  const record = 'v=spf1 a:foo:bar/baz.good.test exists:%{l}:%{d}.users.good.test mx -all -all';
  const extra: Zone = {
    'foo:bar/baz.good.test': { A: ['45.67.91.1'] },
    'alice:good.test.users.good.test': { A: ['127.0.0.2'] },
  };

  it('a domain with ":" and "/", colons between macros and a second -all: syntax OK, no SPF CRIT', async () => {
    server.setZone(withSpf(record, extra));
    const out = await run.check('good.test');
    assert.equal(severityOf(out, 'SPF_SYNTAX'), 'OK');
    const spf = out.results.filter((r) => r.code.startsWith('SPF_'));
    assert.deepEqual(spf.filter((r) => r.severity === 'CRIT' || r.severity === 'UNKNOWN'), []);
    assert.ok(find(out, 'SPF_DEPRECATED').some((r) => r.severity === 'INFO' && /"-all" comes after "all"/.test(r.evidence)));
  });

  it('the host named with ":" and "/" is queried and matches; the colon macro sees the local part', async () => {
    server.setZone(withSpf(record, extra));
    const viaA = one(await run.check('good.test', { ip: '45.67.91.1' }), 'SPF_MATCH');
    assert.equal(viaA.verdict, '45.67.91.1 → pass via a:foo:bar/baz.good.test.');
    const viaExists = one(await run.check('alice@good.test', { ip: '81.2.69.160' }), 'SPF_MATCH');
    assert.equal(viaExists.verdict, '81.2.69.160 → pass via exists:%{l}:%{d}.users.good.test.');
  });
});

describe('names DNS cannot carry do not match (never "retry later")', () => {
  const long = `${'x'.repeat(64)}.good.test`;

  it('an over-long label and an empty label in the record: lookups counted as void, the verdict decided', async () => {
    server.setZone(withSpf(`v=spf1 a:${long} a:mail..good.test mx -all`));
    const plain = await run.check('good.test');
    assert.equal(severityOf(plain, 'SPF_SYNTAX'), 'OK');
    const lookups = one(plain, 'SPF_LOOKUPS');
    assert.equal(lookups.severity, 'OK', lookups.evidence);
    assert.match(lookups.evidence, /3 DNS lookups, 2 void/);
    assert.equal(one(await run.check('good.test', { ip: '45.67.89.10' }), 'SPF_MATCH').verdict, '45.67.89.10 → pass via mx.');
    const other = one(await run.check('good.test', { ip: '81.2.69.160' }), 'SPF_MATCH');
    assert.equal(other.severity, 'CRIT');
    assert.match(other.verdict, /fail: not authorised.*decided by -all/);
  });

  it('a macro that expands to an over-long label does not match', async () => {
    server.setZone(withSpf('v=spf1 exists:%{l}.users.good.test ~all'));
    const match = one(await run.check(`${'y'.repeat(70)}@good.test`, { ip: '81.2.69.160' }), 'SPF_MATCH');
    assert.equal(match.severity, 'WARN');
    assert.match(match.verdict, /softfail/);
  });

  it('the resolver: names c-ares refuses go over the wire, impossible names are NXDOMAIN, a TXT without strings is read', async () => {
    server.setZone({ 'odd:name/x.good.test': { A: ['192.0.2.1'] }, 'null.good.test': { TXT: [['v=spf1 ', '-all'], []] } });
    const query = withWireFallback(createNodeDnsQuery({ servers: [server.address], timeoutMs: 1000 }), server.address, 1000);
    assert.deepEqual((await query('odd:name/x.good.test', 'A')).records, ['192.0.2.1']);
    assert.deepEqual((await query('null.good.test', 'TXT')).records, [['v=spf1 ', '-all'], []]);
    await assert.rejects(query('nothing:here.good.test', 'A'), { code: 'ENOTFOUND' });
    for (const impossible of [long, 'a..good.test', `${'a.'.repeat(127)}test`]) {
      await assert.rejects(query(impossible, 'A'), { code: 'ENOTFOUND' }, impossible);
    }
  });
});

describe('check user@domain', () => {
  const zone = () => withSpf('v=spf1 exists:%{l}.users.good.test -all', { 'alice.users.good.test': { A: ['127.0.0.2'] } });

  it('evaluates SPF with the local part (%{l}); a bare domain is postmaster@', async () => {
    server.setZone(zone());
    const alice = one(await run.check('alice@good.test', { ip: '81.2.69.160' }), 'SPF_MATCH');
    assert.equal(alice.severity, 'OK');
    assert.match(alice.evidence, /sender alice@good\.test/);
    const bare = one(await run.check('good.test', { ip: '81.2.69.160' }), 'SPF_MATCH');
    assert.equal(bare.severity, 'CRIT');
    assert.match(bare.evidence, /sender postmaster@good\.test/);
  });

  it('the CLI keeps its --json contract and exit codes', async () => {
    server.setZone(zone());
    const { code, stdout } = await checkCli(server, ['check', 'alice@good.test', '--ip', '81.2.69.160', '--json']);
    const data = JSON.parse(stdout) as { target: string; kind: string; results: Array<{ code: string; severity: string }> };
    assert.deepEqual(Object.keys(data), ['target', 'kind', 'elapsedMs', 'results']);
    assert.equal(data.target, 'good.test');
    assert.equal(data.kind, 'domain');
    assert.equal(data.results.find((r) => r.code === 'SPF_MATCH')?.severity, 'OK');
    assert.equal(code, data.results.some((r) => r.severity === 'CRIT') ? 1 : 0);
    const bare = await checkCli(server, ['check', 'good.test', '--ip', '81.2.69.160', '--json']);
    assert.equal(bare.code, 1, 'SPF fail is CRIT');
  });
});
