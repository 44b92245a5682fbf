/**
 * Classifies a rejection with the SAME catalogue the explainer uses.
 *
 * The reply text goes through a `ReplyClassifier`, a small interface; the
 * default is the explainer's own classifier (src/bounce/classify.ts). Log codes
 * (spamdyke DENIED_…) are looked up in the catalogue's `logCodes`. When the
 * catalogue has nothing better than a bare status code, an ordered keyword list
 * (after pflogsumm's and the notes' taxonomy) names the reason, so every event
 * has one. A blocklist zone found in the text is kept as the event's detail
 * and in its grouping key (`blocked:zen.spamhaus.org`).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CatalogEntry } from '../catalog/types.js';
import { createClassifier } from '../bounce/classifier-index.js';
import type { BounceRecord } from '../bounce/types.js';
import type { RawReject } from './types.js';

export interface ReplyClassification {
  id: string;
  reason: string;
  confidence?: 'high' | 'medium' | 'low';
}

/** Classifies a reply text (with its SMTP and enhanced codes and the SMTP command it answered, when known). */
export type ReplyClassifier = (text: string, replyCode?: string, enhancedCode?: string, command?: string) => ReplyClassification | null;

export interface LineClass {
  entry: string | null;
  reason: string;
  detail?: string;
  key: string;
}

const ZONE =
  /(?:blocked using|listed (?:at|in|on|by(?: domain)?)|found in (?:dnsbl|rbl)|black ?list(?:ed)? at|rejected by (?:dnsbl|rbl)|dnsbl(?:=| check failed:)) ?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;

/** spamdyke codes the catalogue may not list yet, mapped onto the taxonomy. */
const SPAMDYKE_REASONS: Record<string, string> = {
  DENIED_RBL_MATCH: 'blocked', DENIED_RHSBL_MATCH: 'blocked', DENIED_GRAYLISTED: 'greylisted',
  DENIED_RDNS_MISSING: 'requireptr', DENIED_RDNS_RESOLVE: 'requireptr', DENIED_IP_IN_RDNS: 'blocked',
  DENIED_IP_IN_CC_RDNS: 'blocked', DENIED_EARLYTALKER: 'notcompliantrfc', DENIED_BLACKLIST_IP: 'blocked',
  DENIED_BLACKLIST_NAME: 'blocked', DENIED_SENDER_BLACKLISTED: 'rejected', DENIED_RECIPIENT_BLACKLISTED: 'filtered',
  DENIED_SENDER_NO_MX: 'rejected', DENIED_RELAYING: 'norelaying', DENIED_ACCESS_DENIED: 'blocked',
  DENIED_TOO_MANY_RECIPIENTS: 'exceedlimit', DENIED_UNQUALIFIED_RECIPIENT: 'syntaxerror',
  DENIED_ZERO_RECIPIENTS: 'syntaxerror', DENIED_AUTH_REQUIRED: 'securityerror', DENIED_REJECT_ALL: 'rejected',
  DENIED_IDENTICAL_SENDER_RECIPIENT: 'rejected', DENIED_OTHER: 'userunknown',
};

/** Ordered keyword rules for texts the catalogue does not know; first match wins. */
const KEYWORDS: Array<[RegExp, string]> = [
  [/blocked using|listed (?:at|in|on|by)|dnsbl|\brbl\b|black ?list|spamhaus|spamcop|barracuda/i, 'blocked'],
  [/greylist|graylist|try again later|deferred due to/i, 'greylisted'],
  [/user unknown|unknown user|no such (?:user|mailbox)|mailbox (?:unavailable|not found)|unrouteable address|invalid recipient|recipient unknown|does not exist/i, 'userunknown'],
  [/relay (?:access )?denied|relay not permitted|relaying denied|not permitted to relay|unable to relay/i, 'norelaying'],
  [/reverse (?:hostname|dns)|cannot find your hostname|\bptr\b|rdns/i, 'requireptr'],
  [/helo command rejected|\bhelo\b|\behlo\b/i, 'notcompliantrfc'],
  [/\bspf\b/i, 'authfailure'],
  [/\bdmarc\b|\bdkim\b/i, 'authfailure'],
  [/sender address rejected|sender domain|domain not found|sender verify failed/i, 'rejected'],
  [/virus|malware|infected/i, 'virusdetected'],
  [/mailbox (?:is )?full|over quota|quota exceeded/i, 'mailboxfull'],
  [/too (?:big|large)|size limit|message size/i, 'mesgtoobig'],
  [/too many (?:connections|recipients)|rate limit|slow down/i, 'speeding'],
  [/spam|header rejected|body rejected|content rejected|\bheader\b|\bbody\b/i, 'spamdetected'],
  [/protocol|synchronization|pipelining|syntax/i, 'syntaxerror'],
];

export class LineClassifier {
  private readonly byLogCode = new Map<string, CatalogEntry>();
  private readonly cache = new Map<string, { entry: string | null; reason: string }>();

  constructor(
    catalog: Catalog,
    private readonly classifyReply: ReplyClassifier = explainerReplyClassifier(catalog),
  ) {
    for (const entry of catalog.entries) {
      for (const code of entry.match.logCodes) {
        const seen = this.byLogCode.get(code);
        if (!seen || (seen.source !== 'spamdyke' && entry.source === 'spamdyke')) this.byLogCode.set(code, entry);
      }
    }
  }

  classify(raw: RawReject): LineClass {
    const detail = raw.zone ?? ZONE.exec(raw.text)?.[1]?.replace(/\.$/, '').toLowerCase();
    const base = raw.logCode ? this.byCode(raw.logCode, raw.text) : this.byText(raw);
    const reason = base.reason;
    const key = `${raw.direction === 'out' ? 'out.' : ''}${reason}${detail ? `:${detail}` : ''}`;
    return { entry: base.entry, reason, detail, key };
  }

  private byCode(code: string, text: string): { entry: string | null; reason: string } {
    const entry = this.byLogCode.get(code);
    if (entry) return { entry: entry.id, reason: entry.reason };
    return { entry: null, reason: SPAMDYKE_REASONS[code] ?? keywordReason(text) ?? 'rejected' };
  }

  private byText(raw: RawReject): { entry: string | null; reason: string } {
    const normal = normalise(raw.text);
    const cacheKey = `${raw.command ?? ''} ${raw.replyCode ?? ''} ${raw.enhancedCode ?? ''} ${normal}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const found = this.classifyReply(normal, raw.replyCode, raw.enhancedCode, raw.command);
    const keyword = keywordReason(normal);
    // A status code alone (low confidence) yields to a keyword; the entry is kept only when it agrees.
    const result = found && (found.confidence !== 'low' || !keyword || found.reason === keyword)
      ? { entry: found.id, reason: found.reason }
      : { entry: null, reason: keyword ?? 'undefined' };
    if (this.cache.size >= 20_000) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }
}

export function keywordReason(text: string): string | undefined {
  for (const [pattern, reason] of KEYWORDS) if (pattern.test(text)) return reason;
  return undefined;
}

/**
 * Replaces what varies per line (addresses, IPs, bracketed names, long
 * numbers) so equal reasons share one cache entry. Hand-written for speed: it
 * runs once per rejection.
 */
export function normalise(text: string): string {
  let out = text;
  if (out.includes('<')) out = out.replace(/<[^<>]*>/g, '<x>');
  if (out.includes('@')) out = replaceAddresses(out);
  return out.replace(VARYING, (found) => (found.startsWith('[') ? '[2001:db8::1]' : found.includes('.') ? '192.0.2.1' : '0000'));
}

/** IPv4 addresses, bracketed IPv6 addresses and long numbers, in one pass. */
const VARYING = /\b\d{1,3}(?:\.\d{1,3}){3}\b|\[[0-9a-f]*:[0-9a-f:.]+\]|\d{4,}/gi;

const STOP = new Set([...' \t<>"\'();,=[]']);

function replaceAddresses(text: string): string {
  let out = '';
  let from = 0;
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > from && !STOP.has(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && !STOP.has(text[end]!)) end++;
    out += text.slice(from, start) + 'user@example.com';
    from = end;
    at = text.indexOf('@', end);
  }
  return out + text.slice(from);
}

/**
 * The explainer's classifier (src/bounce/classify.ts) behind the small
 * interface: a log line's reply text, reply code and enhanced code become a
 * bounce record, so a log line and a pasted bounce get the same entry.
 */
export function explainerReplyClassifier(catalog: Catalog): ReplyClassifier {
  const classifier = createClassifier(catalog);
  return (text, replyCode, enhancedCode, command) => {
    const record: BounceRecord = {
      origin: 'log-line',
      diagnostic: text,
      ...(command ? { command } : {}),
      ...(replyCode ? { replyCode } : {}),
      ...(enhancedCode ? { status: enhancedCode } : {}),
    };
    const match = classifier.classify(record, 'en').match;
    return match ? { id: match.id, reason: match.reason, confidence: match.confidence } : null;
  };
}
