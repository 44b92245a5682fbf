/**
 * Conversation references, kept in the store so proactive posts (digests)
 * survive restarts and work from any replica. Captured on install and on
 * every message; removed when Teams says the bot is no longer in the
 * conversation.
 */
import type { ConversationReference } from 'botbuilder';
import type { Store } from '../../store/store.js';

const PREFIX = 'teams:conversation:';

export class ConversationReferences {
  constructor(private readonly store: Store) {}

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = reference.conversation?.id;
    if (!id || !reference.serviceUrl) return;
    const kept: Partial<ConversationReference> = {
      activityId: undefined,
      bot: reference.bot,
      channelId: reference.channelId,
      conversation: reference.conversation,
      serviceUrl: reference.serviceUrl,
      ...(reference.locale ? { locale: reference.locale } : {}),
    };
    await this.store.set(PREFIX + id, JSON.stringify(kept));
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | null> {
    const raw = await this.store.get(PREFIX + conversationId);
    return raw === null ? null : (JSON.parse(raw) as Partial<ConversationReference>);
  }

  async remove(conversationId: string): Promise<void> {
    await this.store.del(PREFIX + conversationId);
  }

  /** Conversation ids the bot can post to. */
  async list(): Promise<string[]> {
    return (await this.store.keys(PREFIX)).map((key) => key.slice(PREFIX.length));
  }
}
