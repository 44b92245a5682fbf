/**
 * check_host() of RFC 7208 (§4-§7): the SPF result for one client (IP,
 * MAIL FROM, HELO), and the path of terms that decided it ("include:_spf.
 * example.com → ip4:192.0.2.0/24"). Every record is parsed whole before it
 * is evaluated (§4.6), DNS lookups and void lookups are counted as
 * evaluated (§4.6.4), and names that DNS cannot carry (empty or overlong
 * labels, from a record or from a macro) do not match instead of failing.
 *
 * This is SPF_MATCH's verdict; mailauth's result is kept beside it as a
 * second opinion (see spf-checks.ts).
 */
import { ipaddr } from '../core/ipaddr.js';
import { lookup, recordsOf, txtStrings, type MxRecord } from './lookup.js';
import type { Resolver } from './resolver.js';
import { reverseName } from './reverse.js';
import { expandMacros, toQueryName } from './spf-macro.js';
import { DNS_MECHANISMS, isSpfRecord, parseSpf, type Qualifier } from './spf-record.js';
import { isWireName } from './wire-query.js';

export type SpfOutcome = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export interface SpfRequest {
  ip: string;
  /** MAIL FROM as given; empty for bounces (then postmaster@HELO is checked, §2.4). */
  mailFrom: string;
  helo?: string;
}

export interface SpfVerdict {
  result: SpfOutcome;
  /** Terms from the top record to the one that decided, e.g. ["include:_spf.google.com", "ip4:209.85.128.0/17"]. */
  path: string[];
  /** Why a permerror/temperror/none/neutral happened. */
  note?: string;
  /** The domain checked and the sender its macros saw. */
  domain: string;
  sender: string;
  lookups: number;
  voids: number;
}

const MAX_LOOKUPS = 10;
const MAX_VOIDS = 2;
const MAX_MX_NAMES = 10;
const MAX_PTR_NAMES = 10;
const QUALIFIER_RESULT: Record<Qualifier, SpfOutcome> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** The identity SPF checks (§2.4, §4.3): MAIL FROM, or postmaster@HELO for an empty one; a bare domain gets "postmaster@". */
export function spfSender(mailFrom: string, helo?: string): string {
  const from = mailFrom.trim().replace(/^<(.*)>$/, '$1');
  if (!from) return `postmaster@${helo ?? ''}`;
  const at = from.lastIndexOf('@');
  if (at < 0) return `postmaster@${from}`;
  if (at === 0) return `postmaster${from}`;
  return from;
}

/** §4.3: a domain that is not a multi-label name of valid labels (or is an address literal) gives "none". */
export function isCheckableDomain(domain: string): boolean {
  if (!domain || domain.startsWith('[')) return false;
  const bare = domain.replace(/\.$/, '');
  const labels = bare.split('.');
  return labels.length >= 2 && isWireName(bare);
}

interface Step {
  result: SpfOutcome;
  path: string[];
  note?: string;
}

interface State {
  resolver: Resolver;
  addr: ipaddr.IPv4 | ipaddr.IPv6;
  ip: string;
  v4: boolean;
  sender: string;
  helo: string;
  lookups: number;
  voids: number;
  validated?: Promise<string[]>;
}

function inRange(addr: ipaddr.IPv4 | ipaddr.IPv6, network: string, bits: number | undefined): boolean {
  try {
    const net = ipaddr.parse(network);
    if (addr.kind() !== net.kind()) return false;
    return addr.match(net, bits ?? (addr.kind() === 'ipv4' ? 32 : 128));
  } catch {
    return false;
  }
}

/** PTR names of the client that resolve back to it (at most 10 tried), for ptr and %{p} (§5.5). */
async function validatedNames(state: State, suffix?: string): Promise<string[]> {
  const ptr = await lookup<string>(state.resolver, reverseName(state.ip), 'PTR');
  let names = recordsOf(ptr).slice(0, MAX_PTR_NAMES).map((n) => n.replace(/\.$/, ''));
  if (suffix) names = names.filter((n) => n.toLowerCase() === suffix || n.toLowerCase().endsWith(`.${suffix}`));
  const checked = await Promise.all(names.map(async (name) => {
    const a = await lookup<string>(state.resolver, name, state.v4 ? 'A' : 'AAAA');
    // A lookup error skips that name (§5.5).
    return recordsOf(a).some((r) => inRange(state.addr, r, undefined)) ? name : undefined;
  }));
  return checked.filter((n): n is string => Boolean(n));
}

/** %{p}: a validated name, preferably the domain itself or one below it (§7.3). */
async function pMacro(state: State, domain: string): Promise<string> {
  state.validated ??= validatedNames(state);
  const names = await state.validated;
  const lower = domain.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower) ?? names.find((n) => n.toLowerCase().endsWith(`.${lower}`)) ?? names[0] ?? 'unknown';
}

class Stop extends Error {
  constructor(readonly step: Step) {
    super(step.note);
  }
}

function voidLookup(state: State, path: string[], what: string): void {
  state.voids += 1;
  if (state.voids > MAX_VOIDS) throw new Stop({ result: 'permerror', path, note: `more than ${MAX_VOIDS} lookups found nothing (RFC 7208 §4.6.4), the last: ${what}` });
}

async function checkHost(state: State, domain: string, path: string[]): Promise<Step> {
  const txt = await lookup<string[]>(state.resolver, domain, 'TXT');
  if (txt.status === 'error') return { result: 'temperror', path, note: `TXT ${domain}: ${txt.text}` };
  const records = txtStrings(txt).filter(isSpfRecord);
  if (records.length === 0) return { result: 'none', path, note: `${domain} has no SPF record` };
  if (records.length > 1) return { result: 'permerror', path, note: `${domain} has ${records.length} SPF records` };
  const parsed = parseSpf(records[0]!);
  if (parsed.errors.length) return { result: 'permerror', path, note: `${domain}: ${parsed.errors[0]}` };

  const expand = async (spec: string) => toQueryName(await expandMacros(spec, {
    sender: state.sender,
    domain,
    ip: state.ip,
    helo: state.helo,
    validatedName: () => pMacro(state, domain),
  }));
  const countLookup = (here: string[]) => {
    state.lookups += 1;
    if (state.lookups > MAX_LOOKUPS) throw new Stop({ result: 'permerror', path: here, note: `more than ${MAX_LOOKUPS} DNS lookups (RFC 7208 §4.6.4)` });
  };

  for (const term of parsed.terms) {
    const here = [...path, term.raw];
    if (DNS_MECHANISMS.has(term.mechanism)) countLookup(here);
    let matched = false;
    switch (term.mechanism) {
      case 'all':
        matched = true;
        break;
      case 'ip4':
        matched = state.v4 && inRange(state.addr, term.value!, term.cidr4);
        break;
      case 'ip6':
        matched = !state.v4 && inRange(state.addr, term.value!, term.cidr6);
        break;
      case 'a': {
        const name = await expand(term.value ?? domain);
        if (!isWireName(name)) break;
        const rrtype = state.v4 ? 'A' : 'AAAA';
        const answer = await lookup<string>(state.resolver, name, rrtype);
        if (answer.status === 'error') return { result: 'temperror', path: here, note: `${rrtype} ${name}: ${answer.text}` };
        if (answer.status !== 'ok') voidLookup(state, here, `${rrtype} ${name}`);
        matched = recordsOf(answer).some((r) => inRange(state.addr, r, state.v4 ? term.cidr4 : term.cidr6));
        break;
      }
      case 'mx': {
        const name = await expand(term.value ?? domain);
        if (!isWireName(name)) break;
        const mx = await lookup<MxRecord>(state.resolver, name, 'MX');
        if (mx.status === 'error') return { result: 'temperror', path: here, note: `MX ${name}: ${mx.text}` };
        if (mx.status !== 'ok') voidLookup(state, here, `MX ${name}`);
        const hosts = recordsOf(mx).map((r) => r.exchange.replace(/\.$/, '')).filter(Boolean);
        if (hosts.length > MAX_MX_NAMES) return { result: 'permerror', path: here, note: `${name} has ${hosts.length} MX names; SPF looks at 10 at most (RFC 7208 §4.6.4)` };
        const rrtype = state.v4 ? 'A' : 'AAAA';
        const answers = await Promise.all(hosts.map(async (host) => ({ host, answer: await lookup<string>(state.resolver, host, rrtype) })));
        matched = answers.some(({ answer }) => recordsOf(answer).some((r) => inRange(state.addr, r, state.v4 ? term.cidr4 : term.cidr6)));
        const failed = answers.find(({ answer }) => answer.status === 'error');
        if (!matched && failed && failed.answer.status === 'error') return { result: 'temperror', path: here, note: `${rrtype} ${failed.host}: ${failed.answer.text}` };
        break;
      }
      case 'ptr': {
        const target = (await expand(term.value ?? domain)).toLowerCase();
        const ptr = await lookup<string>(state.resolver, reverseName(state.ip), 'PTR');
        // A failed PTR lookup is a no-match (§5.5).
        if (ptr.status === 'nxdomain' || ptr.status === 'nodata') voidLookup(state, here, `PTR ${reverseName(state.ip)}`);
        if (ptr.status === 'ok') matched = (await validatedNames(state, target)).length > 0;
        break;
      }
      case 'exists': {
        const name = await expand(term.value!);
        if (!isWireName(name)) break;
        const answer = await lookup<string>(state.resolver, name, 'A');
        if (answer.status === 'error') return { result: 'temperror', path: here, note: `A ${name}: ${answer.text}` };
        if (answer.status !== 'ok') voidLookup(state, here, `A ${name}`);
        matched = answer.status === 'ok';
        break;
      }
      case 'include': {
        const name = await expand(term.value!);
        if (!isCheckableDomain(name)) return { result: 'permerror', path: here, note: `${term.raw}: "${name}" is not a domain` };
        const sub = await checkHost(state, name, here);
        if (sub.result === 'pass') return { result: QUALIFIER_RESULT[term.qualifier], path: sub.path };
        if (sub.result === 'temperror' || sub.result === 'permerror') return sub;
        if (sub.result === 'none') return { ...sub, result: 'permerror', note: `${term.raw}: ${sub.note ?? `${name} has no SPF record`}` };
        break;
      }
    }
    if (matched) return { result: QUALIFIER_RESULT[term.qualifier], path: here };
  }

  if (parsed.redirect) {
    const here = [...path, `redirect=${parsed.redirect}`];
    countLookup(here);
    const name = await expand(parsed.redirect);
    if (!isCheckableDomain(name)) return { result: 'permerror', path: here, note: `redirect=${parsed.redirect}: "${name}" is not a domain` };
    const sub = await checkHost(state, name, here);
    return sub.result === 'none' ? { ...sub, result: 'permerror', note: `redirect=${parsed.redirect}: ${sub.note ?? `${name} has no SPF record`}` } : sub;
  }
  return { result: 'neutral', path, note: 'no mechanism matched and there is no "all": the default is neutral' };
}

/** The SPF result for one client, as a receiver following RFC 7208 computes it. */
export async function checkSpf(resolver: Resolver, request: SpfRequest): Promise<SpfVerdict> {
  const addr = ipaddr.process(request.ip);
  const helo = request.helo ?? '';
  const sender = spfSender(request.mailFrom, helo);
  const domain = sender.slice(sender.lastIndexOf('@') + 1).replace(/\.$/, '');
  const state: State = {
    resolver,
    addr,
    ip: addr.toString(),
    v4: addr.kind() === 'ipv4',
    sender,
    helo: helo || domain,
    lookups: 0,
    voids: 0,
  };
  let step: Step;
  if (!isCheckableDomain(domain)) {
    step = { result: 'none', path: [], note: `"${domain}" is not a domain SPF can be checked for (RFC 7208 §4.3)` };
  } else {
    try {
      step = await checkHost(state, domain.toLowerCase(), []);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      step = error.step;
    }
  }
  return { ...step, domain, sender, lookups: state.lookups, voids: state.voids };
}
