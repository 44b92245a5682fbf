/**
 * The message shortcut "Explain this bounce" and the buttons on our answers.
 * Both ack first, then work. A button runs the command it carries as the
 * person who CLICKED it; the command itself re-checks their rights.
 */
import type { App, BlockButtonAction, MessageShortcut } from '@slack/bolt';
import { t } from '../../core/lang.js';
import type { Attachment } from '../../core/request.js';
import type { Reply } from '../../core/reply.js';
import { commandFromValue } from '../chat/action-commands.js';
import { CHAT_MESSAGES } from '../chat/messages.js';
import { runCommand } from '../chat/run-command.js';
import { deliverReply, yieldToAcks } from './deliver.js';
import { slackTextToPlain } from './incoming-text.js';
import { fileProblem, sharedFiles } from './shared-files.js';
import { ACTION_ID_PREFIX } from './render-blocks.js';
import { slackRequest, type SlackContext } from './slack-context.js';
import type { SlackFile } from './file-download.js';

export const EXPLAIN_SHORTCUT = 'explain_bounce';

export function listenForInteractions(app: App, ctx: SlackContext): void {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: EXPLAIN_SHORTCUT }, async ({ shortcut, ack, respond, client }) => {
    const received = performance.now();
    await ack();
    ctx.metrics?.observeAck('slack', (performance.now() - received) / 1000);
    await yieldToAcks();
    const lang = ctx.services.config.lang;
    const message = shortcut.message as { text?: string; files?: SlackFile[]; ts?: string };
    const { attachments, problems } = await sharedFiles(ctx, client, message.files ?? []);
    const textValue = slackTextToPlain(message.text ?? '').trim();
    let reply: Reply;
    if (!textValue && attachments.length === 0) {
      reply = problems[0] ? fileProblem(problems[0], lang, ctx) : { severity: 'info', parts: [{ kind: 'text', content: [t(CHAT_MESSAGES.emptyMessage, lang)] }], exitCode: 2 };
    } else {
      const request = await slackRequest(ctx, client, { userId: shortcut.user.id, channel: shortcut.channel.id, args: [], text: textValue, attachments });
      reply = await runCommand(ctx.services, ctx.metrics, 'explain', request);
    }
    await deliverReply(
      { client, channel: shortcut.channel.id, user: shortcut.user.id, respond, responseType: 'ephemeral' },
      reply,
      ctx.services.store,
      ctx.logger,
    );
  });

  app.action<BlockButtonAction>(new RegExp(`^${ACTION_ID_PREFIX}`), async ({ action, body, ack, respond, client }) => {
    const received = performance.now();
    await ack();
    ctx.metrics?.observeAck('slack', (performance.now() - received) / 1000);
    await yieldToAcks();
    const lang = ctx.services.config.lang;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const parsed = await commandFromValue(ctx.services.store, action.value ?? '');
    let reply: Reply;
    if (!parsed) {
      reply = { severity: 'warn', parts: [{ kind: 'text', content: [t(CHAT_MESSAGES.buttonExpired, lang)] }], exitCode: 1 };
    } else {
      const attachments: Attachment[] = [];
      const request = await slackRequest(ctx, client, { userId: body.user.id, ...(channel ? { channel } : {}), args: parsed.args, text: parsed.text, attachments });
      ctx.logger.info({ actor: request.actor.id, command: parsed.name, actionId: action.action_id }, 'slack button clicked');
      reply = await runCommand(ctx.services, ctx.metrics, parsed.name, request);
    }
    await deliverReply(
      { client, ...(channel ? { channel } : {}), user: body.user.id, respond, responseType: 'ephemeral' },
      reply,
      ctx.services.store,
      ctx.logger,
    );
  });
}
