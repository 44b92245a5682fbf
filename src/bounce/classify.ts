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
import { ReasonFinder } from './reason/find-reason.js';
import { joinPresent, MATCH_TEXT_LIMIT, normalizeForMatch } from './normalize.js';
import { AhoCorasick, requiredLiteral, type AutomatonData } from './aho-corasick.js';
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

/** Whether a reply code fits one of the patterns (`5xx`, `55x`, `554`). */
function replyFitsAny(patterns: readonly string[], actual: string | undefined): boolean {
  if (!actual) return false;
  for (const pattern of patterns) {
    let fits = true;
    for (let i = 0; i < pattern.length && fits; i++) fits = pattern[i] === 'x' || pattern[i] === actual[i];
    if (fits) return true;
  }
  return false;
}

function hostMatches(patterns: readonly RegExp[], hosts: readonly string[]): boolean {
  for (const re of patterns) for (const host of hosts) if (re.test(host)) return true;
  return false;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** [0-9A-Za-z_]: log codes match as whole words. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

interface Found {
  texts: Map<number, number>;
  literals: Set<number>;
}

interface IndexedEntry {
  entry: CatalogEntry;
  patterns: RegExp[];
  /**
   * Each pattern's required literal, normalised, when it is ASCII (else null): an ASCII text without
   * it cannot match. (Beyond ASCII, case-insensitive matching folds more than lower-casing does: ſ is s.)
   */
  literals: Array<string | null>;
  hosts: RegExp[];
  /** Patterns without a provable literal run on every text. */
  alwaysRun: boolean;
}

/** The Classifier's automata as data (Classifier.exportIndex). */
export interface ClassifierIndex {
  phrases: AutomatonData<{ index: number; kind: 'text' | 'literal' }>;
  logCodes: AutomatonData<number>;
}

export class Classifier {
  private readonly finder = new ReasonFinder();
  private readonly indexed: IndexedEntry[] = [];
  /** Catalogue texts and the literals that patterns require, normalised, in one automaton. */
  private readonly phrases: AhoCorasick<{ index: number; kind: 'text' | 'literal' }>;
  private readonly logCodes: AhoCorasick<number>;
  private readonly byEnhancedCode = new Map<string, number[]>();
  private readonly replyOnly: number[] = [];
  private readonly alwaysRun: number[] = [];

  /**
   * `prebuilt` is this catalogue's automata as exportIndex() gave them (the build saves them, see
   * classifier-index.ts): building them is most of a cold process's first explanation.
   */
  constructor(readonly catalog: Catalog, prebuilt?: ClassifierIndex) {
    const build = !prebuilt;
    this.phrases = prebuilt ? AhoCorasick.fromData(prebuilt.phrases) : new AhoCorasick();
    this.logCodes = prebuilt ? AhoCorasick.fromData(prebuilt.logCodes) : new AhoCorasick();
    catalog.entries.forEach((entry, index) => {
      const compiled = catalog.compiled.get(entry.id)!;
      const m = entry.match;
      if (build) {
        for (const text of m.texts) {
          const needle = normalizeForMatch(text);
          if (needle) this.phrases.add(needle, { index, kind: 'text' });
        }
      }
      let alwaysRun = false;
      const literals: Array<string | null> = [];
      for (const pattern of m.patterns) {
        const literal = requiredLiteral(pattern);
        const normalised = literal ? normalizeForMatch(literal) : '';
        literals.push(normalised && !NON_ASCII.test(normalised) ? normalised : null);
        if (!literal) alwaysRun = true;
        else if (build) this.phrases.add(normalised, { index, kind: 'literal' });
      }
      if (alwaysRun) this.alwaysRun.push(index);
      if (build) for (const code of m.logCodes) this.logCodes.add(code, index);
      for (const code of m.enhancedCodes) {
        const list = this.byEnhancedCode.get(code) ?? [];
        list.push(index);
        this.byEnhancedCode.set(code, list);
      }
      if (m.replyCodes.length && !m.texts.length && !m.logCodes.length && !m.patterns.length && !m.enhancedCodes.length) this.replyOnly.push(index);
      this.indexed.push({ entry, patterns: compiled.patterns, literals, hosts: compiled.hosts, alwaysRun });
    });
    if (build) {
      this.phrases.build();
      this.logCodes.build();
    }
  }

  /** The automata as plain data, for a later process's constructor. */
  exportIndex(): ClassifierIndex {
    return { phrases: this.phrases.toData(), logCodes: this.logCodes.toData() };
  }

  /**
   * Entry index → the longest catalogue text found, and the entries whose pattern literal occurs —
   * for the whole text and for its diagnostic prefix, in one pass when the diagnostic is a prefix
   * (it is whenever the context only follows it).
   */
  private scan(text: string, diagnostic: string): { full: Found; diag: Found } {
    const full: Found = { texts: new Map(), literals: new Set() };
    const prefix = text.startsWith(diagnostic);
    const diag: Found = prefix && diagnostic.length !== text.length ? { texts: new Map(), literals: new Set() } : full;
    const note = (into: Found, index: number, kind: 'text' | 'literal', length: number) => {
      if (kind === 'literal') into.literals.add(index);
      else if ((into.texts.get(index) ?? 0) < length) into.texts.set(index, length);
    };
    this.phrases.search(text, ({ index, kind }, end, length) => {
      note(full, index, kind, length);
      if (diag !== full && end <= diagnostic.length) note(diag, index, kind, length);
    });
    if (!prefix) {
      const separate: Found = { texts: new Map(), literals: new Set() };
      this.phrases.search(diagnostic, ({ index, kind }, _end, length) => note(separate, index, kind, length));
      return { full, diag: separate };
    }
    return { full, diag };
  }

  /** Every entry with some evidence for the record, strongest first. */
  candidates(record: BounceRecord): Candidate[] {
    return this.evaluate(record).candidates;
  }

  private evaluate(record: BounceRecord): { candidates: Candidate[]; says: Set<Reason>; diagnosticOnly: string } {
    // Plain loops and no per-entry closures: a batch of files runs this unoptimised (commands/explain.ts).
    const raw = joinPresent(joinPresent(record.logCode, record.diagnostic), record.context).slice(0, MATCH_TEXT_LIMIT * 2);
    const text = normalizeForMatch(joinPresent(record.diagnostic, record.context));
    const diagnosticOnly = normalizeForMatch(record.diagnostic ?? '');
    // Receiving providers are recognised by the server that answered, the one that reported, or the recipient's domain.
    const hosts: string[] = [];
    for (const host of [record.remoteHost, record.reportingHost, record.recipient?.split('@')[1]]) if (host) hosts.push(host.toLowerCase());
    const { full, diag } = this.scan(text, diagnosticOnly);
    const logHits = new Map<number, number>();
    this.logCodes.search(raw, (index, end, length) => {
      // Whole words only: DENIED_RBL_MATCH must not match inside DENIED_RBL_MATCHES.
      if (!isWordChar(raw.charCodeAt(end - length - 1)) && !isWordChar(raw.charCodeAt(end))) logHits.set(index, Math.max(logHits.get(index) ?? 0, length));
    });
    const codeHits = new Set<number>();
    if (record.status) {
      for (const i of this.byEnhancedCode.get(record.status) ?? []) codeHits.add(i);
      for (const i of this.byEnhancedCode.get(`X${record.status.slice(1)}`) ?? []) codeHits.add(i);
    }
    // Every entry with some evidence, in the order the evidence was gathered (ties keep it).
    const consider = new Set<number>(full.texts.keys());
    for (const i of full.literals) consider.add(i);
    for (const i of diag.texts.keys()) consider.add(i);
    for (const i of diag.literals) consider.add(i);
    for (const i of logHits.keys()) consider.add(i);
    for (const i of codeHits) consider.add(i);
    for (const i of this.replyOnly) consider.add(i);
    for (const i of this.alwaysRun) consider.add(i);

    const out: Candidate[] = [];
    const says = new Set<Reason>();
    // Our own filter's reply pasted alone (no host named at all) may be its entry: how long the text is without its codes.
    let bareLength = -1;
    // Whether each text is ASCII, found when first asked (a pattern then needs its literal there).
    let asciiText: boolean | undefined;
    let asciiDiagnostic: boolean | undefined;
    for (const index of consider) {
      const { entry, patterns, literals, hosts: hostPatterns, alwaysRun } = this.indexed[index]!;
      const m = entry.match;
      const generic = entry.tier === 'generic';
      const found = generic ? diag : full;
      const haystack = generic ? diagnosticOnly : text;
      const textLevel: Evidence = entry.tier === 'own' ? 'own-text' : entry.tier === 'provider' ? 'provider-text' : 'pattern';
      // The strongest evidence so far: its kind (null: none) and the length of what matched.
      let evidence: Evidence | null = null;
      let strength = 0;
      const logLength = logHits.get(index);
      if (logLength !== undefined) {
        evidence = textLevel;
        strength = logLength + 100;
      }
      const textLength = found.texts.get(index);
      if (textLength !== undefined && (evidence === null || textLength > strength)) {
        evidence = textLevel;
        strength = textLength;
      }
      if (patterns.length && (alwaysRun || found.literals.has(index))) {
        for (let k = 0; k < patterns.length; k++) {
          // The entry's other patterns brought it here: this one runs only when its own literal is there too.
          const literal = literals[k]!;
          if (literal !== null) {
            const ascii = generic ? (asciiDiagnostic ??= !NON_ASCII.test(diagnosticOnly)) : (asciiText ??= !NON_ASCII.test(text));
            if (ascii && !haystack.includes(literal)) continue;
          }
          const hit = patterns[k]!.exec(haystack);
          // An own or provider pattern is as specific as its texts; generic patterns are wording.
          if (hit && (evidence === null || hit[0].length > strength)) {
            evidence = textLevel;
            strength = hit[0].length;
          }
        }
      }
      if (generic && evidence !== null) says.add(entry.reason);
      if (m.replyCodes.length && !replyFitsAny(m.replyCodes, record.replyCode)) continue;
      // A host list keeps an entry to replies from its own servers. Our own filter's reply pasted
      // alone (no host named at all, and the text is most of what was pasted) is still its entry.
      if (hostPatterns.length && !hostMatches(hostPatterns, hosts)) {
        if (hosts.length !== 0 || entry.tier !== 'own' || evidence !== 'own-text') continue;
        if (bareLength < 0) bareLength = diagnosticOnly.replace(/^[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?/, '').length;
        if (strength < 0.75 * bareLength) continue;
      }
      if (m.commands.length && !m.commands.includes(record.command ?? '')) continue;
      if (codeHits.has(index) && (evidence === null || RANK['enhanced-code'] > RANK[evidence])) {
        evidence = 'enhanced-code';
        strength = 5;
      }
      if (evidence === null && this.replyOnly.includes(index)) {
        evidence = 'reply-class';
        strength = 1;
      }
      if (evidence !== null) out.push({ entry, evidence, strength });
    }
    out.sort((a, b) => RANK[b.evidence] - RANK[a.evidence] || b.entry.priority - a.entry.priority || b.strength - a.strength);
    return { candidates: out, says, diagnosticOnly };
  }

  classify(record: BounceRecord, lang: Lang): Classification {
    const { candidates, says, diagnosticOnly } = this.evaluate(record);
    const reason = this.finder.find(record, says, diagnosticOnly);
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
