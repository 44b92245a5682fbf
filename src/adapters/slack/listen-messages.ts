/**
 * Messages the bot sees:
 * - in a DM, any text is a command (first word) or a bounce to explain; files are explained;
 * - an @mention in a channel is answered in a thread (DMs are left to the DM path:
 *   a mention in a DM fires both app_mention and message.im);
 * - in a channel listed under slack.autoExplain, a pasted bounce is explained in a
 *   thread only when the explainer is confident enough; everything else is ignored.
 * Events are acked by Bolt before listeners run, and deduplicated on event_id.
 */
import type { App, webApi } from '@slack/bolt';
import type { Attachment } from '../../core/request.js';
import type { Reply } from '../../core/reply.js';
import { interpretText } from '../chat/chat-text.js';
import { atLeast, explainConfidence } from '../chat/explain-confidence.js';
import { runCommand } from '../chat/run-command.js';
import { deliverReply } from './deliver.js';
import { slackTextToPlain } from './incoming-text.js';
import type { SlackFile } from './file-download.js';
import { fileProblem, sharedFiles } from './shared-files.js';
import { slackRequest, type SlackContext } from './slack-context.js';

/** The fields of message and app_mention events we read. */
interface IncomingMessage {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: SlackFile[];
}

export interface AutoExplainPolicy {
  /** The minimum confidence for a channel, or null when auto-explain is off there. */
  (channel: string): 'high' | 'medium' | null;
}

export function listenForMessages(app: App, ctx: SlackContext, autoExplain: AutoExplainPolicy): void {
  app.event('message', async ({ event, client, context }) => {
    const message = event as unknown as IncomingMessage;
    if (message.subtype && message.subtype !== 'file_share') return; // edits, joins, bot posts
    if (message.bot_id || !message.user) return;
    if (message.channel_type === 'im') {
      // A reply inside a DM thread stays in that thread.
      await answerDirect(ctx, client, message, stripMention(message.text ?? '', context.botUserId), message.thread_ts);
      return;
    }
    // Mentions are answered by the app_mention listener.
    if (context.botUserId && (message.text ?? '').includes(`<@${context.botUserId}>`)) return;
    const minimum = autoExplain(message.channel);
    if (minimum) await explainIfConfident(ctx, client, message, minimum);
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const mention = event as unknown as IncomingMessage;
    if (mention.channel_type === 'im' || mention.channel.startsWith('D')) return;
    if (!mention.user || mention.bot_id) return;
    await answerDirect(ctx, client, mention, stripMention(mention.text ?? '', context.botUserId), mention.thread_ts ?? mention.ts);
  });
}

/** Plain text without the bot's own mention. */
function stripMention(textValue: string, botUserId: string | undefined): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return slackTextToPlain(textValue.replace(own, '')).trim();
}

/** Someone talked to the bot: run what they typed, or explain what they pasted or uploaded. */
async function answerDirect(ctx: SlackContext, client: webApi.WebClient, message: IncomingMessage, textValue: string, threadTs?: string): Promise<void> {
  const { attachments, problems } = await sharedFiles(ctx, client, message.files ?? []);
  let reply: Reply;
  if (attachments.length) {
    reply = await explain(ctx, client, message, textValue, attachments);
  } else if (problems[0]) {
    reply = fileProblem(problems[0], ctx.services.config.lang, ctx);
  } else {
    const parsed = textValue ? interpretText(ctx.services.router, textValue) : { name: 'help', args: [], text: '' };
    const request = await slackRequest(ctx, client, { userId: message.user!, channel: message.channel, args: parsed.args, text: parsed.text });
    reply = await runCommand(ctx.services, ctx.metrics, parsed.name, request);
  }
  await deliverReply({ client, channel: message.channel, ...(threadTs ? { threadTs } : {}), responseType: 'in_channel' }, reply, ctx.services.store, ctx.logger);
}

async function explain(ctx: SlackContext, client: webApi.WebClient, message: IncomingMessage, textValue: string, attachments: Attachment[]): Promise<Reply> {
  const request = await slackRequest(ctx, client, { userId: message.user!, channel: message.channel, args: [], text: textValue, attachments });
  return runCommand(ctx.services, ctx.metrics, 'explain', request);
}

/** A paste nobody asked about: answer in a thread only when the explainer is sure it is a bounce. */
async function explainIfConfident(ctx: SlackContext, client: webApi.WebClient, message: IncomingMessage, minimum: 'high' | 'medium'): Promise<void> {
  const { attachments } = await sharedFiles(ctx, client, message.files ?? []);
  const textValue = slackTextToPlain(message.text ?? '').trim();
  if (!textValue && !attachments.length) return;
  const reply = await explain(ctx, client, message, textValue, attachments);
  if ((reply.exitCode ?? 0) !== 0 || !atLeast(explainConfidence(reply.data), minimum)) {
    ctx.logger.debug({ channel: message.channel }, 'channel message not explained: not confidently a bounce');
    return;
  }
  await deliverReply(
    { client, channel: message.channel, threadTs: message.thread_ts ?? message.ts, responseType: 'in_channel' },
    reply,
    ctx.services.store,
    ctx.logger,
  );
}
