/**
 * Posts a Reply to a Slack channel without a request (digests, spike
 * alerts): chat.postMessage with the rendered blocks, then any chart images
 * through files.uploadV2. A permanent failure (not_in_channel,
 * channel_not_found, invalid_auth) throws, so the caller can report it.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { BotError } from '../../core/errors.js';
import type { ChatPoster } from '../../core/outbound.js';
import type { Reply } from '../../core/reply.js';
import type { Store } from '../../store/store.js';
import { renderForSlack, uploadImages } from './deliver.js';

export class SlackChatPoster implements ChatPoster {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  async post(target: string, reply: Reply): Promise<void> {
    const channel = target.replace(/^slack:/, '');
    const message = await renderForSlack(reply, this.store);
    let threadTs: string | undefined;
    try {
      const result = await this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      threadTs = result.ts;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      throw new BotError('backend_failed', `Slack refused the post to ${channel}: ${code}.`, { cause: error });
    }
    // Charts go in the post's thread, so a channel sees one message per digest.
    if (message.uploads.length) await uploadImages(this.client, channel, threadTs, message.uploads, this.logger);
  }
}
