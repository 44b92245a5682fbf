/**
 * Answers each Slack event once. Slack retries an event it thinks we missed
 * (immediately, after ~1 min, after ~5 min; Delayed Events hourly for 24 h),
 * and with several replicas any of them may get the retry. The first replica
 * to claim the event_id in the shared store answers; the others drop it.
 * Deduplicating on event_id rather than dropping every retry keeps events
 * that arrived while we were down.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Store } from '../../store/store.js';

export const EVENT_DEDUPE_TTL_MS = 24 * 3600_000;

export function dedupeEvents(store: Store, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && eventId) {
      let first = true;
      try {
        first = await store.set(`slack:event:${eventId}`, String(Date.now()), { ifAbsent: true, ttlMs: EVENT_DEDUPE_TTL_MS });
      } catch (error) {
        // The store is down: answering a retry twice is better than answering nobody (the event
        // is already acked, so dropping it here would lose the person's message).
        logger.warn({ eventId, err: { message: (error as Error).message } }, 'slack event dedupe unavailable; answering anyway');
      }
      if (!first) {
        logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack event already answered; retry dropped');
        return;
      }
    }
    await next();
  };
}
