/**
 * Reads a whole message (an .eml, a pasted bounce with headers): headers, the
 * readable text, the report parts (delivery-status, feedback-report) and the
 * returned original's headers. `readMessage` uses our fast MIME reader;
 * `readMessageWithMailparser` is the same through mailparser, the reference
 * the fast reader is tested against.
 */
import type { ParsedMail } from 'mailparser';
import { toLf } from './input.js';
import { PART_BYTES } from './limits.js';
import { decodeWords, headerText, partText, readMime, type MimePart } from './mime.js';

export interface ReadMessage {
  /** Header name (lower case) → raw values, unfolded. */
  headers: Map<string, string[]>;
  subject: string;
  from: string;
  /** Readable body: text parts, delivery-status parts, html converted to text when there is no text. */
  body: string;
  /** message/delivery-status parts mailparser kept as attachments. */
  deliveryStatus: string[];
  /** message/feedback-report parts (ARF). */
  feedbackReports: string[];
  /** Headers of the returned original (message/rfc822 or text/rfc822-headers), when attached. */
  originalHeaders: string;
  contentType: string;
  /** A part read was longer than PART_BYTES: only its head was read. */
  truncated: boolean;
}

const PARSER_OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 } as const;

export function header(message: ReadMessage, name: string): string | undefined {
  return message.headers.get(name.toLowerCase())?.[0];
}

const REPORT_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers', 'message/rfc822-headers']);

/** A header's first value, or ''. */
function firstValue(headers: Map<string, string[]>, name: string): string {
  const values = headers.get(name);
  return values !== undefined && values.length > 0 ? values[0]! : '';
}

/** A message's header block: the text up to its first blank line, line ends made LF. */
function headerBlock(text: string): string {
  const lf = toLf(text);
  const end = lf.indexOf('\n\n');
  return end < 0 ? lf : lf.slice(0, end);
}

/** What headerText or decodeWords would change: 8-bit bytes or an encoded word. */
const ENCODED = /[\x80-\xff]|=\?/;

/** Header values as text (8-bit values as UTF-8 when valid, encoded words decoded): the map itself when no value needs either. */
function decodedHeaders(raw: Map<string, string[]>): Map<string, string[]> {
  for (const values of raw.values()) {
    for (const value of values) {
      if (!ENCODED.test(value)) continue;
      const headers = new Map<string, string[]>();
      for (const [name, list] of raw) headers.set(name, list.map((v) => decodeWords(headerText(v))));
      return headers;
    }
  }
  return raw;
}

function firstAddressIn(value: string): string {
  const angle = /<([^<>\s]{1,320})>/.exec(value);
  if (angle) return angle[1]!;
  const bare = /[^\s<>"',;:]{1,64}@[^\s<>"',;:]{1,255}/.exec(value)?.[0];
  if (bare) return bare;
  // "MAILER-DAEMON (Mail Delivery Subsystem)": a local name without a domain.
  return /^\s*<?([A-Za-z0-9._-]{1,64})>?(?:\s|$)/.exec(value)?.[1] ?? '';
}

export async function readMessage(bytes: Buffer): Promise<ReadMessage> {
  const root = readMime(bytes);
  const plain: string[] = [];
  const html: string[] = [];
  const deliveryStatus: string[] = [];
  const feedbackReports: string[] = [];
  let originalHeaders = '';
  let truncated = false;
  // A part's text as the report's, noting when only its head was read (a cut report is said to be one).
  const reportText = (part: MimePart): string => {
    if (part.body.length > PART_BYTES) truncated = true;
    return partText(part);
  };
  const visit = (part: MimePart, depth: number) => {
    if (part.type.startsWith('multipart/')) {
      for (const child of part.parts) visit(child, depth + 1);
      return;
    }
    const attached = /^\s*attachment/i.test(part.headers.get('content-disposition')?.[0] ?? '');
    // Only a cut report counts: the returned original and attachments are looked at for headers alone.
    if (REPORT_TYPES.has(part.type)) deliveryStatus.push(reportText(part));
    else if (part.type === 'message/feedback-report') feedbackReports.push(reportText(part));
    else if (ORIGINAL_TYPES.has(part.type)) {
      if (!originalHeaders) originalHeaders = headerBlock(partText(part));
    } else if (attached) {
      // An attached text file is not the report's prose; some gateways attach the original's headers this way.
      const content = partText(part);
      if (!originalHeaders && /^(?:received|from|to|subject|date|message-id|return-path):/im.test(content.slice(0, 2000))) {
        originalHeaders = headerBlock(content);
      }
    } else if (part.type === 'text/html') html.push(reportText(part));
    else if (part.type.startsWith('text/') || (depth === 0 && !part.type.includes('/'))) plain.push(reportText(part));
  };
  visit(root, 0);
  let body = plain.join('\n');
  if (!body.trim() && html.length) body = htmlToText(html.join('\n'));
  if (!body.trim() && deliveryStatus.length === 0 && feedbackReports.length === 0 && root.type.startsWith('multipart/')) {
    // A broken MIME structure (a boundary that never appears): read the raw body.
    body = reportText({ ...root, params: {} });
  }
  const headers = decodedHeaders(root.headers);
  const from = firstValue(headers, 'from');
  return {
    headers,
    subject: firstValue(headers, 'subject'),
    from: firstAddressIn(from),
    body: toLf(body),
    deliveryStatus,
    feedbackReports,
    originalHeaders,
    contentType: firstValue(root.headers, 'content-type'),
    truncated,
  };
}

export async function readMessageWithMailparser(bytes: Buffer): Promise<ReadMessage> {
  // Loaded here only: mailparser and its dependencies take ~0.2 s to load, and only the reference needs them.
  const { simpleParser } = await import('mailparser');
  const parsed: ParsedMail = await simpleParser(bytes, PARSER_OPTIONS);
  const headers = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    const list = headers.get(key) ?? [];
    list.push(value);
    headers.set(key, list);
  }
  const deliveryStatus: string[] = [];
  const feedbackReports: string[] = [];
  let originalHeaders = '';
  for (const attachment of parsed.attachments) {
    const type = attachment.contentType.toLowerCase();
    const content = attachment.content.toString('utf8');
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status') deliveryStatus.push(content);
    else if (type === 'message/feedback-report') feedbackReports.push(content);
    else if ((type === 'message/rfc822' || type === 'text/rfc822-headers' || type === 'message/global') && !originalHeaders) {
      originalHeaders = headerBlock(content);
    }
  }
  let body = parsed.text ?? '';
  if (!body.trim() && typeof parsed.html === 'string') body = htmlToText(parsed.html);
  if (!body.trim() && deliveryStatus.length === 0 && feedbackReports.length === 0) {
    // A broken MIME structure (a boundary that never appears) leaves mailparser with nothing: read the raw body.
    const raw = bytes.toString('utf8');
    const start = raw.search(/\n\n/);
    if (start >= 0) body = raw.slice(start + 2);
  }
  return {
    headers,
    subject: parsed.subject ?? '',
    from: parsed.from?.value.map((a) => a.address ?? '').join(', ') ?? '',
    body: toLf(body),
    deliveryStatus,
    feedbackReports,
    originalHeaders,
    contentType: firstValue(headers, 'content-type'),
    truncated: false,
  };
}

/** A plain rendering of an HTML-only bounce (tags dropped, entities decoded). */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[^<]*<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/tr>|<\/li>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
