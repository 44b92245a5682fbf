/**
 * Every Block Kit limit the renderer respects, in one place (Slack docs and
 * bolt-js issue 2509 for the practical total). Tests check each at exactly the
 * limit and one past it.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Characters in a section's text. */
  sectionText: 3000,
  /** Characters in a header block. */
  headerText: 150,
  /** Fields in one section, and characters in each. */
  fieldsPerSection: 10,
  fieldText: 2000,
  /** Characters in a context element. */
  contextText: 3000,
  /** Button label, value and action_id. */
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Confirm dialog: title, text, and button labels. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** Image block alt text and URL. */
  imageAltText: 2000,
  imageUrl: 3000,
  /** Slack truncates a message's top-level text past this. */
  messageText: 40_000,
  /** Our fallback `text` (notifications, screen readers): a readable excerpt, far below messageText. */
  fallbackText: 3000,
  /** msg_blocks_too_long fires near 13.2k characters across all blocks, below the documented limits. */
  practicalBlocksText: 12_000,
} as const;

/** The longest prefix of `raw` whose rendered form fits `budget` characters (binary search; render must be monotonic). */
export function longestFittingPrefix(raw: string, budget: number, render: (value: string) => string): number {
  if (render(raw).length <= budget) return raw.length;
  let low = 0;
  let high = raw.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(raw.slice(0, mid)).length <= budget) low = mid;
    else high = mid - 1;
  }
  // Never split a surrogate pair.
  if (low > 0 && /[\uD800-\uDBFF]/.test(raw[low - 1]!)) low -= 1;
  return low;
}

/** Cuts plain text (a label) to `max` characters with an ellipsis. */
export function cutPlain(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(value[end - 1]!)) end -= 1;
  return `${value.slice(0, end)}…`;
}
