/** The one normalisation every text match uses (catalogue entries and the reason finder). */

/** The text a pattern sees: at most this many characters (patterns must stay fast on any paste). */
export const MATCH_TEXT_LIMIT = 4096;

/** Lower case, white space collapsed, SMTP continuation prefixes (`550-5.7.1 `) removed. */
export function normalizeForMatch(text: string): string {
  return text
    .slice(0, MATCH_TEXT_LIMIT * 2)
    .toLowerCase()
    .replace(/(?:^|\s)[245]\d\d-(?:[245]\.\d{1,3}\.\d{1,3}\s)?/g, ' ')
    .replace(/\s{2,}|[^\S ]/g, ' ') // every run of white space one space; a lone space is left as it is
    .trim()
    .slice(0, MATCH_TEXT_LIMIT);
}
