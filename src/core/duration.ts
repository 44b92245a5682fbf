/** Durations as people and config files write them: 250ms, 30s, 15m, 2h, 7d, 2w. */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,9}(?:\.\d{1,6})?)(ms|s|m|h|d|w)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  return Number(match[1]) * UNITS[match[2]!]!;
}

/** Milliseconds of a duration the config schema already validated; anything else is a bug, not input. */
export function configDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new Error(`not a duration: ${text}`);
  return ms;
}
