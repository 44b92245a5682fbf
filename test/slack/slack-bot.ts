/** Starts the real bot (services, HTTP server, Slack face) against the fake Slack API, on 127.0.0.1 port 0. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { createServices, type AppServices } from '../../src/main.js';
import { startChatFaces, type ChatFaces } from '../../src/server/chat-faces.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import type { Store } from '../../src/store/store.js';
import { BOT_TOKEN, type FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './signed-request.js';
import { tempDir } from '../helpers/temp.js';

export interface SlackBot {
  services: AppServices;
  faces: ChatFaces;
  base: string;
  /** The Slack endpoint (events, commands, interactivity). */
  endpoint: string;
  close(): Promise<void>;
}

export async function startSlackBot(
  fake: FakeSlack,
  options: { store?: Store; slack?: Record<string, unknown>; access?: Record<string, unknown> } = {},
): Promise<SlackBot> {
  const dataDir = tempDir('pm-slack-');
  const config = parseConfig({
    dataDir,
    log: { level: 'silent' },
    slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, ...options.slack },
    ...(options.access ? { access: options.access } : {}),
  });
  const store = options.store ?? new EmbeddedStore({ file: join(dataDir, 'state.db') });
  const services = await createServices(config, { store, logger: pino({ level: 'silent' }) });
  const faces = await startChatFaces(services, { port: 0, host: '127.0.0.1', slackRetries: 0 });
  const base = `http://127.0.0.1:${faces.address.port}`;
  return {
    services,
    faces,
    base,
    endpoint: `${base}/slack/events`,
    async close() {
      await faces.stop();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
