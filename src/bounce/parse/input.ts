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

/** The same normalisation on bytes, so 8-bit bodies in other charsets stay intact for the MIME parser. */
export function bytesToLf(bytes: Buffer): Buffer {
  if (!bytes.includes(13)) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 13) {
      out[n++] = 10;
      if (bytes[i + 1] === 10) i++;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Control bytes: below 32 except tab, LF, VT, FF and CR (9–13), and DEL. */
function isControl(byte: number): boolean {
  return byte < 9 || (byte > 13 && byte < 32) || byte === 127;
}

/** Binary when control bytes are common; a stray NUL in a real message does not make it binary. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  let nul = 0;
  const count = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const byte = sample[i]!;
      if (byte === 0) nul++;
      if (isControl(byte)) control++;
    }
  };
  // Four bytes at a time where aligned: a word with no byte below 32 and none equal to 127 (the
  // usual case in text) needs no closer look; the others are counted byte by byte.
  const head = (4 - (sample.byteOffset % 4)) % 4;
  const words = sample.length > head ? Math.floor((sample.length - head) / 4) : 0;
  if (words === 0) {
    count(0, sample.length);
    return nul / sample.length > 0.01 || control / sample.length > 0.1;
  }
  count(0, head);
  const view = new Uint32Array(sample.buffer, sample.byteOffset + head, words);
  for (let w = 0; w < words; w++) {
    const v = view[w]!;
    const below32 = (v - 0x20202020) & ~v & 0x80808080;
    const x = v ^ 0x7f7f7f7f;
    const del = (x - 0x01010101) & ~x & 0x80808080;
    if (below32 !== 0 || del !== 0) count(head + w * 4, head + w * 4 + 4);
  }
  count(head + words * 4, sample.length);
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
