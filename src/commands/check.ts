/**
 * `check TARGET [--ip IP] [--helo NAME] [--dkim SEL]... [--resolver HOST:PORT] [--smtp] [--json]`
 * (chat: /mailcheck). Every reason mail from or to a domain or IP would be
 * refused, worst first, each with evidence and a fix.
 */
import type { Command } from '../core/command.js';
import { UsageError } from '../core/errors.js';
import { fill, t, type Lang } from '../core/lang.js';
import type { Action, Part, Reply, Severity } from '../core/reply.js';
import { say } from '../checks/message.js';
import { invalidServer } from '../checks/resolver.js';
import type { CheckOutcome } from '../checks/run-check.js';
import { parseIpOption, parseSelector, parseTarget } from '../checks/target.js';
import type { CheckResult, CheckSeverity } from '../checks/types.js';

const TEXT = {
  title: {
    en: 'Check of {target}: {crit} critical, {warn} warnings, {unknown} unknown',
    id: 'Pemeriksaan {target}: {crit} kritis, {warn} peringatan, {unknown} tidak diketahui',
    de: 'Prüfung von {target}: {crit} kritisch, {warn} Warnungen, {unknown} unbekannt',
  },
  passed: {
    en: '{n} checks passed: {codes}',
    id: '{n} pemeriksaan lolos: {codes}',
    de: '{n} Prüfungen bestanden: {codes}',
  },
  fix: { en: 'Fix', id: 'Perbaikan', de: 'Abhilfe' },
  evidence: { en: 'Evidence', id: 'Bukti', de: 'Befund' },
  catalog: { en: 'Explains bounce', id: 'Menjelaskan pantulan', de: 'Erklärt Unzustellbarkeit' },
  footer: {
    en: '{ms} ms · UNKNOWN means no answer (timeout, SERVFAIL, list refused us), never pass or fail.',
    id: '{ms} md · UNKNOWN berarti tidak ada jawaban (timeout, SERVFAIL, daftar menolak kami), bukan lolos atau gagal.',
    de: '{ms} ms · UNKNOWN heißt: keine Antwort (Zeitüberschreitung, SERVFAIL, Liste verweigert), weder bestanden noch durchgefallen.',
  },
  rerun: { en: 'Run again', id: 'Jalankan lagi', de: 'Erneut prüfen' },
  checkIp: { en: 'Check {ip} ({host})', id: 'Periksa {ip} ({host})', de: '{ip} prüfen ({host})' },
  oneTarget: {
    en: 'Give one domain or IP address to check (e.g. check example.com --ip 203.0.113.5), not {n}.',
    id: 'Berikan satu domain atau alamat IP untuk diperiksa (mis. check example.com --ip 203.0.113.5), bukan {n}.',
    de: 'Geben Sie genau eine Domain oder IP-Adresse an (z. B. check example.com --ip 203.0.113.5), nicht {n}.',
  },
  ipNeedsDomain: {
    en: '--ip asks whether mail from a domain may come from that IP; give a domain as the target (check example.com --ip {ip}).',
    id: '--ip menanyakan apakah surat dari sebuah domain boleh datang dari IP itu; berikan domain sebagai target (check example.com --ip {ip}).',
    de: '--ip fragt, ob Mail einer Domain von dieser IP kommen darf; geben Sie eine Domain als Ziel an (check example.com --ip {ip}).',
  },
} as const;

const REPLY_SEVERITY: Record<CheckSeverity, Severity | 'unknown'> = { CRIT: 'error', WARN: 'warn', UNKNOWN: 'unknown', INFO: 'info', OK: 'ok' };

function itemDetail(r: CheckResult, lang: Lang): string {
  const lines: string[] = [];
  if (r.evidence) lines.push(`${t(TEXT.evidence, lang)}: ${r.evidence}`);
  if (r.fix) lines.push(`${t(TEXT.fix, lang)}: ${r.fix}`);
  for (const c of r.catalog ?? []) lines.push(`${t(TEXT.catalog, lang)}: ${c.title} (${c.id})`);
  return lines.join('\n');
}

/** The command line that reproduces this check (for the re-run button). */
function commandLine(target: string, ip: string | undefined, helo: string | undefined, dkim: string[], resolver: string | undefined, smtp: boolean): string {
  const parts = ['check', target];
  if (ip) parts.push('--ip', ip);
  if (helo && /^[\w.-]+$/.test(helo)) parts.push('--helo', helo);
  for (const s of dkim) parts.push('--dkim', s);
  if (resolver) parts.push('--resolver', resolver);
  if (smtp) parts.push('--smtp');
  return parts.join(' ');
}

export function renderCheck(outcome: CheckOutcome, lang: Lang, rerun: string): Reply {
  const count = (s: CheckSeverity) => outcome.results.filter((r) => r.severity === s).length;
  const crit = count('CRIT');
  const title = fill(t(TEXT.title, lang), { target: outcome.target, crit, warn: count('WARN'), unknown: count('UNKNOWN') });
  const problems = outcome.results.filter((r) => r.severity !== 'OK');
  const passed = outcome.results.filter((r) => r.severity === 'OK');
  const items: Array<{ severity: Severity | 'unknown'; title: string; detail?: string }> = problems.map((r) => {
    const detail = itemDetail(r, lang);
    return { severity: REPLY_SEVERITY[r.severity], title: `${r.code}: ${r.verdict}`, ...(detail ? { detail } : {}) };
  });
  if (passed.length) {
    const codes = [...new Set(passed.map((r) => r.code))].join(', ');
    items.push({ severity: 'ok', title: fill(t(TEXT.passed, lang), { n: passed.length, codes }) });
  }
  const parts: Part[] = [
    { kind: 'items', items },
    { kind: 'context', content: [fill(t(TEXT.footer, lang), { ms: outcome.elapsedMs })] },
  ];
  const actions: Action[] = [{ id: 'check-rerun', label: t(TEXT.rerun, lang), command: rerun }];
  const seen = new Set<string>();
  for (const host of outcome.mxHosts) {
    for (const ip of host.addresses) {
      if (seen.has(ip) || seen.size >= 4) continue;
      seen.add(ip);
      actions.push({ id: `check-ip-${seen.size}`, label: fill(t(TEXT.checkIp, lang), { ip, host: host.name }), command: `check ${ip}` });
    }
  }
  const warn = count('WARN') + count('UNKNOWN');
  return {
    severity: crit ? 'error' : warn ? 'warn' : 'ok',
    title,
    parts,
    actions,
    data: { target: outcome.target, kind: outcome.kind, elapsedMs: outcome.elapsedMs, results: outcome.results },
    exitCode: crit ? 1 : 0,
    summary: title,
  };
}

/** Faces where the person runs the bot on their own machine. */
const TERMINALS = new Set(['cli', 'console']);

export const checkCommand: Command = {
  name: 'check',
  aliases: ['mailcheck'],
  slash: '/mailcheck',
  summary: {
    en: 'Checks a domain or IP for every reason mail would be refused: DNS, MX, SPF, DMARC, DKIM, block lists, PTR.',
    id: 'Memeriksa domain atau IP untuk setiap alasan surat akan ditolak: DNS, MX, SPF, DMARC, DKIM, daftar blokir, PTR.',
    de: 'Prüft eine Domain oder IP auf jeden Grund, aus dem Mail abgewiesen würde: DNS, MX, SPF, DMARC, DKIM, Sperrlisten, PTR.',
  },
  usage: 'check TARGET [--ip IP] [--helo NAME] [--dkim SEL]... [--resolver HOST:PORT] [--smtp] [--json]',
  options: {
    ip: { type: 'string' },
    helo: { type: 'string' },
    dkim: { type: 'string', multiple: true },
    resolver: { type: 'string' },
    smtp: { type: 'boolean' },
  },
  async run(ctx) {
    const { args, flags, lang, services, request } = ctx;
    // Chat-friendly forms: "/mailcheck example.com 203.0.113.5 helo=mail.example.com dkim=s1".
    const positional: string[] = [];
    let helo = flags.helo as string | undefined;
    const dkimRaw = [...((flags.dkim as string[] | undefined) ?? [])];
    let ipRaw = flags.ip as string | undefined;
    for (const arg of args) {
      const kv = /^(helo|dkim|ip)=(.+)$/i.exec(arg);
      if (kv?.[1]?.toLowerCase() === 'helo') helo = kv[2];
      else if (kv?.[1]?.toLowerCase() === 'dkim') dkimRaw.push(kv[2]!);
      else if (kv?.[1]?.toLowerCase() === 'ip') ipRaw = kv[2];
      else positional.push(arg);
    }
    if (positional.length === 2 && !ipRaw) ipRaw = positional.pop();
    if (positional.length !== 1) throw new UsageError(fill(t(TEXT.oneTarget, lang), { n: positional.length }));
    const target = parseTarget(positional[0]!, lang);
    const ip = ipRaw === undefined ? undefined : parseIpOption(ipRaw, lang);
    if (ip && target.kind === 'ip') throw new UsageError(fill(t(TEXT.ipNeedsDomain, lang), { ip }));
    if (helo !== undefined && (helo.length > 255 || /\s/.test(helo.trim()) || !helo.trim())) {
      throw new UsageError(say(lang, 'usage.badHelo'));
    }
    const dkim = [...new Set(dkimRaw.map((s) => parseSelector(s, lang)))];
    const resolverFlag = flags.resolver as string | undefined;
    const servers = resolverFlag === undefined ? undefined : resolverFlag.split(',').map((s) => s.trim()).filter(Boolean);
    if (servers) {
      const bad = servers.length ? invalidServer(servers, lang) : say(lang, 'usage.resolverEmpty');
      if (bad) throw new UsageError(bad);
      // Choosing the resolver points the bot's DNS traffic at any host: at a terminal that is the
      // operator's own machine; in chat it needs a role that grants checks.resolver.
      if (!TERMINALS.has(request.platform)) {
        const { accessFor, authorize } = await import('../access/privileged.js');
        await authorize(ctx, accessFor(services), 'checks.resolver', [], { action: 'checks.resolver', params: { resolver: servers.join(',') } });
      }
    }
    const smtp = Boolean(flags.smtp);
    // The catalogue loads on first use: before the run's clock starts, not inside its DNS budget.
    const catalog = services.catalog;
    // The checks (mailauth, the DNS code) load only when a check runs, not with every command.
    const [{ createCheckRun }, { runCheck }] = await Promise.all([import('../checks/setup.js'), import('../checks/run-check.js')]);
    const run = createCheckRun(services.config.checks, services.store, { ...(servers ? { servers } : {}), now: services.now, smtp: smtp ? {} : undefined });
    const outcome = await runCheck(
      { target, ...(ip ? { ip } : {}), ...(helo ? { helo: helo.trim() } : {}), dkim },
      { ...run, catalog, lang },
    );
    // The re-run keeps user@ (SPF macros may use it) when it survives a command line unquoted.
    const rerunTarget = target.localPart && /^[\w.+=-]+$/.test(target.localPart) ? `${target.localPart}@${target.value}` : target.value;
    return renderCheck(outcome, lang, commandLine(rerunTarget, ip, helo?.trim(), dkim, resolverFlag, smtp));
  },
};
