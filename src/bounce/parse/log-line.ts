/**
 * Log lines pasted into the explainer: spamdyke, Postfix (smtpd rejects and
 * delivery results) and Exim (rejects and `**` failures). Each line that
 * reports a rejection becomes one record.
 */
import type { BounceRecord } from '../types.js';

const SYSLOG_PREFIX = /^(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)\s+\S+\s+[^\s[:]+(?:\[\d+\])?:\s+/;
const SPAMDYKE = /^([A-Z][A-Z_]{3,40}) from: (\S{1,320}) to: (\S{1,320}) origin_ip: (\S{1,64}) origin_rdns: (\S{1,255}) auth: (\S{1,320})(?: encryption: (\S{1,40}))?(?: reason: (.{0,2000}))?$/;
const POSTFIX_REJECT = /^(?:[0-9A-Za-z]{5,}|NOQUEUE): (?:reject|reject_warning|milter-reject): (CONNECT|EHLO|HELO|MAIL|RCPT|DATA|BDAT|END-OF-MESSAGE|VRFY|ETRN|UNKNOWN) from ([^\s[]{0,255})\[([0-9A-Fa-f.:]{2,45})\](?::\d+)?: ([245]\d\d)(?: ([245]\.\d{1,3}\.\d{1,3}))? (.{0,4000}?)(?:;? ?((?:from|proto)=.{0,2000}))?$/;
const POSTFIX_DELIVERY = /^[0-9A-Za-z]{5,}: to=<([^>]{0,320})>,(?: orig_to=<[^>]{0,320}>,)? relay=([^\s,]{1,300}),.{0,300}? dsn=([245]\.\d{1,3}\.\d{1,3}), status=(bounced|deferred|sent|expired) \((.{0,4000})\)$/;
const EXIM_PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?: [+-]\d{4})?(?: \[\d+\])?(?: [0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4})? /;
const EXIM_REJECT = /\b(?:temporarily )?rejected (RCPT|MAIL|after DATA|EHLO|HELO|connection|DATA)(?: <([^>]{0,320})>)?:? ?(.{0,4000})$/;
const EXIM_FAILED = /^(\*\*|==) (\S{1,320})(?: <[^>]{0,320}>)? .{0,300}?: (.{0,4000})$/;
const EXIM_HOST = /\bH=(?:(\S{1,255}) )?(?:\([^)]{0,255}\) )?\[([0-9A-Fa-f.:]{2,45})\]/;

function strip(line: string): string {
  return line.replace(SYSLOG_PREFIX, '').replace(/^spamdyke\[\d+\]:\s*/, '');
}

function kv(text: string | undefined, key: string): string | undefined {
  if (!text) return undefined;
  const m = new RegExp(`\\b${key}=<([^>]{0,320})>`).exec(text);
  return m?.[1] || undefined;
}

function commandOf(stage: string): string {
  const s = stage.toUpperCase();
  if (s.startsWith('AFTER DATA') || s === 'END-OF-MESSAGE' || s === 'BDAT') return 'DATA';
  if (s === 'CONNECTION' || s === 'CONNECT') return 'CONN';
  return s;
}

/** One record for a log line that reports a rejection or failure; null for other lines. */
export function parseLogLine(raw: string): BounceRecord | null {
  const line = strip(raw.trim());
  let m = SPAMDYKE.exec(line);
  if (m && /^(?:DENIED_|FAILED_|TIMEOUT|ALLOWED|TLS_ENCRYPTED|UNKNOWN_AUTH)/.test(m[1]!)) {
    const reason = m[8] && m[8] !== '(empty)' ? m[8].replace(/_/g, ' ') : undefined;
    return {
      origin: 'spamdyke-log',
      logCode: m[1]!,
      ...(m[3] !== '(unknown)' ? { recipient: m[3]!.toLowerCase() } : {}),
      ...(m[2] !== '(unknown)' ? { sender: m[2]!.toLowerCase() } : {}),
      // origin_ip / origin_rdns are the connecting client (the sender's server), not a destination.
      ...(m[4] !== '(unknown)' ? { clientHost: m[5] !== '(unknown)' ? m[5]! : m[4]! } : {}),
      diagnostic: [m[1], reason].filter(Boolean).join(' '),
      context: `origin_ip ${m[4]}`,
    };
  }
  m = POSTFIX_REJECT.exec(line);
  if (m) {
    const to = kv(m[7], 'to');
    const from = kv(m[7], 'from');
    return {
      origin: 'postfix-log',
      command: commandOf(m[1]!),
      // The client our smtpd refused (the sender's server), not a destination.
      clientHost: m[2] && m[2] !== 'unknown' ? m[2] : m[3]!,
      replyCode: m[4]!,
      ...(m[5] ? { status: m[5] } : {}),
      diagnostic: `${m[4]}${m[5] ? ` ${m[5]}` : ''} ${m[6]!.trim()}`,
      diagnosticType: 'SMTP',
      ...(to ? { recipient: to.toLowerCase() } : {}),
      ...(from ? { sender: from.toLowerCase() } : {}),
      context: `client ${m[3]}`,
    };
  }
  m = POSTFIX_DELIVERY.exec(line);
  if (m && m[4] !== 'sent') {
    const relay = m[2]!.replace(/\[.*$/, '');
    return {
      origin: 'postfix-log',
      recipient: m[1]!.toLowerCase(),
      status: m[3]!,
      action: m[4] === 'deferred' ? 'delayed' : 'failed',
      diagnostic: m[5]!,
      diagnosticType: 'SMTP',
      ...(relay && relay !== 'none' ? { remoteHost: relay } : {}),
    };
  }
  if (EXIM_PREFIX.test(line)) {
    const rest = line.replace(EXIM_PREFIX, '');
    const host = EXIM_HOST.exec(rest);
    const rejected = EXIM_REJECT.exec(rest);
    if (rejected) {
      return {
        origin: 'exim-log',
        command: commandOf(rejected[1]!),
        ...(rejected[2] ? { recipient: rejected[2].toLowerCase() } : {}),
        ...(host ? { remoteHost: host[1] ?? host[2]! } : {}),
        diagnostic: rejected[3]!.trim(),
        context: host ? `client ${host[2]}` : '',
      };
    }
    const failed = EXIM_FAILED.exec(rest);
    if (failed) {
      return {
        origin: 'exim-log',
        recipient: failed[2]!.toLowerCase(),
        action: failed[1] === '**' ? 'failed' : 'delayed',
        diagnostic: failed[3]!.trim(),
      };
    }
  }
  return null;
}
