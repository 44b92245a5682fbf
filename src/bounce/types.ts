/** What the explainer reads out of a bounce, before and after classification. */
import type { ActorRole, Category, Reason } from '../catalog/types.js';

/** The kind of text that was pasted or uploaded. */
export type InputKind = 'message' | 'dsn' | 'smtp-reply' | 'log-line' | 'text' | 'empty' | 'binary';

/**
 * One failed (or delivered) recipient as read from the text — the fields a
 * person would look at. Nothing is invented: a field the text does not hold
 * stays undefined.
 */
export interface BounceRecord {
  /**
   * Pasted by a person on its own (a reply line or a few lines), not read from a whole bounce: the
   * SMTP command is then unknown rather than absent, and user-unknown wording means what it says.
   */
  pasted?: boolean;
  recipient?: string;
  /** RFC 3464 Action: failed, delayed, delivered, relayed, expanded. */
  action?: string;
  /** Enhanced status code, class.subject.detail (from Status: or the reply text). */
  status?: string;
  /** Three-digit SMTP reply code. */
  replyCode?: string;
  /** The diagnostic text: the remote server's reply, or the reporting MTA's words. */
  diagnostic?: string;
  /** Diagnostic-Code type (SMTP, X-UNIX, X-POSTFIX …), upper case. */
  diagnosticType?: string;
  /** The SMTP command the reply answered (CONN, EHLO, HELO, MAIL, RCPT, DATA). */
  command?: string;
  /** The server that refused (Remote-MTA or the host named in the text). */
  remoteHost?: string;
  /** The server that wrote the report (Reporting-MTA). */
  reportingHost?: string;
  /**
   * The connecting client our own filter refused (a spamdyke or Postfix smtpd log line): the
   * sender's server, its rDNS name or IP — not a destination, so never the remote host.
   */
  clientHost?: string;
  /** Which parser recognised the format (rfc3464, arf, qmail, exim, sendmail, postfix-log …). */
  origin: string;
  /** A reason the format itself states (ARF feedback, auto-reply) — wins over text matching. */
  presetReason?: Reason;
  /** ARF Feedback-Type. */
  feedbackType?: string;
  /** Log code (spamdyke DENIED_…), when the input is a log line. */
  logCode?: string;
  /** The original message's sender, when the report names it (for allow-list follow-ups). */
  sender?: string;
  /** Extra text found around the recipient (the human-readable part), used for matching. */
  context?: string;
}

export interface Extracted {
  replyCode: string | null;
  enhancedCode: string | null;
  diagnostic: string | null;
  remoteHost: string | null;
  ips: string[];
  domains: string[];
  zone: string | null;
}

export type Confidence = 'high' | 'medium' | 'low';

/** How the match was found, strongest first. */
export type Evidence = 'own-text' | 'provider-text' | 'pattern' | 'reason' | 'enhanced-code' | 'reply-class';

export interface Match {
  id: string;
  source: string;
  title: string;
  category: Category;
  reason: Reason;
  temporary: boolean;
  actor: ActorRole;
  confidence: Confidence;
  evidence: Evidence;
}

export interface Alternative {
  id: string;
  reason: Reason;
  confidence: Confidence;
}

export interface ExplainedRecipient {
  recipient: string | null;
  match: Match | null;
  alternatives: Alternative[];
  extracted: Extracted;
  /** The record the parser read; kept for renderers and the eval. */
  record: BounceRecord;
}

export interface Explanation {
  bounce: boolean;
  kind: InputKind;
  results: ExplainedRecipient[];
}
