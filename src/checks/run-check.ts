/**
 * Runs every check for a target in parallel and returns the report, worst
 * first. Each part degrades on its own: a part that is still running when
 * the budget is spent becomes UNKNOWN instead of holding the others up.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Lang } from '../core/lang.js';
import { linkCatalog } from './catalog-links.js';
import type { CheckContext } from './context.js';
import { dkimChecks } from './dkim-checks.js';
import { dmarcAlign, dmarcChecks } from './dmarc-checks.js';
import { dnsblChecks } from './dnsbl-checks.js';
import { asnCheck, heloCheck, isPublicIp, ptrChecks, scopeCheck } from './ip-checks.js';
import { mxChecks, resolveChecks, type MxHost } from './mx-checks.js';
import { bimiCheck, dnssecDaneCheck, mtaStsCheck, tlsRptCheck } from './policy-checks.js';
import type { RawQuery } from './raw-dns.js';
import { smtpChecks, bannerCheck } from './smtp-checks.js';
import { spfChecks, spfMatch } from './spf-checks.js';
import type { Target } from './target.js';
import { msg, renderResult, type Msg } from './message.js';
import { result, sortResults, type CheckCode, type CheckReport, type PendingResult } from './types.js';

export interface CheckInput {
  target: Target;
  /** `--ip`: "would mail from this domain through this IP pass?" */
  ip?: string;
  helo?: string;
  dkim: string[];
}

export interface CheckDeps {
  ctx: CheckContext;
  raw?: RawQuery;
  deadline: number;
  startedAt: number;
  catalog?: Catalog;
  lang?: Lang;
  /** Strings that must never appear in a result (a DQS key inside a query name). */
  secrets?: string[];
}

export interface CheckOutcome extends CheckReport {
  /** MX hosts and their addresses (for "check this IP" buttons). */
  mxHosts: MxHost[];
}

/** Time after the DNS budget for the last answers to be turned into results. */
const GRACE_MS = 150;

/** Resolves with the part's results, or an UNKNOWN result when the budget runs out first. */
function bounded(deadline: number, now: () => number, code: CheckCode, what: Msg, part: Promise<PendingResult[]>, secrets: string[] = []): Promise<PendingResult[]> {
  const timeoutResult = [result(code, 'UNKNOWN', msg('run.timeout', { what }), 'budget exhausted', msg('run.timeoutFix'))];
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(timeoutResult), Math.max(0, deadline + GRACE_MS - now()));
    part.then(
      (r) => {
        clearTimeout(timer);
        resolve(r);
      },
      (error: unknown) => {
        clearTimeout(timer);
        let message = (error as Error)?.message ?? String(error);
        for (const secret of secrets) if (secret) message = message.split(secret).join('<secret>');
        resolve([result(code, 'UNKNOWN', msg('run.failed', { what, message }), '', msg('run.failedFix'))]);
      },
    );
  });
}

async function ipPart(ctx: CheckContext, ip: string, helo: string | undefined): Promise<PendingResult[]> {
  const out: PendingResult[] = [scopeCheck(ip)];
  const publicIp = isPublicIp(ip);
  const [ptr, lists, asn] = await Promise.all([
    ptrChecks(ctx, ip),
    // A private address is never sent to public lists (it would leak our internal network).
    publicIp ? dnsblChecks(ctx, ip, 'ip') : Promise.resolve([]),
    publicIp ? asnCheck(ctx, ip) : Promise.resolve(undefined),
  ]);
  out.push(...ptr.results, ...lists);
  if (asn) out.push(asn);
  const extra = await Promise.all([
    helo ? heloCheck(ctx, ip, helo, ptr.ptr) : Promise.resolve(undefined),
    ctx.smtp && (publicIp || ctx.smtp.connectHost) ? bannerCheck(ctx, ip, ptr.ptr) : Promise.resolve(undefined),
  ]);
  for (const r of extra) if (r) out.push(r);
  return out;
}

/** PTR, forward confirmation and lists for each MX address (at most 4 addresses). */
async function mxIpPart(ctx: CheckContext, hosts: MxHost[]): Promise<PendingResult[]> {
  const seen = new Set<string>();
  const pairs: Array<{ host: string; ip: string }> = [];
  for (const h of hosts) for (const ip of h.addresses) {
    if (seen.has(ip) || !isPublicIp(ip) || pairs.length >= 4) continue;
    seen.add(ip);
    pairs.push({ host: h.name, ip });
  }
  const parts = await Promise.all(pairs.map(async ({ host, ip }) => {
    const subject = `${host} ${ip}`;
    const [ptr, lists] = await Promise.all([ptrChecks(ctx, ip, subject, false), dnsblChecks(ctx, ip, 'ip', subject)]);
    // An MX without PTR hurts its outbound mail, not the mail it receives: a warning here.
    const ptrResults = ptr.results.map((r) => (r.severity === 'CRIT' ? { ...r, severity: 'WARN' as const, verdict: msg('run.mxSendsToo', { verdict: r.verdict, host }) } : r));
    return [...ptrResults, ...lists];
  }));
  return parts.flat();
}

export async function runCheck(input: CheckInput, deps: CheckDeps): Promise<CheckOutcome> {
  const { ctx, deadline } = deps;
  const now = ctx.now;
  const secrets = deps.secrets ?? [];
  const within = (code: CheckCode, what: Msg, part: Promise<PendingResult[]>) => bounded(deadline, now, code, what, part, secrets);
  let mxHosts: MxHost[] = [];
  let results: PendingResult[];

  if (input.target.kind === 'ip') {
    const limit = ctx.smtp ? Math.max(deadline, deps.startedAt + ctx.smtp.timeoutMs) : deadline;
    results = await bounded(limit, now, 'IP_PTR', msg('part.ip', { ip: input.target.value }), ipPart(ctx, input.target.value, input.helo), secrets);
  } else {
    const domain = input.target.value;
    let nxdomain = false;
    const resolve = resolveChecks(ctx, domain);
    const mx = mxChecks(ctx, domain);
    const spfFacts = spfChecks(ctx, domain);
    const dmarc = dmarcChecks(ctx, domain);
    const parts: Array<Promise<PendingResult[]>> = [
      within('DNS_RESOLVE', msg('part.nameserver'), resolve.then((r) => {
        nxdomain = r.nxdomain;
        return r.results;
      })),
      within('MX_PRESENT', msg('part.mx'), mx.then((m) => {
        mxHosts = m.hosts;
        return m.results;
      })),
      within('IP_DNSBL', msg('part.mxAddresses'), mx.then((m) => mxIpPart(ctx, m.hosts))),
      within('MTA_STS', msg('part.mtaSts'), mx.then(async (m) => [await mtaStsCheck(ctx, domain, m.hosts)])),
      within('DNSSEC_DANE', msg('part.dnssecDane'), mx.then(async (m) => [await dnssecDaneCheck(deps.raw, domain, m.hosts)])),
      within('SPF_PRESENT', msg('part.spf'), spfFacts.then((s) => s.results)),
      within('DMARC_PRESENT', msg('part.dmarc'), dmarc.then((d) => d.results)),
      within('BIMI', msg('part.bimi'), dmarc.then(async (d) => [await bimiCheck(ctx, domain, d.dmarc)])),
      within('DKIM_SELECTORS', msg('part.dkim'), dkimChecks(ctx, domain, input.dkim)),
      within('TLSRPT', msg('part.tlsRpt'), tlsRptCheck(ctx, domain).then((r) => [r])),
      within('DOMAIN_BL', msg('part.domainBl'), dnsblChecks(ctx, domain, 'domain')),
    ];
    if (ctx.smtp) {
      // SMTP conversations are slower than DNS: they get their own time limit.
      const smtpDeadline = deps.startedAt + ctx.smtp.timeoutMs;
      parts.push(bounded(Math.max(deadline, smtpDeadline), now, 'MX_SMTP', msg('part.smtp'), mx.then((m) => smtpChecks(ctx, domain, m.hosts)), secrets));
    }
    if (input.ip) {
      const ip = input.ip;
      parts.push(within('IP_PTR', msg('part.ip', { ip }), ipPart(ctx, ip, input.helo)));
      parts.push(within('SPF_MATCH', msg('part.spfVerdict'), (async () => {
        // `check user@domain` keeps the local part: %{l} and %{s} macros see it, as receivers do.
        const mailFrom = `${input.target.localPart ?? 'postmaster'}@${domain}`;
        const [match, d] = await Promise.all([spfMatch(ctx, { mailFrom, ip, ...(input.helo ? { helo: input.helo } : {}) }), dmarc]);
        return [match.result, dmarcAlign(domain, match.verdict, d.dmarc, ip, match.evaluation.sender)];
      })()));
    }
    const settled = await Promise.all(parts);
    results = settled.flat();
    if (nxdomain) {
      // A name that does not exist: every other domain check would only repeat it.
      const domainOnly = new Set<CheckCode>(['NS_COUNT', 'MX_PRESENT', 'MX_HYGIENE', 'MX_OURS', 'MX_SMTP', 'MX_POSTMASTER', 'SPF_PRESENT', 'SPF_SYNTAX',
        'SPF_LOOKUPS', 'SPF_ALL', 'SPF_BROAD', 'SPF_DEPRECATED', 'SPF_OURS', 'DMARC_PRESENT', 'DMARC_POLICY', 'DMARC_RUA', 'DKIM_SELECTORS', 'DKIM_KEY',
        'MTA_STS', 'TLSRPT', 'DNSSEC_DANE', 'BIMI']);
      results = results.filter((r) => !domainOnly.has(r.code));
    }
  }
  // The only place sentences are rendered: checks build message keys, the request's language picks the text.
  const lang = deps.lang ?? 'en';
  const linked = linkCatalog(results.map((r) => renderResult(r, lang)), deps.catalog, lang);
  return {
    target: input.target.value,
    kind: input.target.kind,
    elapsedMs: Math.round(now() - deps.startedAt),
    results: sortResults(linked),
    mxHosts,
  };
}
