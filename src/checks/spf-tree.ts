/**
 * Our SPF expander: fetches a domain's record and every include/redirect
 * below it (in parallel), counts DNS lookups and void lookups per branch, and
 * traces which mechanism authorises a given IP ("pass via include:_spf.google.com
 * → ip4:209.85.128.0/17"). mailauth stays the referee for the verdict; this
 * explains it.
 */
import { ipaddr } from '../core/ipaddr.js';
import { addressesOf, lookup, recordsOf, txtStrings, type MxRecord } from './lookup.js';
import { isSpfRecord, parseSpf, type Qualifier, type SpfRecord, type SpfTerm, DNS_MECHANISMS } from './spf-record.js';
import type { Resolver } from './resolver.js';
import { reverseName } from './reverse.js';

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

export type SpfOutcome = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export interface SpfTrace {
  result: SpfOutcome;
  /** Terms from the top record to the one that decided, e.g. ["include:_spf.google.com", "ip4:209.85.128.0/17"]. */
  path: string[];
  /** Why a permerror/temperror happened, or notes (macro terms we could not follow). */
  note?: string;
}

const QUALIFIER_RESULT: Record<Qualifier, SpfOutcome> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

function inRange(ip: string, network: string, bits: number | undefined): boolean {
  try {
    const addr = ipaddr.parse(ip);
    const net = ipaddr.parse(network);
    if (addr.kind() !== net.kind()) return false;
    const prefix = bits ?? (addr.kind() === 'ipv4' ? 32 : 128);
    return addr.match(net, prefix);
  } catch {
    return false;
  }
}

/** Expands the SPF macros we need to follow a path (RFC 7208 §7) for the client IP. */
export function expandMacros(spec: string, ctx: { ip: string; domain: string; sender: string; helo?: string }): string {
  const [local, senderDomain] = ctx.sender.includes('@') ? [ctx.sender.split('@')[0]!, ctx.sender.split('@')[1]!] : ['postmaster', ctx.sender];
  const addr = ipaddr.parse(ctx.ip);
  const ipParts = addr.kind() === 'ipv4' ? ctx.ip.split('.') : (addr as ipaddr.IPv6).toNormalizedString().split(':').map((g) => g.padStart(4, '0')).join('').split('');
  return spec.replace(/%(%|_|-|\{([a-z])(\d*)(r?)([.\-+,/_=]*)\})/gi, (whole, simple: string, letter?: string, digits?: string, rev?: string, delims?: string) => {
    if (simple === '%') return '%';
    if (simple === '_') return ' ';
    if (simple === '-') return '%20';
    let value: string;
    switch (letter?.toLowerCase()) {
      case 's': value = ctx.sender; break;
      case 'l': value = local; break;
      case 'o': value = senderDomain; break;
      case 'd': value = ctx.domain; break;
      case 'i': value = ipParts.join('.'); break;
      case 'h': value = ctx.helo ?? senderDomain; break;
      case 'v': value = addr.kind() === 'ipv4' ? 'in-addr' : 'ip6'; break;
      default: return whole;
    }
    const splitOn = new RegExp(`[${(delims || '.').replace(/[-\]\\/]/g, '\\$&')}]`);
    let parts = value.split(splitOn);
    if (rev) parts = parts.reverse();
    if (digits) parts = parts.slice(-Number(digits));
    return parts.join('.');
  });
}

/** Traces an IP through the tree in evaluation order; the first matching term decides. */
export async function traceSpf(
  node: SpfNode,
  ip: string,
  ctx: { resolver: Resolver; sender: string; helo?: string },
  path: string[] = [],
): Promise<SpfTrace> {
  if (node.problem) {
    const kind = node.problem.kind;
    if (kind === 'none') return { result: path.length ? 'permerror' : 'none', path, note: node.problem.text };
    return { result: kind === 'failure' ? 'temperror' : 'permerror', path, note: node.problem.text };
  }
  if (node.parsed?.errors.length) return { result: 'permerror', path, note: node.parsed.errors[0]! };
  for (const branch of node.branches) {
    const term = branch.term;
    const here = [...path, term.raw];
    if (branch.failure) return { result: 'temperror', path: here, note: branch.failure };
    let matched = false;
    switch (term.mechanism) {
      case 'all':
        matched = true;
        break;
      case 'ip4':
        matched = inRange(ip, term.value!, 'cidr4' in term ? term.cidr4 : undefined);
        break;
      case 'ip6':
        matched = inRange(ip, term.value!, 'cidr6' in term ? term.cidr6 : undefined);
        break;
      case 'a':
      case 'mx': {
        const t = term as SpfTerm;
        const v4 = ipaddr.parse(ip).kind() === 'ipv4';
        matched = (branch.addresses ?? []).some((a) => inRange(ip, a, v4 ? t.cidr4 : t.cidr6));
        break;
      }
      case 'exists':
        if (branch.deferred) {
          const name = expandMacros(term.value!, { ip, domain: node.domain, sender: ctx.sender, ...(ctx.helo ? { helo: ctx.helo } : {}) });
          const a = await lookup(ctx.resolver, name, 'A');
          if (a.status === 'error') return { result: 'temperror', path: here, note: `A ${name}: ${a.text}` };
          matched = a.status === 'ok';
        } else matched = Boolean(branch.addresses?.length);
        break;
      case 'ptr':
        matched = await ptrMatches(ctx.resolver, ip, term.value ?? node.domain);
        break;
      case 'include':
      case 'redirect': {
        let child = branch.child;
        if (branch.deferred) {
          const name = expandMacros(term.value!, { ip, domain: node.domain, sender: ctx.sender, ...(ctx.helo ? { helo: ctx.helo } : {}) });
          child = await expandSpf(ctx.resolver, name, [node.domain]);
        }
        if (!child) break;
        const sub = await traceSpf(child, ip, ctx, here);
        if (term.mechanism === 'redirect') return sub.result === 'none' ? { ...sub, result: 'permerror' } : sub;
        if (sub.result === 'pass') return { result: QUALIFIER_RESULT[term.qualifier], path: sub.path };
        if (sub.result === 'temperror' || sub.result === 'permerror' || sub.result === 'none') {
          return { ...sub, result: sub.result === 'none' ? 'permerror' : sub.result };
        }
        break;
      }
    }
    if (matched) return { result: QUALIFIER_RESULT[term.qualifier], path: here };
  }
  return { result: 'neutral', path, note: 'no mechanism matched and there is no "all": the default is neutral' };
}

async function ptrMatches(resolver: Resolver, ip: string, domain: string): Promise<boolean> {
  const names = recordsOf(await lookup<string>(resolver, reverseName(ip), 'PTR')).slice(0, 10);
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower !== domain.toLowerCase() && !lower.endsWith(`.${domain.toLowerCase()}`)) continue;
    const { addresses } = await addressesOf(resolver, name);
    if (addresses.some((a) => inRange(ip, a, undefined))) return true;
  }
  return false;
}
