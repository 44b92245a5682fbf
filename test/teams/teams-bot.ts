/** Starts the real bot with the Teams face (authentication off: test configuration only) on 127.0.0.1 port 0. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { createServices, type AppServices } from '../../src/main.js';
import { startChatFaces, type ChatFaces } from '../../src/server/chat-faces.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { tempDir } from '../helpers/temp.js';

export interface TeamsBot {
  services: AppServices;
  faces: ChatFaces;
  endpoint: string;
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTeamsBot(
  options: { teams?: Record<string, unknown>; allowUnauthenticated?: boolean; replyBudgetMs?: number} = {},
): Promise<TeamsBot> {
  const dataDir = tempDir('pm-teams-');
  const config = parseConfig({ dataDir, log: { level: 'silent' }, teams: options.teams ?? { allowUnauthenticated: true } });
  const services = await createServices(config, { store: new EmbeddedStore({ file: join(dataDir, 'state.db') }), logger: pino({ level: 'silent' }) });
  const faces = await startChatFaces(services, {
    port: 0,
    host: '127.0.0.1',
    allowUnauthenticatedTeams: options.allowUnauthenticated ?? true,
    ...(options.replyBudgetMs !== undefined ? { teamsReplyBudgetMs: options.replyBudgetMs } : {}),
  });
  const endpoint = `http://127.0.0.1:${faces.address.port}/api/messages`;
  return {
    services,
    faces,
    endpoint,
    post: (activity, headers = {}) =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) }),
    async close() {
      await faces.stop();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
