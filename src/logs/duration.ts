/** `30s`, `5m`, `2h`, `15d`, `250ms` → milliseconds; NaN when the text is not a duration. */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1]) * UNITS[m[2]!]!;
}
