/** The catalogue's vocabulary: what a rejection means, who acts, what to do. */
import type { Localized } from '../core/lang.js';

export const CATEGORIES = ['temporary', 'rejected', 'accepted'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Sisimai 5's reason names plus `greylisted`, one fixed taxonomy shared by the
 * explainer, the log ingester and the digest.
 */
export const REASONS = [
  'authfailure', 'badreputation', 'blocked', 'contenterror', 'delivered', 'exceedlimit',
  'expired', 'failedstarttls', 'feedback', 'filtered', 'greylisted', 'hasmoved', 'hostunknown',
  'mailboxfull', 'mailererror', 'mesgtoobig', 'networkerror', 'norelaying', 'notaccept',
  'notcompliantrfc', 'onhold', 'policyviolation', 'rejected', 'requireptr', 'securityerror',
  'spamdetected', 'speeding', 'suspend', 'syntaxerror', 'systemerror', 'systemfull',
  'toomanyconn', 'undefined', 'userunknown', 'vacation', 'virusdetected',
] as const;
export type Reason = (typeof REASONS)[number];

export const ACTORS = ['sender', 'recipient-admin', 'our-support', 'nobody'] as const;
export type ActorRole = (typeof ACTORS)[number];

/** What the bot can offer after an explanation. */
export type FollowUp =
  | { kind: 'check'; target: 'ip' | 'domain' | 'sender-domain' | 'recipient-domain' | 'zone' }
  | { kind: 'allow'; list: 'sender' | 'ip' | 'domain' }
  | { kind: 'release' }
  | { kind: 'quarantine-search' };

export interface EntryMatch {
  /** Reply texts, matched as case-insensitive substrings after whitespace is collapsed. */
  texts: string[];
  /** Log codes that name the entry exactly (spamdyke DENIED_RBL_MATCH, Microsoft S3150, Yahoo TSS04). */
  logCodes: string[];
  /** Enhanced status codes (RFC 3463), `5.7.1`; `X.7.1` matches any class. */
  enhancedCodes: string[];
  /** Regular expressions (case-insensitive), checked for linear-time safety at load. */
  patterns: string[];
  /** Restricts the entry to replies whose SMTP code is one of these (e.g. `550`, `4xx`). */
  replyCodes: string[];
  /** Restricts the entry to bounces whose remote/reporting host or recipient domain matches one of these regexes. */
  hosts: string[];
  /** Restricts the entry to replies given to one of these SMTP commands (CONN, EHLO, MAIL, RCPT, DATA …). */
  commands: string[];
}

export interface CatalogEntry {
  /** Stable id, `<source>.<slug>`; never reused for another meaning. */
  id: string;
  source: string;
  category: Category;
  reason: Reason;
  actor: ActorRole;
  /** Whether the sending server will retry on its own; defaults from the category. */
  temporary: boolean;
  title: Localized;
  explanation: Localized;
  remedy: Localized;
  match: EntryMatch;
  followUp: FollowUp[];
  references: string[];
  /** Texts that must be classified as this entry (checked by test/catalog.test.ts). */
  examples: string[];
  /** Breaks ties between entries with the same evidence (higher wins). */
  priority: number;
  /** How strong a text match of this source is: its own filter's exact text, a provider's, or generic wording. */
  tier: SourceTier;
}

export type SourceTier = 'own' | 'provider' | 'generic' | 'standard';

/** One catalogue file: a source of entries with its tier and provenance. */
export interface CatalogSource {
  source: string;
  tier: SourceTier;
  description: string;
  origin: string[];
  file: string;
}
