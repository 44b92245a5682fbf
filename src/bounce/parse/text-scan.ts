import { findReplyCode } from './smtp-reply.js';

/**
 * Reads the human-readable part of a bounce when there are no (or too few)
 * delivery-status fields: which recipients failed, and the words said about
 * each. Works across MTAs by the shapes their reports share — an address on a
 * line of its own followed by the reply (qmail, Exim), `<address>: reply`
 * (Postfix), `<address>... reply` and SMTP transcripts (Sendmail), `To:` /
 * `Recipient:` labels (Exchange, Domino and many gateways).
 */

export interface ScannedRecipient {
  recipient?: string;
  diagnostic: string;
  /** The SMTP command a transcript shows for this recipient (">>> RCPT To:<…>"). */
  command?: string;
}

const ADDR = String.raw`[^\s<>()"',;:@]{1,64}@[A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9]`;
const ADDRESS_RE = new RegExp(ADDR);

/** Lines that start the returned original; everything after them is the sender's own message. */
const ORIGINAL_MARKERS: RegExp[] = [
  /^\s*-{2,}.{0,40}\b(?:copy of (?:the|your) message|original message|unsent message|returned (?:message|mail|content)|message (?:headers?|body|text) follows?|headers? of (?:the )?original|below this line|rejected message|undelivered message (?:follows|headers))/i,
  /^\s*-{2,}\s*(?:original|returned|forwarded) (?:message|mail|headers)/i,
  /^\s*(?:original message|unsent message|returned message) (?:follows|headers?)/i,
  /^content-type:\s*(?:message\/rfc822|text\/rfc822-headers|message\/global)\b/i,
  /^\s*-+ ?(?:the )?header of (?:the )?original message/i,
  /^\s*-+ ?(?:orig(?:inal)? message|message original)/i,
  /^\s*(?:bounced|returned|rejected|original) e-?mail\s*:?\s*$/i,
  /^\s*original message\s*:?\s*$/i,
];

/** The markers as one expression: a line is tested once, not once per marker. */
const ORIGINAL_MARKER = new RegExp(ORIGINAL_MARKERS.map((re) => `(?:${re.source})`).join('|'), 'i');

/**
 * The same markers over a whole text, a line at a time (`m`), with white space kept within a line
 * (\s would run on across line ends). It finds every line ORIGINAL_MARKER accepts; where it finds
 * more (its ^ and $ also stop at U+2028 and U+2029), the line is checked with ORIGINAL_MARKER.
 */
const ORIGINAL_MARKER_LINES = new RegExp(ORIGINAL_MARKER.source.replaceAll('\\s', '[^\\S\\n]'), 'im');
// That rewrite holds only outside character classes: a marker with \s inside brackets needs another.
if (/\[[^\]]*\\s/.test(ORIGINAL_MARKER.source)) throw new Error('ORIGINAL_MARKERS: \\s inside a character class');

export function cutOriginal(body: string): string {
  return splitOriginal(body).report;
}

/** The report before the returned original, and the original (its headers name the recipient when nothing else does). */
export function splitOriginal(body: string): { report: string; original: string } {
  // One search of the engine's over the text, rather than a loop of ours over its lines.
  for (let from = 0; from < body.length; ) {
    const found = body.slice(from).search(ORIGINAL_MARKER_LINES);
    if (found < 0) break;
    const at = from + found;
    const start = at === 0 ? 0 : body.lastIndexOf('\n', at - 1) + 1;
    const newline = body.indexOf('\n', at);
    const end = newline < 0 ? body.length : newline;
    if (ORIGINAL_MARKER.test(body.slice(start, end))) return { report: body.slice(0, Math.max(0, start - 1)), original: newline < 0 ? '' : body.slice(newline + 1) };
    from = end + 1;
  }
  return { report: body, original: '' };
}

/** Addresses that are never the failed recipient. */
function isSystemAddress(address: string): boolean {
  return /^(?:mailer-daemon|postmaster|mail-daemon|daemon|root|nobody|noreply|no-reply)@/i.test(address);
}

function clean(address: string): string {
  return address.replace(/^<|>$/g, '').replace(/[.:;,]+$/, '').toLowerCase();
}

interface Hit {
  line: number;
  recipient: string;
  /** Text on the same line after the address. */
  rest: string;
  /** How much the shape is trusted; a stronger shape wins over a weaker one. */
  strength: number;
  /** Whether the lines below belong to this recipient (not for Sendmail's one-line "<a>... reason"). */
  follows: boolean;
}

const SHAPES: Array<{ re: RegExp; strength: number; follows?: false; wholeLine?: true }> = [
  // qmail / Exim: the address alone on its line, maybe in <> and with a trailing colon.
  { re: new RegExp(String.raw`^\s*["<]?(${ADDR})[">]?:?\s*$`), strength: 3 },
  // Postfix: "<rcpt> (expanded from <x>): host … said: …", "<rcpt>: …"
  { re: new RegExp(String.raw`^\s*<(${ADDR})>(?:\s*\([^)]{0,300}\))?\s*[:.]\s*(.*)$`), strength: 3 },
  // OpenSMTPD and others: "rcpt@example.org: 550 5.1.1 …"
  { re: new RegExp(String.raw`^\s*(${ADDR}):\s+(\S.*)$`), strength: 3 },
  // Sendmail: "550 5.1.1 <rcpt>... User unknown", "<rcpt>... Deferred"
  { re: new RegExp(String.raw`^(?:[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?)?<?(${ADDR})>?\.\.\.\s*(.*)$`), strength: 2, follows: false },
  // Zoho and others: "[Status: Error, Address: <rcpt>, ResponseCode 421, , Host not reachable.]"
  { re: new RegExp(String.raw`(?:^|[\s\[(,])(?:address|recipient)\s*:\s*<(${ADDR})>[,;]?\s*(.*)$`, 'i'), strength: 2, wholeLine: true },
  // Exchange: "rcpt@example.org on Thu, 29 Apr 2010 00:00:00 -0000" or "… on 4/29/01 11:34:45 PM"
  { re: new RegExp(String.raw`^\s*<?(${ADDR})>? on (?:(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4}|\d{1,2}/\d{1,2}/\d{2,4})\b(.*)$`), strength: 3 },
  // Labels: "Recipient: x", "Failed recipient: x", "Original-Recipient: x"
  { re: new RegExp(String.raw`^\s*(?:(?:failed |original |final |invalid |unknown )?recipients?(?: address(?:es)?)?|(?:target|destination) (?:e-?mail |mail )?address|addressed to|rcpt to|user|address)\s*[:=]\s*<?(${ADDR})>?\s*(.*)$`, 'i'), strength: 2 },
  // "To: x" names a recipient only when nothing better does (it may be the original's header).
  { re: new RegExp(String.raw`^\s*to\s*:\s*<?(${ADDR})>?\s*(.*)$`, 'i'), strength: 1 },
  // "… delivery to the following recipient(s) failed … x@y" lines that start with the address and say why.
  { re: new RegExp(String.raw`^\s*<?(${ADDR})>?\s+(?:on \S+ )?(?:-|—|:)?\s*(\S.*)$`), strength: 1 },
];

function findHits(lines: string[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 2000 || !line.includes('@')) continue;
    for (const { re, strength, follows, wholeLine } of SHAPES) {
      const m = re.exec(line);
      if (!m) continue;
      const recipient = clean(m[1]!);
      const rest = wholeLine ? line.trim().replace(/^\[|\]$/g, '') : (m[2] ?? '').trim();
      if (!isSystemAddress(recipient)) hits.push({ line: i, recipient, rest, strength, follows: follows ?? true });
      break;
    }
  }
  return hits;
}

/** A line holds a server reply when it has a reply code servers actually send. */
const REPLY_LINE = { test: (line: string) => findReplyCode(line) !== undefined };
const ERROR_LABEL = /^\s*(?:error|(?:reject(?:ion)? |failure |bounce )?reason|diagnostic(?: code)?|remote server replied|smtp error)\s*:/i;

/** Lines where a report's own boilerplate starts: the diagnostic never runs past them. */
const BOILERPLATE = /^\s*(?:-{3,}|={3,}|for further assistance|if you do so,? please include|please (?:do not|don't) reply|the mail system\s*$|reporting-mta:|final-recipient:|original-recipient:|content-type:|this is an automatically generated|if you need help|you can delete your own text)/i;

/**
 * The diagnostic block that belongs to a hit: its own line's rest plus the
 * lines below (across blank lines) until the next recipient, boilerplate or
 * 25 lines; when nothing follows, the lines just above the address.
 */
function blockAround(lines: string[], hit: Hit, nextLine: number): string {
  const out: string[] = [];
  if (hit.rest) out.push(hit.rest);
  for (let i = hit.line + 1; i < Math.min(nextLine, lines.length, hit.line + 25); i++) {
    const line = lines[i]!;
    if (BOILERPLATE.test(line)) break;
    // A one-line shape only takes indented continuation lines.
    if (!hit.follows && !/^[ \t]+\S/.test(line)) break;
    if (line.trim()) out.push(line.trim());
  }
  if (out.length === 0) {
    // Some reports state the reason above the address, in a paragraph or two ("Your message was not delivered
    // within …" / blank / "The following recipients did not receive this message:" / blank / "<rcpt>").
    for (let i = hit.line - 1, taken = 0; i >= Math.max(0, hit.line - 12) && taken < 6; i--) {
      const line = lines[i]!;
      if (BOILERPLATE.test(line)) break;
      if (!line.trim()) continue;
      out.unshift(line.trim());
      taken++;
    }
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

const RCPT_SENT = new RegExp(String.raw`^>>>\s*RCPT\s+TO:\s*<?(${ADDR})>?`, 'i');

function transcriptReplies(lines: string[]): Map<string, string> {
  const byRecipient = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('>>>')) continue;
    const m = RCPT_SENT.exec(lines[i]!);
    if (!m) continue;
    const replies: string[] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 10); j++) {
      const r = /^<<<\s*(.*)$/.exec(lines[j]!);
      if (!r) break;
      replies.push(r[1]!);
    }
    if (replies.length) byRecipient.set(clean(m[1]!), replies.join(' '));
  }
  return byRecipient;
}

/**
 * Scans readable bounce text. `exclude` lists addresses known not to be
 * recipients (the bounce's own sender, the original sender).
 */
export function scanHumanText(text: string, exclude: string[] = []): ScannedRecipient[] {
  const lines = text.split('\n');
  const excluded = new Set(exclude.map((a) => a.toLowerCase()));
  const hits = findHits(lines).filter((h) => !excluded.has(h.recipient));
  const transcript = transcriptReplies(lines);
  if (hits.length === 0 && transcript.size === 0) return [];

  // Keep the strongest shape seen; weaker shapes only count when nothing stronger exists.
  const best = Math.max(0, ...hits.map((h) => h.strength));
  // A recipient named again right below its own line (Postfix wraps "<a>: said: 550" / "<a>... User unknown") continues that block.
  const chosen = hits
    .filter((h) => h.strength === best || (best < 3 && h.strength >= 2))
    .filter((h, i, all) => i === 0 || all[i - 1]!.recipient !== h.recipient);
  const results = new Map<string, ScannedRecipient>();
  chosen.forEach((hit, index) => {
    const next = chosen[index + 1]?.line ?? lines.length;
    const block = blockAround(lines, hit, next);
    const previous = results.get(hit.recipient);
    const reply = transcript.get(hit.recipient);
    const diagnostic = [reply, block].filter(Boolean).join(' ').trim();
    if (!previous || diagnostic.length > previous.diagnostic.length) {
      results.set(hit.recipient, { recipient: hit.recipient, diagnostic, ...(reply ? { command: 'RCPT' } : {}) });
    }
  });
  for (const [recipient, reply] of transcript) {
    if (!results.has(recipient)) results.set(recipient, { recipient, diagnostic: reply, command: 'RCPT' });
  }
  const found = [...results.values()];
  if (found.length === 1 && !REPLY_LINE.test(found[0]!.diagnostic)) {
    // One recipient, but its block holds no server reply: the report states it elsewhere ("Error message below: 550 …").
    const replies = lines
      .filter((l) => REPLY_LINE.test(l) || ERROR_LABEL.test(l))
      .map((l) => l.trim())
      .filter((l) => !found[0]!.diagnostic.includes(l))
      .slice(0, 5);
    if (replies.length) found[0]!.diagnostic = [found[0]!.diagnostic, ...replies].filter(Boolean).join(' ');
  }
  return found;
}

export function firstAddress(value: string | undefined): string | undefined {
  const m = value ? ADDRESS_RE.exec(value) : null;
  return m ? clean(m[0]) : undefined;
}
