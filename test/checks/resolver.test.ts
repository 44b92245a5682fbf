import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cachedResolver } from '../../src/checks/dns-cache.js';
import { createNodeDnsQuery, invalidServer, plainResolver, withDeadline } from '../../src/checks/resolver.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';

let server: DnsServer;
before(async () => {
  server = await startDnsServer({
    'a.test': { A: ['192.0.2.1', '192.0.2.2'], TXT: [['part one ', 'part two'], 'single'], $ttl: 42 },
    'sel._domainkey.a.test': { TXT: ['v=DKIM1; p='] },
    'fail.test': { $rcode: 'SERVFAIL' },
    'refused.test': { $rcode: 'REFUSED' },
    'silent.test': { $silent: true },
  });
});
after(async () => server.close());

const query = () => createNodeDnsQuery({ servers: [server.address], timeoutMs: 300 });
const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: NodeJS.ErrnoException) => e.code);

describe('the resolver port over node:dns', () => {
  it('answers with records and the TTL, joins nothing itself (multi-string TXT stays split)', async () => {
    const q = query();
    assert.deepEqual(await q('a.test', 'A'), { records: ['192.0.2.1', '192.0.2.2'], ttl: 42 });
    assert.deepEqual((await q('a.test', 'TXT')).records, [['part one ', 'part two'], ['single']]);
  });

  it('fails with the Node error codes mailauth expects', async () => {
    const r = plainResolver(query());
    assert.equal(await codeOf(r('nx.test', 'A')), 'ENOTFOUND');
    assert.equal(await codeOf(r('a.test', 'MX')), 'ENODATA');
    assert.equal(await codeOf(r('_domainkey.a.test', 'TXT')), 'ENODATA', 'an empty non-terminal is NODATA');
    assert.equal(await codeOf(r('fail.test', 'A')), 'ESERVFAIL');
    assert.equal(await codeOf(r('refused.test', 'A')), 'EREFUSED');
    assert.equal(await codeOf(r('silent.test', 'A')), 'ETIMEOUT');
  });

  it('a deadline cuts queries short and refuses new ones once the budget is spent', async () => {
    let now = 1_000;
    const bounded = withDeadline(query(), { deadline: 1_100, perQueryMs: 2_000, now: () => now });
    const started = Date.now();
    assert.equal(await codeOf(bounded('silent.test', 'A')), 'ETIMEOUT');
    assert.ok(Date.now() - started < 1_000, 'the budget, not the 2 s query timeout, bounded the wait');
    now = 1_200;
    assert.equal(await codeOf(bounded('a.test', 'A')), 'ETIMEOUT');
  });

  it('checks --resolver addresses', () => {
    assert.equal(invalidServer(['127.0.0.1:5353', '[::1]:53', '192.0.2.1', '::1']), undefined);
    assert.match(invalidServer(['dns.google'])!, /not a resolver address/);
    assert.match(invalidServer(['127.0.0.1:70000'])!, /port/);
  });
});

describe('the Store cache', () => {
  it('keeps answers for their TTL, asks once for simultaneous questions, and never caches failures', async () => {
    let clock = 0;
    const store = new EmbeddedStore({ file: ':memory:', now: () => clock });
    const options = { defaultTtlSeconds: 300, negativeTtlSeconds: 60, maxTtlSeconds: 86_400, namespace: server.address };
    const r = cachedResolver(query(), store, options);
    const count = (name: string) => server.queries.filter((q) => q === name).length;
    const before = count('a.test A');
    await Promise.all([r('a.test', 'A'), r('a.test', 'A'), r('A.TEST.', 'A')]);
    assert.equal(count('a.test A') - before, 1);
    // Another run (another resolver) over the same store: answered from the cache.
    const again = cachedResolver(query(), store, options);
    assert.deepEqual(await again('a.test', 'A'), ['192.0.2.1', '192.0.2.2']);
    assert.equal(count('a.test A') - before, 1);
    clock += 43_000; // past the record's 42 s TTL
    await again('a.test', 'A');
    assert.equal(count('a.test A') - before, 2);
    // NXDOMAIN is cached (negative TTL); SERVFAIL is asked again.
    const nx = count('nx2.test A');
    await codeOf(again('nx2.test', 'A'));
    await codeOf(cachedResolver(query(), store, options)('nx2.test', 'A'));
    assert.equal(count('nx2.test A') - nx, 1);
    const sf = count('fail.test A');
    await codeOf(again('fail.test', 'A'));
    await codeOf(cachedResolver(query(), store, options)('fail.test', 'A'));
    assert.equal(count('fail.test A') - sf, 2);
    await store.close();
  });

  it('keeps secrets (a DQS key) out of store keys', async () => {
    const store = new EmbeddedStore({ file: ':memory:' });
    const r = cachedResolver(query(), store, { defaultTtlSeconds: 300, negativeTtlSeconds: 60, maxTtlSeconds: 600, namespace: 'x', secrets: ['sekretkey123'] });
    await codeOf(r('1.0.0.127.sekretkey123.zen.dq.spamhaus.net', 'A'));
    const keys = await store.keys('dns:');
    assert.equal(keys.length, 1);
    assert.ok(!keys[0]!.includes('sekretkey123'));
    await store.close();
  });
});
