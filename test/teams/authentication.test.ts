/**
 * Authentication is never silently off: with credentials, requests without a
 * valid Bot Framework token are refused; without credentials the Teams face
 * refuses to start unless the test-only flag is set in a test process.
 * (No test here reaches Microsoft: the forged tokens fail before any key lookup.)
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { createServices, startBot } from '../../src/main.js';
import { startChatFaces } from '../../src/server/chat-faces.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { messageActivity, startFakeConnector, type FakeConnector } from './fake-connector.js';
import { startTeamsBot, type TeamsBot } from './teams-bot.js';
import { tempDir } from '../helpers/temp.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Teams with authentication on', () => {
  let connector: FakeConnector;
  let bot: TeamsBot;
  before(async () => {
    connector = await startFakeConnector();
    bot = await startTeamsBot({
      teams: { appId: '11111111-2222-3333-4444-555555555555', appPassword: 'not-a-real-secret', tenantId: 'tenant-1' },
      allowUnauthenticated: false,
    });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  it('refuses activities without a valid token and runs nothing', async () => {
    assert.equal(bot.faces.teams!.authenticated, true);
    const activity = messageActivity(connector.serviceUrl, { id: 'x1', conversationId: 'a:auth', text: 'help' });
    const forged = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://attacker.example', aud: '11111111-2222-3333-4444-555555555555', exp: 9999999999 })}.`;
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer not-a-jwt' }, { authorization: `Bearer ${forged}` }, { authorization: 'Basic dXNlcjpwYXNz' }]) {
      const res = await bot.post(activity, headers);
      assert.equal(res.status, 401, `refused with ${JSON.stringify(headers)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(connector.calls.length, 0);
  });
});

describe('Teams refuses to start without credentials', () => {
  it('names the missing keys when the teams section has no app id or secret', () => {
    assert.throws(() => parseConfig({ teams: {} }), (error: unknown) => error instanceof ConfigError && /teams\.appId/.test(error.message) && /teams\.appPassword/.test(error.message));
    assert.throws(() => parseConfig({ teams: { appId: 'a', appPassword: 'b' } }), /teams\.tenantId/);
    assert.doesNotThrow(() => parseConfig({ teams: { appId: 'a', appPassword: 'b', appType: 'MultiTenant' } }));
  });

  it('does not honour the test-only flag outside a test process', async () => {
    const dataDir = tempDir('pm-teams-auth-');
    try {
      const config = parseConfig({ dataDir, log: { level: 'silent' }, teams: { allowUnauthenticated: true }, server: { host: '127.0.0.1', port: 0 } });
      const logged: string[] = [];
      const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
      const services = await createServices(config, { store: new EmbeddedStore({ file: ':memory:' }), logger });
      const io = { stdin: new PassThrough(), stdout: new PassThrough(), env: { NODE_ENV: 'production' } };
      assert.equal(await startBot(services, io), 2);
      assert.match(logged.join(''), /"level":60.*MICROSOFT_APP_ID/);
      await assert.rejects(startChatFaces(services, { port: 0, host: '127.0.0.1' }), ConfigError);
      await services.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
