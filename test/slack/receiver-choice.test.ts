/**
 * Receiver choice: Socket Mode when an app token is configured (no Slack
 * route on our server, readiness follows the WebSocket), the signed HTTP
 * receiver otherwise. Socket Mode is not started here: that would dial Slack.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createSlackFace } from '../../src/adapters/slack/slack-face.js';
import { parseConfig } from '../../src/config/load.js';
import { createServices, type AppServices } from '../../src/main.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/server/metrics.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { BOT_TOKEN, startFakeSlack, type FakeSlack } from './fake-slack.js';

describe('Slack receiver choice', () => {
  let fake: FakeSlack;
  const opened: AppServices[] = [];
  before(async () => {
    fake = await startFakeSlack();
  });
  after(async () => {
    for (const services of opened) await services.close();
    await fake.close();
  });

  async function servicesWith(slack: Record<string, unknown>): Promise<AppServices> {
    const services = await createServices(parseConfig({ log: { level: 'silent' }, slack: { botToken: BOT_TOKEN, apiUrl: fake.apiUrl, ...slack } }), {
      store: new EmbeddedStore({ file: ':memory:' }),
      logger: pino({ level: 'silent' }),
    });
    opened.push(services);
    return services;
  }

  it('uses Socket Mode with an app token: no Slack route on our server, readiness follows the socket', async () => {
    const http = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }) });
    const face = await createSlackFace({ services: await servicesWith({ appToken: 'xapp-1-test' }), http, retries: 0 });
    assert.equal(face.mode, 'socket');
    const address = await http.listen(0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${address.port}`;
      assert.equal((await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).status, 404);
      const ready = await fetch(`${base}/readyz`);
      assert.equal(ready.status, 503);
      assert.match(JSON.stringify(await ready.json()), /Socket Mode is not connected/);
    } finally {
      await http.close();
    }
  });

  it('uses the signed HTTP receiver with a signing secret only', async () => {
    const http = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }) });
    const face = await createSlackFace({ services: await servicesWith({ signingSecret: 'secret' }), http, retries: 0 });
    assert.equal(face.mode, 'http');
  });

  it('checks the bot token at start and says so when Slack refuses it', async () => {
    const http = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }) });
    const services = await createServices(parseConfig({ log: { level: 'silent' }, slack: { botToken: 'xoxb-wrong', signingSecret: 's', apiUrl: fake.apiUrl } }), {
      store: new EmbeddedStore({ file: ':memory:' }),
      logger: pino({ level: 'silent' }),
    });
    opened.push(services);
    await assert.rejects(createSlackFace({ services, http, retries: 0 }), /Slack refused the bot token \(invalid_auth\)/);
    assert.equal(fake.callsTo('auth.test').filter((c) => c.authorization === 'Bearer xoxb-wrong').length, 1);
  });

  it('refuses a Slack section without a way to receive events', () => {
    assert.throws(() => parseConfig({ slack: { botToken: BOT_TOKEN } }), /SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN/);
    assert.throws(() => parseConfig({ slack: { signingSecret: 'x' } }), /slack\.botToken/);
  });
});
