/**
 * From raw input to records: recognises the form (whole message, RFC 3464
 * report, ARF, auto-reply, log lines, SMTP replies, a report's readable text)
 * and reads one record per recipient. Classification happens elsewhere.
 */
import type { BounceRecord, InputKind } from '../types.js';
import { parseFeedbackReport } from './arf.js';
import { hasDsnFields, parseDsnFields, type DsnRecipient } from './dsn-fields.js';
import type { DecodedInput } from './input.js';
import { parseLogLine } from './log-line.js';
import { header, readMessage, type ReadMessage } from './message.js';
import { findCommand, findRemoteHost, findReplyCode, findStatus, preferStatus, unfoldReplies } from './smtp-reply.js';
import { parseSesNotification } from './amazon-ses.js';
import { cutOriginal, firstAddress, scanHumanText, splitOriginal } from './text-scan.js';

export interface ParsedInput {
  kind: InputKind;
  records: BounceRecord[];
  /** Whether the input shows signs of being a bounce at all (sender, subject, report parts, codes). */
  looksLikeBounce: boolean;
}

const BOUNCE_SUBJECT = /\b(?:error sending|undeliver\w*|delivery (?:status|failure|failed|notification|report|has failed)|returned mail|mail delivery|failure notice|non[- ]?delivery|could not be delivered|delivery problem|rejected|returned to sender|nondeliverable|not delivered|bounce|delivery incomplete|warning: message|mail system error|permanent error)\b/i;
const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mail\.?delivery|maildelivery|bounce|bounces|double-bounce)(?:[^@]*@|$)/i;
const AUTO_REPLY_SUBJECT = /\b(?:out of (?:the )?office|auto(?:matic)?[ -]?reply|autoreply|auto:|vacation|abwesenheit|automatische antwort|r[ée]ponse automatique)\b/i;
const BOUNCE_WORDS = /\b(?:user unknown|mailbox|recipient|delivery|undeliverable|rejected|refused|blocked|blacklist|denied|relay|quota|spam|greylist|graylist|not found|does not exist|timed? ?out|unroutable|unrouteable|dnsbl|rbl|spf|dmarc|dkim|reverse dns|ptr|too many|try again later|permanent error|temporary failure)\b/i;

/** Headers that name the reporting product or state the failure class; passed on as context for the catalogue. */
const VENDOR_HEADERS = ['x-powermta-bouncecategory', 'x-failed-recipients', 'x-spasign', 'x-nai-header'];

function vendorHeaders(message: ReadMessage): string {
  return VENDOR_HEADERS.flatMap((name) => (message.headers.get(name) ?? []).map((v) => `${name}: ${v}`)).join(' ');
}

/** Fills reply code, status, command and remote host from the diagnostic when the record lacks them. */
function enrich(record: BounceRecord): BounceRecord {
  const text = [record.diagnostic, record.context].filter(Boolean).join(' ');
  if (!text) return record;
  const out = { ...record };
  out.replyCode ??= record.diagnostic ? findReplyCode(record.diagnostic) : undefined;
  out.status = preferStatus(record.status, record.diagnostic ? findStatus(record.diagnostic) : undefined, out.replyCode);
  out.command ??= findCommand(text);
  out.remoteHost ??= findRemoteHost(text);
  for (const key of Object.keys(out) as Array<keyof BounceRecord>) if (out[key] === undefined) delete out[key];
  return out;
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

function fromDsn(r: DsnRecipient, reportingHost: string | undefined, human: Map<string, string>): BounceRecord {
  const recipient = (r.finalRecipient || r.originalRecipient)?.toLowerCase();
  const humanText = recipient ? human.get(recipient) ?? (r.originalRecipient ? human.get(r.originalRecipient.toLowerCase()) : undefined) : undefined;
  const diagnostic = richerDiagnostic(r.diagnostic?.trim(), humanText) || undefined;
  return {
    origin: 'rfc3464',
    ...(recipient ? { recipient } : {}),
    ...(r.action ? { action: r.action } : {}),
    ...(r.status && /^[245]\.\d{1,3}\.\d{1,3}$/.test(r.status) ? { status: r.status } : {}),
    ...(diagnostic ? { diagnostic } : {}),
    ...(r.diagnosticType ? { diagnosticType: r.diagnosticType } : {}),
    ...(r.remoteMta ? { remoteHost: r.remoteMta.toLowerCase() } : {}),
    ...(reportingHost ? { reportingHost: reportingHost.toLowerCase() } : {}),
    ...(humanText && humanText !== diagnostic ? { context: [humanText, r.vendor].filter(Boolean).join(' ') } : r.vendor ? { context: r.vendor } : {}),
  };
}

/** The readable part as one line, without the MTA's greeting boilerplate. */
function humanText(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 4000);
}

function humanByRecipient(text: string, exclude: string[]): Map<string, string> {
  return new Map(scanHumanText(text, exclude).map((s) => [s.recipient ?? '', s.diagnostic]));
}

function fromText(text: string, exclude: string[], origin: string, fallbackRecipient?: string): BounceRecord[] {
  const scanned = scanHumanText(text, exclude);
  if (scanned.length > 0) {
    return scanned.map((s) => ({ origin, ...(s.recipient ? { recipient: s.recipient } : {}), diagnostic: s.diagnostic, ...(s.command ? { command: s.command } : {}) }));
  }
  const diagnostic = text.trim().split('\n').filter((l) => l.trim()).join(' ').replace(/\s+/g, ' ');
  if (!diagnostic) return [];
  return [{ origin, ...(fallbackRecipient ? { recipient: fallbackRecipient } : {}), diagnostic }];
}

function withSender(records: BounceRecord[], sender: string | undefined): BounceRecord[] {
  return sender ? records.map((r) => (r.sender ? r : { ...r, sender })) : records;
}

async function parseMessage(bytes: Buffer): Promise<ParsedInput> {
  const parsed = await parseMessageRecords(bytes);
  return { ...parsed, records: withSender(parsed.records, parsed.sender) };
}

async function parseMessageRecords(bytes: Buffer): Promise<ParsedInput & { sender?: string }> {
  const message: ReadMessage = await readMessage(bytes);
  const from = message.from.toLowerCase();
  const subject = message.subject;
  const { report: human, original: inlineOriginal } = splitOriginal(message.body);
  const originalBlock = message.originalHeaders || inlineOriginal;
  const exclude = [
    from,
    firstAddress(header(message, 'x-postfix-sender')),
    firstAddress(/^From\s*:\s*(.+)$/im.exec(originalBlock)?.[1]),
    firstAddress(/^Return-path\s*:\s*(.+)$/im.exec(originalBlock)?.[1]),
  ].filter((a): a is string => Boolean(a));
  const failedHeader = header(message, 'x-failed-recipients');
  const originalSender = firstAddress(header(message, 'x-postfix-sender')) ?? firstAddress(/^From\s*:\s*(.+)$/im.exec(message.originalHeaders)?.[1]);
  const originalTo =
    firstAddress(/^To\s*:\s*(.+)$/im.exec(message.originalHeaders)?.[1]) ??
    firstAddress(failedHeader) ??
    firstAddress(/^\s*To\s*:\s*(.+)$/im.exec(inlineOriginal)?.[1]);
  const listManager = /\bfml\b/i.test(header(message, 'x-mlserver') ?? ''); // fml list servers answer posts they refuse
  const signals = BOUNCE_SENDER.test(from) || BOUNCE_SUBJECT.test(subject) || /report-type=["']?(delivery-status|feedback-report)/i.test(message.contentType) || Boolean(failedHeader) || listManager;

  if (message.feedbackReports.length > 0 || /report-type=["']?feedback-report/i.test(message.contentType)) {
    const report = message.feedbackReports.join('\n') || message.body;
    return { kind: 'message', records: parseFeedbackReport(report, human, message.originalHeaders), looksLikeBounce: true, ...(originalSender ? { sender: originalSender } : {}) };
  }

  const ses = parseSesNotification(message.body);
  if (ses && ses.length) return { kind: 'message', records: ses.map(enrich), looksLikeBounce: true };

  // Hotmail/Outlook.com complaints (JMRP): the reported message is attached, its recipient in a header.
  const hotmailRecipient = firstAddress(/^X-HmXmrOriginalRecipient\s*:\s*(.+)$/im.exec(message.originalHeaders || message.body)?.[1]);
  if (hotmailRecipient && /complaint/i.test(subject)) {
    return { kind: 'message', records: [{ origin: 'arf', presetReason: 'feedback', feedbackType: 'abuse', recipient: hotmailRecipient, diagnostic: subject.trim() }], looksLikeBounce: true };
  }

  const dsnText = [message.body, ...message.deliveryStatus].join('\n');
  if (hasDsnFields(dsnText)) {
    const report = parseDsnFields(dsnText);
    const humanPart = cutOriginal(message.body.split(/^(?:Reporting-MTA|Final-Recipient|Original-Recipient)\s*:/im)[0] ?? '');
    const byRecipient = humanByRecipient(humanPart || human, exclude);
    const vendor = vendorHeaders(message);
    const groups = report.recipients.filter((r) => r.finalRecipient || r.originalRecipient || r.status || r.diagnostic);
    const wholeHuman = humanText(humanPart || human);
    const records = groups
      .map((r) => fromDsn(r, report.reportingMta, byRecipient))
      // One recipient and no words for it: the readable part is all the report says about it.
      .map((r) => (groups.length === 1 && !r.diagnostic && wholeHuman ? { ...r, diagnostic: wholeHuman } : r))
      .map((r) => (vendor ? { ...r, context: [r.context, vendor].filter(Boolean).join(' ') } : r))
      .map(enrich);
    if (records.length) return { kind: 'message', records, looksLikeBounce: true, ...(originalSender ? { sender: originalSender } : {}) };
  }

  // Apple Mail's one-click unsubscribe arrives as an auto-reply; it is the recipient's complaint, not an absence.
  if (/^true$/i.test(header(message, 'x-apple-unsubscribe') ?? '')) {
    return { kind: 'message', records: [{ origin: 'arf', presetReason: 'feedback', feedbackType: 'unsubscribe', ...(from ? { recipient: from } : {}), diagnostic: subject.trim() || 'unsubscribe' }], looksLikeBounce: true };
  }

  const autoSubmitted = header(message, 'auto-submitted') ?? '';
  const autoReply = /auto-replied/i.test(autoSubmitted) || Boolean(header(message, 'x-autoreply') || header(message, 'x-autorespond')) || AUTO_REPLY_SUBJECT.test(subject);
  // Mail systems mark their bounces auto-replied too: only a reply that is not a bounce is an auto-reply.
  if (autoReply && !BOUNCE_SENDER.test(from) && !BOUNCE_SUBJECT.test(subject)) {
    const recipient = from && !/^(?:mailer-daemon|postmaster)@/i.test(from) ? from : undefined;
    const diagnostic = human.trim().split('\n').filter((l) => l.trim()).slice(0, 5).join(' ').replace(/\s+/g, ' ');
    return { kind: 'message', records: [{ origin: 'rfc3834', presetReason: 'vacation', ...(recipient ? { recipient } : {}), ...(diagnostic ? { diagnostic } : {}) }], looksLikeBounce: true };
  }

  const vendor = vendorHeaders(message);
  // A list server's refusal names no failed recipient: its whole text is the diagnostic.
  const listRefusal: BounceRecord = { origin: 'list-server', ...(originalTo ? { recipient: originalTo } : {}), diagnostic: humanText(human) };
  const records = (listManager ? [listRefusal] : fromText(human, exclude, 'text', failedHeader ? firstAddress(failedHeader) : originalTo))
    .map((r) => (vendor ? { ...r, context: [r.context, vendor].filter(Boolean).join(' ') } : r))
    .map(enrich);
  const withEvidence = records.filter((r) => r.replyCode || r.status || BOUNCE_WORDS.test(r.diagnostic ?? ''));
  if (!signals && withEvidence.length === 0) return { kind: 'message', records: [], looksLikeBounce: false };
  return { kind: 'message', records: signals ? records : withEvidence, looksLikeBounce: true, ...(originalSender ? { sender: originalSender } : {}) };
}

function parseText(text: string): ParsedInput {
  if (hasDsnFields(text)) {
    const report = parseDsnFields(text);
    const human = humanByRecipient(text.split(/^(?:Reporting-MTA|Final-Recipient|Original-Recipient)\s*:/im)[0] ?? '', []);
    const records = report.recipients.map((r) => enrich(fromDsn(r, report.reportingMta, human)));
    return { kind: 'dsn', records, looksLikeBounce: true };
  }
  const lines = text.split('\n').filter((l) => l.trim());
  const logRecords = lines.map(parseLogLine).filter((r): r is BounceRecord => r !== null);
  if (logRecords.length > 0 && logRecords.length >= lines.length / 2) {
    return { kind: 'log-line', records: logRecords.map(enrich), looksLikeBounce: true };
  }
  const unfolded = unfoldReplies(cutOriginal(text));
  const isReply = /^\s*[245]\d\d[ -]/.test(unfolded) && unfolded.trim().split('\n').length <= 3;
  const records = fromText(unfolded, [], isReply ? 'smtp-reply' : 'text').map(enrich);
  const evidence = records.some((r) => r.replyCode || r.status || BOUNCE_WORDS.test(r.diagnostic ?? ''));
  return { kind: isReply ? 'smtp-reply' : 'text', records: evidence ? records : [], looksLikeBounce: evidence };
}

/** An mbox holds several messages, each starting with a "From " line followed by headers. */
export function splitMbox(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  if (!text.startsWith('From ')) return [bytes];
  const starts = [0];
  const separator = /\n\nFrom [^\n]{0,500}\n(?=[A-Za-z][A-Za-z0-9-]{0,76}:)/g;
  for (const m of text.matchAll(separator)) starts.push(m.index + 2);
  return starts.map((start, i) => bytes.subarray(start, starts[i + 1] ?? bytes.length));
}

export async function parseInput(input: DecodedInput): Promise<ParsedInput> {
  if (input.shape === 'empty') return { kind: 'empty', records: [], looksLikeBounce: false };
  if (input.shape === 'binary') return { kind: 'binary', records: [], looksLikeBounce: false };
  if (input.shape === 'message') {
    const parts = await Promise.all(splitMbox(input.bytes).map(parseMessage));
    return { kind: 'message', records: parts.flatMap((p) => p.records), looksLikeBounce: parts.some((p) => p.looksLikeBounce) };
  }
  return parseText(input.text);
}
