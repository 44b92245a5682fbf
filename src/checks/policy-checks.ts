/** MTA_STS, TLSRPT, BIMI and DNSSEC_DANE: the transport and brand policies a domain publishes. */
import { parsePolicy, validateMx } from 'mailauth/lib/mta-sts.js';
import type { CheckContext } from './context.js';
import { lookup, txtStrings } from './lookup.js';
import type { MxHost } from './mx-checks.js';
import type { DmarcRecordInfo } from './dmarc-checks.js';
import { TYPE_SOA, TYPE_TLSA, type RawQuery } from './raw-dns.js';
import { result, type CheckResult } from './types.js';

export async function mtaStsCheck(ctx: CheckContext, domain: string, hosts: MxHost[]): Promise<CheckResult> {
  const txt = await lookup<string[]>(ctx.resolver, `_mta-sts.${domain}`, 'TXT');
  if (txt.status === 'error') return result('MTA_STS', 'UNKNOWN', `Could not read _mta-sts.${domain}: ${txt.text}.`, `TXT _mta-sts.${domain}: ${txt.text}`, 'Run the check again later.');
  const records = txtStrings(txt).filter((t) => /^v=STSv1\b/i.test(t.trim()));
  if (!records.length) {
    return result('MTA_STS', 'INFO', `${domain} publishes no MTA-STS policy: senders may deliver to it without TLS if an attacker strips STARTTLS.`, `TXT _mta-sts.${domain}: none`,
      `Publish _mta-sts.${domain} TXT "v=STSv1; id=<date>" and https://mta-sts.${domain}/.well-known/mta-sts.txt (start with mode: testing).`);
  }
  if (records.length > 1) return result('MTA_STS', 'WARN', `${records.length} MTA-STS records at _mta-sts.${domain}: senders ignore the policy.`, records.join(' | '), 'Keep exactly one v=STSv1 record.');
  const id = /(?:^|;)\s*id\s*=\s*([A-Za-z0-9]{1,32})\s*(;|$)/.exec(records[0]!)?.[1];
  if (!id) return result('MTA_STS', 'WARN', `MTA-STS record has no valid id= (1-32 letters/digits): senders ignore it.`, records[0]!, 'Add "id=" with a new value each time the policy changes, e.g. id=20260101.');
  if (!ctx.fetchMtaSts) return result('MTA_STS', 'INFO', `MTA-STS record found (id=${id}); the policy file was not fetched.`, records[0]!);
  let body: string;
  try {
    const fetched = await ctx.fetchMtaSts(domain);
    if (fetched.status !== 200) {
      return result('MTA_STS', 'WARN', `MTA-STS record published but https://mta-sts.${domain}/.well-known/mta-sts.txt answers HTTP ${fetched.status}: senders cannot use the policy.`, records[0]!, 'Serve the policy file over HTTPS with a valid certificate for mta-sts.' + domain + '.');
    }
    if (fetched.contentType && !/^text\/plain\b/i.test(fetched.contentType)) {
      return result('MTA_STS', 'WARN', `The MTA-STS policy is served as ${fetched.contentType}, not text/plain: RFC 8461 senders reject it.`, records[0]!, 'Serve the file with Content-Type: text/plain.');
    }
    body = fetched.body;
  } catch (error) {
    return result('MTA_STS', 'UNKNOWN', `MTA-STS record found (id=${id}) but the policy could not be fetched: ${(error as Error).message}.`, records[0]!, `Check https://mta-sts.${domain}/.well-known/mta-sts.txt (certificate, DNS, reachability).`);
  }
  let policy;
  try {
    policy = parsePolicy(body);
  } catch (error) {
    return result('MTA_STS', 'WARN', `The MTA-STS policy is invalid (${(error as Error).message}): senders ignore it.`, body.slice(0, 300), 'Fix the policy file: version: STSv1, mode, mx lines, max_age.');
  }
  const evidence = `id=${id}; mode: ${policy.mode}; mx: ${(policy.mx ?? []).join(', ')}; max_age: ${policy.maxAge}`;
  const outside = hosts.filter((h) => !validateMx(h.name, policy).valid).map((h) => h.name);
  if (outside.length && policy.mode === 'enforce') {
    return result('MTA_STS', 'WARN', `MTA-STS enforce, but ${outside.join(', ')} is not in the policy: senders will refuse to deliver there.`, evidence, `Add "mx: ${outside[0]}" to the policy (and change the id).`);
  }
  if (outside.length) return result('MTA_STS', 'INFO', `MTA-STS ${policy.mode}: ${outside.join(', ')} is not in the policy (reported, not enforced).`, evidence, `Add "mx: ${outside[0]}" before switching to enforce.`);
  if (policy.mode !== 'enforce') return result('MTA_STS', 'INFO', `MTA-STS is in ${policy.mode} mode: failures are reported, not enforced.`, evidence, 'Switch to mode: enforce once TLS reports are clean.');
  return result('MTA_STS', 'OK', 'MTA-STS enforce, every MX is covered.', evidence);
}

export async function tlsRptCheck(ctx: CheckContext, domain: string): Promise<CheckResult> {
  const name = `_smtp._tls.${domain}`;
  const txt = await lookup<string[]>(ctx.resolver, name, 'TXT');
  if (txt.status === 'error') return result('TLSRPT', 'UNKNOWN', `Could not read ${name}: ${txt.text}.`, `TXT ${name}: ${txt.text}`, 'Run the check again later.');
  const records = txtStrings(txt).filter((t) => /^v=TLSRPTv1\b/i.test(t.trim()));
  if (!records.length) return result('TLSRPT', 'INFO', 'No TLS reporting (TLSRPT): you will not hear about TLS failures delivering to you.', `TXT ${name}: none`, `Publish ${name} TXT "v=TLSRPTv1; rua=mailto:tls-reports@${domain}".`);
  if (records.length > 1) return result('TLSRPT', 'WARN', `${records.length} TLSRPT records: senders ignore them.`, records.join(' | '), 'Keep exactly one v=TLSRPTv1 record.');
  const rua = /(?:^|;)\s*rua\s*=\s*([^;]+)/i.exec(records[0]!)?.[1]?.trim();
  if (!rua || !rua.split(',').every((u) => /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(u.trim()))) {
    return result('TLSRPT', 'WARN', 'TLSRPT record has no valid rua= (mailto: or https:): no reports are sent.', records[0]!, 'Add "rua=mailto:tls-reports@' + domain + '".');
  }
  return result('TLSRPT', 'OK', `TLS reports go to ${rua}.`, records[0]!);
}

export async function bimiCheck(ctx: CheckContext, domain: string, dmarc: DmarcRecordInfo | undefined): Promise<CheckResult> {
  const name = `default._bimi.${domain}`;
  const txt = await lookup<string[]>(ctx.resolver, name, 'TXT');
  if (txt.status === 'error') return result('BIMI', 'UNKNOWN', `Could not read ${name}: ${txt.text}.`, `TXT ${name}: ${txt.text}`, 'Run the check again later.');
  const record = txtStrings(txt).find((t) => /^v=BIMI1\b/i.test(t.trim()));
  if (!record) return result('BIMI', 'INFO', 'No BIMI record: mailbox providers show no brand logo.', `TXT ${name}: none`, 'Optional: publish a BIMI record once DMARC is at quarantine or reject.');
  const policy = (dmarc?.tags.get('p') ?? 'none').toLowerCase();
  const pct = dmarc?.tags.has('pct') ? Number(dmarc.tags.get('pct')) : 100;
  const logo = /(?:^|;)\s*l\s*=\s*([^;]*)/i.exec(record)?.[1]?.trim();
  if (policy === 'none' || pct < 100) {
    return result('BIMI', 'INFO', `BIMI published but DMARC ${policy === 'none' ? 'p=none' : `pct=${pct}`}: logos will not show.`, record, 'Move DMARC to p=quarantine or p=reject at pct=100.');
  }
  if (!logo) return result('BIMI', 'INFO', 'BIMI record has no logo (l=): it declines BIMI.', record, 'Add l=https://…/logo.svg (SVG Tiny PS).');
  return result('BIMI', 'OK', `BIMI published with DMARC p=${policy}; logo ${logo} (SVG and certificate not fetched).`, record);
}

/** DNSSEC_DANE (best effort): the AD bit from the configured validating resolver, and TLSA on each MX. */
export async function dnssecDaneCheck(raw: RawQuery | undefined, domain: string, hosts: MxHost[]): Promise<CheckResult> {
  if (!raw) return result('DNSSEC_DANE', 'INFO', 'DNSSEC/DANE not checked (no resolver address to ask directly).', '');
  try {
    const [soa, ...tlsa] = await Promise.all([
      raw(domain, TYPE_SOA),
      ...hosts.slice(0, 4).map((h) => raw(`_25._tcp.${h.name}`, TYPE_TLSA)),
    ]);
    const withTlsa = hosts.slice(0, 4).map((h, i) => ({ h, records: (tlsa[i]?.answers ?? []).filter((a) => a.type === TYPE_TLSA) })).filter((x) => x.records.length);
    const tlsaText = withTlsa.map(({ h, records }) => `${h.name} TLSA ${records.map((r) => `${r.data[0]} ${r.data[1]} ${r.data[2]}`).join(', ')}`).join('; ');
    const evidence = `AD bit on ${domain}: ${soa.ad ? 'set' : 'not set'}${tlsaText ? `; ${tlsaText}` : '; no TLSA on the MX hosts'}`;
    if (!soa.ad) return result('DNSSEC_DANE', 'INFO', `${domain} is not DNSSEC-validated by the resolver (unsigned, or the resolver does not validate); DANE is not possible.`, evidence, 'Optional: sign the zone (DNSSEC), then publish TLSA records for the MX hosts.');
    if (!withTlsa.length) return result('DNSSEC_DANE', 'INFO', `Zone signed (AD bit set); no MX publishes TLSA, so DANE is not used.`, evidence, 'Optional: publish TLSA 3 1 1 records at _25._tcp.<mx>.');
    return result('DNSSEC_DANE', 'OK', `Zone signed; DANE: ${tlsaText}.`, evidence);
  } catch (error) {
    return result('DNSSEC_DANE', 'UNKNOWN', `DNSSEC/DANE could not be checked: ${(error as Error).message}.`, '', 'Run the check again later.');
  }
}
