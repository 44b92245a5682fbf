/** What every Slack listener needs, built once by the Slack face. */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Attachment, Request } from '../../core/request.js';
import type { AppServices } from '../../main.js';
import type { CommandMetrics } from '../../server/metrics.js';
import type { DownloadOptions } from './file-download.js';
import { userGroupsOf } from './user-groups.js';

export interface SlackContext {
  services: AppServices;
  metrics?: CommandMetrics;
  logger: Logger;
  download: DownloadOptions;
  responseType: 'ephemeral' | 'in_channel';
  /** User groups the access policy names; resolved per request after the ack. */
  policyGroups: readonly string[];
}

/** A neutral Request for a Slack user; user groups are looked up (cached) only when the policy names any. */
export async function slackRequest(
  ctx: SlackContext,
  client: webApi.WebClient,
  input: { userId: string; channel?: string; args: string[]; text: string; attachments?: Attachment[] },
): Promise<Request> {
  const groups = ctx.policyGroups.length
    ? await userGroupsOf(client, ctx.services.store, ctx.logger, input.userId, ctx.policyGroups)
    : undefined;
  return {
    platform: 'slack',
    actor: { id: `slack:${input.userId}`, ...(groups ? { groups } : {}) },
    ...(input.channel ? { channel: input.channel } : {}),
    lang: ctx.services.config.lang,
    args: input.args,
    text: input.text,
    attachments: input.attachments ?? [],
  };
}
