/**
 * Links a check result to the catalogue entries of the bounces it explains
 * (IP_PTR ↔ Gmail 5.7.25). Entries are looked up at run time by enhanced code,
 * reason and keyword, never by id, so the catalogue can grow independently.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CatalogEntry, Reason } from '../catalog/types.js';
import type { Lang } from '../core/lang.js';
import type { CheckCode, CheckResult } from './types.js';

interface LinkRule {
  enhanced: string[];
  reasons: Reason[];
  /** Words that must appear in the entry's texts, patterns, log codes or English title (any one). */
  keywords?: string[];
}

const RULES: Partial<Record<CheckCode, LinkRule>> = {
  IP_PTR: { enhanced: ['5.7.25'], reasons: ['requireptr'] },
  IP_FCRDNS: { enhanced: ['5.7.25'], reasons: ['requireptr'] },
  IP_PTR_GENERIC: { enhanced: [], reasons: ['requireptr', 'blocked'], keywords: ['rdns', 'generic', 'dynamic', 'dialup', 'reverse dns'] },
  IP_HELO: { enhanced: [], reasons: ['blocked', 'rejected', 'notcompliantrfc', 'policyviolation'], keywords: ['helo', 'ehlo'] },
  SPF_PRESENT: { enhanced: ['5.7.23', '5.7.26', '5.7.27'], reasons: ['authfailure'] },
  SPF_SYNTAX: { enhanced: ['5.7.23', '5.7.24'], reasons: ['authfailure'] },
  SPF_LOOKUPS: { enhanced: ['5.7.24', '5.7.23'], reasons: ['authfailure'] },
  SPF_MATCH: { enhanced: ['5.7.23', '5.7.26'], reasons: ['authfailure'] },
  SPF_OURS: { enhanced: ['5.7.23', '5.7.26'], reasons: ['authfailure'] },
  DMARC_ALIGN: { enhanced: ['5.7.26'], reasons: ['authfailure'], keywords: ['dmarc'] },
  DMARC_PRESENT: { enhanced: ['5.7.26'], reasons: ['authfailure'], keywords: ['dmarc'] },
  DKIM_KEY: { enhanced: ['5.7.20', '5.7.21', '5.7.22'], reasons: ['authfailure'], keywords: ['dkim'] },
  IP_DNSBL: { enhanced: [], reasons: ['blocked', 'badreputation'], keywords: ['rbl', 'dnsbl'] },
  DOMAIN_BL: { enhanced: [], reasons: ['blocked', 'spamdetected', 'badreputation'], keywords: ['uribl', 'surbl'] },
  DNS_RESOLVE: { enhanced: ['5.1.2', '5.4.4', '4.4.3'], reasons: ['hostunknown'] },
  MX_PRESENT: { enhanced: ['5.1.2', '5.4.4'], reasons: ['hostunknown'] },
  MX_HYGIENE: { enhanced: ['5.4.4', '4.4.1'], reasons: ['hostunknown', 'networkerror'] },
  MTA_STS: { enhanced: ['4.7.5', '5.7.5'], reasons: ['failedstarttls', 'securityerror'] },
  MX_SMTP: { enhanced: [], reasons: ['failedstarttls', 'networkerror'], keywords: ['starttls', 'tls'] },
};

function codeMatches(entryCode: string, wanted: string): boolean {
  if (entryCode === wanted) return true;
  return entryCode.startsWith('X.') && entryCode.slice(2) === wanted.slice(2);
}

function haystack(entry: CatalogEntry): string {
  return [...entry.match.texts, ...entry.match.patterns, ...entry.match.logCodes, entry.title.en, entry.id].join(' ').toLowerCase();
}

const TIER_BONUS: Record<string, number> = { provider: 0.6, own: 0.5, generic: 0.2, standard: 0 };

/** The best catalogue entries for one result (at most two), or none. */
export function findEntries(catalog: Catalog, code: CheckCode, subject?: string): CatalogEntry[] {
  const rule = RULES[code];
  if (!rule) return [];
  // A DNSBL result links best to an entry that names that very list (its subject: "… Spamhaus ZEN").
  const named = subject && (code === 'IP_DNSBL' || code === 'DOMAIN_BL' || code === 'DNSBL_HEALTH')
    ? subject.toLowerCase().split(/[\s()]+/).filter((w) => /^[a-z][a-z-]{4,}$/.test(w)) : [];
  const scored = catalog.entries.map((entry) => {
    // Every link must share the reason: a matching code alone is not enough.
    if (!rule.reasons.includes(entry.reason)) return { entry, score: 0 };
    let score = 1;
    if (rule.enhanced.some((c) => entry.match.enhancedCodes.some((e) => codeMatches(e, c)))) score += 3;
    const text = rule.keywords?.length || named.length ? haystack(entry) : '';
    if (named.some((k) => text.includes(k))) score += 4;
    else if (rule.keywords?.some((k) => text.includes(k))) score += 3;
    return { entry, score: score + (TIER_BONUS[entry.tier] ?? 0) };
  });
  return scored
    .filter((s) => s.score >= 4 && s.entry.category !== 'accepted')
    .sort((a, b) => b.score - a.score || b.entry.priority - a.entry.priority)
    .slice(0, 2)
    .map((s) => s.entry);
}

/** Adds `catalog` links to results that point at a problem (CRIT/WARN). */
export function linkCatalog(results: CheckResult[], catalog: Catalog | undefined, lang: Lang): CheckResult[] {
  if (!catalog) return results;
  return results.map((r) => {
    if (r.severity !== 'CRIT' && r.severity !== 'WARN') return r;
    const entries = findEntries(catalog, r.code, r.subject);
    return entries.length ? { ...r, catalog: entries.map((e) => ({ id: e.id, title: e.title[lang] || e.title.en })) } : r;
  });
}
