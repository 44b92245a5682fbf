/**
 * Outbound port: how domain features (digests, spike alerts) post to a chat
 * without knowing which one. Each chat adapter implements it; the console has
 * one too. `target` is the platform's channel / conversation id.
 */
import type { Reply } from './reply.js';

export interface ChatPoster {
  readonly platform: 'slack' | 'teams' | 'console';
  /** Posts a reply (images included) to a channel or conversation; throws on a permanent failure. */
  post(target: string, reply: Reply): Promise<void>;
}
