/** SPF_* checks: our lint rules over the expanded tree, and the verdict for an IP (mailauth + our path). */
import ipaddr from 'ipaddr.js';
import { spf } from 'mailauth/lib/spf/index.js';
import type { CheckContext } from './context.js';
import { lookup, txtStrings } from './lookup.js';
import { isSpfRecord } from './spf-record.js';
import { allTerms, countLookups, expandSpf, lookupsPerBranch, traceSpf, type SpfNode, type SpfOutcome } from './spf-tree.js';
import { result, type CheckResult, type CheckSeverity } from './types.js';

export interface SpfFacts {
  results: CheckResult[];
  tree?: SpfNode;
  /** Verdict for --ip (mailauth's), when asked. */
  verdict?: SpfOutcome;
}

export async function spfChecks(ctx: CheckContext, domain: string): Promise<SpfFacts> {
  const txt = await lookup<string[]>(ctx.resolver, domain, 'TXT');
  if (txt.status === 'error') {
    return { results: [result('SPF_PRESENT', 'UNKNOWN', `Could not read the TXT records of ${domain}: ${txt.text}.`, `TXT ${domain}: ${txt.text}`, 'Run the check again later.')] };
  }
  const all = txtStrings(txt);
  const records = all.filter(isSpfRecord);
  const results: CheckResult[] = [];
  const sender = all.filter((t) => /^spf2\.0\//i.test(t.trim()));
  if (sender.length) results.push(result('SPF_DEPRECATED', 'INFO', 'A Sender ID record (spf2.0/…) is published; Sender ID is dead and receivers ignore it.', sender.join(' | '), 'Remove the spf2.0 record.'));
  if (records.length === 0) {
    results.push(result('SPF_PRESENT', 'CRIT', `${domain} has no SPF record: mail from it fails SPF (none); Gmail and Yahoo reject unauthenticated mail.`,
      `TXT ${domain}: ${all.length ? all.map((t) => `"${t}"`).join(', ') : 'none'}`,
      `Publish one TXT record, e.g. "v=spf1 mx include:<your relay's SPF> -all"; for a domain that sends no mail: "v=spf1 -all".`));
    return { results };
  }
  if (records.length > 1) {
    results.push(result('SPF_PRESENT', 'CRIT', `${records.length} SPF records: receivers return permerror and SPF fails for every message.`,
      records.map((r) => `"${r}"`).join(' | '), 'Merge them into one v=spf1 record.'));
    return { results };
  }
  const record = records[0]!;
  results.push(result('SPF_PRESENT', 'OK', 'Exactly one SPF record.', record));
  const tree = await expandSpf(ctx.resolver, domain);
  const parsed = tree.parsed;

  // SPF_SYNTAX: this record and every record below it.
  const syntax: string[] = [];
  const visit = (node: SpfNode, where: string) => {
    for (const e of node.parsed?.errors ?? []) syntax.push(`${where}: ${e}`);
    for (const b of node.branches) {
      if (!b.child) continue;
      const p = b.child.problem;
      if (p && (p.kind === 'none' || p.kind === 'multiple' || p.kind === 'loop' || p.kind === 'depth')) syntax.push(`${b.term.raw}: ${p.text}`);
      visit(b.child, b.term.raw);
    }
  };
  visit(tree, domain);
  results.push(syntax.length
    ? result('SPF_SYNTAX', 'CRIT', `SPF error: ${syntax[0]}; receivers return permerror and SPF fails.`, syntax.join('; '), 'Correct the record (one space between terms, valid mechanisms, includes that publish SPF).')
    : result('SPF_SYNTAX', 'OK', 'SPF syntax is valid, including every include.', record));

  // SPF_LOOKUPS
  const counts = countLookups(tree);
  const per = lookupsPerBranch(tree).map((b) => `${b.term} (${b.lookups})`);
  const countText = `${counts.lookups} DNS lookups, ${counts.voids} void${per.length ? `; per include: ${per.join(', ')}` : ''}`;
  if (counts.lookups > 10) {
    results.push(result('SPF_LOOKUPS', 'CRIT', `SPF needs ${counts.lookups} DNS lookups (limit 10): permerror at Gmail/Outlook.${per[0] ? ` Biggest: ${per[0]}.` : ''}`, countText,
      'Remove unused includes, replace a/mx with ip4/ip6, or flatten rarely-changing includes.'));
  } else if (counts.voids > 2) {
    results.push(result('SPF_LOOKUPS', 'CRIT', `SPF has ${counts.voids} void lookups (limit 2): permerror.`, countText, 'Remove mechanisms that point at names with no records.'));
  } else if (counts.incomplete) {
    const failures = allTerms(tree).map((t) => t.branch.failure).filter(Boolean);
    results.push(result('SPF_LOOKUPS', 'UNKNOWN', `At least ${counts.lookups} DNS lookups; part of the tree did not answer, so the count is unknown.`, `${countText}; ${failures.join('; ') || tree.problem?.text || ''}`, 'Run the check again later.'));
  } else if (counts.lookups >= 8) {
    results.push(result('SPF_LOOKUPS', 'WARN', `SPF needs ${counts.lookups} of the 10 allowed DNS lookups; one more include breaks it.`, countText, 'Trim includes before adding another service.'));
  } else {
    results.push(result('SPF_LOOKUPS', 'OK', `SPF needs ${counts.lookups} DNS lookups (limit 10).`, countText));
  }

  // SPF_ALL: the top record's all, or the one its redirect leads to.
  if (parsed) {
    let node: SpfNode | undefined = tree;
    let allTerm = parsed.terms.find((t) => t.mechanism === 'all');
    while (!allTerm && node) {
      const redirect: SpfNode | undefined = node.branches.find((b) => b.term.mechanism === 'redirect')?.child;
      node = redirect;
      allTerm = node?.parsed?.terms.find((t) => t.mechanism === 'all');
    }
    const q = allTerm?.qualifier;
    if (q === '+') results.push(result('SPF_ALL', 'CRIT', `SPF ends in +all: anyone on the Internet may send as ${domain}.`, allTerm!.raw, 'Replace "+all" with "-all" (or "~all" while testing).'));
    else if (q === '?') results.push(result('SPF_ALL', 'WARN', 'SPF ends in ?all (neutral): it authorises nothing and rejects nothing.', allTerm!.raw, 'End the record with "~all" or "-all".'));
    else if (!allTerm) results.push(result('SPF_ALL', 'WARN', 'SPF has no "all": unmatched senders get neutral, which protects nothing.', record, 'End the record with "~all" or "-all".'));
    else results.push(result('SPF_ALL', 'OK', `SPF ends in ${allTerm.raw}.`, allTerm.raw));

    // SPF_BROAD: wide ranges in this domain's own record(s).
    const broad: string[] = [];
    for (const t of parsed.terms) {
      if (t.mechanism === 'ip4' && (t.cidr4 ?? 32) < 16) broad.push(`${t.raw} authorises ${(2 ** (32 - t.cidr4!)).toLocaleString('en')} addresses`);
      if (t.mechanism === 'ip6' && (t.cidr6 ?? 128) < 32) broad.push(`${t.raw} authorises a /${t.cidr6} (wider than a /32)`);
      if ((t.mechanism === 'ip4' || t.mechanism === 'ip6') && t.value) {
        const range = ipaddr.parse(t.value).range();
        if (range !== 'unicast') broad.push(`${t.raw} is a ${range} range`);
      }
    }
    results.push(broad.length
      ? result('SPF_BROAD', 'WARN', `${broad[0]}: far more senders than your servers may send as ${domain}.`, broad.join('; '), 'List the exact addresses or prefixes of your mail servers.')
      : result('SPF_BROAD', 'OK', 'No overly broad ranges.', record));

    // SPF_DEPRECATED
    const deprecated: Array<[CheckSeverity, string]> = [];
    if (allTerms(tree).some((t) => t.branch.term.mechanism === 'ptr')) deprecated.push(['WARN', 'SPF uses ptr (RFC 7208 §5.5: do not use); many receivers ignore it']);
    if (Buffer.byteLength(record) > 450) deprecated.push(['INFO', `the record is ${Buffer.byteLength(record)} bytes (over 450: answers may need TCP)`]);
    for (const w of parsed.warnings) deprecated.push(['INFO', w]);
    if (deprecated.length) {
      const sev: CheckSeverity = deprecated.some(([s]) => s === 'WARN') ? 'WARN' : 'INFO';
      results.push(result('SPF_DEPRECATED', sev, `${deprecated[0]![1]}.`, deprecated.map(([, w]) => w).join('; '), 'Replace ptr with ip4/ip6 or a; keep the record short and clean.'));
    } else if (!sender.length) {
      results.push(result('SPF_DEPRECATED', 'OK', 'No deprecated SPF features.', record));
    }
  }

  // SPF_OURS: our relays are authorised.
  const ours = ctx.settings.ourSpf;
  if (ours.includes.length || ours.ips.length) {
    const included = new Set(allTerms(tree).filter((t) => t.branch.term.mechanism === 'include').map((t) => t.branch.term.value?.toLowerCase()));
    const missingIncludes = ours.includes.filter((i) => !included.has(i.toLowerCase()));
    const traces = await Promise.all(ours.ips.map(async (ip) => ({ ip, trace: await traceSpf(tree, ip, { resolver: ctx.resolver, sender: `postmaster@${domain}` }) })));
    const failing = traces.filter((t) => t.trace.result !== 'pass');
    const coveredByIps = ours.ips.length > 0 && failing.length === 0;
    if (coveredByIps || (ours.includes.length > 0 && missingIncludes.length === 0)) {
      results.push(result('SPF_OURS', 'OK', 'SPF authorises our outbound relays.', [...traces.map((t) => `${t.ip}: ${t.trace.result} via ${t.trace.path.join(' → ') || '-'}`), ...ours.includes.map((i) => `include:${i}: ${included.has(i.toLowerCase()) ? 'present' : 'absent'}`)].join('; ')));
    } else if (failing.some((t) => t.trace.result === 'temperror')) {
      results.push(result('SPF_OURS', 'UNKNOWN', 'Could not tell whether SPF authorises our relays: part of the SPF tree did not answer.', failing.map((t) => `${t.ip}: ${t.trace.note ?? t.trace.result}`).join('; ')));
    } else {
      const want = ours.includes[0] ? `include:${ours.includes[0]}` : `ip4:${ours.ips[0]}`;
      results.push(result('SPF_OURS', 'CRIT', `SPF does not authorise our relays (${want}); mail sent through us fails SPF.`,
        [...failing.map((t) => `${t.ip}: ${t.trace.result}`), ...missingIncludes.map((i) => `include:${i} absent`)].join('; '),
        `Add ${want} before the "all" of ${domain}'s SPF record.`));
    }
  }
  return { results, tree };
}

const MATCH_SEVERITY: Record<SpfOutcome, CheckSeverity> = {
  pass: 'OK', fail: 'CRIT', softfail: 'WARN', neutral: 'WARN', none: 'WARN', permerror: 'CRIT', temperror: 'UNKNOWN',
};

/** SPF_MATCH: would mail from `domain` through `ip` pass? mailauth's verdict, our path. */
export async function spfMatch(ctx: CheckContext, domain: string, ip: string, helo: string | undefined, tree: SpfNode | undefined): Promise<{ result: CheckResult; verdict: SpfOutcome }> {
  const sender = `postmaster@${domain}`;
  const [referee, trace] = await Promise.all([
    spf({ sender, ip, helo: helo ?? domain, mta: 'postmaster-check', resolver: ctx.resolver as never }),
    tree ? traceSpf(tree, ip, { resolver: ctx.resolver, sender, ...(helo ? { helo } : {}) }) : Promise.resolve(undefined),
  ]);
  const verdict = referee.status.result as SpfOutcome;
  const path = trace?.path.length ? trace.path.join(' → ') : '';
  const agree = !trace || trace.result === verdict;
  const evidence = [
    `mailauth: ${verdict}${referee.status.comment ? ` (${referee.status.comment})` : ''}`,
    referee.lookups ? `lookups ${referee.lookups.count}/${referee.lookups.limit}, void ${referee.lookups.void}` : '',
    trace ? `our trace: ${trace.result}${path ? ` via ${path}` : ''}${trace.note ? ` (${trace.note})` : ''}` : '',
    agree ? '' : 'our trace disagrees with mailauth; mailauth\'s verdict is shown',
  ].filter(Boolean).join('; ');
  let verdictText: string;
  let fix = '';
  const v4 = ipaddr.process(ip).kind() === 'ipv4';
  switch (verdict) {
    case 'pass':
      verdictText = `${ip} → pass${path ? ` via ${path}` : ''}.`;
      break;
    case 'fail':
    case 'softfail':
    case 'neutral':
      verdictText = `${ip} → ${verdict}: not authorised by ${domain}'s SPF${path ? ` (decided by ${path})` : ''}.`;
      fix = `If ${ip} is a legitimate sender, add ${v4 ? 'ip4' : 'ip6'}:${ip} (or the sending service's include) to the SPF record.`;
      break;
    case 'none':
      verdictText = `${domain} publishes no SPF: ${ip} gets "none", and Gmail/Yahoo reject unauthenticated mail.`;
      fix = 'Publish an SPF record that lists your sending servers.';
      break;
    case 'permerror':
      verdictText = `SPF of ${domain} is broken (permerror: ${referee.status.comment || trace?.note || 'invalid record'}): SPF fails for every sender.`;
      fix = 'Fix the errors reported by SPF_SYNTAX / SPF_LOOKUPS.';
      break;
    default:
      verdictText = `SPF for ${ip} could not be evaluated (temperror: ${referee.status.comment || 'DNS failure'}); the verdict is unknown.`;
      fix = 'Run the check again later.';
  }
  return { result: result('SPF_MATCH', MATCH_SEVERITY[verdict] ?? 'UNKNOWN', verdictText, evidence, fix, ip), verdict };
}
