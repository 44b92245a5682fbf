/**
 * From raw input to records: recognises the form (whole message or mbox,
 * RFC 3464 report, log lines, SMTP replies, a report's readable text) and
 * reads one record per recipient. Classification happens elsewhere.
 */
import type { BounceRecord, InputKind } from '../types.js';
import { hasDsnFields, parseDsnFields } from './dsn-fields.js';
import { beforeDsnFields, parseMessage } from './from-message.js';
import { decodeInput, type DecodedInput } from './input.js';
import { MBOX_MESSAGES, PART_BYTES, RECIPIENTS } from './limits.js';
import { parseLogLine } from './log-line.js';
import { BOUNCE_WORDS, enrich, fromDsn, fromText, humanByRecipient } from './records.js';
import { recipientOfReply, unfoldReplies } from './smtp-reply.js';
import { cutOriginal } from './text-scan.js';

export interface ParsedInput {
  kind: InputKind;
  records: BounceRecord[];
  /** Whether the input shows signs of being a bounce at all (sender, subject, report parts, codes). */
  looksLikeBounce: boolean;
  /** Only the head of the input was read (limits.ts). */
  truncated?: boolean;
}

function parseText(text: string): ParsedInput {
  if (hasDsnFields(text)) {
    const report = parseDsnFields(text);
    const human = humanByRecipient(beforeDsnFields(text), []);
    const records = report.recipients.map((r) => enrich(fromDsn(r, report.reportingMta, human)));
    return { kind: 'dsn', records, looksLikeBounce: true };
  }
  const lines = text.split('\n').filter((l) => l.trim());
  const logRecords = lines.map(parseLogLine).filter((r): r is BounceRecord => r !== null);
  if (logRecords.length > 0 && logRecords.length >= lines.length / 2) {
    return { kind: 'log-line', records: logRecords.map(enrich), looksLikeBounce: true };
  }
  const unfolded = unfoldReplies(cutOriginal(text));
  // Several bounces pasted together, one reply per line: each is its own record, never merged.
  const replies = separateReplies(unfolded);
  const isReply = replies.length > 1 || (/^\s*[245]\d\d[ -]/.test(unfolded) && unfolded.trim().split('\n').length <= 3);
  const pieces = replies.length > 1 ? replies : [unfolded];
  const records = pieces.flatMap((piece) => fromText(piece, [], isReply ? 'smtp-reply' : 'text').map((record) => {
    // A pasted reply often names its recipient itself (`550 5.1.1 <bob@example.org>: …`).
    const named = !record.recipient && isReply ? recipientOfReply(record.diagnostic ?? '') ?? recipientAfterSaid(record.diagnostic ?? '') : null;
    return enrich({ ...record, pasted: true, ...(named ? { recipient: named } : {}) });
  }));
  const evidence = records.some((r) => r.replyCode || r.status || BOUNCE_WORDS.test(r.diagnostic ?? ''));
  // Without evidence the records are candidates: the explainer keeps them only when the catalogue
  // recognises their wording (an own filter's text pasted alone, "We do not accept mail from this address").
  return { kind: isReply ? 'smtp-reply' : 'text', records, looksLikeBounce: evidence };
}

/** A line that carries a whole reply: it starts with a reply code, or a host "said:" one. */
const REPLY_LINE = /^\s*(?:[245]\d\d[ -]|.{0,300}?\b(?:said|answered|responded|replied)\s*:\s*[245]\d\d[ -])/i;

/** The pasted replies when every non-empty line is a complete one and there are several; else []. */
function separateReplies(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 1 && lines.length <= 200 && lines.every((l) => REPLY_LINE.test(l)) ? lines : [];
}

/** `host mx.example.org[…] said: 550 5.1.1 <bob@example.org>: …` names its recipient after "said:". */
function recipientAfterSaid(line: string): string | null {
  const said = /\b(?:said|answered|responded|replied)\s*:\s*(.*)$/i.exec(line);
  return said ? recipientOfReply(said[1]!) : null;
}

/** An mbox holds several messages, each starting with a "From " line followed by headers. */
export function splitMbox(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  if (!text.startsWith('From ')) return [bytes];
  const starts = [0];
  const separator = /\n\nFrom [^\n]{0,500}\n(?=[A-Za-z][A-Za-z0-9-]{0,76}:)/g;
  for (const m of text.matchAll(separator)) starts.push(m.index + 2);
  return starts.map((start, i) => bytes.subarray(start, starts[i + 1] ?? bytes.length));
}

export async function parseInput(input: DecodedInput): Promise<ParsedInput> {
  if (input.shape === 'empty') return { kind: 'empty', records: [], looksLikeBounce: false };
  if (input.shape === 'binary') return { kind: 'binary', records: [], looksLikeBounce: false };
  if (input.shape === 'message') {
    const messages = splitMbox(input.bytes);
    // One message, nearly always: its answer as it is.
    if (messages.length === 1) return atMostRecipients(await parseMessage(messages[0]!));
    const parts = await Promise.all(messages.slice(0, MBOX_MESSAGES).map(parseMessage));
    const truncated = messages.length > MBOX_MESSAGES || parts.some((p) => p.truncated);
    return atMostRecipients({ kind: 'message', records: parts.flatMap((p) => p.records), looksLikeBounce: parts.some((p) => p.looksLikeBounce), ...(truncated ? { truncated } : {}) });
  }
  if (input.text.length > PART_BYTES) return atMostRecipients({ ...parseText(input.text.slice(0, PART_BYTES)), truncated: true });
  return atMostRecipients(parseText(input.text));
}

/** The first RECIPIENTS records (limits.ts); the rest are not explained. */
function atMostRecipients(parsed: ParsedInput): ParsedInput {
  return parsed.records.length > RECIPIENTS ? { ...parsed, records: parsed.records.slice(0, RECIPIENTS), truncated: true } : parsed;
}

/** Raw input (a paste, a file's bytes) to records: the first half of explaining, no catalogue involved (another thread may run it). */
export function readInput(raw: Buffer | string, options: { maxBytes: number; name?: string }): Promise<ParsedInput> {
  return parseInput(decodeInput(raw, options.maxBytes, options.name));
}
