/**
 * The explainer's one entry point: raw input (a paste, an .eml) in, an
 * Explanation out — the records read from it, each classified against the
 * catalogue, with the fields extracted and notes about the input itself.
 */
import type { Lang } from '../core/lang.js';
import type { Classifier } from './classify.js';
import { extract } from './extract.js';
import { readInput, type ParsedInput } from './parse/index.js';
import type { Evidence, Explanation, ExplainedRecipient } from './types.js';

export interface ExplainOptions {
  lang: Lang;
  maxBytes: number;
  /** How the input is named in messages ("The file x.eml", "The paste"). */
  name?: string;
}

export type InputNote = 'empty' | 'binary' | 'not-a-bounce' | 'not-in-catalogue' | 'line-only-weak' | 'truncated';

export interface ExplainedInput extends Explanation {
  /** What is worth saying about the input itself (empty, binary, not a bounce, a weak single line). */
  noteCodes: InputNote[];
  /** The reason per result, also where no entry carries it (onhold, undefined). */
  reasons: string[];
}

/** Evidence that makes a text a bounce on its own: the catalogue's own or provider wording, or a pattern. */
const RECOGNISED = new Set<Evidence>(['own-text', 'provider-text', 'pattern']);

/** readInput (parse/index.ts: raw input to records, no catalogue) and explainParsed in a row. */
export async function explainInput(raw: Buffer | string, classifier: Classifier, options: ExplainOptions): Promise<ExplainedInput> {
  return explainParsed(await readInput(raw, options), classifier, options);
}

/** The second half: records classified against the catalogue, fields extracted, notes about the input. */
export function explainParsed(parsed: ParsedInput, classifier: Classifier, options: ExplainOptions): ExplainedInput {
  const noteCodes: InputNote[] = [];
  if (parsed.kind === 'empty') noteCodes.push('empty');
  if (parsed.kind === 'binary') noteCodes.push('binary');

  let reasons: string[] = [];
  let results: ExplainedRecipient[] = parsed.records.map((record) => {
    const classification = classifier.classify(record, options.lang);
    reasons.push(classification.reason);
    return {
      recipient: record.recipient ?? null,
      match: classification.match,
      alternatives: classification.alternatives,
      extracted: extract(record),
      record,
    };
  });
  // Text with no sign of a bounce is one only when the catalogue knows its wording.
  let looksLikeBounce = parsed.looksLikeBounce;
  if (!looksLikeBounce && results.some((r) => r.match !== null && RECOGNISED.has(r.match.evidence))) looksLikeBounce = true;
  if (!looksLikeBounce) {
    results = [];
    reasons = [];
  }
  if (!looksLikeBounce && parsed.kind !== 'empty' && parsed.kind !== 'binary') noteCodes.push('not-a-bounce');
  // A bare reply class ("some 5xx") says permanent or temporary, but the bounce itself is not in the catalogue.
  if (results.length > 0 && results.every((r) => r.match === null || r.match.evidence === 'reply-class')) noteCodes.push('not-in-catalogue');
  // A pasted reply line alone carries the full bounce's reason only about two times in three.
  if (parsed.kind === 'smtp-reply' && results.some((r) => !r.match || r.match.confidence !== 'high')) noteCodes.push('line-only-weak');
  if (parsed.truncated) noteCodes.push('truncated');
  return {
    bounce: looksLikeBounce && results.length > 0,
    kind: parsed.kind,
    results,
    noteCodes,
    reasons,
  };
}
