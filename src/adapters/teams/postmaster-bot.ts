/**
 * The Teams bot: messages in 1:1 chats, group chats and channels (where Teams
 * only delivers @mentions; the mention is stripped), files, and Adaptive Card
 * Action.Submit clicks (a message whose `value` carries the command). Every
 * turn also refreshes the stored conversation reference for proactive posts.
 * A command slower than the reply budget is answered with a short note in the
 * turn and its card is posted proactively when ready.
 */
import { ActivityTypes, CardFactory, TeamsActivityHandler, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { fill, isLang, t } from '../../core/lang.js';
import type { Reply } from '../../core/reply.js';
import type { Request } from '../../core/request.js';
import type { AppServices } from '../../main.js';
import type { CommandMetrics } from '../../server/metrics.js';
import { commandFromValue } from '../chat/action-commands.js';
import { interpretText } from '../chat/chat-text.js';
import { chatReply } from '../chat/json-reply.js';
import { CHAT_MESSAGES } from '../chat/messages.js';
import { replySummary } from '../chat/plain-text.js';
import { runCommand } from '../chat/run-command.js';
import type { ConversationReferences } from './conversation-references.js';
import { teamsFiles } from './file-attachments.js';
import { renderCard, SUBMIT_COMMAND_KEY } from './render-card.js';

export interface BotOptions {
  services: AppServices;
  metrics?: CommandMetrics;
  logger: Logger;
  references: ConversationReferences;
  /** Allow http file URLs on loopback (tests only). */
  allowLoopbackFiles: boolean;
  /** The one tenant this (SingleTenant) bot serves; activities from any other are ignored. */
  tenantId?: string;
  /** How long a turn waits for a command before answering later (Teams waits ~15 s for the HTTP answer). */
  replyBudgetMs: number;
  /** Posts a reply to a conversation outside the turn. */
  postLater(reference: Partial<ConversationReference>, reply: Reply): Promise<void>;
}

/** A card activity for a Reply. */
export function cardActivity(reply: Reply): Partial<Activity> {
  const shown = chatReply(reply);
  return {
    type: ActivityTypes.Message,
    summary: replySummary(shown).slice(0, 200),
    attachments: [CardFactory.adaptiveCard(renderCard(shown))],
  };
}

/** Why an activity is not for us (another channel, another tenant), or null. */
export function refusedActivity(activity: Partial<Activity>, tenantId: string | undefined): string | null {
  if (activity.channelId !== 'msteams') return 'not from Microsoft Teams';
  if (tenantId) {
    const tenants = [activity.conversation?.tenantId, (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id].filter(Boolean);
    if (tenants.length === 0 || tenants.some((t) => t !== tenantId)) return 'from another tenant';
  }
  return null;
}

export class PostmasterBot extends TeamsActivityHandler {
  constructor(private readonly options: BotOptions) {
    super();
    // Bot Framework's token says the activity came through the Bot Framework, not that it came
    // from Teams or from our tenant: both are checked before anything runs.
    this.onTurn(async (context, next) => {
      const refused = refusedActivity(context.activity, options.tenantId);
      if (refused) {
        options.logger.warn({ channelId: context.activity.channelId, reason: refused }, 'teams activity ignored');
        return;
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await options.references.save(TurnContext.getConversationReference(context.activity));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) {
        await options.references.save(TurnContext.getConversationReference(context.activity));
      }
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { services, logger } = this.options;
    const activity = context.activity;
    // Teams tells us the client's language; fall back to the configured one.
    const fromLocale = (activity.locale ?? '').slice(0, 2).toLowerCase();
    const lang = isLang(fromLocale) ? fromLocale : services.config.lang;
    const reference = TurnContext.getConversationReference(activity);
    // Kept for proactive posts; with the store down the message is still answered.
    await this.options.references.save(reference).catch((error: Error) => logger.warn({ err: { message: error.message } }, 'teams conversation reference not saved'));

    const request = (args: string[], textValue: string, attachments: Request['attachments'] = []): Request => ({
      platform: 'teams',
      actor: { id: activity.from?.aadObjectId ? `teams:${activity.from.aadObjectId}` : `teams:bf:${activity.from?.id ?? 'unknown'}`, ...(activity.from?.name ? { name: activity.from.name } : {}) },
      ...(activity.conversation?.id ? { channel: activity.conversation.id } : {}),
      lang,
      args,
      text: textValue,
      attachments,
    });

    let work: Promise<Reply>;
    const submitted = (activity.value as Record<string, unknown> | undefined)?.[SUBMIT_COMMAND_KEY];
    if (typeof submitted === 'string') {
      // A card button: run its command as the person who clicked.
      const parsed = await commandFromValue(services.store, submitted);
      if (!parsed) {
        await context.sendActivity(cardActivity({ severity: 'warn', parts: [{ kind: 'text', content: [t(CHAT_MESSAGES.buttonExpired, lang)] }] }));
        return;
      }
      logger.info({ actor: request([], '').actor.id, command: parsed.name }, 'teams card button clicked');
      work = runCommand(services, this.options.metrics, parsed.name, request(parsed.args, parsed.text));
    } else {
      const textValue = stripMentions(activity);
      const files = teamsFiles(activity.attachments, { maxBytes: services.config.limits.maxInputBytes, allowLoopback: this.options.allowLoopbackFiles });
      const readable = files.flatMap((f) => (f.ok ? [f.attachment] : []));
      const refused = files.find((f) => !f.ok);
      if (readable.length) {
        work = runCommand(services, this.options.metrics, 'explain', request([], textValue, readable));
      } else if (refused && !refused.ok) {
        const table = refused.reason === 'not-text' ? CHAT_MESSAGES.fileNotText : CHAT_MESSAGES.downloadFailed;
        const sentence = fill(t(table, lang), { name: refused.name });
        await context.sendActivity(cardActivity({ severity: 'warn', parts: [{ kind: 'text', content: [sentence] }], summary: sentence }));
        return;
      } else {
        const parsed = textValue ? interpretText(services.router, textValue) : { name: 'help', args: [], text: '' };
        work = runCommand(services, this.options.metrics, parsed.name, request(parsed.args, parsed.text));
      }
    }

    await context.sendActivity({ type: ActivityTypes.Typing });
    const late = Symbol('late');
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([
      work,
      new Promise<typeof late>((resolve) => {
        timer = setTimeout(() => resolve(late), this.options.replyBudgetMs);
      }),
    ]);
    clearTimeout(timer);
    if (first !== late) {
      await context.sendActivity(cardActivity(first));
      return;
    }
    await context.sendActivity(t(CHAT_MESSAGES.working, lang));
    work
      .then((reply) => this.options.postLater(reference, reply))
      .catch((error) => logger.error({ err: error }, 'teams late answer failed'));
  }
}

/** The text without the bot's @mention (and without any other <at> tags Teams left in). */
function stripMentions(activity: Activity): string {
  const withoutBot = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return withoutBot.replace(/<at>[^<]*<\/at>/g, '').trim();
}
