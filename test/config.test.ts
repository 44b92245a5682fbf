import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config/load.js';
import { tempDir } from './helpers/temp.js';

function file(content: string): string {
  const path = join(tempDir('pm-config-'), 'postmaster.yaml');
  writeFileSync(path, content);
  return path;
}

describe('config', () => {
  it('starts on embedded defaults with no file and no environment', () => {
    const config = loadConfig({ env: {} });
    assert.equal(config.lang, 'en');
    assert.equal(config.store.redisUrl, undefined);
    assert.equal(config.dataDir, 'data');
  });

  it('reads the YAML file and lays secrets from the environment over it', () => {
    const config = loadConfig({ path: file('lang: de\nlimits:\n  maxInputBytes: 1000\n'), env: { REDIS_URL: 'redis://127.0.0.1:6379' } });
    assert.equal(config.lang, 'de');
    assert.equal(config.limits.maxInputBytes, 1000);
    assert.equal(config.store.redisUrl, 'redis://127.0.0.1:6379');
  });

  it('refuses a secret in the file, naming the key and the variable to use instead', () => {
    const cases: Array<[string, RegExp]> = [
      ['slack:\n  botToken: xoxb-123-456\n', /"slack\.botToken".*set SLACK_BOT_TOKEN instead/],
      ['teams:\n  appId: a\n  appPassword: hunter2\n  tenantId: t\n', /"teams\.appPassword".*MICROSOFT_APP_PASSWORD/],
      ['backends:\n  proxmox:\n    password: pw\n', /"backends\.proxmox\.password".*PMG_PASSWORD/],
      ['ingest:\n  token: a-long-shared-secret-123\n', /"ingest\.token".*POSTMASTER_INGEST_TOKEN/],
      ['store:\n  redisUrl: redis://:s3cret@redis.internal:6379\n', /"store\.redisUrl".*REDIS_URL/],
    ];
    for (const [yaml, message] of cases) {
      assert.throws(() => loadConfig({ path: file(yaml), env: {} }), (error: unknown) => error instanceof ConfigError && message.test(error.message), yaml);
    }
    // The same values from the environment are fine, and a Redis URL without a password may stay in the file.
    assert.equal(loadConfig({ path: file('store:\n  redisUrl: redis://redis.internal:6379\n'), env: {} }).store.redisUrl, 'redis://redis.internal:6379');
    assert.equal(loadConfig({ path: file('lang: en\n'), env: { POSTMASTER_INGEST_TOKEN: 'a-long-shared-secret-123' } }).ingest.token, 'a-long-shared-secret-123');
  });

  it('takes the path from POSTMASTER_CONFIG', () => {
    const config = loadConfig({ env: { POSTMASTER_CONFIG: file('lang: id\n') } });
    assert.equal(config.lang, 'id');
  });

  it('stops on a misspelt key with a sentence that names it', () => {
    assert.throws(() => loadConfig({ path: file('limits:\n  maxInputByte: 10\n'), env: {} }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /unknown key "limits\.maxInputByte"/);
      return true;
    });
  });

  it('stops on a bad value naming the key', () => {
    assert.throws(() => loadConfig({ path: file('lang: fr\n'), env: {} }), /key "lang"/);
    assert.throws(() => loadConfig({ path: file('server:\n  port: -1\n'), env: {} }), /key "server\.port"/);
  });

  it('explains an unreadable or malformed file', () => {
    assert.throws(() => loadConfig({ path: '/nonexistent/postmaster.yaml', env: {} }), /Cannot read the config file .*ENOENT/);
    assert.throws(() => loadConfig({ path: file('lang: [\n'), env: {} }), /not valid YAML/);
    assert.throws(() => loadConfig({ path: file('- a\n- b\n'), env: {} }), /must hold a mapping/);
  });
});
