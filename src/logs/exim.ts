/**
 * Exim mainlog / rejectlog lines (`YYYY-MM-DD HH:MM:SS [pid] [msgid] …`):
 * `rejected RCPT|MAIL|connection|after DATA …` and `**` delivery failures.
 * The reject text is whatever the ACL says, so it is classified by keyword,
 * not by position. rejectlog repeats header lines after a reject; only lines
 * that start with a timestamp count. Exim through syslog works too.
 */
import type { LogClock } from './clock.js';
import { parseEnvelope } from './syslog.js';
import type { LineResult } from './types.js';

const EXIM_LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.\d+)?(?: ([+-]\d{4}))?(?: \[\d+\])?(?: ([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}))? (.*)$/;
const EXIM_REJ =
  /\b(?:temporarily )?rejected (RCPT|MAIL|after DATA|after MAIL|EHLO or HELO|EHLO|HELO|connection|"[A-Z]+"|by local_scan\(\)|VRFY|EXPN|DATA)(?: <([^>]*)>| ([^\s:<>]+@[^\s:<>]+))?(?:: ?| from | )(.*)$/;
const EXIM_HOST = /\bH=(?:[^\s([]+ )?(?:\([^)]*\) )?\[([0-9A-Fa-f.:]+)\]/;
const EXIM_FROM = /\bF=<?([^>\s]*)>?/;
const BOUNCE = /^\*\* (\S+?)(?: <[^>]*>)?(?: [A-Z]=.*?)?: (.*)$/;
const SMTP_ERROR = /SMTP error from remote mail server after [^:]*(?::<[^>]*>)?: (.*)$/;
const CODE = /^([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3}) )?(.*)$/;

export function eximCandidate(line: string): boolean {
  return line.includes('rejected ') || line.includes(' ** ');
}

function startsWithStamp(line: string): boolean {
  return line.charCodeAt(4) === 45 && line.charCodeAt(7) === 45 && line.charCodeAt(10) === 32 && line.charCodeAt(13) === 58;
}

export function parseEximLine(line: string, clock: LogClock): LineResult {
  let time: number;
  let rest: string;
  let host: string | undefined;
  if (startsWithStamp(line)) {
    if (!eximCandidate(line)) return 'other';
    const m = EXIM_LINE.exec(line);
    if (!m) return 'skip';
    time = m[2] ? zoned(m[1]!, m[2]) : clock.dateTime(m[1]!);
    rest = m[4]!;
  } else if (line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9 || line.trim() === '' || /^[A-Za-z-]+: /.test(line)) {
    return 'other'; // rejectlog envelope and header lines
  } else {
    if (!eximCandidate(line)) return 'other';
    const env = parseEnvelope(line, clock);
    if (!env) return 'skip';
    if (!env.prog.startsWith('exim')) return 'other';
    const inner = EXIM_LINE.exec(env.msg);
    time = env.time;
    host = env.host;
    rest = inner ? inner[4]! : env.msg.replace(/^[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} /, '');
  }
  if (Number.isNaN(time)) return 'skip';
  if (rest.startsWith('** ')) {
    const b = BOUNCE.exec(rest);
    if (!b) return 'other';
    const said = SMTP_ERROR.exec(b[2]!)?.[1] ?? b[2]!;
    const after = /after (MAIL FROM|RCPT TO|DATA|end of data)/i.exec(b[2]!)?.[1]?.toUpperCase();
    const code = CODE.exec(said);
    return {
      time,
      ...(host ? { host } : {}),
      direction: 'out',
      ...(after ? { command: after.startsWith('MAIL') ? 'MAIL' : after.startsWith('RCPT') ? 'RCPT' : 'DATA' } : {}),
      to: b[1]!,
      ...(code ? { replyCode: code[1]!, ...(code[2] ? { enhancedCode: code[2] } : {}) } : {}),
      text: code ? code[3]! : said,
    };
  }
  const r = EXIM_REJ.exec(rest);
  if (!r) return 'other';
  const text = r[4]!;
  const code = CODE.exec(text);
  const ip = EXIM_HOST.exec(rest)?.[1];
  const from = EXIM_FROM.exec(rest)?.[1];
  const to = r[2] ?? r[3];
  const stage = r[1]!;
  const command = stage === 'RCPT' || stage === 'VRFY' || stage === 'EXPN' ? 'RCPT' : stage.includes('MAIL') ? 'MAIL' : stage.includes('DATA') || stage.startsWith('by local_scan') ? 'DATA' : stage === 'connection' ? 'CONN' : stage.includes('HELO') || stage.includes('EHLO') ? 'EHLO' : undefined;
  return {
    time,
    ...(host ? { host } : {}),
    direction: 'in',
    ...(command ? { command } : {}),
    ...(ip ? { ip } : {}),
    ...(from && from.includes('@') ? { from } : {}),
    ...(to ? { to } : {}),
    ...(code ? { replyCode: code[1]!, ...(code[2] ? { enhancedCode: code[2] } : {}) } : {}),
    text: code ? code[3]! : text,
  };
}

/** `2025-03-03 14:02:11` with an explicit `+0200` offset. */
function zoned(stamp: string, offset: string): number {
  const sign = offset[0] === '-' ? -1 : 1;
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
  return Date.parse(`${stamp.replace(' ', 'T')}Z`) - sign * minutes * 60_000;
}
