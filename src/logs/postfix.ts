/**
 * Postfix rejections (regexes of shared/notes/digests.md §2): smtpd and
 * postscreen `NOQUEUE: reject:` (and `milter-reject`), cleanup header/body
 * rejects, and outbound deliveries that bounced. `reject_warning`, `defer`,
 * `hold` and `discard` are not rejections; postgrey's own `action=greylist`
 * lines are ignored because Postfix logs the same event as a 450 reject.
 */
import type { LogClock } from './clock.js';
import { looksLikeSyslog, parseEnvelope } from './syslog.js';
import type { LineResult } from './types.js';

const PF_REJECT =
  /^(?:NOQUEUE|[0-9A-Za-z]{6,}): (reject|reject_warning|milter-reject|defer|hold|discard): (CONNECT|EHLO|HELO|MAIL|RCPT|DATA|BDAT|VRFY|ETRN|END-OF-MESSAGE|UNKNOWN) from [^\s[]*\[([0-9A-Fa-f.:]+)\](?::\d+)?: ([245]\d\d)(?: ([245]\.\d{1,3}\.\d{1,3}))? (.*?)(?:;? ?((?:from|proto)=.*))?$/;
const PF_CLEANUP =
  /^[0-9A-Za-z]{6,}: (reject|milter-reject|reject_warning|hold|discard): (header|body|END-OF-MESSAGE|DATA|BDAT)\b.*? from [^\s[]*\[([0-9A-Fa-f.:]+)\](?::\d+)?; ((?:from|proto)=.*?)(?:: ([245]\.\d{1,3}\.\d{1,3}) (.*))?$/;
const PF_BOUNCED = /^[0-9A-Za-z]{6,}: to=<([^>]*)>,.*? dsn=([245]\.\d{1,3}\.\d{1,3}), status=bounced \((.*)\)$/;
const SAID = /said: ([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3}) )?(.*?)(?: \(in reply to [^)]*\))?$/;
/** Postfix stage → the SMTP command words the explainer's classifier uses. */
const COMMANDS: Record<string, string> = { CONNECT: 'CONN', EHLO: 'EHLO', HELO: 'HELO', MAIL: 'MAIL', RCPT: 'RCPT', DATA: 'DATA', BDAT: 'DATA', 'END-OF-MESSAGE': 'DATA', VRFY: 'RCPT' };
const FROM = /\bfrom=<([^>]*)>/;
const TO = /\bto=<([^>]*)>/;

/** Whether a line might be a Postfix rejection; most lines are not and skip the regexes. */
export function postfixCandidate(line: string): boolean {
  return line.includes('reject: ') || line.includes('status=bounced');
}

export function parsePostfixLine(line: string, clock: LogClock): LineResult {
  if (!postfixCandidate(line)) return looksLikeSyslog(line) ? 'other' : 'skip';
  const env = parseEnvelope(line, clock);
  if (!env) return 'skip';
  if (!env.prog.startsWith('postfix')) return 'other';
  const msg = env.msg;
  // Plain object literals (no conditional spreads): this runs once per rejection.
  let m = PF_REJECT.exec(msg);
  if (m) {
    const action = m[1]!;
    if (action !== 'reject' && action !== 'milter-reject') return 'other';
    const kv = m[7];
    return {
      time: env.time,
      host: env.host,
      direction: 'in',
      command: COMMANDS[m[2]!],
      ip: m[3]!,
      replyCode: m[4]!,
      enhancedCode: m[5],
      text: m[6]!,
      from: kv ? FROM.exec(kv)?.[1] || undefined : undefined,
      to: kv ? TO.exec(kv)?.[1] || undefined : undefined,
    };
  }
  m = PF_CLEANUP.exec(msg);
  if (m) {
    const action = m[1]!;
    if (action !== 'reject' && action !== 'milter-reject') return 'other';
    const kv = m[4]!;
    return {
      time: env.time,
      host: env.host,
      direction: 'in',
      ip: m[3]!,
      command: 'DATA',
      enhancedCode: m[5],
      text: `${m[2]} rejected: ${m[6] ?? ''}`.trim(),
      from: FROM.exec(kv)?.[1] || undefined,
      to: TO.exec(kv)?.[1] || undefined,
    };
  }
  m = PF_BOUNCED.exec(msg);
  if (m) {
    const said = SAID.exec(m[3]!);
    const inReply = /\(in reply to (MAIL FROM|RCPT TO|DATA|end of DATA|HELO|EHLO)/i.exec(m[3]!)?.[1]?.toUpperCase();
    return {
      time: env.time,
      host: env.host,
      direction: 'out',
      command: inReply ? (inReply.startsWith('MAIL') ? 'MAIL' : inReply.startsWith('RCPT') ? 'RCPT' : inReply.includes('DATA') ? 'DATA' : inReply) : undefined,
      replyCode: said?.[1],
      enhancedCode: said?.[2] ?? m[2]!,
      text: said ? said[3]! : m[3]!,
      to: m[1] || undefined,
    };
  }
  return 'other';
}
