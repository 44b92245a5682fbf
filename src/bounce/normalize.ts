/** The one normalisation every text match uses (catalogue entries and the reason finder). */

/** The text a pattern sees: at most this many characters (patterns must stay fast on any paste). */
export const MATCH_TEXT_LIMIT = 4096;

/**
 * Every run of white space as one space. Only runs of two or more, and lone white space other than
 * a space, are replaced: a single space is already what it would become.
 */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ');
}

/** `a b` of the parts that are there (neither undefined nor empty): a record's diagnostic and context, say. */
export function joinPresent(a: string | undefined, b: string | undefined): string {
  return a ? (b ? `${a} ${b}` : a) : b ?? '';
}

/** Lower case, white space collapsed, SMTP continuation prefixes (`550-5.7.1 `) removed. */
export function normalizeForMatch(text: string): string {
  const withoutContinuations = text
    .slice(0, MATCH_TEXT_LIMIT * 2)
    .toLowerCase()
    .replace(/(?:^|\s)[245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3}\s)?/g, ' ');
  return collapseWhiteSpace(withoutContinuations).trim().slice(0, MATCH_TEXT_LIMIT);
}
