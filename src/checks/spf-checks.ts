/** SPF_* checks: our lint rules over the expanded tree, and the verdict for an IP (mailauth + our path). */
import { ipaddr } from '../core/ipaddr.js';
import { spf } from 'mailauth/lib/spf/index.js';
import type { CheckContext } from './context.js';
import { lookup, txtStrings } from './lookup.js';
import { isSpfRecord, looksLikeSpf } from './spf-record.js';
import { checkSpf, spfSender, type SpfOutcome, type SpfVerdict } from './spf-eval.js';
import { allTerms, countLookups, expandSpf, lookupsPerBranch, type SpfNode } from './spf-tree.js';
import { msg, renderMsg, type Msg } from './message.js';
import { result, type CheckSeverity, type PendingResult } from './types.js';

export interface SpfFacts {
  results: PendingResult[];
  tree?: SpfNode;
  /** Verdict for --ip (mailauth's), when asked. */
  verdict?: SpfOutcome;
}

export async function spfChecks(ctx: CheckContext, domain: string): Promise<SpfFacts> {
  const txt = await lookup<string[]>(ctx.resolver, domain, 'TXT');
  if (txt.status === 'error') {
    return { results: [result('SPF_PRESENT', 'UNKNOWN', msg('spf.unreadable', { domain, error: txt.reason }), `TXT ${domain}: ${txt.text}`, msg('common.retryLater'))] };
  }
  const all = txtStrings(txt);
  const records = all.filter(isSpfRecord);
  const results: PendingResult[] = [];
  const sender = all.filter((t) => /^spf2\.0\//i.test(t.trim()));
  if (sender.length) results.push(result('SPF_DEPRECATED', 'INFO', msg('spf.senderId'), sender.join(' | '), msg('spf.senderIdFix')));
  const skipped = all.find(looksLikeSpf);
  if (records.length === 0 && skipped !== undefined) {
    results.push(result('SPF_PRESENT', 'CRIT', msg('spf.skipped', { domain, record: JSON.stringify(skipped.slice(0, 40)) }), `TXT ${domain}: ${all.map((t) => JSON.stringify(t)).join(', ')}`, msg('spf.skippedFix')));
    return { results };
  }
  if (records.length === 0) {
    results.push(result('SPF_PRESENT', 'CRIT', msg('spf.missing', { domain }),
      `TXT ${domain}: ${all.length ? all.map((t) => `"${t}"`).join(', ') : 'none'}`,
      msg('spf.missingFix')));
    return { results };
  }
  if (records.length > 1) {
    results.push(result('SPF_PRESENT', 'CRIT', msg('spf.multiple', { n: records.length }),
      records.map((r) => `"${r}"`).join(' | '), msg('spf.multipleFix')));
    return { results };
  }
  const record = records[0]!;
  results.push(result('SPF_PRESENT', 'OK', msg('spf.one'), record));
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
    ? result('SPF_SYNTAX', 'CRIT', msg('spf.syntaxError', { error: syntax[0] ?? '' }), syntax.join('; '), msg('spf.syntaxErrorFix'))
    : result('SPF_SYNTAX', 'OK', msg('spf.syntaxOk'), record));

  // SPF_LOOKUPS
  const counts = countLookups(tree);
  const per = lookupsPerBranch(tree).map((b) => `${b.term} (${b.lookups})`);
  const countText = `${counts.lookups} DNS lookups, ${counts.voids} void${per.length ? `; per include: ${per.join(', ')}` : ''}`;
  if (counts.lookups > 10) {
    results.push(result('SPF_LOOKUPS', 'CRIT', msg('spf.lookupsOver', { n: counts.lookups, biggest: per[0] ? msg('spf.biggest', { branch: per[0] }) : '' }), countText,
      msg('spf.lookupsOverFix')));
  } else if (counts.voids > 2) {
    results.push(result('SPF_LOOKUPS', 'CRIT', msg('spf.voids', { n: counts.voids }), countText, msg('spf.voidsFix')));
  } else if (counts.incomplete) {
    const failures = allTerms(tree).map((t) => t.branch.failure).filter(Boolean);
    results.push(result('SPF_LOOKUPS', 'UNKNOWN', msg('spf.lookupsUnknown', { n: counts.lookups }), `${countText}; ${failures.join('; ') || tree.problem?.text || ''}`, msg('common.retryLater')));
  } else if (counts.lookups >= 8) {
    results.push(result('SPF_LOOKUPS', 'WARN', msg('spf.lookupsNear', { n: counts.lookups }), countText, msg('spf.lookupsNearFix')));
  } else {
    results.push(result('SPF_LOOKUPS', 'OK', msg('spf.lookupsOk', { n: counts.lookups }), countText));
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
    if (q === '+') results.push(result('SPF_ALL', 'CRIT', msg('spf.plusAll', { domain }), allTerm!.raw, msg('spf.plusAllFix')));
    else if (q === '?') results.push(result('SPF_ALL', 'WARN', msg('spf.neutralAll'), allTerm!.raw, msg('spf.endWithAll')));
    else if (!allTerm) results.push(result('SPF_ALL', 'WARN', msg('spf.noAll'), record, msg('spf.endWithAll')));
    else results.push(result('SPF_ALL', 'OK', msg('spf.allOk', { term: allTerm.raw }), allTerm.raw));

    // SPF_BROAD: wide ranges in this domain's own record(s).
    const broad: Msg[] = [];
    for (const t of parsed.terms) {
      if (t.mechanism === 'ip4' && (t.cidr4 ?? 32) < 16) broad.push(msg('spf.broadV4', { term: t.raw, count: (2 ** (32 - t.cidr4!)).toLocaleString('en') }));
      if (t.mechanism === 'ip6' && (t.cidr6 ?? 128) < 32) broad.push(msg('spf.broadV6', { term: t.raw, bits: t.cidr6 ?? 128 }));
      if ((t.mechanism === 'ip4' || t.mechanism === 'ip6') && t.value) {
        const range = ipaddr.parse(t.value).range();
        if (range !== 'unicast') broad.push(msg('spf.broadRange', { term: t.raw, range }));
      }
    }
    results.push(broad.length
      ? result('SPF_BROAD', 'WARN', msg('spf.broad', { problem: broad[0]!, domain }), broad.map((b) => renderMsg(b, 'en')).join('; '), msg('spf.broadFix'))
      : result('SPF_BROAD', 'OK', msg('spf.broadOk'), record));

    // SPF_DEPRECATED
    // Evidence stays English (raw data); the verdict is rendered in the asked language.
    const deprecated: Array<[CheckSeverity, Msg]> = [];
    if (allTerms(tree).some((t) => t.branch.term.mechanism === 'ptr')) deprecated.push(['WARN', msg('spf.ptr')]);
    if (Buffer.byteLength(record) > 450) deprecated.push(['INFO', msg('spf.long', { bytes: Buffer.byteLength(record) })]);
    for (const w of parsed.warnings) deprecated.push(['INFO', msg('spf.warning', { text: w })]);
    if (deprecated.length) {
      const sev: CheckSeverity = deprecated.some(([s]) => s === 'WARN') ? 'WARN' : 'INFO';
      results.push(result('SPF_DEPRECATED', sev, msg('spf.deprecated', { problem: deprecated[0]![1] }), deprecated.map(([, w]) => renderMsg(w, 'en')).join('; '), msg('spf.deprecatedFix')));
    } else if (!sender.length) {
      results.push(result('SPF_DEPRECATED', 'OK', msg('spf.noDeprecated'), record));
    }
  }

  // SPF_OURS: our relays are authorised.
  const ours = ctx.settings.ourSpf;
  if (ours.includes.length || ours.ips.length) {
    const included = new Set(allTerms(tree).filter((t) => t.branch.term.mechanism === 'include').map((t) => t.branch.term.value?.toLowerCase()));
    const missingIncludes = ours.includes.filter((i) => !included.has(i.toLowerCase()));
    const traces = await Promise.all(ours.ips.map(async (ip) => ({ ip, trace: await checkSpf(ctx.resolver, { ip, mailFrom: `postmaster@${domain}` }) })));
    const failing = traces.filter((t) => t.trace.result !== 'pass');
    const coveredByIps = ours.ips.length > 0 && failing.length === 0;
    if (coveredByIps || (ours.includes.length > 0 && missingIncludes.length === 0)) {
      results.push(result('SPF_OURS', 'OK', msg('spf.oursOk'), [...traces.map((t) => `${t.ip}: ${t.trace.result} via ${t.trace.path.join(' → ') || '-'}`), ...ours.includes.map((i) => `include:${i}: ${included.has(i.toLowerCase()) ? 'present' : 'absent'}`)].join('; ')));
    } else if (failing.some((t) => t.trace.result === 'temperror')) {
      results.push(result('SPF_OURS', 'UNKNOWN', msg('spf.oursUnknown'), failing.map((t) => `${t.ip}: ${t.trace.note ?? t.trace.result}`).join('; ')));
    } else {
      const want = ours.includes[0] ? `include:${ours.includes[0]}` : `ip4:${ours.ips[0]}`;
      results.push(result('SPF_OURS', 'CRIT', msg('spf.oursMissing', { want }),
        [...failing.map((t) => `${t.ip}: ${t.trace.result}`), ...missingIncludes.map((i) => `include:${i} absent`)].join('; '),
        msg('spf.oursMissingFix', { want, domain })));
    }
  }
  return { results, tree };
}

const MATCH_SEVERITY: Record<SpfOutcome, CheckSeverity> = {
  pass: 'OK', fail: 'CRIT', softfail: 'WARN', neutral: 'WARN', none: 'WARN', permerror: 'CRIT', temperror: 'UNKNOWN',
};

export interface SpfMatchInput {
  /** MAIL FROM: user@domain as typed, or postmaster@domain for a bare domain. */
  mailFrom: string;
  ip: string;
  helo?: string;
}

/**
 * SPF_MATCH: would mail from this sender through `ip` pass? Our RFC 7208
 * evaluation decides (it parses records whole, counts limits as receivers
 * do, and handles names DNS cannot carry); mailauth's result is shown beside
 * it, and a disagreement is said out loud.
 */
export async function spfMatch(ctx: CheckContext, input: SpfMatchInput): Promise<{ result: PendingResult; verdict: SpfOutcome; evaluation: SpfVerdict }> {
  const { ip, helo } = input;
  const sender = spfSender(input.mailFrom, helo);
  const [evaluation, referee] = await Promise.all([
    checkSpf(ctx.resolver, input),
    spf({ sender, ip, helo: helo ?? sender.slice(sender.lastIndexOf('@') + 1), mta: 'postmaster-check', resolver: ctx.resolver as never })
      .catch((error: Error) => ({ status: { result: 'temperror', comment: error.message } })),
  ]);
  const { domain } = evaluation;
  const verdict = evaluation.result;
  const path = evaluation.path.join(' → ');
  const second = referee.status.result as string;
  const evidence = [
    `RFC 7208: ${verdict}${path ? ` via ${path}` : ''}${evaluation.note ? ` (${evaluation.note})` : ''}`,
    `lookups ${evaluation.lookups}/10, void ${evaluation.voids}/2`,
    `sender ${sender}`,
    `mailauth: ${second}${referee.status.comment ? ` (${referee.status.comment})` : ''}`,
    second === verdict ? '' : `mailauth disagrees; the RFC 7208 result is shown`,
  ].filter(Boolean).join('; ');
  let verdictText: Msg;
  let fix: Msg | undefined;
  const v4 = ipaddr.process(ip).kind() === 'ipv4';
  switch (verdict) {
    case 'pass':
      verdictText = msg('match.pass', { ip, via: path ? msg('match.via', { path }) : '' });
      break;
    case 'fail':
    case 'softfail':
    case 'neutral':
      verdictText = msg('match.notAuthorised', { ip, result: verdict, domain, decided: path ? msg('match.decidedBy', { path }) : '' });
      fix = msg('match.notAuthorisedFix', { ip, mechanism: v4 ? 'ip4' : 'ip6' });
      break;
    case 'none':
      verdictText = msg('match.none', { domain, ip });
      fix = msg('match.noneFix');
      break;
    case 'permerror':
      verdictText = msg('match.permerror', { domain, reason: evaluation.note || msg('match.invalidRecord') });
      fix = msg('match.permerrorFix');
      break;
    default:
      verdictText = msg('match.temperror', { ip, reason: evaluation.note || msg('match.dnsFailure') });
      fix = msg('common.retryLater');
  }
  return { result: result('SPF_MATCH', MATCH_SEVERITY[verdict] ?? 'UNKNOWN', verdictText, evidence, fix, ip), verdict, evaluation };
}
