import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { startDnsServer, type DnsServer } from '../helpers/dns-server.js';
import { httpsPolicyFetcher } from '../../src/checks/setup.js';
import { find, goodZone, one, runner, type Runner } from './fixtures.js';

let dns: DnsServer;
let run: Runner;
const servers: SMTPServer[] = [];

/** A local SMTP server on 127.0.0.1; RCPT postmaster@ is refused when `refusePostmaster`. */
async function smtp(options: { name?: string; hideSTARTTLS?: boolean; refusePostmaster?: boolean } = {}): Promise<number> {
  const server = new SMTPServer({
    name: options.name ?? 'mx1.good.test',
    hideSTARTTLS: options.hideSTARTTLS ?? false,
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refusePostmaster && address.address.startsWith('postmaster@')) {
        const error = Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
}

before(async () => {
  dns = await startDnsServer({
    ...goodZone(),
    '160.69.2.81.in-addr.arpa': { PTR: ['mail.sender.test'] },
    'mail.sender.test': { A: ['81.2.69.160'] },
  });
  run = runner(dns);
});
after(async () => {
  await run.close();
  await dns.close();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const smtpOptions = (port: number) => ({ smtp: { port, connectHost: '127.0.0.1', timeoutMs: 3000, helo: 'check.postmaster.test' } });

describe('opt-in SMTP checks against a local server', () => {
  it('MX_SMTP tells "connect OK, TLS OK, certificate not trusted" apart; MX_POSTMASTER OK when accepted', async () => {
    const port = await smtp();
    const out = await run.check('good.test', {}, smtpOptions(port));
    const mx1 = one(out, 'MX_SMTP', 'mx1.good.test');
    assert.equal(mx1.severity, 'WARN');
    assert.match(mx1.evidence, /connect OK; banner 220 mx1\.good\.test/);
    assert.match(mx1.evidence, /STARTTLS offered; TLS/);
    assert.match(mx1.verdict, /certificate (not trusted|expired)/);
    assert.equal(one(out, 'MX_POSTMASTER', 'mx1.good.test').severity, 'OK');
  });

  it('no STARTTLS is WARN; a rejected postmaster@ is WARN with the reply', async () => {
    const port = await smtp({ hideSTARTTLS: true, refusePostmaster: true });
    const out = await run.check('good.test', {}, smtpOptions(port));
    assert.match(one(out, 'MX_SMTP', 'mx1.good.test').verdict, /does not offer STARTTLS/);
    const pm = one(out, 'MX_POSTMASTER', 'mx1.good.test');
    assert.equal(pm.severity, 'WARN');
    assert.match(pm.evidence, /RCPT TO:<postmaster@good\.test> → 550/);
  });

  it('a closed port is CRIT', async () => {
    const port = await smtp();
    const server = servers.pop()!;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const out = await run.check('good.test', {}, smtpOptions(port));
    assert.equal(one(out, 'MX_SMTP', 'mx1.good.test').severity, 'CRIT');
    assert.match(one(out, 'MX_SMTP', 'mx1.good.test').evidence, /connect failed: ECONNREFUSED/);
    assert.equal(find(out, 'MX_POSTMASTER').length, 0);
  });

  it('IP_BANNER compares the greeting name with the PTR', async () => {
    const same = await run.check('81.2.69.160', {}, smtpOptions(await smtp({ name: 'mail.sender.test' })));
    assert.equal(one(same, 'IP_BANNER').severity, 'OK');
    const other = await run.check('81.2.69.160', {}, smtpOptions(await smtp({ name: 'smtp.local' })));
    assert.equal(one(other, 'IP_BANNER').severity, 'INFO');
    assert.match(one(other, 'IP_BANNER').verdict, /Banner says smtp\.local; PTR is mail\.sender\.test/);
  });

  it('never connects to a non-public MX address (a domain cannot aim the probe at our network)', async () => {
    let connections = 0;
    const listener = createServer((socket) => {
      connections++;
      socket.end('220 lo.test ESMTP\r\n');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    dns.setZone({ ...goodZone(), 'lo.test': { NS: ['ns.lo.test', 'ns2.lo.test'], MX: [{ exchange: 'mx.lo.test', priority: 10 }] }, 'mx.lo.test': { A: ['127.0.0.1'] } });
    const out = await run.check('lo.test', {}, { smtp: { port, timeoutMs: 2000, helo: 'check.postmaster.test' } });
    assert.equal(find(out, 'MX_SMTP').length, 0);
    assert.equal(connections, 0);
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    dns.setZone({ ...goodZone(), '160.69.2.81.in-addr.arpa': { PTR: ['mail.sender.test'] }, 'mail.sender.test': { A: ['81.2.69.160'] } });
  });

  it('the MTA-STS policy fetch refuses a policy host on a non-public address', async () => {
    const fetcher = httpsPolicyFetcher(async () => ({ records: ['127.0.0.1'] }), 1000, Date.now() + 5000, Date.now);
    await assert.rejects(fetcher('lo.test'), /mta-sts\.lo\.test resolves to the non-public address 127\.0\.0\.1/);
  });

  it('without --smtp nothing connects', async () => {
    const out = await run.check('good.test');
    assert.equal(find(out, 'MX_SMTP').length + find(out, 'MX_POSTMASTER').length + find(out, 'IP_BANNER').length, 0);
  });
});
