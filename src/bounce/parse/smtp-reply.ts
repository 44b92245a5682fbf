/**
 * SMTP reply text: joins folded multi-line replies ("550-5.7.1 a" / "550 5.7.1 b")
 * into one, and reads the reply code, enhanced status code, SMTP command and
 * remote host that a diagnostic text names. Nothing is invented: a value the
 * text does not hold is left out.
 */

const CONTINUATION = /^([245]\d\d)[- ](?:([245]\.\d{1,3}\.\d{1,3})[ -])?/;

/**
 * The recipient a pasted reply names right after its codes, as Postfix and others write it:
 * `550 5.1.1 <bob@example.org>: Recipient address rejected: …`. Null when it names none.
 */
export function recipientOfReply(reply: string): string | null {
  const m = /^\s*[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}[ -])?\s*<([^<>\s@]{1,64}@[^<>\s@]{1,255})>\s*:/.exec(reply);
  return m ? m[1]!.toLowerCase() : null;
}

/** Joins `550-5.7.1 …` continuation lines into single replies. */
export function unfoldReplies(text: string): string {
  const out: string[] = [];
  let pending: { code: string; parts: string[]; status?: string } | null = null;
  for (const line of text.split('\n')) {
    const m = CONTINUATION.exec(line.trim());
    if (m) {
      const rest = line.trim().slice(m[0].length);
      if (pending && pending.code === m[1]) {
        pending.parts.push(rest);
      } else {
        if (pending) out.push(render(pending));
        pending = { code: m[1]!, parts: [rest], ...(m[2] ? { status: m[2] } : {}) };
      }
      if (line.trim()[3] === ' ') {
        out.push(render(pending));
        pending = null;
      }
      continue;
    }
    if (pending) {
      out.push(render(pending));
      pending = null;
    }
    out.push(line);
  }
  if (pending) out.push(render(pending));
  return out.join('\n');
}

function render(p: { code: string; parts: string[]; status?: string }): string {
  return `${p.code} ${p.status ? `${p.status} ` : ''}${p.parts.join(' ').replace(/\s+/g, ' ').trim()}`;
}

const REPLY_CODE = /(?:^|[\s:;([<>"'=])([245][0-5]\d)(?=[ -](?:[245]\.\d{1,3}\.\d{1,3}\b|[-#(<[A-Za-z"'])|$)/;
const STATUS = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/;
const QMAIL_STATUS = /\(#([245]\.\d{1,3}\.\d{1,3})\)/;

/** Reply codes servers actually send (RFC 5321 and its extensions); "Size: 222 bytes" is not a reply. */
const KNOWN_REPLY_CODES = new Set([
  '211', '214', '220', '221', '235', '250', '251', '252', '253',
  '421', '422', '432', '450', '451', '452', '453', '454', '455', '458', '459',
  '500', '501', '502', '503', '504', '521', '523', '524', '525', '530', '534', '535', '538',
  '550', '551', '552', '553', '554', '555', '556', '557',
]);

/** Global twins of REPLY_CODE and STATUS for the scans below (each scan starts at lastIndex 0). */
const REPLY_CODES = new RegExp(REPLY_CODE.source, 'g');
const STATUSES = new RegExp(STATUS.source, 'g');

/** The first failure reply (4xx/5xx) in the text; a success reply only when there is no failure (transcripts hold both). */
export function findReplyCode(text: string): string | undefined {
  const head = text.slice(0, 8192);
  let success: string | undefined;
  REPLY_CODES.lastIndex = 0;
  for (let m = REPLY_CODES.exec(head); m; m = REPLY_CODES.exec(head)) {
    if (!KNOWN_REPLY_CODES.has(m[1]!)) continue;
    if (m[1]![0] !== '2') return m[1];
    success ??= m[1];
  }
  return success;
}

export function findStatus(text: string): string | undefined {
  const head = text.slice(0, 8192);
  let success: string | undefined;
  STATUSES.lastIndex = 0;
  for (let m = STATUSES.exec(head); m; m = STATUSES.exec(head)) {
    if (m[1]![0] !== '2') return m[1];
    success ??= m[1];
  }
  return QMAIL_STATUS.exec(head)?.[1] ?? success;
}

const COMMANDS: Array<[RegExp, string]> = [
  [/\b(?:after|in reply to|for|response to|while sending|during) (?:the )?(?:end of )?(?:data|message)(?: command)?\b|\bafter end of data\b|>>> data\b|\bafter data\b/i, 'DATA'],
  [/\b(?:after|in reply to|for|response to) (?:the )?rcpt(?: to)?\b|\brcpt to(?::? ?<[^>]{0,320}>)? response\b|>>> rcpt to\b|\bdoes not like recipient\b/i, 'RCPT'],
  [/\b(?:after|in reply to|for|response to) (?:the )?mail(?: from)?\b|>>> mail from\b/i, 'MAIL'],
  [/\b(?:after|in reply to|for|response to) (?:the )?ehlo\b|>>> ehlo\b/i, 'EHLO'],
  [/\b(?:after|in reply to|for|response to) (?:the )?helo\b|>>> helo\b/i, 'HELO'],
  [/\b(?:after|in reply to) (?:the )?(?:initial )?(?:connection|greeting|banner)\b|\bconnected but greeting failed\b/i, 'CONN'],
  [/\b(?:after|in reply to) (?:the )?starttls\b/i, 'STARTTLS'],
];

/** Upper-case command words as servers echo them, in the order Sisimai ranks them (a later one wins). */
const COMMAND_WORDS = ['HELO', 'EHLO', 'STARTTLS', 'AUTH PLAIN', 'AUTH LOGIN', 'AUTH CRAM-', 'AUTH DIGEST-', 'MAIL F', 'RCPT', 'RCPT T', 'DATA', 'QUIT', 'XFORWARD'];

function commandWord(text: string): string | undefined {
  let found: string | undefined;
  const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 64 && c <= 90) || (c >= 97 && c <= 122);
  for (const word of COMMAND_WORDS) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    if (!word.includes(' ') && (isWordChar(text.charCodeAt(at - 1)) || isWordChar(text.charCodeAt(at + word.length)))) continue; // DATABASE@, EMAIL.
    const name = word.slice(0, 4) === 'STAR' ? 'STARTTLS' : word.slice(0, 4);
    if (name !== 'QUIT' && name !== 'XFOR') found = name;
  }
  return found;
}

/** All of COMMANDS in one expression: one scan finds which (if any) occurs first. Group i+1 is COMMANDS[i], so they capture nothing themselves. */
if (COMMANDS.some(([re]) => new RegExp(`${re.source}|`).exec('')!.length !== 1)) throw new Error('COMMANDS patterns must not capture');
const ANY_COMMAND = new RegExp(COMMANDS.map(([re]) => `(${re.source})`).join('|'), 'i');

/** The first of COMMANDS (in their order) that occurs anywhere, else the command word a server echoed. */
export function findCommand(text: string): string | undefined {
  const head = text.slice(0, 8192);
  const first = ANY_COMMAND.exec(head);
  if (!first) return commandWord(head);
  // The one found first in the text is the answer unless one ranked above it occurs further on.
  let found = 0;
  while (first[found + 1] === undefined) found++;
  for (let i = 0; i < found; i++) if (COMMANDS[i]![0].test(head)) return COMMANDS[i]![1];
  return COMMANDS[found]![1];
}

const HOST_PATTERNS: RegExp[] = [
  /\bhost ([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\.? ?\[[0-9A-Fa-f.:]{2,45}\]/,
  /\bremote host ([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z0-9]{1,63}) said\b/i,
  /\bwhile talking to ([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\.?:/i,
  /\b(?:host|by|server) ([A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,63})\.? said\b/i,
  /\bremote host ([0-9]{1,3}(?:\.[0-9]{1,3}){3})\b/i,
];

export function findRemoteHost(text: string): string | undefined {
  const head = text.slice(0, 8192);
  for (const re of HOST_PATTERNS) {
    const m = re.exec(head);
    if (m) return m[1]!.toLowerCase();
  }
  return undefined;
}

/**
 * Chooses between the Status: field and the code in the reply text, as Sisimai
 * does: a generic field (X.0.0, X.Y.0, 4.4.7 …) gives way to the more specific
 * code the server actually sent, and the reply code's class settles a conflict.
 */
export function preferStatus(field: string | undefined, inMessage: string | undefined, replyCode: string | undefined): string | undefined {
  if (!field) return inMessage;
  if (!inMessage) return field;
  if (replyCode && field[0] !== inMessage[0]) {
    if (replyCode[0] === field[0]) return field;
    if (replyCode[0] === inMessage[0]) return inMessage;
  }
  if (field === inMessage) return field;
  const fieldZero = field.indexOf('.0');
  const messageZero = inMessage.indexOf('.0');
  if (field.includes('.0.0')) return inMessage.includes('.0.0') ? field : inMessage;
  if (fieldZero > 0 && messageZero < 0) return inMessage;
  if (inMessage.includes('.0.0')) return field;
  if (field === '4.4.7' || field === '4.7.0' || field.startsWith('5.3.')) return inMessage;
  if (/^\d\.5\.[1245]$/.test(field)) return inMessage;
  if (field === '5.1.1') return messageZero > 0 || inMessage.startsWith('5.5.') ? field : inMessage;
  if (field === '5.1.3' && inMessage.startsWith('5.7.')) return inMessage;
  return field;
}
