/**
 * Starts the chat faces the configuration enables — Slack, Teams, or both in
 * one process — on one HTTP server that also serves /healthz, /readyz and
 * /metrics, plus the feature routes (GET /media/:token, POST /ingest) and any
 * others mounted through `server.route()` before it listens.
 */
import type { AddressInfo } from 'node:net';
import type { ChatPoster } from '../core/outbound.js';
import type { AppServices } from '../main.js';
import { createSlackFace, type SlackFace } from '../adapters/slack/slack-face.js';
import { createTeamsFace, type TeamsFace } from '../adapters/teams/teams-face.js';
import { createHttpServer, type HttpServer } from './http-server.js';
import { mountFeatureRoutes } from './feature-routes.js';
import { createMetrics } from './metrics.js';

export interface ChatFaces {
  server: HttpServer;
  address: AddressInfo;
  slack?: SlackFace;
  teams?: TeamsFace;
  /** Outbound posters by platform, for digests and alerts. */
  posters: ChatPoster[];
  stop(): Promise<void>;
}

export interface ChatFacesOptions {
  /** True only when teams.allowUnauthenticated is set and NODE_ENV=test. */
  allowUnauthenticatedTeams?: boolean;
  /** Overrides server.port / server.host (tests listen on port 0). */
  port?: number;
  host?: string;
  /** Slack Web API retries (tests: 0). */
  slackRetries?: number;
  /** Teams: how long a turn waits before answering later. */
  teamsReplyBudgetMs?: number;
  /** Extra routes to mount before listening (digest media, log ingest). */
  mount?: (server: HttpServer) => void | Promise<void>;
}

export async function startChatFaces(services: AppServices, options: ChatFacesOptions = {}): Promise<ChatFaces> {
  const metrics = createMetrics();
  const server = createHttpServer({ logger: services.logger.child({ component: 'http' }), metrics });
  server.addReadinessCheck('store', async () => {
    await services.store.get('health:probe');
  });
  const slack = services.config.slack
    ? await createSlackFace({ services, http: server, metrics, ...(options.slackRetries !== undefined ? { retries: options.slackRetries } : {}) })
    : undefined;
  const teams = services.config.teams
    ? createTeamsFace({
        services,
        http: server,
        metrics,
        allowUnauthenticated: options.allowUnauthenticatedTeams ?? false,
        ...(options.teamsReplyBudgetMs !== undefined ? { replyBudgetMs: options.teamsReplyBudgetMs } : {}),
      })
    : undefined;
  mountFeatureRoutes(server, services);
  await options.mount?.(server);
  const address = await server.listen(options.port ?? services.config.server.port, options.host ?? services.config.server.host);
  await slack?.start();
  await teams?.start();
  const posters = [slack?.poster, teams?.poster].filter((p): p is ChatPoster => p !== undefined);
  return {
    server,
    address,
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    posters,
    async stop() {
      await slack?.stop();
      await teams?.stop();
      await server.close();
    },
  };
}
