/**
 * A small, fast MIME reader for the explainer's hot path: header unfolding,
 * RFC 2047 encoded words, multipart trees, quoted-printable and base64, and
 * charsets through the WHATWG TextDecoder (ISO-2022-JP, Shift_JIS, windows-125x …).
 * mailparser was 0.5 ms a message on its own, more than the whole budget;
 * test/bounce/mime.test.ts checks this reader against mailparser on the corpus.
 */

import { PART_BYTES } from './limits.js';

export interface MimePart {
  headers: Map<string, string[]>;
  /** Lower-case type/subtype; text/plain when absent. */
  type: string;
  params: Record<string, string>;
  /** The body after the transfer encoding was undone. */
  body: Buffer;
  parts: MimePart[];
}

const MAX_DEPTH = 8;
const MAX_PARTS = 200;

/** Decoders by label: making one costs more than decoding a short part, and a decoder without `stream` is reusable. */
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

/** The decoder for a charset label; an unknown label gets UTF-8 (remembered too: a failed construction is costly). */
function decoderFor(label: string): InstanceType<typeof TextDecoder> {
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = decoders.get('utf-8') ?? new TextDecoder('utf-8');
    }
    if (decoders.size < 64) decoders.set(label, decoder);
  }
  return decoder;
}

export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase().replace(/^["']|["']$/g, '');
  return decoderFor(label === 'us-ascii' || label === 'ascii' ? 'utf-8' : label).decode(bytes);
}

export function decodeQuotedPrintable(input: Buffer): Buffer {
  // Soft line breaks dropped, then each =XX (left to right, as a byte loop would) — as native string work.
  const text = input.toString('latin1').replace(/=\r?\n/g, '');
  if (!text.includes('=')) return Buffer.from(text, 'latin1');
  return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

/** Decodes RFC 2047 encoded words (=?charset?B|Q?…?=) in a header value; adjacent words of one charset are joined as bytes first. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  const WORD = /=\?([^?\s]{1,40})\?([BbQq])\?([^?\s]{0,2000})\?=/g;
  const out: string[] = [];
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  const flush = () => {
    if (!pending) return;
    let joined = Buffer.concat(pending.bytes);
    // Joined ISO-2022 words switch back to ASCII and out again at the seam; the WHATWG decoder rejects that empty switch.
    if (pending.charset.startsWith('iso-2022')) joined = Buffer.from(joined.toString('latin1').replace(/\x1b\(B\x1b\$B/g, ''), 'latin1');
    out.push(decodeCharset(joined, pending.charset));
    pending = null;
  };
  for (const m of value.matchAll(WORD)) {
    const between = value.slice(last, m.index);
    const charset = m[1]!.split('*')[0]!.toLowerCase();
    const bytes = m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!, 'base64') : decodeQuotedPrintable(Buffer.from(m[3]!.replace(/_/g, ' '), 'latin1'));
    // White space between two encoded words is not part of the text (RFC 2047 §6.2).
    if (pending && /^\s*$/.test(between) && (pending as { charset: string }).charset === charset) {
      (pending as { bytes: Buffer[] }).bytes.push(bytes);
    } else {
      flush();
      if (!(/^\s*$/.test(between) && last > 0)) out.push(between);
      pending = { charset, bytes: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  out.push(value.slice(last));
  return out.join('');
}

/** Header bytes were read as latin1; 8-bit headers are nearly always UTF-8 and are decoded as such when valid. */
export function headerText(latin1: string): string {
  if (!/[\x80-\xff]/.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return latin1;
  }
}

function parseHeaderBlock(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const lines = block.split('\n');
  let name = '';
  let value = '';
  const flush = () => {
    if (!name) return;
    const list = headers.get(name) ?? [];
    list.push(value.trim());
    headers.set(name, list);
  };
  for (const line of lines) {
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && name) {
      value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon <= 0 || line.startsWith('From ')) {
      name = '';
      continue;
    }
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return headers;
}

/** Content-Type (or -Disposition) value → the lower-case value and its parameters. */
export function parseStructured(value: string | undefined): { value: string; params: Record<string, string> } {
  if (!value) return { value: '', params: {} };
  const semicolon = value.indexOf(';');
  if (semicolon < 0) return { value: value.trim().toLowerCase(), params: {} };
  const head = value.slice(0, semicolon);
  const params: Record<string, string> = {};
  for (const m of value.slice(semicolon + 1).matchAll(/([A-Za-z0-9*_-]{1,80})\s*=\s*(?:"((?:[^"\\]|\\.){0,2000})"|([^\s;]{0,2000}))/g)) {
    const param = m[2] ?? m[3] ?? '';
    params[m[1]!.toLowerCase()] = param.includes('\\') ? param.replace(/\\(.)/g, '$1') : param;
  }
  return { value: head.trim().toLowerCase(), params };
}

const BLANK_LINE = Buffer.from('\n\n');

function splitHeaderBody(bytes: Buffer): { head: string; body: Buffer } {
  // Headers are ASCII (or raw 8-bit): latin1 keeps byte offsets equal to string offsets. Only the
  // header block is decoded: the body may be megabytes, and a part's headers are read at every level.
  if (bytes[0] === 10) return { head: '', body: bytes.subarray(1) };
  const end = bytes.indexOf(BLANK_LINE);
  if (end < 0) return { head: bytes.toString('latin1'), body: Buffer.alloc(0) };
  return { head: bytes.toString('latin1', 0, end), body: bytes.subarray(end + 2) };
}

function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  // Searched as bytes: decoding a large body to a string only to find its delimiters costs more than the rest.
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const atLineStart = Buffer.from(`\n--${boundary}`, 'latin1');
  const parts: Buffer[] = [];
  let index = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(atLineStart);
  if (index < 0) return [];
  if (index > 0) index += 1;
  while (index >= 0 && parts.length < MAX_PARTS) {
    const afterDelimiter = index + delimiter.length;
    if (body[afterDelimiter] === 45 && body[afterDelimiter + 1] === 45) break; // closing delimiter "--"
    const lineEnd = body.indexOf(10, afterDelimiter);
    if (lineEnd < 0) break;
    const next = body.indexOf(atLineStart, lineEnd);
    parts.push(body.subarray(lineEnd + 1, next < 0 ? body.length : next));
    index = next < 0 ? -1 : next + 1;
  }
  return parts;
}

/** Reads a message (LF line ends) into a tree of parts. */
export function readMime(bytes: Buffer, depth = 0): MimePart {
  const { head, body: raw } = splitHeaderBody(bytes);
  const headers = parseHeaderBlock(head);
  const contentType = parseStructured(headers.get('content-type')?.[0]);
  const type = contentType.value || 'text/plain';
  const encoding = headers.get('content-transfer-encoding')?.[0];
  const part: MimePart = { headers, type, params: contentType.params, body: raw, parts: [] };
  if (type.startsWith('multipart/') && contentType.params.boundary && depth < MAX_DEPTH) {
    part.parts = splitMultipart(raw, contentType.params.boundary).map((p) => readMime(p, depth + 1));
    return part;
  }
  part.body = decodeTransfer(raw, encoding);
  return part;
}

/** The text of a leaf part, decoded with its charset: its first PART_BYTES (limits.ts). */
export function partText(part: MimePart): string {
  return decodeCharset(part.body.length > PART_BYTES ? part.body.subarray(0, PART_BYTES) : part.body, part.params.charset);
}
