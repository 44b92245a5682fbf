/**
 * Building records: from RFC 3464 groups, from a report's readable text, and
 * the enrichment every record gets (reply code, status, command, remote host
 * read from its own words).
 */
import { collapseWhiteSpace, joinPresent } from '../normalize.js';
import type { BounceRecord } from '../types.js';
import type { DsnRecipient } from './dsn-fields.js';
import { findCommand, findRemoteHost, findReplyCode, findStatus, preferStatus } from './smtp-reply.js';
import { scanHumanText, type ScannedRecipient } from './text-scan.js';

/** Words that make a text without codes still read as a failure report. */
export const BOUNCE_WORDS = /\b(?:user unknown|mailbox|recipient|delivery|undeliverable|rejected|refused|blocked|blacklist|denied|relay|quota|spam|greylist|graylist|not found|does not exist|timed? ?out|unroutable|unrouteable|dnsbl|rbl|spf|dmarc|dkim|reverse dns|ptr|too many|try again later|permanent error|temporary failure)\b/i;

/** The fields enrich() fills, in the order a record gains them. */
const ENRICHED = ['replyCode', 'status', 'command', 'remoteHost'] as const;
const IS_ENRICHED = new Set<string>(ENRICHED);

/**
 * Fills reply code, status, command and remote host from the diagnostic when the record lacks them.
 * The answer has the record's fields in their order, then those it gained, none of them undefined:
 * built so rather than copied and pruned, as deleting fields makes an object a slow dictionary.
 */
export function enrich(record: BounceRecord): BounceRecord {
  const text = joinPresent(record.diagnostic, record.context);
  if (!text) return record;
  const replyCode = record.replyCode ?? (record.diagnostic ? findReplyCode(record.diagnostic) : undefined);
  const found: Pick<BounceRecord, (typeof ENRICHED)[number]> = {
    replyCode,
    status: preferStatus(record.status, record.diagnostic ? findStatus(record.diagnostic) : undefined, replyCode),
    command: record.command ?? findCommand(text),
    remoteHost: record.remoteHost ?? findRemoteHost(text),
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = IS_ENRICHED.has(key) ? found[key as keyof typeof found] : record[key as keyof BounceRecord];
    if (value !== undefined) out[key] = value;
  }
  for (const key of ENRICHED) if (!Object.hasOwn(record, key) && found[key] !== undefined) out[key] = found[key];
  return out as unknown as BounceRecord;
}

/** The readable report's own words when they hold the DSN's reply and say more ("… (in reply to RCPT TO command)"). */
function richerDiagnostic(dsn: string | undefined, human: string | undefined): string | undefined {
  if (!dsn) return human;
  if (!human) return dsn;
  const core = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const replyStart = human.search(/(?:^|\s)[245]\d\d[ -]/);
  const fromReply = replyStart >= 0 ? human.slice(replyStart).trim() : '';
  return fromReply && core(fromReply).startsWith(core(dsn).slice(0, 40)) && /\(in reply to [a-z ]+ command\)/i.test(fromReply) ? fromReply : dsn;
}

export function fromDsn(r: DsnRecipient, reportingHost: string | undefined, human: Map<string, ScannedRecipient>): BounceRecord {
  const recipient = (r.finalRecipient || r.originalRecipient)?.toLowerCase();
  const scanned = recipient ? human.get(recipient) ?? (r.originalRecipient ? human.get(r.originalRecipient.toLowerCase()) : undefined) : undefined;
  const humanText = scanned?.diagnostic;
  const diagnostic = richerDiagnostic(r.diagnostic?.trim(), humanText) || undefined;
  return {
    origin: 'rfc3464',
    ...(recipient ? { recipient } : {}),
    ...(r.action ? { action: r.action } : {}),
    ...(r.status && /^[245]\.\d{1,3}\.\d{1,3}$/.test(r.status) ? { status: r.status } : {}),
    ...(diagnostic ? { diagnostic } : {}),
    ...(r.diagnosticType ? { diagnosticType: r.diagnosticType } : {}),
    ...(r.remoteMta ? { remoteHost: r.remoteMta.toLowerCase() } : {}),
    // A transcript in the readable part (">>> RCPT TO:<…>") says which command was answered.
    ...(scanned?.command ? { command: scanned.command } : {}),
    ...(reportingHost ? { reportingHost: reportingHost.toLowerCase() } : {}),
    ...(humanText && humanText !== diagnostic ? { context: joinPresent(humanText, r.vendor) } : r.vendor ? { context: r.vendor } : {}),
  };
}

const HUMAN_TEXT_LIMIT = 4000;

/** Lines trimmed, blank ones dropped, joined by a space, white space collapsed: all one collapse and a trim. */
function oneLine(text: string): string {
  return collapseWhiteSpace(text).trim();
}

/** The readable part as one line, white space collapsed, at most 4,000 characters. */
export function humanText(text: string): string {
  // A long text is collapsed from its head: once that yields more than the limit (and a character to spare,
  // for white space cut at the seam), the rest cannot change the first 4,000 characters.
  if (text.length > 4 * HUMAN_TEXT_LIMIT) {
    const head = oneLine(text.slice(0, 4 * HUMAN_TEXT_LIMIT));
    if (head.length > HUMAN_TEXT_LIMIT + 1) return head.slice(0, HUMAN_TEXT_LIMIT);
  }
  return oneLine(text).slice(0, HUMAN_TEXT_LIMIT);
}

export function humanByRecipient(text: string, exclude: string[]): Map<string, ScannedRecipient> {
  return new Map(scanHumanText(text, exclude).map((s) => [s.recipient ?? '', s]));
}

export function fromText(text: string, exclude: string[], origin: string, fallbackRecipient?: string): BounceRecord[] {
  const scanned = scanHumanText(text, exclude);
  if (scanned.length > 0) {
    return scanned.map((s) => ({ origin, ...(s.recipient ? { recipient: s.recipient } : {}), diagnostic: s.diagnostic, ...(s.command ? { command: s.command } : {}) }));
  }
  const diagnostic = humanText(text);
  if (!diagnostic) return [];
  return [{ origin, ...(fallbackRecipient ? { recipient: fallbackRecipient } : {}), diagnostic }];
}

/** Appends text (vendor headers) to each record's context. */
export function withContext(records: BounceRecord[], extra: string): BounceRecord[] {
  return extra ? records.map((r) => ({ ...r, context: joinPresent(r.context, extra) })) : records;
}
