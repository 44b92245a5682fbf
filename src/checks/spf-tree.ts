/**
 * Our SPF expander: fetches a domain's record and every include/redirect
 * below it (in parallel) and counts DNS lookups and void lookups per branch,
 * for the checks that need no client IP (SPF_SYNTAX, SPF_LOOKUPS, …). The
 * verdict for one IP is spf-eval.ts.
 */
import { addressesOf, lookup, recordsOf, txtStrings, type MxRecord } from './lookup.js';
import { isSpfRecord, parseSpf, type Qualifier, type SpfRecord, type SpfTerm, DNS_MECHANISMS } from './spf-record.js';
import type { Resolver } from './resolver.js';

export interface SpfBranch {
  term: SpfTerm | { raw: string; mechanism: 'redirect'; value: string; qualifier: Qualifier };
  /** Addresses a/mx resolved to (for matching). */
  addresses?: string[];
  /** MX names behind an mx mechanism. */
  mxNames?: string[];
  /** The record behind include/redirect. */
  child?: SpfNode;
  /** This term's own lookup was void (NXDOMAIN/NODATA). */
  isVoid?: boolean;
  /** The lookup failed (timeout, SERVFAIL): counts are a lower bound. */
  failure?: string;
  /** A macro term: resolved only when tracing an IP. */
  deferred?: boolean;
}

export interface SpfNode {
  domain: string;
  /** The record text, when exactly one was found. */
  record?: string;
  parsed?: SpfRecord;
  branches: SpfBranch[];
  /** Why there is no usable record (none, several, loop, failure). */
  problem?: { kind: 'none' | 'multiple' | 'loop' | 'depth' | 'failure'; text: string };
}

const MAX_DEPTH = 10;

export async function expandSpf(resolver: Resolver, domain: string, path: string[] = []): Promise<SpfNode> {
  const node: SpfNode = { domain, branches: [] };
  if (path.includes(domain.toLowerCase())) {
    node.problem = { kind: 'loop', text: `include/redirect loop: ${[...path, domain].join(' → ')}` };
    return node;
  }
  if (path.length >= MAX_DEPTH) {
    node.problem = { kind: 'depth', text: `more than ${MAX_DEPTH} nested includes` };
    return node;
  }
  const txt = await lookup<string[]>(resolver, domain, 'TXT');
  if (txt.status === 'error') {
    node.problem = { kind: 'failure', text: `TXT ${domain}: ${txt.text}` };
    return node;
  }
  const records = txtStrings(txt).filter(isSpfRecord);
  if (records.length === 0) {
    node.problem = { kind: 'none', text: `${domain} has no SPF record${txt.status === 'nxdomain' ? ' (NXDOMAIN)' : ''}` };
    return node;
  }
  if (records.length > 1) {
    node.problem = { kind: 'multiple', text: `${domain} has ${records.length} SPF records` };
    node.record = records.join(' | ');
    return node;
  }
  node.record = records[0]!;
  node.parsed = parseSpf(node.record);
  const inner = [...path, domain.toLowerCase()];
  const terms: SpfBranch['term'][] = [...node.parsed.terms];
  if (node.parsed.redirect && !node.parsed.terms.some((t) => t.mechanism === 'all')) {
    terms.push({ raw: `redirect=${node.parsed.redirect}`, mechanism: 'redirect', value: node.parsed.redirect, qualifier: '+' });
  }
  node.branches = await Promise.all(terms.map((term) => expandTerm(resolver, domain, term, inner)));
  return node;
}

async function expandTerm(resolver: Resolver, domain: string, term: SpfBranch['term'], path: string[]): Promise<SpfBranch> {
  const branch: SpfBranch = { term };
  if (!DNS_MECHANISMS.has(term.mechanism) && term.mechanism !== 'redirect') return branch;
  const target = term.value ?? domain;
  if (target.includes('%')) {
    branch.deferred = true;
    return branch;
  }
  switch (term.mechanism) {
    case 'include':
    case 'redirect':
      branch.child = await expandSpf(resolver, target, path);
      if (branch.child.problem?.kind === 'none') branch.isVoid = true;
      if (branch.child.problem?.kind === 'failure') branch.failure = branch.child.problem.text;
      break;
    case 'a': {
      const { addresses, error } = await addressesOf(resolver, target);
      branch.addresses = addresses;
      if (error && !addresses.length) branch.failure = `A/AAAA ${target}: ${error}`;
      else if (!addresses.length) branch.isVoid = true;
      break;
    }
    case 'mx': {
      const mx = await lookup<MxRecord>(resolver, target, 'MX');
      if (mx.status === 'error') {
        branch.failure = `MX ${target}: ${mx.text}`;
        break;
      }
      branch.mxNames = recordsOf(mx).map((r) => r.exchange).filter(Boolean);
      if (!branch.mxNames.length) branch.isVoid = true;
      const hosts = await Promise.all(branch.mxNames.slice(0, 10).map((h) => addressesOf(resolver, h)));
      branch.addresses = hosts.flatMap((h) => h.addresses);
      break;
    }
    case 'exists': {
      const a = await lookup<string>(resolver, target, 'A');
      if (a.status === 'error') branch.failure = `A ${target}: ${a.text}`;
      else if (a.status !== 'ok') branch.isVoid = true;
      else branch.addresses = a.records;
      break;
    }
    default:
      break; // ptr needs the client IP; counted, evaluated when tracing.
  }
  return branch;
}

export interface SpfCounts {
  lookups: number;
  voids: number;
  /** A lookup failed somewhere: the counts are a lower bound. */
  incomplete: boolean;
}

/** RFC 7208 §4.6.4: include, a, mx, ptr, exists and redirect each cost one lookup, across the whole tree. */
export function countLookups(node: SpfNode): SpfCounts {
  const counts: SpfCounts = { lookups: 0, voids: 0, incomplete: node.problem?.kind === 'failure' };
  for (const branch of node.branches) {
    const m = branch.term.mechanism;
    if (DNS_MECHANISMS.has(m) || m === 'redirect') counts.lookups += 1;
    if (branch.isVoid) counts.voids += 1;
    if (branch.failure) counts.incomplete = true;
    if (branch.child) {
      const sub = countLookups(branch.child);
      counts.lookups += sub.lookups;
      counts.voids += sub.voids;
      counts.incomplete ||= sub.incomplete;
    }
  }
  return counts;
}

/** Lookups per include/redirect of the top record, biggest first: "include:spf.protection.outlook.com (4)". */
export function lookupsPerBranch(node: SpfNode): Array<{ term: string; lookups: number }> {
  return node.branches
    .filter((b) => b.child)
    .map((b) => ({ term: b.term.raw, lookups: 1 + countLookups(b.child!).lookups }))
    .sort((a, b) => b.lookups - a.lookups);
}

/** Every term in the tree (depth first), for lint rules that look at all of them. */
export function allTerms(node: SpfNode): Array<{ domain: string; branch: SpfBranch }> {
  return node.branches.flatMap((branch) => [
    { domain: node.domain, branch },
    ...(branch.child ? allTerms(branch.child) : []),
  ]);
}
