/**
 * Slack delivers message and command text in its own markup: &, <, > are
 * entities, and e-mail addresses and URLs a person pasted arrive auto-linked
 * (`<mailto:a@b.example|a@b.example>`). A bounce must reach the explainer as
 * the person pasted it, so this turns that markup back into plain text.
 */
export function slackTextToPlain(value: string): string {
  return value
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar >= 0 ? inner.slice(0, bar) : inner;
      const label = bar >= 0 ? inner.slice(bar + 1) : '';
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        const name = target.slice(1).split('^')[0]!;
        return label || `@${name}`;
      }
      if (target.startsWith('mailto:')) return label || target.slice('mailto:'.length);
      return label || target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
