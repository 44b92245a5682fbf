/** Opt-in (--smtp) checks that talk to mail servers: MX_SMTP, MX_POSTMASTER and IP_BANNER. */
import type { CheckContext } from './context.js';
import type { MxHost } from './mx-checks.js';
import { isPublicIp, type PtrInfo } from './ip-checks.js';
import { probeSmtp, type SmtpProbe } from './smtp-probe.js';
import { msg } from './message.js';
import { result, type PendingResult } from './types.js';

function daysUntil(validTo: string | undefined, now: number): number | undefined {
  if (!validTo) return undefined;
  const at = Date.parse(validTo);
  return Number.isNaN(at) ? undefined : Math.floor((at - now) / 86_400_000);
}

export function smtpVerdict(host: string, probe: SmtpProbe, now: number): PendingResult {
  const subject = host;
  const evidence = [
    probe.connected ? `connect OK` : `connect failed: ${probe.connectError}`,
    probe.banner ? `banner ${probe.banner.code} ${probe.banner.text.split('\n')[0]} (${probe.bannerMs} ms)` : '',
    probe.starttls ? `STARTTLS ${probe.starttls}` : '',
    probe.tls ? (probe.tls.ok ? `TLS ${probe.tls.protocol ?? ''} certificate ${probe.tls.authorized ? 'valid' : `not trusted (${probe.tls.authorizationError})`}${probe.tls.validTo ? `, expires ${probe.tls.validTo}` : ''}` : `TLS failed: ${probe.tls.error}`) : '',
    probe.error ? `error: ${probe.error}` : '',
  ].filter(Boolean).join('; ');
  if (!probe.connected) return result('MX_SMTP', 'CRIT', msg('smtp.noConnect', { host, error: probe.connectError ?? '' }), evidence, msg('smtp.noConnectFix'), subject);
  if (!probe.banner) return result('MX_SMTP', 'CRIT', msg('smtp.silent', { host, error: probe.error ?? msg('smtp.noBanner') }), evidence, msg('smtp.silentFix'), subject);
  if (probe.banner.code !== 220) return result('MX_SMTP', 'CRIT', msg('smtp.refuses', { host, code: probe.banner.code, text: probe.banner.text.split('\n')[0] ?? '' }), evidence, msg('smtp.refusesFix'), subject);
  if (probe.starttls === 'not-offered') return result('MX_SMTP', 'WARN', msg('smtp.noTls', { host }), evidence, msg('smtp.noTlsFix'), subject);
  if (probe.tls && !probe.tls.ok) return result('MX_SMTP', 'WARN', msg('smtp.tlsFailed', { host, error: probe.tls.error ?? '' }), evidence, msg('smtp.tlsFailedFix'), subject);
  const days = daysUntil(probe.tls?.validTo, now);
  if (days !== undefined && days < 0) return result('MX_SMTP', 'WARN', msg('smtp.expired', { host, days: -days }), evidence, msg('smtp.renew'), subject);
  if (probe.tls && !probe.tls.authorized) return result('MX_SMTP', 'WARN', msg('smtp.untrusted', { host, error: String(probe.tls.authorizationError) }), evidence, msg('smtp.untrustedFix', { host }), subject);
  if (days !== undefined && days < 14) return result('MX_SMTP', 'WARN', msg('smtp.expiring', { host, days }), evidence, msg('smtp.renewNow'), subject);
  if (probe.error) return result('MX_SMTP', 'WARN', msg('smtp.brokeOff', { host, error: probe.error }), evidence, msg('smtp.brokeOffFix'), subject);
  return result('MX_SMTP', 'OK', msg('smtp.ok', { host }), evidence, undefined, subject);
}

function postmasterVerdict(host: string, domain: string, probe: SmtpProbe): PendingResult | undefined {
  const rcpt = probe.rcpt;
  if (!rcpt) return undefined;
  const evidence = `RCPT TO:<postmaster@${domain}> → ${rcpt.code} ${rcpt.text.split('\n')[0]}`;
  if (rcpt.code < 300) return result('MX_POSTMASTER', 'OK', msg('postmaster.ok', { host, domain }), evidence, undefined, host);
  if (rcpt.code < 500) return result('MX_POSTMASTER', 'UNKNOWN', msg('postmaster.deferred', { host, domain, code: rcpt.code }), evidence, msg('postmaster.deferredFix'), host);
  return result('MX_POSTMASTER', 'WARN', msg('postmaster.rejected', { host, domain, code: rcpt.code }), evidence,
    msg('postmaster.rejectedFix', { domain }), host);
}

/** MX_SMTP and MX_POSTMASTER for the first two MX hosts. */
export async function smtpChecks(ctx: CheckContext, domain: string, hosts: MxHost[]): Promise<PendingResult[]> {
  const smtp = ctx.smtp!;
  // Only public addresses: a domain must not be able to point our probe at our own network.
  const targets = hosts
    .map((h) => ({ h, address: smtp.connectHost ?? h.addresses.find(isPublicIp) }))
    .filter((t): t is { h: MxHost; address: string } => Boolean(t.address))
    .slice(0, 2);
  const probes = await Promise.all(targets.map(async ({ h, address }) => ({
    h,
    probe: await probeSmtp({ host: address, port: smtp.port, servername: h.name, helo: smtp.helo, timeoutMs: smtp.timeoutMs, rcpt: `postmaster@${domain}` }),
  })));
  return probes.flatMap(({ h, probe }) => [smtpVerdict(h.name, probe, ctx.now()), postmasterVerdict(h.name, domain, probe)].filter((r): r is PendingResult => Boolean(r)));
}

/** IP_BANNER: the host name in the 220 greeting equals the PTR. */
export async function bannerCheck(ctx: CheckContext, ip: string, ptr: PtrInfo): Promise<PendingResult> {
  const smtp = ctx.smtp!;
  const probe = await probeSmtp({ host: smtp.connectHost ?? ip, port: smtp.port, helo: smtp.helo, timeoutMs: smtp.timeoutMs });
  if (!probe.banner) return result('IP_BANNER', 'UNKNOWN', msg('banner.none', { ip, port: smtp.port, error: probe.connectError ?? probe.error ?? msg('smtp.noBanner') }), '', msg('banner.noneFix'));
  const name = /^(\S+)/.exec(probe.banner.text)?.[1]?.toLowerCase().replace(/\.$/, '') ?? '';
  const evidence = `banner: ${probe.banner.code} ${probe.banner.text.split('\n')[0]}; PTR: ${ptr.names.join(', ') || 'none'}`;
  if (ptr.names.some((n) => n.toLowerCase() === name)) return result('IP_BANNER', 'OK', msg('banner.ok', { name }), evidence);
  return result('IP_BANNER', 'INFO', msg('banner.differs', { name: name || msg('banner.noName'), ptr: ptr.names[0] ?? msg('banner.noPtr') }), evidence, msg('banner.differsFix'));
}
