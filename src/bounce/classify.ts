/**
 * Finds the catalogue entry that explains a record, with ordered evidence:
 * own filter text › provider text › pattern › reason wording › enhanced
 * status code › reply class. The Sisimai-compatible ReasonFinder decides the
 * reason when no own or provider text settles it, so that generic answers
 * agree with the reference.
 */
import type { Catalog } from '../catalog/catalog.js';
import { REASONS, type CatalogEntry, type Reason } from '../catalog/types.js';
import { t, type Lang } from '../core/lang.js';
import { ReasonPhrases } from './reason/phrases.js';
import { ReasonFinder } from './reason/find-reason.js';
import { MATCH_TEXT_LIMIT, normalizeForMatch } from './normalize.js';
import type { Alternative, BounceRecord, Confidence, Evidence, Match } from './types.js';

const RANK: Record<Evidence, number> = {
  'own-text': 6,
  'provider-text': 5,
  pattern: 4,
  reason: 3,
  'enhanced-code': 2,
  'reply-class': 1,
};

const CONFIDENCE: Record<Evidence, Confidence> = {
  'own-text': 'high',
  'provider-text': 'high',
  pattern: 'medium',
  reason: 'medium',
  'enhanced-code': 'low',
  'reply-class': 'low',
};

/** Reasons Sisimai knows; the others (greylisted) are this project's additions. */
const SISIMAI_REASONS = new Set<Reason>(REASONS.filter((r) => r !== 'greylisted'));

export interface Candidate {
  entry: CatalogEntry;
  evidence: Evidence;
  /** Length of the matched text: a longer match is more specific. */
  strength: number;
}

export interface Classification {
  match: Match | null;
  alternatives: Alternative[];
  /** The reason decided, also when no catalogue entry carries it (onhold, undefined). */
  reason: Reason;
  candidates: Candidate[];
}

function codeFits(patternCode: string, actual: string | undefined): boolean {
  if (!actual) return false;
  if (patternCode.startsWith('X.')) return actual.slice(1) === patternCode.slice(1);
  return patternCode === actual;
}

function replyFits(pattern: string, actual: string | undefined): boolean {
  if (!actual) return false;
  return [...pattern].every((c, i) => c === 'x' || c === actual[i]);
}

export class Classifier {
  private readonly finder: ReasonFinder;
  private readonly logCodeRes = new Map<string, RegExp>();
  private readonly texts = new Map<string, string[]>();

  constructor(readonly catalog: Catalog) {
    this.finder = new ReasonFinder(new ReasonPhrases(catalog));
    for (const entry of catalog.entries) {
      this.texts.set(entry.id, entry.match.texts.map((s) => normalizeForMatch(s)));
      for (const code of entry.match.logCodes) {
        if (!this.logCodeRes.has(code)) {
          const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          this.logCodeRes.set(code, new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`));
        }
      }
    }
  }

  /** Every entry with some evidence for the record, strongest first. */
  candidates(record: BounceRecord): Candidate[] {
    const raw = [record.logCode, record.diagnostic, record.context].filter(Boolean).join(' ').slice(0, MATCH_TEXT_LIMIT * 2);
    const text = normalizeForMatch([record.diagnostic, record.context].filter(Boolean).join(' '));
    const diagnosticOnly = normalizeForMatch(record.diagnostic ?? '');
    const host = (record.remoteHost ?? record.reportingHost ?? '').toLowerCase();
    const out: Candidate[] = [];
    for (const entry of this.catalog.entries) {
      const m = entry.match;
      if (m.replyCodes.length && !m.replyCodes.some((p) => replyFits(p, record.replyCode))) continue;
      const compiled = this.catalog.compiled.get(entry.id)!;
      if (compiled.hosts.length && !compiled.hosts.some((re) => re.test(host))) continue;
      const textLevel: Evidence = entry.tier === 'own' ? 'own-text' : entry.tier === 'provider' ? 'provider-text' : 'pattern';
      let best: Candidate | null = null;
      const consider = (evidence: Evidence, strength: number) => {
        if (!best || RANK[evidence] > RANK[best.evidence] || (RANK[evidence] === RANK[best.evidence] && strength > best.strength)) {
          best = { entry, evidence, strength };
        }
      };
      for (const code of m.logCodes) if (this.logCodeRes.get(code)!.test(raw)) consider(textLevel, code.length + 100);
      const haystack = entry.tier === 'generic' ? diagnosticOnly : text;
      for (const needle of this.texts.get(entry.id)!) if (needle && haystack.includes(needle)) consider(textLevel, needle.length);
      for (const re of compiled.patterns) {
        const found = re.exec(haystack);
        if (found) consider('pattern', found[0].length);
      }
      if (m.enhancedCodes.some((c) => codeFits(c, record.status))) consider('enhanced-code', 5);
      if (!best && m.replyCodes.length && !m.texts.length && !m.logCodes.length && !m.patterns.length && !m.enhancedCodes.length) {
        consider('reply-class', 1);
      }
      if (best) out.push(best);
    }
    return out.sort(
      (a, b) =>
        RANK[b.evidence] - RANK[a.evidence] || b.entry.priority - a.entry.priority || b.strength - a.strength,
    );
  }

  classify(record: BounceRecord, lang: Lang): Classification {
    const candidates = this.candidates(record);
    const reason = this.finder.find(record);
    const top = candidates[0];
    let chosen: Candidate | undefined;
    if (top && RANK[top.evidence] >= RANK['provider-text']) {
      chosen = top;
    } else {
      const agreeing = candidates.filter((c) => c.entry.reason === reason);
      // Greylisting is ours, not Sisimai's: its wording outranks what the status code alone suggests.
      const beyondSisimai = candidates.find((c) => RANK[c.evidence] >= RANK.pattern && !SISIMAI_REASONS.has(c.entry.reason));
      const generic = this.catalog.get(`generic.${reason}`);
      const undecided = reason === 'onhold' || reason === 'undefined';
      chosen =
        beyondSisimai ??
        agreeing.find((c) => RANK[c.evidence] >= RANK.pattern) ??
        agreeing[0] ??
        (generic && !undecided ? { entry: generic, evidence: 'reason' as const, strength: 0 } : undefined) ??
        top;
    }
    const match = chosen ? this.toMatch(chosen, record, lang) : null;
    const alternatives: Alternative[] = [];
    const seen = new Set(chosen ? [chosen.entry.id] : []);
    for (const c of candidates) {
      if (alternatives.length >= 3) break;
      // Alternatives are other explanations: not the same reason again from a weaker source, not a bare reply class.
      const sameReasonWeaker = c.entry.reason === chosen?.entry.reason && (c.entry.tier === 'standard' || c.entry.tier === 'generic');
      if (seen.has(c.entry.id) || sameReasonWeaker || c.evidence === 'reply-class') continue;
      seen.add(c.entry.id);
      alternatives.push({ id: c.entry.id, reason: c.entry.reason, confidence: CONFIDENCE[c.evidence] });
    }
    return { match, alternatives, reason: match?.reason ?? reason, candidates };
  }

  private toMatch(candidate: Candidate, record: BounceRecord, lang: Lang): Match {
    const { entry, evidence } = candidate;
    const codeClass = record.status?.[0] ?? record.replyCode?.[0];
    // Standard and generic entries describe a kind of failure, not a class: the reply says whether it is temporary.
    const followsCode = (entry.tier === 'standard' || entry.tier === 'generic') && (codeClass === '4' || codeClass === '5');
    const temporary = followsCode ? codeClass === '4' : entry.temporary;
    const category = followsCode && entry.category !== 'accepted' ? (temporary ? 'temporary' : 'rejected') : entry.category;
    return {
      id: entry.id,
      source: entry.source,
      title: t(entry.title, lang),
      category,
      reason: entry.reason,
      temporary,
      actor: entry.actor,
      confidence: CONFIDENCE[evidence],
      evidence,
    };
  }
}
