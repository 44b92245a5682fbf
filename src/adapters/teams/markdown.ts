/**
 * Escaping for the markdown subset Adaptive Card TextBlocks render in Teams
 * (bold, italic, lists, links). Text from mail or users gets a backslash
 * before every character that could start markup (emphasis and link brackets
 * anywhere; list, heading and quote markers at a line start), so `*bold*`,
 * `[x](url)`, `# heading` or `- list` show as typed. Teams cards have no mention syntax
 * (mentions need msteams.entities, which we never emit for data).
 */
import type { Inline } from '../../core/reply.js';

export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_[\]~]/g, '\\$&')
    .replace(/^(\s*)([-+#>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}

/** Only web and mail links become links. */
function safeHref(href: string): string | null {
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  return href.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}

export function inlineMarkdown(runs: Inline[]): string {
  return runs
    .map((run) => {
      if (typeof run === 'string') return escapeMarkdown(run);
      let value = escapeMarkdown(run.text);
      const trimmed = /^(\s*)([\s\S]*?)(\s*)$/.exec(value)!;
      if (trimmed[2] && run.style === 'bold') value = `${trimmed[1]}**${trimmed[2]}**${trimmed[3]}`;
      else if (trimmed[2] && run.style === 'italic') value = `${trimmed[1]}_${trimmed[2]}_${trimmed[3]}`;
      if (run.href) {
        const href = safeHref(run.href);
        if (href) value = `[${value}](${href})`;
        else if (run.href !== run.text) value += ` (${escapeMarkdown(run.href)})`;
      }
      return value;
    })
    .join('');
}
