/** DKIM_SELECTORS and DKIM_KEY: probe selectors, parse each key record, measure the key. */
import { createPublicKey } from 'node:crypto';
import type { CheckContext } from './context.js';
import { lookup, txtStrings } from './lookup.js';
import { msg, renderMsg, type Msg } from './message.js';
import { result, type PendingResult } from './types.js';

/** Selectors big platforms use; M365 uses selector1/selector2, Google "google". */
export const COMMON_SELECTORS = ['default', 'google', 'selector1', 'selector2', 'k1', 'k2', 's1', 's2', 'mail', 'dkim', 'smtp', 'mandrill', 'everlytickey1'];

export interface DkimKeyInfo {
  tags: Map<string, string>;
  keyType: string;
  bits?: number;
  revoked: boolean;
  testing: boolean;
  error?: Msg;
}

export function parseDkimKey(record: string): DkimKeyInfo {
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    tags.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).replace(/\s+/g, ''));
  }
  const keyType = (tags.get('k') ?? 'rsa').toLowerCase();
  const p = tags.get('p');
  const info: DkimKeyInfo = { tags, keyType, revoked: p === '', testing: (tags.get('t') ?? '').split(':').includes('y') };
  if (tags.has('v') && tags.get('v') !== 'DKIM1') info.error = msg('dkim.badVersion', { v: tags.get('v') ?? '' });
  if (p === undefined) info.error = msg('dkim.noP');
  if (!p) return info;
  try {
    const der = Buffer.from(p, 'base64');
    if (keyType === 'ed25519') {
      if (der.length !== 32) throw new Error(`ed25519 key is ${der.length} bytes, not 32`);
      info.bits = 256;
    } else if (keyType === 'rsa') {
      const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      info.bits = key.asymmetricKeyDetails?.modulusLength;
    } else info.error = msg('dkim.badType', { type: keyType });
  } catch (error) {
    info.error = msg('dkim.unparsable', { reason: (error as Error).message.split('\n')[0] ?? '' });
  }
  return info;
}

function keyResult(selector: string, domain: string, record: string, asked: boolean): PendingResult {
  const name = `${selector}._domainkey.${domain}`;
  const info = parseDkimKey(record);
  const short = record.length > 120 ? `${record.slice(0, 117)}…` : record;
  if (info.revoked) {
    return result('DKIM_KEY', asked ? 'CRIT' : 'WARN', msg('dkim.revoked', { selector }), `${name}: ${short}`,
      msg('dkim.revokedFix', { name }), selector);
  }
  if (info.error) {
    return result('DKIM_KEY', 'CRIT', msg('dkim.invalid', { selector, error: info.error }), `${name}: ${short}`,
      msg('dkim.invalidFix'), selector);
  }
  const labelMsg = msg('dkim.label', { type: info.keyType.toUpperCase(), bits: info.bits ?? '?', testing: info.testing ? msg('dkim.testingLabel') : '' });
  const label = renderMsg(labelMsg, 'en'); // evidence stays English
  if (info.keyType === 'rsa' && (info.bits ?? 0) < 1024) {
    return result('DKIM_KEY', 'CRIT', msg('dkim.tooShort', { selector, bits: info.bits ?? '?' }), `${name}: ${label}`,
      msg('dkim.tooShortFix'), selector);
  }
  if (info.keyType === 'rsa' && (info.bits ?? 0) < 2048) {
    return result('DKIM_KEY', 'WARN', msg('dkim.short', { selector, bits: info.bits ?? '?' }), `${name}: ${label}`,
      msg('dkim.shortFix'), selector);
  }
  if (info.testing) {
    return result('DKIM_KEY', 'INFO', msg('dkim.testing', { selector, label: labelMsg }), `${name}: ${label}`,
      msg('dkim.testingFix'), selector);
  }
  return result('DKIM_KEY', 'OK', msg('dkim.ok', { selector, label: labelMsg }), `${name}: ${label}`, undefined, selector);
}

export async function dkimChecks(ctx: CheckContext, domain: string, asked: string[]): Promise<PendingResult[]> {
  const probe = [...new Set([...asked, ...ctx.settings.dkimSelectors.map((s) => s.toLowerCase()), ...COMMON_SELECTORS])];
  const [outcomes, base] = await Promise.all([
    Promise.all(probe.map(async (sel) => ({ sel, outcome: await lookup<string[]>(ctx.resolver, `${sel}._domainkey.${domain}`, 'TXT') }))),
    lookup<string[]>(ctx.resolver, `_domainkey.${domain}`, 'TXT'),
  ]);
  const results: PendingResult[] = [];
  const found: string[] = [];
  const failed: string[] = [];
  for (const { sel, outcome } of outcomes) {
    const isAsked = asked.includes(sel);
    if (outcome.status === 'error') {
      failed.push(sel);
      if (isAsked) results.push(result('DKIM_KEY', 'UNKNOWN', msg('dkim.unreadable', { selector: sel, error: outcome.reason }), `${sel}._domainkey.${domain}: ${outcome.text}`, msg('common.retryLater'), sel));
      continue;
    }
    const records = txtStrings(outcome).filter((t) => /(^|;)\s*(v=DKIM1|p=|k=)/i.test(t));
    if (!records.length) {
      if (isAsked) {
        results.push(result('DKIM_KEY', 'CRIT', msg('dkim.noKey', { name: `${sel}._domainkey.${domain}`, selector: sel }),
          `${sel}._domainkey.${domain}: ${outcome.status === 'ok' ? 'TXT without a DKIM key' : outcome.status.toUpperCase()}`,
          msg('dkim.noKeyFix'), sel));
      }
      continue;
    }
    found.push(sel);
    results.push(keyResult(sel, domain, records[0]!, isAsked));
  }
  const hint = base.status === 'nxdomain' ? `; _domainkey.${domain} is NXDOMAIN, so no selector exists at all` : '';
  if (found.length) {
    results.push(result('DKIM_SELECTORS', 'OK', msg('dkim.found', { selectors: found.join(', ') }), `probed: ${probe.join(', ')}`));
  } else if (failed.length === probe.length) {
    results.push(result('DKIM_SELECTORS', 'UNKNOWN', msg('dkim.noProbe'), `probed: ${probe.join(', ')}`, msg('common.retryLater')));
  } else {
    results.push(result('DKIM_SELECTORS', asked.length ? 'INFO' : 'WARN', msg('dkim.none', { probed: probe.slice(0, 6).join('/'), hint: base.status === 'nxdomain' ? msg('dkim.noneHint', { domain }) : '' }),
      `probed: ${probe.join(', ')}${failed.length ? `; no answer for ${failed.join(', ')}` : ''}${hint}`,
      msg('dkim.noneFix')));
  }
  return results;
}
