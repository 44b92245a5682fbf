import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/core/errors.js';
import { parseIpOption, parseSelector, parseTarget } from '../../src/checks/target.js';

describe('target normalisation', () => {
  const cases: Array<[string, 'domain' | 'ip', string]> = [
    ['example.com', 'domain', 'example.com'],
    ['EXAMPLE.Com.', 'domain', 'example.com'],
    ['  user@Example.COM ', 'domain', 'example.com'],
    ['<bounce+x@mail.example.org>', 'domain', 'mail.example.org'],
    ['mailto:info@example.net', 'domain', 'example.net'],
    ['https://www.example.com/path?q=1', 'domain', 'www.example.com'],
    ['http://EXAMPLE.com:8080/', 'domain', 'example.com'],
    ['bücher.example', 'domain', 'xn--bcher-kva.example'],
    ['user@münchen.de', 'domain', 'xn--mnchen-3ya.de'],
    ['203.0.113.5', 'ip', '203.0.113.5'],
    ['2001:DB8::1', 'ip', '2001:db8::1'],
    ['[2001:db8::1]', 'ip', '2001:db8::1'],
    ['::ffff:203.0.113.5', 'ip', '203.0.113.5'],
    ['postmaster@[203.0.113.5]', 'ip', '203.0.113.5'],
    ['http://[2001:db8::2]/', 'ip', '2001:db8::2'],
  ];
  for (const [input, kind, value] of cases) {
    it(`${JSON.stringify(input)} → ${kind} ${value}`, () => {
      const target = parseTarget(input);
      assert.equal(target.kind, kind);
      assert.equal(target.value, value);
    });
  }

  it('refuses what is neither, with one sentence that says what would work', () => {
    for (const bad of ['', 'localhost', 'not a domain', 'exa mple.com', '-bad-.com', '1.2.3', '999.1.1.1', 'a..b.com', 'http://', 'example.123', 'x'.repeat(64) + '.com']) {
      assert.throws(() => parseTarget(bad), (error: unknown) => {
        assert.ok(error instanceof UsageError, `${bad}: ${String(error)}`);
        assert.match(error.userMessage, /e\.g\. example\.com/);
        return true;
      }, bad);
    }
  });

  it('--ip takes addresses only; --dkim takes selector names', () => {
    assert.equal(parseIpOption('198.51.100.7'), '198.51.100.7');
    assert.throws(() => parseIpOption('mail.example.com'), /--ip needs an IPv4 or IPv6 address/);
    assert.equal(parseSelector('Selector1'), 'selector1');
    assert.equal(parseSelector('s1._domainkey.example.com'), 's1');
    assert.throws(() => parseSelector('bad selector'), /--dkim needs a selector/);
  });
});
