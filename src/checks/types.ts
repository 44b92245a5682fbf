/** The vocabulary of a check: codes, severities and one result. */
import type { Msg } from './message.js';

export const SEVERITIES = ['CRIT', 'WARN', 'UNKNOWN', 'INFO', 'OK'] as const;
/** CRIT: mail is or will be refused. WARN: a risk. UNKNOWN: we could not tell (never a pass or a fail). */
export type CheckSeverity = (typeof SEVERITIES)[number];

export const CHECK_CODES = [
  'DNS_RESOLVE', 'NS_COUNT', 'MX_PRESENT', 'MX_HYGIENE', 'MX_OURS', 'MX_SMTP', 'MX_POSTMASTER',
  'SPF_PRESENT', 'SPF_SYNTAX', 'SPF_LOOKUPS', 'SPF_ALL', 'SPF_BROAD', 'SPF_DEPRECATED', 'SPF_OURS', 'SPF_MATCH',
  'DMARC_PRESENT', 'DMARC_POLICY', 'DMARC_RUA', 'DMARC_ALIGN', 'DKIM_SELECTORS', 'DKIM_KEY',
  'MTA_STS', 'TLSRPT', 'DNSSEC_DANE', 'BIMI', 'DOMAIN_BL',
  'IP_SCOPE', 'IP_PTR', 'IP_FCRDNS', 'IP_PTR_GENERIC', 'IP_HELO', 'IP_BANNER', 'IP_DNSBL', 'DNSBL_HEALTH', 'IP_ASN',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** A catalogue entry a result explains (looked up at run time). */
export interface CatalogLink {
  id: string;
  title: string;
}

export interface CheckResult {
  code: CheckCode;
  severity: CheckSeverity;
  /** One sentence: what is wrong, or that it is fine. */
  verdict: string;
  /** The records and answers the verdict rests on. */
  evidence: string;
  /** What to do about it; empty when nothing needs doing. */
  fix: string;
  /** What the result is about when a code repeats (an MX IP, a DKIM selector, a DNSBL zone). */
  subject?: string;
  /** Catalogue entries this result explains (a bounce it causes). */
  catalog?: CatalogLink[];
}

export type TargetKind = 'domain' | 'ip';

/** The `--json` contract: exactly these keys at the top level. */
export interface CheckReport {
  target: string;
  kind: TargetKind;
  elapsedMs: number;
  results: CheckResult[];
}

/** A result as the checks build it: verdict and fix are messages, rendered into a language at the end. */
export interface PendingResult extends Omit<CheckResult, 'verdict' | 'fix' | 'catalog'> {
  verdict: Msg;
  fix?: Msg;
}

export function result(
  code: CheckCode,
  severity: CheckSeverity,
  verdict: Msg,
  evidence = '',
  fix?: Msg,
  subject?: string,
): PendingResult {
  return { code, severity, verdict, evidence, ...(fix ? { fix } : {}), ...(subject ? { subject } : {}) };
}

const RANK: Record<CheckSeverity, number> = { CRIT: 0, WARN: 1, UNKNOWN: 2, INFO: 3, OK: 4 };

/** Worst first; a stable order within one severity (by code order, then subject). */
export function sortResults<T extends Pick<CheckResult, 'code' | 'severity' | 'subject'>>(results: T[]): T[] {
  const codeIndex = (c: CheckCode) => CHECK_CODES.indexOf(c);
  return [...results].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      codeIndex(a.code) - codeIndex(b.code) ||
      (a.subject ?? '').localeCompare(b.subject ?? ''),
  );
}
