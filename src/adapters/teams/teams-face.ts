/**
 * The Teams face: botbuilder's CloudAdapter at POST /api/messages on our HTTP
 * server, authenticated with ConfigurationBotFrameworkAuthentication
 * (SingleTenant by default). botbuilder silently turns authentication OFF
 * when the app id is empty, so this face refuses to start without an app id
 * and secret — unless the test-only flag is set AND the process runs under
 * NODE_ENV=test (the caller decides that and passes allowUnauthenticated).
 *
 * botbuilder is end-of-life; every import of it stays in this folder so the
 * Microsoft 365 Agents SDK can replace it here alone.
 */
import express from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { ConfigError } from '../../config/load.js';
import type { ChatPoster } from '../../core/outbound.js';
import type { AppServices } from '../../main.js';
import type { HttpServer } from '../../server/http-server.js';
import type { CommandMetrics } from '../../server/metrics.js';
import { TeamsChatPoster } from './chat-poster.js';
import { ConversationReferences } from './conversation-references.js';
import { cardActivity, PostmasterBot } from './postmaster-bot.js';
import type { Reply } from '../../core/reply.js';

export interface TeamsFace {
  readonly authenticated: boolean;
  readonly poster: ChatPoster;
  readonly references: ConversationReferences;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface TeamsFaceOptions {
  services: AppServices;
  http: HttpServer;
  metrics?: CommandMetrics;
  /** True only when teams.allowUnauthenticated is set and NODE_ENV=test. */
  allowUnauthenticated: boolean;
  /** How long a turn waits for a command before answering later. */
  replyBudgetMs?: number;
}

export function createTeamsFace(options: TeamsFaceOptions): TeamsFace {
  const { services, http } = options;
  const config = services.config.teams;
  if (!config) throw new Error('createTeamsFace needs the teams configuration section');
  const logger: Logger = services.logger.child({ face: 'teams' });
  const hasCredentials = Boolean(config.appId && config.appPassword);
  if (!hasCredentials && !options.allowUnauthenticated) {
    throw new ConfigError(
      'Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID for a SingleTenant bot); ' +
        'without them botbuilder would accept unauthenticated requests, so postmaster does not start the Teams face.',
    );
  }
  if (hasCredentials && config.appType === 'SingleTenant' && !config.tenantId) {
    throw new ConfigError('teams.tenantId is required for a SingleTenant bot (set MICROSOFT_APP_TENANT_ID).');
  }
  const authenticated = hasCredentials;
  if (!authenticated) logger.warn('Teams authentication is DISABLED (test configuration); never run like this outside tests');

  const auth = new ConfigurationBotFrameworkAuthentication(
    authenticated
      ? {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword,
          MicrosoftAppType: config.appType,
          ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
  };
  const appId = authenticated ? config.appId! : '';
  const references = new ConversationReferences(services.store);
  const postTo = async (reference: Partial<ConversationReference>, reply: Reply) => {
    // The adapter hands errors inside the turn to onTurnError; keep the send's own error for the caller.
    let failure: unknown;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        await context.sendActivity(cardActivity(reply));
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
  };
  const bot = new PostmasterBot({
    services,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    logger,
    references,
    allowLoopbackFiles: !authenticated,
    ...(config.tenantId ? { tenantId: config.tenantId } : {}),
    replyBudgetMs: options.replyBudgetMs ?? 10_000,
    postLater: postTo,
  });

  http.app.post(config.endpoint, express.json({ limit: '1mb' }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  return {
    authenticated,
    references,
    poster: new TeamsChatPoster(references, postTo, logger),
    async start() {
      logger.info({ endpoint: config.endpoint, authenticated, appType: config.appType }, 'teams face started');
    },
    async stop() {},
  };
}
