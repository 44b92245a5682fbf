/**
 * Sends a Reply to Slack. Answers to commands, shortcuts and buttons go
 * through respond() (the response_url); when that fails — expired, already
 * used 5 times, 404 — they fall back to chat.postEphemeral. Answers to
 * messages go to chat.postMessage, in a thread when there is one. Images
 * without a public URL are uploaded with files.uploadV2.
 */
import { RespondError, type RespondFn, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Reply } from '../../core/reply.js';
import type { Store } from '../../store/store.js';
import { actionValue } from '../chat/action-commands.js';
import { chatReply } from '../chat/json-reply.js';
import { SLACK_LIMITS } from './limits.js';
import { renderBlocks, type ImageUpload, type SlackMessage } from './render-blocks.js';

export interface SlackDestination {
  client: webApi.WebClient;
  channel?: string;
  /** The person an ephemeral fallback is shown to. */
  user?: string;
  threadTs?: string;
  respond?: RespondFn;
  responseType: 'ephemeral' | 'in_channel';
}

export type Delivery = 'respond' | 'ephemeral' | 'message' | 'failed';

/**
 * Lets the event loop read and acknowledge other waiting requests before this
 * one does its (possibly CPU-heavy) work, so a burst of commands is acked
 * within Slack's 3 seconds even while answers are still being built.
 */
export function yieldToAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Renders with button values ready: over-long commands are parked in the store. */
export async function renderForSlack(reply: Reply, store: Store): Promise<SlackMessage> {
  const shown = chatReply(reply);
  const values = new Map<string, string>();
  for (const action of shown.actions ?? []) {
    try {
      values.set(action.command, await actionValue(store, action.command, SLACK_LIMITS.buttonValue));
    } catch {
      // The store is down and this command is too long for a button: the button is left out,
      // the answer still goes out.
    }
  }
  const kept = { ...shown, actions: (shown.actions ?? []).filter((a) => values.has(a.command)) };
  return renderBlocks(kept, { actionValues: values });
}

export async function deliverReply(destination: SlackDestination, reply: Reply, store: Store, logger: Logger): Promise<Delivery> {
  const message = await renderForSlack(reply, store);
  const { client, channel, user, threadTs } = destination;
  let delivery: Delivery = 'failed';
  if (destination.respond) {
    try {
      await destination.respond({ response_type: destination.responseType, replace_original: false, text: message.text, blocks: message.blocks });
      delivery = 'respond';
    } catch (error) {
      logger.warn({ err: error, status: error instanceof RespondError ? error.statusCode : undefined }, 'slack respond() failed; falling back to chat.postEphemeral');
      if (channel && user) {
        try {
          await client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
          delivery = 'ephemeral';
        } catch (fallbackError) {
          logger.error({ err: fallbackError, channel }, 'slack chat.postEphemeral fallback failed too; the answer was not delivered');
        }
      }
    }
  } else if (channel) {
    try {
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
      delivery = 'message';
    } catch (error) {
      logger.error({ err: error, channel }, 'slack chat.postMessage failed; the answer was not delivered');
    }
  }
  if (channel && message.uploads.length) await uploadImages(client, channel, threadTs, message.uploads, logger);
  return delivery;
}

export async function uploadImages(
  client: webApi.WebClient,
  channel: string,
  threadTs: string | undefined,
  uploads: ImageUpload[],
  logger: Logger,
): Promise<void> {
  for (const [index, upload] of uploads.entries()) {
    try {
      const file = {
        file: Buffer.from(upload.png),
        filename: `postmaster-${index + 1}.png`,
        title: upload.title ?? upload.alt,
        alt_text: upload.alt.slice(0, 1000),
      };
      await client.files.uploadV2(threadTs ? { ...file, channel_id: channel, thread_ts: threadTs } : { ...file, channel_id: channel });
    } catch (error) {
      logger.error({ err: error, channel }, 'slack files.uploadV2 failed; image not posted');
    }
  }
}
