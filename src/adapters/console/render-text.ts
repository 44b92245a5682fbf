/**
 * Renders a Reply as terminal text: ANSI colours when writing to a TTY, plain
 * text otherwise. Control characters from mail or users are made visible, so
 * a pasted bounce cannot move the cursor or recolour the terminal.
 */
import type { Lang } from '../../core/lang.js';
import type { Inline, Part, Reply, Severity } from '../../core/reply.js';

/** The heading of the follow-up commands (the buttons of a chat face). */
const NEXT: Record<Lang, string> = { en: 'Next:', id: 'Selanjutnya:', de: 'Als Nächstes:' };

export interface TextRenderOptions {
  color: boolean;
  /** Wrap width for prose; tables and code are not wrapped. */
  width?: number;
}

const ANSI = {
  reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', italic: '\x1b[3m', underline: '\x1b[4m',
  red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', blue: '\x1b[34m', cyan: '\x1b[36m', grey: '\x1b[90m',
} as const;

const SEVERITY_STYLE: Record<Severity | 'unknown', { mark: string; color: string }> = {
  ok: { mark: 'OK', color: ANSI.green },
  info: { mark: 'INFO', color: ANSI.blue },
  warn: { mark: 'WARN', color: ANSI.yellow },
  error: { mark: 'ERROR', color: ANSI.red },
  unknown: { mark: 'UNKNOWN', color: ANSI.grey },
};

/** Replaces terminal control characters (ESC, BEL, CR …) with visible escapes; keeps tab and newline. */
export function sanitizeForTerminal(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function renderText(reply: Reply, options: TextRenderOptions): string {
  const paint = (style: string, value: string) => (options.color ? `${style}${value}${ANSI.reset}` : value);
  const width = options.width ?? 100;
  const inline = (runs: Inline[]) =>
    runs
      .map((run) => {
        if (typeof run === 'string') return sanitizeForTerminal(run);
        let value = sanitizeForTerminal(run.text);
        if (run.style === 'bold') value = paint(ANSI.bold, value);
        else if (run.style === 'italic') value = paint(ANSI.italic, value);
        else if (run.style === 'code') value = paint(ANSI.cyan, value);
        if (run.href && run.href !== run.text) value += ` <${sanitizeForTerminal(run.href)}>`;
        return value;
      })
      .join('');

  const out: string[] = [];
  if (reply.title) {
    const style = SEVERITY_STYLE[reply.severity];
    out.push(paint(ANSI.bold + style.color, sanitizeForTerminal(reply.title)));
  }
  for (const part of reply.parts) out.push(renderPart(part, inline, paint, width));
  if (reply.actions?.length) {
    const buttons = reply.actions.map((a) => `${paint(ANSI.bold, sanitizeForTerminal(a.label))}: ${paint(ANSI.cyan, sanitizeForTerminal(a.command))}`);
    out.push(paint(ANSI.dim, NEXT[reply.lang ?? 'en']) + '\n' + buttons.map((b) => `  • ${b}`).join('\n'));
  }
  return out.filter((s) => s.length > 0).join('\n\n') + '\n';
}

function renderPart(
  part: Part,
  inline: (runs: Inline[]) => string,
  paint: (style: string, value: string) => string,
  width: number,
): string {
  switch (part.kind) {
    case 'text':
      return wrap(inline(part.content), width);
    case 'heading':
      return paint(ANSI.bold + ANSI.underline, sanitizeForTerminal(part.text));
    case 'context':
      return paint(ANSI.dim, wrap(inline(part.content), width));
    case 'fields': {
      const labelWidth = Math.min(24, Math.max(...part.fields.map((f) => f.label.length)));
      return part.fields
        .map((f) => `${paint(ANSI.bold, sanitizeForTerminal(f.label).padEnd(labelWidth))}  ${sanitizeForTerminal(f.value)}`)
        .join('\n');
    }
    case 'table': {
      const cells = [part.columns, ...part.rows].map((row) => row.map((c) => sanitizeForTerminal(c)));
      const widths = part.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
      const line = (row: string[]) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
      return [paint(ANSI.bold, line(cells[0]!)), ...cells.slice(1).map(line)].join('\n');
    }
    case 'items':
      return part.items
        .map((item) => {
          const style = SEVERITY_STYLE[item.severity];
          const head = `${paint(style.color + ANSI.bold, `[${style.mark}]`.padEnd(9))} ${sanitizeForTerminal(item.title)}`;
          return item.detail ? `${head}\n${indent(wrap(sanitizeForTerminal(item.detail), width - 10), 10)}` : head;
        })
        .join('\n');
    case 'code':
      return indent(sanitizeForTerminal(part.text), 4);
    case 'image':
      return paint(ANSI.dim, `[image: ${sanitizeForTerminal(part.alt)}${part.url ? ` ${sanitizeForTerminal(part.url)}` : ''}]`);
    case 'divider':
      return paint(ANSI.dim, '─'.repeat(Math.min(width, 40)));
  }
}

function indent(value: string, by: number): string {
  const pad = ' '.repeat(by);
  return value.split('\n').map((l) => (l ? pad + l : l)).join('\n');
}

/** Wraps prose at word boundaries; ANSI sequences are not counted. */
function wrap(value: string, width: number): string {
  return value
    .split('\n')
    .map((line) => {
      const words = line.split(' ');
      const lines: string[] = [];
      let current = '';
      let visible = 0;
      for (const word of words) {
        // eslint-disable-next-line no-control-regex
        const len = word.replace(/\x1b\[[0-9;]*m/g, '').length;
        if (visible > 0 && visible + 1 + len > width) {
          lines.push(current);
          current = word;
          visible = len;
        } else {
          current = visible > 0 || current ? `${current} ${word}` : word;
          visible += (visible > 0 ? 1 : 0) + len;
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
