/**
 * Records from a whole message: ARF feedback reports, Amazon SES notifications,
 * Hotmail complaints, RFC 3464 reports (with the readable part's words),
 * Apple unsubscribes, auto-replies, list-server refusals, and the readable
 * text of every other MTA's report.
 */
import { joinPresent } from '../normalize.js';
import type { BounceRecord } from '../types.js';
import { parseSesNotification } from './amazon-ses.js';
import { parseFeedbackReport } from './arf.js';
import { hasDsnFields, parseDsnFields } from './dsn-fields.js';
import { header, readMessage, type ReadMessage } from './message.js';
import type { ParsedInput } from './index.js';
import { BOUNCE_WORDS, enrich, fromDsn, fromText, humanByRecipient, humanText, withContext } from './records.js';
import { cutOriginal, firstAddress, splitOriginal } from './text-scan.js';

const BOUNCE_SUBJECT = /\b(?:error sending|undeliver\w*|delivery (?:status|failure|failed|notification|report|has failed)|returned mail|mail delivery|failure notice|non[- ]?delivery|could not be delivered|delivery problem|rejected|returned to sender|nondeliverable|not delivered|bounce|delivery incomplete|warning: message|mail system error|permanent error)\b/i;
const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mail\.?delivery|maildelivery|bounce|bounces|double-bounce)(?:[^@]*@|$)/i;
const AUTO_REPLY_SUBJECT = /\b(?:out of (?:the )?office|auto(?:matic)?[ -]?reply|autoreply|auto:|vacation|abwesenheit|automatische antwort|r[ée]ponse automatique)\b/i;

/** Headers that name the reporting product or state the failure class; passed on as context for the catalogue. */
const VENDOR_HEADERS = ['x-powermta-bouncecategory', 'x-failed-recipients', 'x-spasign', 'x-nai-header'];

function vendorHeaders(message: ReadMessage): string {
  return VENDOR_HEADERS.flatMap((name) => (message.headers.get(name) ?? []).map((v) => `${name}: ${v}`)).join(' ');
}

/** The text before the first delivery-status field (the report's readable part when both share a part). */
export function beforeDsnFields(text: string): string {
  const at = text.search(/^(?:Reporting-MTA|Final-Recipient|Original-Recipient)\s*:/im);
  return at < 0 ? text : text.slice(0, at);
}

/** Reads one message into records; each record learns the original sender when the report names it. */
export async function parseMessage(bytes: Buffer): Promise<ParsedInput> {
  const message = await readMessage(bytes);
  // recordsOf answers with a new object: completed in place (a batch runs this unoptimised, where a spread copies key by key).
  const parsed = recordsOf(message);
  if (message.truncated) parsed.truncated = true;
  const sender = firstAddress(header(message, 'x-postfix-sender')) ?? firstAddress(/^From\s*:\s*(.+)$/im.exec(message.originalHeaders)?.[1]);
  if (sender) parsed.records = parsed.records.map((r) => (r.sender ? r : { ...r, sender }));
  return parsed;
}

function recordsOf(message: ReadMessage): ParsedInput {
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
  const originalTo =
    firstAddress(/^To\s*:\s*(.+)$/im.exec(message.originalHeaders)?.[1]) ??
    firstAddress(failedHeader) ??
    firstAddress(/^\s*To\s*:\s*(.+)$/im.exec(inlineOriginal)?.[1]);
  const listManager = /\bfml\b/i.test(header(message, 'x-mlserver') ?? ''); // fml list servers answer posts they refuse
  const signals = BOUNCE_SENDER.test(from) || BOUNCE_SUBJECT.test(subject) || /report-type=["']?(delivery-status|feedback-report)/i.test(message.contentType) || Boolean(failedHeader) || listManager;

  if (message.feedbackReports.length > 0 || /report-type=["']?feedback-report/i.test(message.contentType)) {
    const report = message.feedbackReports.join('\n') || message.body;
    return { kind: 'message', records: parseFeedbackReport(report, human, message.originalHeaders), looksLikeBounce: true };
  }

  const ses = parseSesNotification(message.body);
  if (ses && ses.length) return { kind: 'message', records: ses.map(enrich), looksLikeBounce: true };

  // Hotmail/Outlook.com complaints (JMRP): the reported message is attached, its recipient in a header.
  const hotmailRecipient = firstAddress(/^X-HmXmrOriginalRecipient\s*:\s*(.+)$/im.exec(message.originalHeaders || message.body)?.[1]);
  if (hotmailRecipient && /complaint/i.test(subject)) {
    return { kind: 'message', records: [{ origin: 'arf', presetReason: 'feedback', feedbackType: 'abuse', recipient: hotmailRecipient, diagnostic: subject.trim() }], looksLikeBounce: true };
  }

  const dsnText = message.deliveryStatus.length ? [message.body, ...message.deliveryStatus].join('\n') : message.body;
  if (hasDsnFields(dsnText)) {
    const report = parseDsnFields(dsnText);
    const humanPart = cutOriginal(beforeDsnFields(message.body));
    const byRecipient = humanByRecipient(humanPart || human, exclude);
    const groups = report.recipients.filter((r) => r.finalRecipient || r.originalRecipient || r.status || r.diagnostic);
    const wholeHuman = humanText(humanPart || human);
    const records = withContext(
      groups
        .map((r) => fromDsn(r, report.reportingMta, byRecipient))
        // One recipient and no words for it: the readable part is all the report says about it.
        .map((r) => (groups.length === 1 && !r.diagnostic && wholeHuman ? { ...r, diagnostic: wholeHuman } : r))
        // One recipient: the whole readable part is about it, and a vendor's wording may stand above its address.
        .map((r) => (groups.length === 1 && wholeHuman && r.diagnostic !== wholeHuman && !r.context?.includes(wholeHuman) ? { ...r, context: joinPresent(r.context, wholeHuman) } : r)),
      vendorHeaders(message),
    ).map(enrich);
    if (records.length) return { kind: 'message', records, looksLikeBounce: true };
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
    const diagnostic = humanText(human.trim().split('\n').slice(0, 8).join('\n'));
    return { kind: 'message', records: [{ origin: 'rfc3834', presetReason: 'vacation', ...(recipient ? { recipient } : {}), ...(diagnostic ? { diagnostic } : {}) }], looksLikeBounce: true };
  }

  // A list server's refusal names no failed recipient: its whole text is the diagnostic.
  const listRefusal: BounceRecord = { origin: 'list-server', ...(originalTo ? { recipient: originalTo } : {}), diagnostic: humanText(human) };
  const found = listManager ? [listRefusal] : fromText(human, exclude, 'text', failedHeader ? firstAddress(failedHeader) : originalTo);
  const records = withContext(found, vendorHeaders(message)).map(enrich);
  const withEvidence = records.filter((r) => r.replyCode || r.status || BOUNCE_WORDS.test(r.diagnostic ?? ''));
  if (!signals && withEvidence.length === 0) return { kind: 'message', records: [], looksLikeBounce: false };
  return { kind: 'message', records: signals ? records : withEvidence, looksLikeBounce: true };
}

