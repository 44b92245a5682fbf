/**
 * The syslog envelope around a program's message: classic BSD
 * (`Mar  3 00:09:10 mx1 postfix/smtpd[123]: …`), RFC 3339 stamps as rsyslog
 * writes them (`2025-03-03T00:09:10.1+01:00 mx1 postfix/smtpd[123]: …`) and
 * RFC 5424 (`<22>1 2025-03-03T00:09:10Z mx1 postfix 123 - - …`), each with an
 * optional `<PRI>` as forwarders send it.
 */
import { parseIso, type LogClock } from './clock.js';

export interface Envelope {
  time: number;
  host: string;
  /** Program name, slashes kept (`postfix/smtpd`, `postfix-smo/submission/smtpd`). */
  prog: string;
  msg: string;
}

const TAG = /^([^\s[:]+)(?:\[\d+\])?: ?(.*)$/s;
const RFC5424 = /^(\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\]|\\.)*\])+) ?(.*)$/s;

/** Cheap test whether a line can start with a syslog stamp (used to count unreadable lines without parsing). */
export function looksLikeSyslog(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 60) return true; // '<' PRI
  if (c >= 65 && c <= 90) return line.charCodeAt(3) === 32 && line.charCodeAt(9) === 58; // Mar  3 00:
  if (c >= 48 && c <= 57) return line.charCodeAt(4) === 45 && line.charCodeAt(10) === 84; // 2025-03-03T
  return false;
}

export function parseEnvelope(line: string, clock: LogClock): Envelope | null {
  let at = 0;
  let rfc5424 = false;
  if (line.charCodeAt(0) === 60) {
    const close = line.indexOf('>');
    if (close < 2 || close > 4) return null;
    at = close + 1;
    if (line.startsWith('1 ', at)) {
      rfc5424 = true;
      at += 2;
    }
  }
  let time: number;
  let rest: string;
  const c = line.charCodeAt(at);
  if (c >= 65 && c <= 90) {
    time = clock.bsd(line, at);
    if (line.charCodeAt(at + 15) !== 32) return null;
    rest = line.slice(at + 16);
  } else {
    const space = line.indexOf(' ', at);
    if (space < 0) return null;
    time = parseIso(line.slice(at, space));
    rest = line.slice(space + 1);
  }
  if (Number.isNaN(time)) return null;
  const hostEnd = rest.indexOf(' ');
  if (hostEnd <= 0) return null;
  const host = rest.slice(0, hostEnd);
  const after = rest.slice(hostEnd + 1);
  if (rfc5424) {
    const m = RFC5424.exec(after);
    if (!m) return null;
    return { time, host, prog: m[1]!, msg: m[5]!.replace(/^\uFEFF/, '') };
  }
  const m = TAG.exec(after);
  if (!m) return null;
  return { time, host, prog: m[1]!, msg: m[2]! };
}
