/**
 * Renders a neutral Reply as a Slack message: Block Kit blocks, a plain-text
 * fallback `text`, and the images that must be uploaded as files.
 *
 * Every part is broken into lines, and lines are packed into blocks under
 * each limit in limits.ts (section text, fields, block count, the practical
 * ~12k total). What does not fit is cut with a visible "…and N more lines",
 * so Slack never rejects the message. All data is escaped (mrkdwn.ts).
 */
import type { types as SlackTypes } from '@slack/bolt';
import type { Lang } from '../../core/lang.js';
import type { Action, Part, Reply } from '../../core/reply.js';
import { moreText } from '../chat/messages.js';
import { replyAsPlainText, severityMark } from '../chat/plain-text.js';
import { escapeCode, escapeMrkdwn, inlineMrkdwn } from './mrkdwn.js';
import { SLACK_LIMITS as L, cutPlain, longestFittingPrefix } from './limits.js';
import { CHAT_MESSAGES } from '../chat/messages.js';
import { fill, t } from '../../core/lang.js';

type Block = SlackTypes.KnownBlock;

export interface ImageUpload {
  png: Uint8Array;
  alt: string;
  title?: string;
}

export interface SlackMessage {
  /** Plain-text fallback for notifications and screen readers (escaped: Slack parses it as mrkdwn). */
  text: string;
  blocks: Block[];
  /** Images without a public URL: the caller uploads them with files.uploadV2. */
  uploads: ImageUpload[];
}

export interface RenderBlocksOptions {
  lang?: Lang;
  /** Button values prepared by the caller (a stored reference for an over-long command); default: the command. */
  actionValues?: ReadonlyMap<string, string>;
  /** Overrides the practical text budget (tests). */
  textBudget?: number;
}

/** The prefix of every button's action_id; the listener matches it. */
export const ACTION_ID_PREFIX = 'pm_action:';

type Container = 'prose' | 'code' | 'fields' | 'context';

/** One unit of content and the kind of block it packs into. */
type Unit =
  | { kind: 'line'; container: Container; text: string; partIndex: number }
  | { kind: 'block'; block: Block; partIndex: number };

const SEVERITY_LABEL = { ok: 'ok', info: 'info', warn: 'warning', error: 'error' } as const;

export function renderBlocks(reply: Reply, options: RenderBlocksOptions = {}): SlackMessage {
  const lang = options.lang ?? reply.lang ?? 'en';
  const uploads: ImageUpload[] = [];
  const units = reply.parts.flatMap((part, index) => unitsOf(part, index, lang, uploads));

  const head: Block[] = [];
  if (reply.title) {
    head.push({
      type: 'header',
      text: { type: 'plain_text', text: cutPlain(`${severityMark(reply.severity)} ${reply.title}`, L.headerText), emoji: false },
    });
  }
  const actions = actionsBlock(reply.actions ?? [], options.actionValues);
  const tail: Block[] = actions ? [actions] : [];

  const budget = {
    blocks: L.blocksPerMessage - head.length - tail.length,
    chars: (options.textBudget ?? L.practicalBlocksText) - textLength(head) - textLength(tail),
  };
  let { blocks, omitted } = pack(units, budget);
  if (omitted > 0) {
    // Pack again with room for the "…and N more" note.
    const probe = moreNote(999_999, lang);
    ({ blocks, omitted } = pack(units, { blocks: budget.blocks - 1, chars: budget.chars - textLength([probe]) }));
    blocks.push(moreNote(omitted, lang));
  }
  return { text: fallbackText(reply, lang), blocks: [...head, ...blocks, ...tail], uploads };
}

function moreNote(omitted: number, lang: Lang): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `_${escapeMrkdwn(moreText(omitted, 'lines', lang))}_` }] };
}

/** The escaped plain-text version, cut to the fallback budget. */
export function fallbackText(reply: Reply, lang: Lang): string {
  const plainText = replyAsPlainText(reply) || SEVERITY_LABEL[reply.severity];
  return fitText(plainText, L.fallbackText, escapeMrkdwn, lang);
}

/** Cuts raw text so its escaped form fits `max`, ending with a visible "…and N more lines". */
export function fitText(raw: string, max: number, escape: (value: string) => string, lang: Lang): string {
  const whole = escape(raw);
  if (whole.length <= max) return whole;
  const lines = raw.split('\n');
  const kept: string[] = [];
  let used = 0;
  const reserve = 48;
  for (const line of lines) {
    const escaped = escape(line);
    const need = escaped.length + (kept.length ? 1 : 0);
    if (used + need > max - reserve) break;
    kept.push(escaped);
    used += need;
  }
  if (kept.length === 0) {
    const first = lines[0] ?? '';
    const end = longestFittingPrefix(first, max - reserve, escape);
    return `${escape(first.slice(0, end))}\n${escape(moreText(raw.length - end, 'characters', lang))}`;
  }
  return `${kept.join('\n')}\n${escape(moreText(lines.length - kept.length, 'lines', lang))}`;
}

function unitsOf(part: Part, partIndex: number, lang: Lang, uploads: ImageUpload[]): Unit[] {
  const line = (container: Container, textValue: string): Unit => ({ kind: 'line', container, text: textValue, partIndex });
  const splitLines = (container: Container, rendered: string[], limit: number) =>
    rendered.flatMap((value) => hardCut(value, limit).map((piece) => line(container, piece)));
  switch (part.kind) {
    case 'text':
      return splitLines('prose', inlineMrkdwn(part.content).split('\n'), L.sectionText);
    case 'heading':
      return splitLines('prose', [`*${escapeMrkdwn(part.text.replace(/\n/g, ' ')).trim()}*`], L.sectionText);
    case 'context':
      return splitLines('context', inlineMrkdwn(part.content).split('\n'), L.contextText);
    case 'items':
      return splitLines(
        'prose',
        part.items.map((item) => {
          const title = escapeMrkdwn(item.title.replace(/\n/g, ' '));
          const detail = item.detail ? ` — ${escapeMrkdwn(item.detail.replace(/\n/g, ' '))}` : '';
          return `${severityMark(item.severity)} *${title}*${detail}`;
        }),
        L.sectionText,
      );
    case 'fields':
      return part.fields.map((f) => {
        const label = `*${escapeMrkdwn(f.label.replace(/\n/g, ' ')).trim()}*\n`;
        return line('fields', label + fitText(f.value, L.fieldText - label.length, escapeMrkdwn, lang));
      });
    case 'code':
      return splitLines('code', part.text.split('\n').map(escapeCode), L.sectionText - 8);
    case 'table': {
      const cells = [part.columns, ...part.rows];
      const widths = part.columns.map((_, i) => Math.min(40, Math.max(...cells.map((row) => (row[i] ?? '').length))));
      const rows = cells.map((row) => row.map((c, i) => c.replace(/\n/g, ' ').padEnd(widths[i] ?? 0)).join('  ').trimEnd());
      return splitLines('code', rows.map(escapeCode), L.sectionText - 8);
    }
    case 'image': {
      const url = part.url && /^https?:\/\//i.test(part.url) && part.url.length <= L.imageUrl ? part.url : undefined;
      if (url) {
        return [{
          kind: 'block',
          partIndex,
          block: {
            type: 'image',
            image_url: url,
            alt_text: cutPlain(part.alt || 'image', L.imageAltText),
            ...(part.title ? { title: { type: 'plain_text', text: cutPlain(part.title, L.headerText), emoji: false } } : {}),
          },
        }];
      }
      if (part.png) uploads.push({ png: part.png, alt: part.alt, ...(part.title ? { title: part.title } : {}) });
      return [line('context', `🖼 ${escapeMrkdwn(fill(t(CHAT_MESSAGES.imageAttached, lang), { alt: part.alt }))}`)];
    }
    case 'divider':
      return [{ kind: 'block', partIndex, block: { type: 'divider' } }];
  }
}

/** Splits one rendered line longer than `limit` into pieces (rare: a single huge line). */
function hardCut(value: string, limit: number): string[] {
  if (value.length <= limit) return [value];
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > limit) {
    let end = limit;
    // Do not split an entity (&amp;) or a surrogate pair.
    const amp = rest.lastIndexOf('&', end);
    if (amp > end - 5 && rest.indexOf(';', amp) >= end) end = amp;
    if (/[\uD800-\uDBFF]/.test(rest[end - 1]!)) end -= 1;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  pieces.push(rest);
  return pieces;
}

interface Budget {
  blocks: number;
  chars: number;
}

/** Packs units into blocks in order; stops at the first unit that does not fit and counts what is left. */
function pack(units: Unit[], budget: Budget): { blocks: Block[]; omitted: number } {
  const blocks: Block[] = [];
  let chars = 0;
  let open: { container: Container; lines: string[]; partIndex: number; size: number } | null = null;

  const flush = () => {
    if (!open) return;
    blocks.push(containerBlock(open.container, open.lines));
    open = null;
  };
  const sizeOf = (container: Container, lines: string[]) => containerText(container, lines);

  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const openBlocks = blocks.length + (open ? 1 : 0);
    if (unit.kind === 'block') {
      const size = textLength([unit.block]);
      if (openBlocks + 1 > budget.blocks || chars + size > budget.chars) return { blocks: closeWith(), omitted: units.length - i };
      flush();
      blocks.push(unit.block);
      chars += size;
      continue;
    }
    const current = open as { container: Container; lines: string[]; partIndex: number; size: number } | null;
    if (current && current.container === unit.container && current.partIndex === unit.partIndex) {
      const candidate = [...current.lines, unit.text];
      const size = sizeOf(unit.container, candidate);
      if (fitsContainer(unit.container, candidate, size)) {
        if (chars - current.size + size > budget.chars) return { blocks: closeWith(), omitted: units.length - i };
        chars += size - current.size;
        current.lines = candidate;
        current.size = size;
        continue;
      }
    }
    const size = sizeOf(unit.container, [unit.text]);
    if (openBlocks + 1 > budget.blocks || chars + size > budget.chars) return { blocks: closeWith(), omitted: units.length - i };
    flush();
    open = { container: unit.container, lines: [unit.text], partIndex: unit.partIndex, size };
    chars += size;
  }
  flush();
  return { blocks, omitted: 0 };

  function closeWith(): Block[] {
    flush();
    return blocks;
  }
}

function containerText(container: Container, lines: string[]): number {
  if (container === 'fields') return lines.reduce((n, l) => n + l.length, 0);
  if (container === 'code') return lines.join('\n').length + 8;
  return lines.join('\n').length;
}

function fitsContainer(container: Container, lines: string[], size: number): boolean {
  if (container === 'fields') return lines.length <= L.fieldsPerSection;
  if (container === 'context') return size <= L.contextText;
  return size <= L.sectionText;
}

function containerBlock(container: Container, lines: string[]): Block {
  switch (container) {
    case 'fields':
      return { type: 'section', fields: lines.map((l) => ({ type: 'mrkdwn', text: l, verbatim: true })) };
    case 'code':
      return { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`\n${lines.join('\n')}\n\`\`\``, verbatim: true } };
    case 'context':
      return { type: 'context', elements: [{ type: 'mrkdwn', text: lines.join('\n'), verbatim: true }] };
    case 'prose':
      return { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n'), verbatim: true } };
  }
}

/** Characters of text in blocks (what Slack's practical limit counts). */
export function textLength(blocks: unknown): number {
  if (typeof blocks === 'string') return 0;
  if (Array.isArray(blocks)) return blocks.reduce((n: number, b) => n + textLength(b), 0);
  if (!blocks || typeof blocks !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(blocks)) {
    if (key === 'text' && typeof value === 'string') n += value.length;
    else n += textLength(value);
  }
  return n;
}

function actionsBlock(actions: Action[], values: ReadonlyMap<string, string> | undefined): Block | null {
  const buttons: SlackTypes.Button[] = [];
  for (const [index, action] of actions.entries()) {
    const value = values?.get(action.command) ?? action.command;
    if (value.length > L.buttonValue) continue; // the caller parks long commands in the store; never send an invalid button
    if (buttons.length === L.actionsElements) break;
    buttons.push({
      type: 'button',
      action_id: `${ACTION_ID_PREFIX}${index}:${action.id}`.slice(0, L.actionId),
      text: { type: 'plain_text', text: cutPlain(action.label, L.buttonText), emoji: false },
      value,
      ...(action.style ? { style: action.style } : {}),
      ...(action.confirm
        ? {
            confirm: {
              title: { type: 'plain_text', text: cutPlain(action.confirm.title, L.confirmTitle) },
              text: { type: 'plain_text', text: cutPlain(action.confirm.text, L.confirmText) },
              confirm: { type: 'plain_text', text: cutPlain(action.confirm.confirmLabel, L.confirmButton) },
              deny: { type: 'plain_text', text: cutPlain(action.confirm.denyLabel, L.confirmButton) },
              ...(action.style === 'danger' ? { style: 'danger' as const } : {}),
            },
          }
        : {}),
    });
  }
  return buttons.length ? { type: 'actions', elements: buttons } : null;
}
