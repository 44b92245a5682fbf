/**
 * A Reply as plain text without any markup: the notification fallback Slack
 * and Teams show in previews and screen readers. Escaping for the target is the
 * caller's job; this only flattens.
 */
import { plain, type Part, type Reply } from '../../core/reply.js';

const MARK: Record<string, string> = { ok: '✅', info: 'ℹ️', warn: '⚠️', error: '❌', unknown: '❔' };

export function severityMark(severity: string): string {
  return MARK[severity] ?? MARK.info!;
}

export function partAsPlainText(part: Part): string {
  switch (part.kind) {
    case 'text':
    case 'context':
      return plain(part.content);
    case 'heading':
      return part.text;
    case 'fields':
      return part.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'table':
      return [part.columns.join(' | '), ...part.rows.map((r) => r.join(' | '))].join('\n');
    case 'items':
      return part.items.map((i) => `${severityMark(i.severity)} ${i.title}${i.detail ? ` — ${i.detail}` : ''}`).join('\n');
    case 'code':
      return part.text;
    case 'image':
      return `[${part.alt}]`;
    case 'divider':
      return '';
  }
}

export function replyAsPlainText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title) lines.push(`${severityMark(reply.severity)} ${reply.title}`);
  for (const part of reply.parts) {
    const value = partAsPlainText(part);
    if (value) lines.push(value);
  }
  return lines.join('\n\n');
}

/** The short notification text: the summary when the command wrote one, else the title or first part. */
export function replySummary(reply: Reply): string {
  if (reply.summary) return reply.summary;
  if (reply.title) return `${severityMark(reply.severity)} ${reply.title}`;
  const first = reply.parts.map(partAsPlainText).find((s) => s.trim());
  return first ?? '';
}
