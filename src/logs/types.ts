/** What the log ingester reads out of one rejection line. */

export type LogFormat = 'spamdyke' | 'postfix' | 'exim';
export const LOG_FORMATS: readonly LogFormat[] = ['spamdyke', 'postfix', 'exim'];

/** Which way the refused mail was going: `in` = our MX refused it, `out` = a remote server refused ours. */
export type Direction = 'in' | 'out';

/** One rejection, as counted. */
export interface RejectEvent {
  /** Milliseconds since the epoch (UTC). */
  time: number;
  server: string;
  /** Catalogue entry id, when the catalogue knows the text or code. */
  entry: string | null;
  /** Reason from the catalogue's taxonomy (blocked, greylisted, userunknown …). */
  reason: string;
  /** The blocklist zone (zen.spamhaus.org) when the reject names one. */
  detail?: string;
  /** Grouping key used in counts and alerts: reason, `:detail` when set, `out.` prefix for outbound. */
  key: string;
  direction: Direction;
  ip?: string;
  senderDomain?: string;
  recipientDomain?: string;
  /** Recipient address (inbound only), for the top-recipients list. */
  recipient?: string;
  /** Raw `source:code` for drill-down (spamdyke:DENIED_RBL_MATCH, postfix:554 5.7.1). */
  code?: string;
}

/** A rejection as a format parser sees it, before classification. */
export interface RawReject {
  time: number;
  host?: string;
  direction: Direction;
  /** The reply text (without code), as the remote side saw it. */
  text: string;
  replyCode?: string;
  enhancedCode?: string;
  /** SMTP command the reject answered (CONN, EHLO, HELO, MAIL, RCPT, DATA), when the line says. */
  command?: string;
  /** A code that names the reason exactly (spamdyke DENIED_RBL_MATCH). */
  logCode?: string;
  /** Blocklist zone already known from the format (spamdyke `reason:`). */
  zone?: string;
  ip?: string;
  from?: string;
  to?: string;
}

/**
 * What a parser says about one line: a rejection, a line of the format that is
 * not a rejection (`other`), or a line it cannot read at all (`skip`).
 */
export type LineResult = RawReject | 'other' | 'skip';
