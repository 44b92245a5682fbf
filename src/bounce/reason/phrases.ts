/**
 * "Does this text use the wording of reason R?" — answered from the catalogue's
 * generic entries (one per reason; their texts and patterns are the phrase
 * lists), so the wording lives in data and support staff can extend it.
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { Reason } from '../../catalog/types.js';

export type PhraseTest = (lowerText: string) => boolean;

export class ReasonPhrases {
  private readonly tests = new Map<Reason, PhraseTest>();

  constructor(catalog: Catalog) {
    for (const entry of catalog.entries) {
      if (entry.tier !== 'generic') continue;
      const texts = entry.match.texts.map((t) => t.toLowerCase().replace(/\s+/g, ' '));
      const patterns = catalog.compiled.get(entry.id)?.patterns ?? [];
      const previous = this.tests.get(entry.reason);
      this.tests.set(entry.reason, (text) =>
        (previous?.(text) ?? false) || texts.some((t) => text.includes(t)) || patterns.some((p) => p.test(text)),
      );
    }
  }

  /** True when `lowerText` (lower case, white space collapsed) holds wording of `reason`. */
  has(reason: Reason, lowerText: string): boolean {
    if (!lowerText) return false;
    return this.tests.get(reason)?.(lowerText) ?? false;
  }
}
