/** MTA_STS, TLSRPT, BIMI and DNSSEC_DANE: the transport and brand policies a domain publishes. */
import { parsePolicy, validateMx } from 'mailauth/lib/mta-sts.js';
import type { CheckContext } from './context.js';
import { lookup, txtStrings } from './lookup.js';
import type { MxHost } from './mx-checks.js';
import type { DmarcRecordInfo } from './dmarc-checks.js';
import { TYPE_SOA, TYPE_TLSA, type RawQuery } from './raw-dns.js';
import { msg } from './message.js';
import { result, type PendingResult } from './types.js';

export async function mtaStsCheck(ctx: CheckContext, domain: string, hosts: MxHost[]): Promise<PendingResult> {
  const txt = await lookup<string[]>(ctx.resolver, `_mta-sts.${domain}`, 'TXT');
  if (txt.status === 'error') return result('MTA_STS', 'UNKNOWN', msg('common.unreadable', { name: `_mta-sts.${domain}`, error: txt.reason }), `TXT _mta-sts.${domain}: ${txt.text}`, msg('common.retryLater'));
  const records = txtStrings(txt).filter((t) => /^v=STSv1\b/i.test(t.trim()));
  if (!records.length) {
    return result('MTA_STS', 'INFO', msg('sts.none', { domain }), `TXT _mta-sts.${domain}: none`,
      msg('sts.noneFix', { domain }));
  }
  if (records.length > 1) return result('MTA_STS', 'WARN', msg('sts.multiple', { n: records.length, domain }), records.join(' | '), msg('sts.multipleFix'));
  const id = /(?:^|;)\s*id\s*=\s*([A-Za-z0-9]{1,32})\s*(;|$)/.exec(records[0]!)?.[1];
  if (!id) return result('MTA_STS', 'WARN', msg('sts.noId'), records[0]!, msg('sts.noIdFix'));
  if (!ctx.fetchMtaSts) return result('MTA_STS', 'INFO', msg('sts.notFetched', { id }), records[0]!);
  let body: string;
  try {
    const fetched = await ctx.fetchMtaSts(domain);
    if (fetched.status !== 200) {
      return result('MTA_STS', 'WARN', msg('sts.http', { domain, status: fetched.status }), records[0]!, msg('sts.httpFix', { domain }));
    }
    if (fetched.contentType && !/^text\/plain\b/i.test(fetched.contentType)) {
      return result('MTA_STS', 'WARN', msg('sts.contentType', { type: fetched.contentType }), records[0]!, msg('sts.contentTypeFix'));
    }
    body = fetched.body;
  } catch (error) {
    return result('MTA_STS', 'UNKNOWN', msg('sts.fetchFailed', { id, error: (error as Error).message }), records[0]!, msg('sts.fetchFailedFix', { domain }));
  }
  let policy;
  try {
    policy = parsePolicy(body);
  } catch (error) {
    return result('MTA_STS', 'WARN', msg('sts.invalid', { error: (error as Error).message }), body.slice(0, 300), msg('sts.invalidFix'));
  }
  const evidence = `id=${id}; mode: ${policy.mode}; mx: ${(policy.mx ?? []).join(', ')}; max_age: ${policy.maxAge}`;
  const outside = hosts.filter((h) => !validateMx(h.name, policy).valid).map((h) => h.name);
  if (outside.length && policy.mode === 'enforce') {
    return result('MTA_STS', 'WARN', msg('sts.enforceOutside', { hosts: outside.join(', ') }), evidence, msg('sts.enforceOutsideFix', { host: outside[0] ?? '' }));
  }
  if (outside.length) return result('MTA_STS', 'INFO', msg('sts.outside', { mode: policy.mode, hosts: outside.join(', ') }), evidence, msg('sts.outsideFix', { host: outside[0] ?? '' }));
  if (policy.mode !== 'enforce') return result('MTA_STS', 'INFO', msg('sts.testing', { mode: policy.mode }), evidence, msg('sts.testingFix'));
  return result('MTA_STS', 'OK', msg('sts.ok'), evidence);
}

export async function tlsRptCheck(ctx: CheckContext, domain: string): Promise<PendingResult> {
  const name = `_smtp._tls.${domain}`;
  const txt = await lookup<string[]>(ctx.resolver, name, 'TXT');
  if (txt.status === 'error') return result('TLSRPT', 'UNKNOWN', msg('common.unreadable', { name, error: txt.reason }), `TXT ${name}: ${txt.text}`, msg('common.retryLater'));
  const records = txtStrings(txt).filter((t) => /^v=TLSRPTv1\b/i.test(t.trim()));
  if (!records.length) return result('TLSRPT', 'INFO', msg('tlsrpt.none'), `TXT ${name}: none`, msg('tlsrpt.noneFix', { name, domain }));
  if (records.length > 1) return result('TLSRPT', 'WARN', msg('tlsrpt.multiple', { n: records.length }), records.join(' | '), msg('tlsrpt.multipleFix'));
  const rua = /(?:^|;)\s*rua\s*=\s*([^;]+)/i.exec(records[0]!)?.[1]?.trim();
  if (!rua || !rua.split(',').every((u) => /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(u.trim()))) {
    return result('TLSRPT', 'WARN', msg('tlsrpt.badRua'), records[0]!, msg('tlsrpt.badRuaFix', { domain }));
  }
  return result('TLSRPT', 'OK', msg('tlsrpt.ok', { rua }), records[0]!);
}

export async function bimiCheck(ctx: CheckContext, domain: string, dmarc: DmarcRecordInfo | undefined): Promise<PendingResult> {
  const name = `default._bimi.${domain}`;
  const txt = await lookup<string[]>(ctx.resolver, name, 'TXT');
  if (txt.status === 'error') return result('BIMI', 'UNKNOWN', msg('common.unreadable', { name, error: txt.reason }), `TXT ${name}: ${txt.text}`, msg('common.retryLater'));
  const record = txtStrings(txt).find((t) => /^v=BIMI1\b/i.test(t.trim()));
  if (!record) return result('BIMI', 'INFO', msg('bimi.none'), `TXT ${name}: none`, msg('bimi.noneFix'));
  const policy = (dmarc?.tags.get('p') ?? 'none').toLowerCase();
  const pct = dmarc?.tags.has('pct') ? Number(dmarc.tags.get('pct')) : 100;
  const logo = /(?:^|;)\s*l\s*=\s*([^;]*)/i.exec(record)?.[1]?.trim();
  if (policy === 'none' || pct < 100) {
    return result('BIMI', 'INFO', msg('bimi.weakDmarc', { setting: policy === 'none' ? 'p=none' : `pct=${pct}` }), record, msg('bimi.weakDmarcFix'));
  }
  if (!logo) return result('BIMI', 'INFO', msg('bimi.noLogo'), record, msg('bimi.noLogoFix'));
  return result('BIMI', 'OK', msg('bimi.ok', { policy, logo }), record);
}

/** DNSSEC_DANE (best effort): the AD bit from the configured validating resolver, and TLSA on each MX. */
export async function dnssecDaneCheck(raw: RawQuery | undefined, domain: string, hosts: MxHost[]): Promise<PendingResult> {
  if (!raw) return result('DNSSEC_DANE', 'INFO', msg('dane.notChecked'), '');
  try {
    const [soa, ...tlsa] = await Promise.all([
      raw(domain, TYPE_SOA),
      ...hosts.slice(0, 4).map((h) => raw(`_25._tcp.${h.name}`, TYPE_TLSA)),
    ]);
    const withTlsa = hosts.slice(0, 4).map((h, i) => ({ h, records: (tlsa[i]?.answers ?? []).filter((a) => a.type === TYPE_TLSA) })).filter((x) => x.records.length);
    const tlsaText = withTlsa.map(({ h, records }) => `${h.name} TLSA ${records.map((r) => `${r.data[0]} ${r.data[1]} ${r.data[2]}`).join(', ')}`).join('; ');
    const evidence = `AD bit on ${domain}: ${soa.ad ? 'set' : 'not set'}${tlsaText ? `; ${tlsaText}` : '; no TLSA on the MX hosts'}`;
    if (!soa.ad) return result('DNSSEC_DANE', 'INFO', msg('dane.unsigned', { domain }), evidence, msg('dane.unsignedFix'));
    if (!withTlsa.length) return result('DNSSEC_DANE', 'INFO', msg('dane.noTlsa'), evidence, msg('dane.noTlsaFix'));
    return result('DNSSEC_DANE', 'OK', msg('dane.ok', { tlsa: tlsaText }), evidence);
  } catch (error) {
    return result('DNSSEC_DANE', 'UNKNOWN', msg('dane.failed', { error: (error as Error).message }), '', msg('common.retryLater'));
  }
}
