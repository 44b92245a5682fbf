/**
 * Slash commands: ack at once (Slack allows 3 s), then run the router command
 * and answer through respond(). One mapping (slash-commands.ts) decides which
 * router command a slash command runs.
 */
import type { App } from '@slack/bolt';
import { t } from '../../core/lang.js';
import type { Reply } from '../../core/reply.js';
import { commandInput, interpretText } from '../chat/chat-text.js';
import { CHAT_MESSAGES } from '../chat/messages.js';
import { runCommand } from '../chat/run-command.js';
import { deliverReply, yieldToAcks } from './deliver.js';
import { slackTextToPlain } from './incoming-text.js';
import { slackRequest, type SlackContext } from './slack-context.js';
import { SLASH_COMMANDS } from './slash-commands.js';

export function listenForCommands(app: App, ctx: SlackContext): void {
  for (const slash of SLASH_COMMANDS) {
    app.command(slash.slash, async ({ command, ack, respond, client }) => {
      const received = performance.now();
      await ack();
      ctx.metrics?.observeAck('slack', (performance.now() - received) / 1000);
      await yieldToAcks();

      const router = ctx.services.router;
      const typed = slackTextToPlain(command.text ?? '');
      let reply: Reply;
      if (slash.command === 'explain' && !typed.trim()) {
        reply = { severity: 'info', title: '/bounce', parts: [{ kind: 'text', content: [t(CHAT_MESSAGES.bounceUsage, ctx.services.config.lang)] }], exitCode: 2 };
      } else {
        const parsed = slash.command === null
          ? typed.trim() ? interpretText(router, typed) : { name: 'help', args: [], text: '' }
          : commandInput(router, slash.command, typed);
        const request = await slackRequest(ctx, client, { userId: command.user_id, channel: command.channel_id, args: parsed.args, text: parsed.text });
        reply = await runCommand(ctx.services, ctx.metrics, parsed.name, request);
      }
      await deliverReply(
        { client, channel: command.channel_id, user: command.user_id, respond, responseType: ctx.responseType },
        reply,
        ctx.services.store,
        ctx.logger,
      );
    });
  }
}
