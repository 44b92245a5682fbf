/** Durations as people type them: 30s, 15m, 2h, 7d (and 500ms). */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})(ms|s|m|h|d|w)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  return Number(match[1]) * UNITS[match[2]!]!;
}
