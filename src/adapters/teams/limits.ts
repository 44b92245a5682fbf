/**
 * Microsoft Teams limits the card renderer respects, in one place. Teams
 * rejects a message above about 28 KB; the activity around the card (ids,
 * service URL, conversation) takes some of that, so the card gets the rest.
 */
export const TEAMS_LIMITS = {
  /** Teams' message size limit, in bytes of JSON. */
  messageBytes: 28_000,
  /** Room left for the activity envelope around the card. */
  activityOverheadBytes: 1_500,
  /** Adaptive Card schema version Teams renders (1.6 is not supported). */
  cardVersion: '1.5',
  /** Buttons Teams shows on a card. */
  actions: 6,
  /** Button title we keep (longer ones are cut with …). */
  actionTitle: 80,
  /** Plain-text fallback shown where cards cannot render, and in notifications. */
  fallbackText: 2000,
} as const;

/** Bytes the card may take. */
export const CARD_BUDGET_BYTES = TEAMS_LIMITS.messageBytes - TEAMS_LIMITS.activityOverheadBytes;

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
