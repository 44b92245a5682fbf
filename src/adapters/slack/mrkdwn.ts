/**
 * Escaping for Slack mrkdwn. Text from mail or users is data: after this it
 * can never ping (`<!channel>`, `<@U123>`, `@here`), link (`<http://x|click>`),
 * quote or restyle (`*bold*`, `_it_`, `~strike~`, backticks).
 *
 * - `&`, `<`, `>` become entities (Slack's own rule), so no `<…>` control sequence survives.
 * - `@here`, `@channel`, `@everyone` get a word joiner after the `@`.
 * - Formatting markers that stand at a word boundary, where Slack would read
 *   them as markup, become look-alike characters; markers inside a word
 *   (`john_doe@example.com`) cannot format and stay, so addresses copy intact.
 *   Slack has no escape character for these (jsx-slack uses the same look-alikes).
 * - A `>` opening a line (a quote) becomes a look-alike as well.
 */
import type { Inline } from '../../core/reply.js';

const LOOKALIKE: Record<string, string> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };
const WORD = /[\p{L}\p{N}]/u;

function guardMarkers(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const lookalike = LOOKALIKE[ch];
    if (lookalike) {
      const before = value[i - 1];
      const after = value[i + 1];
      const inWord = before !== undefined && after !== undefined && WORD.test(before) && WORD.test(after);
      out += inWord ? ch : lookalike;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Escapes data for a mrkdwn text object. */
export function escapeMrkdwn(value: string): string {
  const guarded = guardMarkers(value)
    .replace(/^([ \t]*)>/gm, '$1\u02C3')
    .replace(/@(here|channel|everyone)\b/gi, '@\u2060$1');
  return guarded.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes data for the inside of a ``` code block: entities, and no backtick run can close the block. */
export function escapeCode(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, LOOKALIKE['`']!)
    .replace(/@(here|channel|everyone)\b/gi, '@\u2060$1');
}

/** Only web and mail links become links; anything else (javascript:, slack://) stays text. */
export function safeHref(href: string): string | null {
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  return href.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C').replace(/\s/g, '%20');
}

function styled(marker: string, inner: string): string {
  // Slack only formats when the markers hug non-space text.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : inner;
}

/** Renders inline runs: plain runs are escaped data, styles are ours. */
export function inlineMrkdwn(runs: Inline[]): string {
  return runs
    .map((run) => {
      if (typeof run === 'string') return escapeMrkdwn(run);
      let value: string;
      if (run.style === 'code') value = styled('`', escapeCode(run.text).replace(/\n/g, ' '));
      else value = escapeMrkdwn(run.text);
      if (run.style === 'bold') value = styled('*', value);
      else if (run.style === 'italic') value = styled('_', value);
      if (run.href) {
        const href = safeHref(run.href);
        if (href) value = `<${href}|${value.replace(/\|/g, '\u2223')}>`;
        else if (run.href !== run.text) value += ` (${escapeMrkdwn(run.href)})`;
      }
      return value;
    })
    .join('');
}
