/**
 * First look at the raw input: refuse what is too large, recognise binary
 * data, and normalise line ends (LF, CRLF and CR-only all become LF).
 */
import { BotError } from '../../core/errors.js';

export type InputShape = 'empty' | 'binary' | 'message' | 'text';

export interface DecodedInput {
  shape: InputShape;
  /** The input as text with LF line ends (empty for binary input, and for a large whole message: it is read from `bytes`). */
  text: string;
  /** Raw bytes with LF line ends, for the MIME parser. */
  bytes: Buffer;
}

export function tooLarge(size: number, max: number, name: string): BotError {
  const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} kB` : `${n} bytes`);
  return new BotError(
    'input_too_large',
    `${name} is ${mb(size)}, more than the ${mb(max)} the explainer reads (limits.maxInputBytes). Paste the bounce's report part, or attach the .eml without its large attachments.`,
  );
}

/** Normalises CRLF and CR-only line ends to LF. */
export function toLf(value: string): string {
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

/**
 * The same normalisation on bytes, so 8-bit bodies in other charsets stay intact for the MIME
 * parser. Through latin1 (one char per byte, both ways) the work is the engine's own, not a loop of
 * ours: a short batch of files runs most of its code unoptimised (see explain-files.ts).
 */
export function bytesToLf(bytes: Buffer): Buffer {
  if (!bytes.includes(13)) return bytes;
  return Buffer.from(toLf(bytes.toString('latin1')), 'latin1');
}

/** Control bytes, as latin1 characters: below 32 except tab, LF, VT, FF and CR (9–13), and DEL. */
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/g;
const NUL = /\x00/g;

/** Binary when control bytes are common; a stray NUL in a real message does not make it binary. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  const text = sample.toString('latin1');
  // Text has no control bytes at all, nearly always: one search of the engine's settles it.
  if (text.search(CONTROL) < 0) return false;
  const control = text.match(CONTROL)!.length;
  const nul = text.match(NUL)?.length ?? 0;
  return nul / sample.length > 0.01 || control / sample.length > 0.1;
}

/** Header names that, at the top of the input, mean "this is a whole message". */
const MESSAGE_HEADERS = /^(?:from|to|subject|date|received|return-path|message-id|mime-version|content-type|delivered-to|x-[a-z0-9-]+|reply-to|sender|auto-submitted|x-failed-recipients)$/i;

export function looksLikeMessage(text: string): boolean {
  return messageVerdict(text).message;
}

/**
 * Whether the text starts like a whole message, and whether that verdict rests on complete lines
 * only (`complete`): then any text that merely continues this one gets the same verdict.
 */
function messageVerdict(text: string): { message: boolean; complete: boolean } {
  // Leading blank lines are skipped; at most 80 lines are read (an mbox "From " line first is allowed).
  let position = /^\s*\n/.exec(text)?.[0].length ?? 0;
  let headers = 0;
  let known = 0;
  for (let index = 0; index < 80 && position <= text.length; index++) {
    const newline = text.indexOf('\n', position);
    const complete = newline >= 0;
    const line = text.slice(position, complete ? newline : text.length);
    position = complete ? newline + 1 : text.length + 1;
    if (index === 0 && line.startsWith('From ')) continue; // mbox separator line
    if (line === '') return { message: headers >= 2 && known >= 1, complete };
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && headers > 0) continue; // folded header
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) return { message: false, complete };
    headers++;
    if (MESSAGE_HEADERS.test(m[1]!)) known++;
    if (!complete) return { message: headers >= 3 && known >= 2, complete: false };
  }
  return { message: headers >= 3 && known >= 2, complete: position <= text.length };
}

/** How much of a large input is decoded to recognise a whole message (read later from its bytes). */
const HEAD_BYTES = 16 * 1024;

export function decodeInput(raw: Buffer | string, maxBytes: number, name = 'The input'): DecodedInput {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes, name);
  if (looksBinary(bytes)) return { shape: 'binary', text: '', bytes };
  const lf = bytesToLf(bytes);
  // A whole message is parsed from its bytes: when its head settles that, the rest is never decoded as text here.
  const head = lf.length > HEAD_BYTES ? messageVerdict(lf.toString('utf8', 0, HEAD_BYTES)) : undefined;
  if (head?.message && head.complete) return { shape: 'message', text: '', bytes: lf };
  const text = lf.toString('utf8');
  if (text.trim() === '') return { shape: 'empty', text: '', bytes: lf };
  // A verdict on complete lines of the head is the whole text's verdict too.
  const message = head?.complete ? head.message : looksLikeMessage(text);
  return { shape: message ? 'message' : 'text', text, bytes: lf };
}
