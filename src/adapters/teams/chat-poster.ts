/**
 * Posts a Reply to a Teams conversation without a request (digests, spike
 * alerts), through the stored conversation reference. The Bot Connector
 * client already retries throttling (429, honouring Retry-After) and 5xx
 * faults with backoff; 403 (bot removed or blocked) or 404 drops the
 * reference, since retrying cannot help.
 */
import type { ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { BotError } from '../../core/errors.js';
import type { ChatPoster } from '../../core/outbound.js';
import type { Reply } from '../../core/reply.js';
import type { ConversationReferences } from './conversation-references.js';

export class TeamsChatPoster implements ChatPoster {
  readonly platform = 'teams' as const;

  constructor(
    private readonly references: ConversationReferences,
    private readonly postTo: (reference: Partial<ConversationReference>, reply: Reply) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  async post(target: string, reply: Reply): Promise<void> {
    const conversationId = target.replace(/^teams:/, '');
    const reference = await this.references.get(conversationId);
    if (!reference) {
      throw new BotError('not_found', `The bot has no conversation reference for ${conversationId}; install the bot in that chat or channel, or send it a message there first.`);
    }
    try {
      await this.postTo(reference, reply);
    } catch (error) {
      throw await this.failure(conversationId, (error as { statusCode?: number }).statusCode, error);
    }
  }

  /** The error for a post that failed for good; a conversation the bot left loses its reference. */
  private async failure(conversationId: string, status: number | undefined, error: unknown): Promise<BotError> {
    if (status === 403 || status === 404) {
      await this.references.remove(conversationId);
      this.logger.warn({ conversationId, status }, 'teams conversation is gone; reference removed');
      return new BotError('not_found', `Teams refused the post to ${conversationId} (HTTP ${status}): the bot was removed from that conversation.`, { cause: error });
    }
    return new BotError('backend_failed', `Teams refused the post to ${conversationId}${status ? ` (HTTP ${status})` : ''}.`, { cause: error });
  }
}
