/**
 * Reads how sure the explainer was from an explain Reply's data, so a chat
 * face can decide whether to answer a bounce nobody asked about. Accepts the
 * explainer's Explanation shape (bounce, results[].match.confidence) or a
 * plain { confidence } object; anything else counts as not confident.
 */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

const RANK: Record<ConfidenceLevel, number> = { low: 1, medium: 2, high: 3 };

function levelOf(value: unknown): ConfidenceLevel | null {
  return value === 'high' || value === 'medium' || value === 'low' ? value : null;
}

/** The best confidence among the explained recipients; null when the text was no bounce. */
export function explainConfidence(data: unknown): ConfidenceLevel | null {
  const documents = Array.isArray(data) ? data : [data];
  let best: ConfidenceLevel | null = null;
  for (const doc of documents) {
    if (!doc || typeof doc !== 'object') continue;
    const record = doc as Record<string, unknown>;
    if (record.bounce === false) continue;
    const candidates: unknown[] = [record.confidence];
    if (Array.isArray(record.results)) {
      for (const result of record.results) {
        const match = (result as Record<string, unknown> | null)?.match as Record<string, unknown> | null | undefined;
        candidates.push(match?.confidence, (result as Record<string, unknown> | null)?.confidence);
      }
    }
    for (const candidate of candidates) {
      const level = levelOf(candidate);
      if (level && (!best || RANK[level] > RANK[best])) best = level;
    }
  }
  return best;
}

export function atLeast(level: ConfidenceLevel | null, minimum: ConfidenceLevel): boolean {
  return level !== null && RANK[level] >= RANK[minimum];
}
