/** Opt-in (--smtp) checks that talk to mail servers: MX_SMTP, MX_POSTMASTER and IP_BANNER. */
import type { CheckContext } from './context.js';
import type { MxHost } from './mx-checks.js';
import { isPublicIp, type PtrInfo } from './ip-checks.js';
import { probeSmtp, type SmtpProbe } from './smtp-probe.js';
import { result, type CheckResult } from './types.js';

function daysUntil(validTo: string | undefined, now: number): number | undefined {
  if (!validTo) return undefined;
  const at = Date.parse(validTo);
  return Number.isNaN(at) ? undefined : Math.floor((at - now) / 86_400_000);
}

export function smtpVerdict(host: string, probe: SmtpProbe, now: number): CheckResult {
  const subject = host;
  const evidence = [
    probe.connected ? `connect OK` : `connect failed: ${probe.connectError}`,
    probe.banner ? `banner ${probe.banner.code} ${probe.banner.text.split('\n')[0]} (${probe.bannerMs} ms)` : '',
    probe.starttls ? `STARTTLS ${probe.starttls}` : '',
    probe.tls ? (probe.tls.ok ? `TLS ${probe.tls.protocol ?? ''} certificate ${probe.tls.authorized ? 'valid' : `not trusted (${probe.tls.authorizationError})`}${probe.tls.validTo ? `, expires ${probe.tls.validTo}` : ''}` : `TLS failed: ${probe.tls.error}`) : '',
    probe.error ? `error: ${probe.error}` : '',
  ].filter(Boolean).join('; ');
  if (!probe.connected) return result('MX_SMTP', 'CRIT', `${host} does not accept connections on port 25 (${probe.connectError}): mail to it queues and bounces.`, evidence, 'Check the server is running and port 25 is open in every firewall.', subject);
  if (!probe.banner) return result('MX_SMTP', 'CRIT', `${host} accepted the connection but sent no SMTP greeting (${probe.error ?? 'no banner'}).`, evidence, 'Check the MTA; a tarpit or broken proxy may be in front of it.', subject);
  if (probe.banner.code !== 220) return result('MX_SMTP', 'CRIT', `${host} greets with ${probe.banner.code}: it refuses mail (${probe.banner.text.split('\n')[0]}).`, evidence, 'Find out why the server refuses connections (overload, block of our address).', subject);
  if (probe.starttls === 'not-offered') return result('MX_SMTP', 'WARN', `${host} does not offer STARTTLS: mail to it travels unencrypted (connect OK, no TLS).`, evidence, 'Enable STARTTLS with a certificate for the MX name.', subject);
  if (probe.tls && !probe.tls.ok) return result('MX_SMTP', 'WARN', `${host} offers STARTTLS but the TLS handshake failed (connect OK, TLS failed: ${probe.tls.error}).`, evidence, 'Fix the TLS configuration (protocols, ciphers, certificate chain).', subject);
  const days = daysUntil(probe.tls?.validTo, now);
  if (days !== undefined && days < 0) return result('MX_SMTP', 'WARN', `${host}: certificate expired ${-days} day(s) ago (connect OK, TLS OK, certificate invalid); MTA-STS/DANE senders refuse it.`, evidence, 'Renew the certificate.', subject);
  if (probe.tls && !probe.tls.authorized) return result('MX_SMTP', 'WARN', `${host}: certificate not trusted for ${host} (${probe.tls.authorizationError}); opportunistic TLS works, MTA-STS/DANE senders refuse it.`, evidence, `Install a certificate from a public CA that names ${host}.`, subject);
  if (days !== undefined && days < 14) return result('MX_SMTP', 'WARN', `${host}: certificate expires in ${days} day(s).`, evidence, 'Renew the certificate now.', subject);
  if (probe.error) return result('MX_SMTP', 'WARN', `${host}: the SMTP conversation broke off (${probe.error}).`, evidence, 'Check the server logs for the connection from us.', subject);
  return result('MX_SMTP', 'OK', `${host}: port 25, banner, EHLO and STARTTLS OK.`, evidence, '', subject);
}

function postmasterVerdict(host: string, domain: string, probe: SmtpProbe): CheckResult | undefined {
  const rcpt = probe.rcpt;
  if (!rcpt) return undefined;
  const evidence = `RCPT TO:<postmaster@${domain}> → ${rcpt.code} ${rcpt.text.split('\n')[0]}`;
  if (rcpt.code < 300) return result('MX_POSTMASTER', 'OK', `${host} accepts postmaster@${domain}.`, evidence, '', host);
  if (rcpt.code < 500) return result('MX_POSTMASTER', 'UNKNOWN', `${host} deferred postmaster@${domain} (${rcpt.code}; greylisting?): unknown.`, evidence, 'Run the check again in a few minutes.', host);
  return result('MX_POSTMASTER', 'WARN', `${host} rejects postmaster@${domain} (${rcpt.code}): bounces and abuse reports are lost (RFC 5321 §4.5.1).`, evidence,
    `Create postmaster@${domain} (an alias to a watched mailbox is enough) and exempt it from filtering.`, host);
}

/** MX_SMTP and MX_POSTMASTER for the first two MX hosts. */
export async function smtpChecks(ctx: CheckContext, domain: string, hosts: MxHost[]): Promise<CheckResult[]> {
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
  return probes.flatMap(({ h, probe }) => [smtpVerdict(h.name, probe, ctx.now()), postmasterVerdict(h.name, domain, probe)].filter((r): r is CheckResult => Boolean(r)));
}

/** IP_BANNER: the host name in the 220 greeting equals the PTR. */
export async function bannerCheck(ctx: CheckContext, ip: string, ptr: PtrInfo): Promise<CheckResult> {
  const smtp = ctx.smtp!;
  const probe = await probeSmtp({ host: smtp.connectHost ?? ip, port: smtp.port, helo: smtp.helo, timeoutMs: smtp.timeoutMs });
  if (!probe.banner) return result('IP_BANNER', 'UNKNOWN', `No SMTP greeting from ${ip} on port ${smtp.port} (${probe.connectError ?? probe.error ?? 'no banner'}).`, '', 'Only relevant if this IP runs a mail server.');
  const name = /^(\S+)/.exec(probe.banner.text)?.[1]?.toLowerCase().replace(/\.$/, '') ?? '';
  const evidence = `banner: ${probe.banner.code} ${probe.banner.text.split('\n')[0]}; PTR: ${ptr.names.join(', ') || 'none'}`;
  if (ptr.names.some((n) => n.toLowerCase() === name)) return result('IP_BANNER', 'OK', `Banner names ${name}, the same as the PTR.`, evidence);
  return result('IP_BANNER', 'INFO', `Banner says ${name || '(no name)'}; PTR is ${ptr.names[0] ?? 'missing'}. Some receivers compare them.`, evidence, 'Make the MTA greet with its PTR name (e.g. Postfix myhostname).');
}
