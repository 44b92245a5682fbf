/**
 * startBot: the console when no chat face is configured (no Redis needed),
 * Slack and Teams together on one server otherwise, with the feature routes
 * mounted; secrets never reach the logs.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { REDACT_PATHS } from '../../src/core/redact.js';
import { storeMedia } from '../../src/digest/media.js';
import { createServices, startBot } from '../../src/main.js';
import { startChatFaces } from '../../src/server/chat-faces.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { BOT_TOKEN, startFakeSlack } from '../slack/fake-slack.js';
import { SIGNING_SECRET, signedPost, slashBody } from '../slack/signed-request.js';
import { messageActivity, startFakeConnector } from '../teams/fake-connector.js';
import { tempDir } from '../helpers/temp.js';

describe('startBot', () => {
  it('opens the console when no chat face is configured, on the embedded store', async () => {
    const dataDir = tempDir('pm-start-');
    try {
      const services = await createServices(parseConfig({ dataDir, log: { level: 'silent' } }), { logger: pino({ level: 'silent' }) });
      assert.equal(services.store.kind, 'embedded');
      const stdin = new PassThrough();
      const stdout = new PassThrough();
      let output = '';
      stdout.on('data', (chunk) => (output += String(chunk)));
      const exit = startBot(services, { stdin, stdout, env: {} });
      stdin.end('help\nquit\n');
      assert.equal(await exit, 0);
      assert.match(output, /postmaster console/);
      assert.match(output, /explain \(\/bounce\)/);
      await services.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('Slack and Teams in one process', () => {
  it('answers both faces on one server, next to /media and /ingest', async () => {
    const slack = await startFakeSlack();
    const connector = await startFakeConnector();
    const dataDir = tempDir('pm-both-');
    const config = parseConfig({
      dataDir,
      log: { level: 'silent' },
      slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl },
      teams: { allowUnauthenticated: true },
    });
    const services = await createServices(config, { store: new EmbeddedStore({ file: join(dataDir, 'state.db') }), logger: pino({ level: 'silent' }) });
    const faces = await startChatFaces(services, { port: 0, host: '127.0.0.1', slackRetries: 0, allowUnauthenticatedTeams: true });
    const base = `http://127.0.0.1:${faces.address.port}`;
    try {
      assert.deepEqual(faces.posters.map((p) => p.platform).sort(), ['slack', 'teams']);
      await signedPost(`${base}/slack/events`, slashBody({ command: '/postmaster', text: 'help', responseUrl: `${slack.url}/respond/both` }), 'application/x-www-form-urlencoded');
      await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity(connector.serviceUrl, { id: 'b1', conversationId: 'a:both', text: 'help' })) });
      await slack.waitFor(() => slack.responses.find((r) => r.path === '/respond/both'));
      await connector.waitFor(() => connector.messagesTo('a:both')[0]);

      const token = await storeMedia(services.store, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 60_000);
      const media = await fetch(`${base}/media/${token}`);
      assert.equal(media.status, 200);
      assert.equal(media.headers.get('content-type'), 'image/png');
      assert.equal((await fetch(`${base}/media/${'A'.repeat(22)}`)).status, 404);
      const ingest = await fetch(`${base}/ingest`, { method: 'POST', body: 'line\n' });
      assert.ok([401, 403].includes(ingest.status), 'ingest refuses without a configured token');
    } finally {
      await faces.stop();
      await services.close();
      await slack.close();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('log redaction', () => {
  it('never prints the Slack or Teams secrets', () => {
    const lines: string[] = [];
    const logger = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, { write: (line: string) => void lines.push(line) });
    const config = parseConfig({
      slack: { botToken: 'xoxb-SECRET-1', signingSecret: 'SECRET-2', appToken: 'xapp-SECRET-3' },
      teams: { appId: 'app', appPassword: 'SECRET-4', tenantId: 't' },
    });
    logger.info({ config }, 'config');
    logger.info({ slack: config.slack, teams: config.teams }, 'sections');
    logger.info({ req: { headers: { authorization: 'Bearer SECRET-5', 'x-slack-signature': 'v0=SECRET-6' } } }, 'request');
    assert.doesNotMatch(lines.join('\n'), /SECRET/);
  });
});
