/**
 * Renders a neutral Reply as an Adaptive Card 1.5 for Teams. Every part
 * becomes card elements built from lines; the card is filled in order while
 * it stays under the byte budget (limits.ts), and what does not fit is cut
 * with a visible "…and N more lines". Data is markdown-escaped (markdown.ts).
 * Buttons are Action.Submit carrying the command; a confirmation becomes an
 * Action.ShowCard whose inner card holds the real submit button.
 */
import type { Lang } from '../../core/lang.js';
import type { Action, Part, Reply, Severity } from '../../core/reply.js';
import { moreText } from '../chat/messages.js';
import { replyAsPlainText, severityMark } from '../chat/plain-text.js';
import { CARD_BUDGET_BYTES, TEAMS_LIMITS as L, jsonBytes } from './limits.js';
import { escapeMarkdown, inlineMarkdown } from './markdown.js';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText: string;
  msteams: { width: 'Full' };
}

/** The key in Action.Submit data that carries the command. */
export const SUBMIT_COMMAND_KEY = 'pmCommand';

const COLOR: Record<Severity | 'unknown', string> = { ok: 'Good', info: 'Accent', warn: 'Warning', error: 'Attention', unknown: 'Default' };

interface Piece {
  /** How many lines this part has. */
  lines: number;
  /** The element(s) showing the first `k` lines. */
  build(k: number): CardElement[];
  /** A single line too long for the budget can be cut by characters. */
  cutLine?: (chars: number) => CardElement[];
  lineLength?: number;
}

export interface RenderCardOptions {
  lang?: Lang;
  /** Overrides the byte budget (tests). */
  budgetBytes?: number;
}

export function renderCard(reply: Reply, options: RenderCardOptions = {}): AdaptiveCard {
  const lang = options.lang ?? reply.lang ?? 'en';
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: L.cardVersion,
    body: [],
    fallbackText: cutPlain(replyAsPlainText(reply), L.fallbackText),
    msteams: { width: 'Full' },
  };
  if (reply.title) {
    card.body.push({
      type: 'TextBlock',
      text: `${severityMark(reply.severity)} ${escapeMarkdown(reply.title)}`,
      size: 'Large',
      weight: 'Bolder',
      color: COLOR[reply.severity],
      wrap: true,
      style: 'heading',
    });
  }
  const actions = (reply.actions ?? []).slice(0, L.actions).map(actionElement);
  if (actions.length) card.actions = actions;

  const budget = options.budgetBytes ?? CARD_BUDGET_BYTES;
  const note = (n: number, unit: 'lines' | 'characters' = 'lines'): CardElement => ({
    type: 'TextBlock',
    text: escapeMarkdown(moreText(n, unit, lang)),
    isSubtle: true,
    italic: true,
    wrap: true,
  });
  const noteBytes = jsonBytes(note(999_999)) + 1;
  const pieces = reply.parts.map((part) => pieceOf(part));
  // Everything fits: no cut, no note.
  const full = fillAll(pieces);
  if (jsonBytes({ ...card, body: [...card.body, ...full] }) <= budget) {
    card.body.push(...full);
    return card;
  }
  let separatorNext = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.lines === 0) {
      separatorNext = true; // a divider separates the next element
      continue;
    }
    const withSeparator = (elements: CardElement[]) => {
      if (separatorNext && elements[0]) elements[0] = { ...elements[0], separator: true, spacing: 'Medium' };
      return elements;
    };
    const fits = (elements: CardElement[], reserve: number) => jsonBytes(card) + jsonBytes(elements) - 1 + reserve <= budget;
    const laterLines = pieces.slice(i + 1).reduce((n, p) => n + p.lines, 0);
    // Room for the "…and N more" note is kept unless this is the last piece.
    const whole = withSeparator(piece.build(piece.lines));
    if (fits(whole, laterLines ? noteBytes : 0)) {
      card.body.push(...whole);
      separatorNext = false;
      continue;
    }
    const kept = largestFitting(1, piece.lines - 1, (k) => fits(withSeparator(piece.build(k)), noteBytes));
    if (kept > 0) {
      card.body.push(...withSeparator(piece.build(kept)), note(piece.lines - kept + laterLines));
      return card;
    }
    if (piece.cutLine && piece.lineLength) {
      // One huge line: keep as many characters as fit, next to the notes.
      const cutLine = piece.cutLine;
      const chars = largestFitting(1, piece.lineLength - 1, (n) => fits(withSeparator(cutLine(n)), 2 * noteBytes));
      if (chars > 0) {
        card.body.push(...withSeparator(cutLine(chars)), note(piece.lineLength - chars, 'characters'));
        if (laterLines) card.body.push(note(laterLines));
        return card;
      }
    }
    card.body.push(note(piece.lines + laterLines));
    return card;
  }
  return card;
}

/** All pieces whole, with dividers as separators. */
function fillAll(pieces: Piece[]): CardElement[] {
  const out: CardElement[] = [];
  let separatorNext = false;
  for (const piece of pieces) {
    if (piece.lines === 0) {
      separatorNext = true;
      continue;
    }
    const elements = piece.build(piece.lines);
    if (separatorNext && elements[0]) elements[0] = { ...elements[0], separator: true, spacing: 'Medium' };
    separatorNext = false;
    out.push(...elements);
  }
  return out;
}

/** The largest n in [low, high] for which `ok(n)` holds (ok is monotonic); 0 when none. */
function largestFitting(low: number, high: number, ok: (n: number) => boolean): number {
  let best = 0;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (ok(mid)) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

function cutPlain(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function pieceOf(part: Part): Piece {
  const lineBased = (lines: string[], make: (kept: string[]) => CardElement[]): Piece => ({
    lines: lines.length,
    build: (k) => make(lines.slice(0, k)),
    ...(lines.length === 1 ? { lineLength: lines[0]!.length, cutLine: (chars: number) => make([cutEscaped(lines[0]!, chars)]) } : {}),
  });
  switch (part.kind) {
    case 'text':
      return lineBased(inlineMarkdown(part.content).split('\n'), (kept) => [textBlock(kept.join('\n\n'))]);
    case 'heading':
      return lineBased([escapeMarkdown(part.text.replace(/\n/g, ' '))], (kept) => [textBlock(kept.join(' '), { weight: 'Bolder', size: 'Medium' })]);
    case 'context':
      return lineBased(inlineMarkdown(part.content).split('\n'), (kept) => [textBlock(kept.join('\n\n'), { isSubtle: true, size: 'Small' })]);
    case 'items':
      return lineBased(
        part.items.map((item) => `${severityMark(item.severity)} **${escapeMarkdown(item.title.replace(/\n/g, ' '))}**${item.detail ? ` — ${escapeMarkdown(item.detail.replace(/\n/g, ' '))}` : ''}`),
        (kept) => [textBlock(kept.join('\n\n'))],
      );
    case 'fields': {
      const facts = part.fields.map((f) => ({ title: escapeMarkdown(f.label.replace(/\n/g, ' ')), value: escapeMarkdown(f.value) }));
      return { lines: facts.length, build: (k) => [{ type: 'FactSet', facts: facts.slice(0, k) }] };
    }
    case 'code': {
      const lines = part.text.split('\n').map(escapeMarkdown);
      return lineBased(lines, (kept) => [{ type: 'Container', style: 'emphasis', items: [textBlock(kept.join('\n\n'), { fontType: 'Monospace', size: 'Small' })] }]);
    }
    case 'table': {
      const cell = (value: string, header = false): CardElement => ({
        type: 'TableCell',
        items: [textBlock(escapeMarkdown(value.replace(/\n/g, ' ')), header ? { weight: 'Bolder' } : {})],
      });
      const header = { type: 'TableRow', cells: part.columns.map((c) => cell(c, true)) };
      const rows = part.rows.map((row) => ({ type: 'TableRow', cells: part.columns.map((_, i) => cell(row[i] ?? '')) }));
      return {
        lines: rows.length,
        build: (k) => [{ type: 'Table', firstRowAsHeader: true, showGridLines: true, columns: part.columns.map(() => ({ width: 1 })), rows: [header, ...rows.slice(0, k)] }],
      };
    }
    case 'image': {
      const url = part.url && /^https:\/\//i.test(part.url)
        ? part.url
        : part.png
          ? `data:image/png;base64,${Buffer.from(part.png).toString('base64')}`
          : undefined;
      if (!url) return lineBased([escapeMarkdown(`[${part.alt}]`)], (kept) => [textBlock(kept.join(''), { isSubtle: true })]);
      return { lines: 1, build: () => [{ type: 'Image', url, altText: part.alt, size: 'Stretch' }] };
    }
    case 'divider':
      return { lines: 0, build: () => [] };
  }
}

/** The first `chars` characters of an escaped line, never ending inside a backslash escape or a surrogate pair. */
function cutEscaped(line: string, chars: number): string {
  let end = Math.min(chars, line.length);
  if (end > 0 && line[end - 1] === '\\') end -= 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(line[end - 1]!)) end -= 1;
  return line.slice(0, end);
}

function actionElement(action: Action): CardElement {
  const title = cutPlain(action.label, L.actionTitle);
  const submit = (label: string): CardElement => ({
    type: 'Action.Submit',
    title: label,
    data: { [SUBMIT_COMMAND_KEY]: action.command },
    ...(action.style === 'danger' ? { style: 'destructive' } : action.style === 'primary' ? { style: 'positive' } : {}),
  });
  if (!action.confirm) return submit(title);
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      version: L.cardVersion,
      body: [
        textBlock(`**${escapeMarkdown(action.confirm.title)}**`),
        textBlock(escapeMarkdown(action.confirm.text)),
      ],
      actions: [submit(cutPlain(action.confirm.confirmLabel, L.actionTitle))],
    },
  };
}
