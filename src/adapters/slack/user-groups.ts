/**
 * Which Slack user groups a person is in — only the groups the access policy
 * names (members written `slack-group:S0123`). Each group's member list is
 * cached in the store for 5 minutes (usergroups.users.list has a low rate
 * tier), shared by replicas. Called after the ack, never before it.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../../config/schema.js';
import type { Store } from '../../store/store.js';

export const USER_GROUP_CACHE_MS = 5 * 60_000;

/** Group ids the access policy refers to. */
export function policyGroups(config: Config): string[] {
  const roles = (config as { access?: { roles?: Record<string, { members?: string[] }> } }).access?.roles ?? {};
  const groups = new Set<string>();
  for (const role of Object.values(roles)) {
    for (const member of role.members ?? []) {
      if (member.startsWith('slack-group:')) groups.add(member.slice('slack-group:'.length));
    }
  }
  return [...groups];
}

/** The policy's groups this user belongs to; a group that cannot be read counts as not a member (deny by default). */
export async function userGroupsOf(
  client: webApi.WebClient,
  store: Store,
  logger: Logger,
  userId: string,
  groups: readonly string[],
): Promise<string[]> {
  const memberships = await Promise.all(
    groups.map(async (group) => {
      try {
        return (await groupMembers(client, store, group)).includes(userId) ? group : null;
      } catch (error) {
        logger.warn({ err: error, group }, 'slack user group could not be read; treating the user as not a member');
        return null;
      }
    }),
  );
  return memberships.filter((g): g is string => g !== null);
}

async function groupMembers(client: webApi.WebClient, store: Store, group: string): Promise<string[]> {
  const key = `slack:usergroup:${group}`;
  const cached = await store.get(key);
  if (cached !== null) return JSON.parse(cached) as string[];
  const result = await client.usergroups.users.list({ usergroup: group, include_disabled: false });
  const users = (result.users ?? []).filter((u): u is string => typeof u === 'string');
  await store.set(key, JSON.stringify(users), { ttlMs: USER_GROUP_CACHE_MS });
  return users;
}
