/**
 * spamdyke lines (`CODE from: … to: … origin_ip: … origin_rdns: … auth: …
 * [encryption: …] [reason: …]`). Only DENIED_* codes are rejections; spamdyke
 * logs one line per recipient, so lines are counted, not connections. The
 * optional `reason:` is free-form: a blocklist zone is kept when it names one.
 */
import type { LogClock } from './clock.js';
import { looksLikeSyslog, parseEnvelope } from './syslog.js';
import type { LineResult } from './types.js';

const SPAMDYKE = /^([A-Z_]+) from: (\S+) to: (\S+) origin_ip: (\S+) origin_rdns: (\S+) auth: (\S+)(?: encryption: (\S+))?(?: reason: (.+))?$/;
const ZONE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?$/i;

export function spamdykeCandidate(line: string): boolean {
  return line.includes(' origin_ip: ');
}

export function parseSpamdykeLine(line: string, clock: LogClock): LineResult {
  if (!spamdykeCandidate(line)) return looksLikeSyslog(line) ? 'other' : 'skip';
  const env = parseEnvelope(line, clock);
  if (!env) return 'skip';
  if (!env.prog.startsWith('spamdyke')) return 'other';
  const m = SPAMDYKE.exec(env.msg);
  if (!m) return 'skip';
  const code = m[1]!;
  if (!code.startsWith('DENIED_')) return 'other';
  const known = (v: string | undefined) => (v && v !== '(unknown)' && v !== '(empty)' ? v : undefined);
  const reason = known(m[8]?.trim());
  const zone = reason && ZONE.test(reason) && /RBL|RHSBL|DNSBL/.test(code) ? reason.replace(/\.$/, '').toLowerCase() : undefined;
  const ip = known(m[4]);
  const from = known(m[2]);
  const to = known(m[3]);
  return {
    time: env.time,
    host: env.host,
    direction: 'in',
    logCode: code,
    text: reason ?? code,
    ...(zone ? { zone } : {}),
    ...(ip ? { ip } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}
