/**
 * The Slack face: a Bolt 5 App on one of two receivers.
 * - Socket Mode when an app token is configured (no public URL needed);
 * - otherwise Bolt's ExpressReceiver mounted on OUR HTTP server at
 *   slack.endpoint, verifying every request's signature over the raw body
 *   (HMAC-SHA256 with the signing secret, requests older than 5 minutes refused).
 * Listeners live in listen-*.ts; this file only wires them.
 */
import { App, ExpressReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { ConfigError } from '../../config/load.js';
import type { ChatPoster } from '../../core/outbound.js';
import type { AppServices } from '../../main.js';
import type { HttpServer } from '../../server/http-server.js';
import type { CommandMetrics } from '../../server/metrics.js';
import { boltLogger } from './bolt-logger.js';
import { SlackChatPoster } from './chat-poster.js';
import { dedupeEvents } from './event-dedupe.js';
import { trustedFileHosts } from './file-download.js';
import { listenForCommands } from './listen-commands.js';
import { listenForInteractions } from './listen-interactions.js';
import { listenForMessages } from './listen-messages.js';
import type { SlackContext } from './slack-context.js';
import { policyGroups } from './user-groups.js';

export interface SlackFace {
  readonly mode: 'socket' | 'http';
  readonly app: App;
  readonly client: webApi.WebClient;
  readonly poster: ChatPoster;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackFaceOptions {
  services: AppServices;
  /** Required for the HTTP receiver; Socket Mode needs none. */
  http?: HttpServer;
  metrics?: CommandMetrics;
  /** Web API retries; tests turn them off (the default policy retries for 30 minutes). */
  retries?: number;
  /** Fetch used for file downloads (tests may inject). */
  fetch?: typeof fetch;
}

/**
 * Checks the bot token once (auth.test) and learns the bot's own ids, so Bolt
 * never calls auth.test itself: its eager call at construction leaves an
 * unhandled rejection behind when Slack is unreachable.
 */
async function botIdentity(token: string, clientOptions: webApi.WebClientOptions): Promise<{ botId: string; botUserId: string }> {
  const apiUrl = clientOptions.slackApiUrl ?? 'https://slack.com/api/';
  let result: webApi.AuthTestResponse;
  try {
    result = await new webApi.WebClient(token, clientOptions).auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new ConfigError(
      code
        ? `Slack refused the bot token (${code}); check SLACK_BOT_TOKEN (xoxb-…) and that the app is installed.`
        : `Could not reach the Slack API at ${apiUrl} to check the bot token: ${(error as Error).message}.`,
    );
  }
  if (!result.user_id || !result.bot_id) throw new ConfigError('SLACK_BOT_TOKEN is not a bot token (auth.test named no bot); use the Bot User OAuth Token (xoxb-…).');
  return { botId: result.bot_id, botUserId: result.user_id };
}

export async function createSlackFace(options: SlackFaceOptions): Promise<SlackFace> {
  const { services } = options;
  const config = services.config.slack;
  if (!config?.botToken) throw new Error('createSlackFace needs slack.botToken (SLACK_BOT_TOKEN)');
  const logger: Logger = services.logger.child({ face: 'slack' });
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 500 },
  };

  const identity = await botIdentity(config.botToken, clientOptions);
  const appOptions = { token: config.botToken, ...identity, clientOptions, logger: boltLogger(logger) };

  let mode: 'socket' | 'http';
  let app: App;
  let connected = false;
  if (config.appToken) {
    mode = 'socket';
    const receiver = new SocketModeReceiver({ appToken: config.appToken, logger: boltLogger(logger) });
    receiver.client.on('connected', () => { connected = true; });
    receiver.client.on('disconnected', () => { connected = false; });
    app = new App({ ...appOptions, receiver });
    options.http?.addReadinessCheck('slack', async () => {
      if (!connected) throw new Error('Socket Mode is not connected');
    });
  } else {
    if (!options.http) throw new Error('the Slack HTTP receiver needs the HTTP server');
    if (!config.signingSecret) throw new Error('the Slack HTTP receiver needs slack.signingSecret (SLACK_SIGNING_SECRET)');
    mode = 'http';
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      endpoints: config.endpoint,
      app: options.http.app,
      processBeforeResponse: false,
      logger: boltLogger(logger),
    });
    app = new App({ ...appOptions, receiver });
  }

  const ctx: SlackContext = {
    services,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    logger,
    download: {
      botToken: config.botToken,
      trustedHosts: trustedFileHosts(config.apiUrl),
      maxBytes: services.config.limits.maxInputBytes,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
    responseType: config.responseType,
    policyGroups: policyGroups(services.config),
  };

  app.use(dedupeEvents(services.store, logger));
  listenForCommands(app, ctx);
  listenForInteractions(app, ctx);
  listenForMessages(app, ctx, (channel) => config.autoExplain[channel]?.minConfidence ?? null);
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
  });

  return {
    mode,
    app,
    client: app.client,
    poster: new SlackChatPoster(app.client, services.store, logger),
    async start() {
      // The HTTP receiver is served by our HTTP server; only Socket Mode opens its own connection.
      if (mode === 'socket') await app.start();
      logger.info({ mode, endpoint: mode === 'http' ? config.endpoint : undefined }, 'slack face started');
    },
    async stop() {
      if (mode === 'socket') await app.stop();
    },
  };
}
