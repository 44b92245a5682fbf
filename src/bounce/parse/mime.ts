/**
 * A small, fast MIME reader for the explainer's hot path: header unfolding,
 * RFC 2047 encoded words, multipart trees, quoted-printable and base64, and
 * charsets through the WHATWG TextDecoder (ISO-2022-JP, Shift_JIS, windows-125x …).
 * mailparser was 0.5 ms a message on its own, more than the whole budget;
 * test/bounce/mime.test.ts checks this reader against mailparser on the corpus.
 */

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

export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase().replace(/^["']|["']$/g, '');
  try {
    return new TextDecoder(label === 'us-ascii' || label === 'ascii' ? 'utf-8' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function decodeQuotedPrintable(input: Buffer): Buffer {
  const text = input.toString('latin1').replace(/=\r?\n/g, '');
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 61 /* = */ && i + 2 < text.length && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out[n++] = parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[n++] = ch & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Decodes RFC 2047 encoded words (=?charset?B|Q?…?=) in a header value; adjacent words of one charset are joined as bytes first. */
export function decodeWords(value: string): string {
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
    if (/^[ \t]/.test(line) && name) {
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
  const [head = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const m of rest.join(';').matchAll(/([A-Za-z0-9*_-]{1,80})\s*=\s*(?:"((?:[^"\\]|\\.){0,2000})"|([^\s;]{0,2000}))/g)) {
    params[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { value: head.trim().toLowerCase(), params };
}

function splitHeaderBody(bytes: Buffer): { head: string; body: Buffer } {
  // Headers are ASCII (or raw 8-bit): latin1 keeps byte offsets equal to string offsets.
  const text = bytes.toString('latin1');
  if (text.startsWith('\n')) return { head: '', body: bytes.subarray(1) };
  const end = text.indexOf('\n\n');
  if (end < 0) return { head: text, body: Buffer.alloc(0) };
  return { head: text.slice(0, end), body: bytes.subarray(end + 2) };
}

function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  let index = text.startsWith(delimiter) ? 0 : text.indexOf(`\n${delimiter}`);
  if (index < 0) return [];
  if (index > 0) index += 1;
  while (index >= 0 && parts.length < MAX_PARTS) {
    const afterDelimiter = index + delimiter.length;
    if (text.startsWith('--', afterDelimiter)) break; // closing delimiter
    const lineEnd = text.indexOf('\n', afterDelimiter);
    if (lineEnd < 0) break;
    const next = text.indexOf(`\n${delimiter}`, lineEnd);
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

/** The text of a leaf part, decoded with its charset. */
export function partText(part: MimePart): string {
  return decodeCharset(part.body, part.params.charset);
}
