/** DKIM_SELECTORS and DKIM_KEY: probe selectors, parse each key record, measure the key. */
import { createPublicKey } from 'node:crypto';
import type { CheckContext } from './context.js';
import { lookup, txtStrings } from './lookup.js';
import { result, type CheckResult } from './types.js';

/** Selectors big platforms use; M365 uses selector1/selector2, Google "google". */
export const COMMON_SELECTORS = ['default', 'google', 'selector1', 'selector2', 'k1', 'k2', 's1', 's2', 'mail', 'dkim', 'smtp', 'mandrill', 'everlytickey1'];

export interface DkimKeyInfo {
  tags: Map<string, string>;
  keyType: string;
  bits?: number;
  revoked: boolean;
  testing: boolean;
  error?: string;
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
  if (tags.has('v') && tags.get('v') !== 'DKIM1') info.error = `v=${tags.get('v')} (must be DKIM1)`;
  if (p === undefined) info.error = 'no p= tag (no public key)';
  if (!p) return info;
  try {
    const der = Buffer.from(p, 'base64');
    if (keyType === 'ed25519') {
      if (der.length !== 32) throw new Error(`ed25519 key is ${der.length} bytes, not 32`);
      info.bits = 256;
    } else if (keyType === 'rsa') {
      const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      info.bits = key.asymmetricKeyDetails?.modulusLength;
    } else info.error = `unknown key type k=${keyType}`;
  } catch (error) {
    info.error = `the key does not parse (${(error as Error).message.split('\n')[0]})`;
  }
  return info;
}

function keyResult(selector: string, domain: string, record: string, asked: boolean): CheckResult {
  const name = `${selector}._domainkey.${domain}`;
  const info = parseDkimKey(record);
  const short = record.length > 120 ? `${record.slice(0, 117)}…` : record;
  if (info.revoked) {
    return result('DKIM_KEY', asked ? 'CRIT' : 'WARN', `DKIM selector ${selector} is revoked (empty p=): signatures with it fail.`, `${name}: ${short}`,
      `Sign with a selector that has a key, or publish the key again at ${name}.`, selector);
  }
  if (info.error) {
    return result('DKIM_KEY', 'CRIT', `DKIM selector ${selector}: ${info.error}; receivers treat its signatures as invalid.`, `${name}: ${short}`,
      'Republish the record exactly as your mail platform shows it ("v=DKIM1; k=rsa; p=…", all strings joined).', selector);
  }
  const label = `${info.keyType.toUpperCase()} ${info.bits ?? '?'}${info.testing ? ', t=y (testing)' : ''}`;
  if (info.keyType === 'rsa' && (info.bits ?? 0) < 1024) {
    return result('DKIM_KEY', 'CRIT', `DKIM selector ${selector} has a ${info.bits}-bit RSA key; receivers treat the signature as invalid.`, `${name}: ${label}`,
      'Generate a 2048-bit key, publish it under a new selector and switch signing to it.', selector);
  }
  if (info.keyType === 'rsa' && (info.bits ?? 0) < 2048) {
    return result('DKIM_KEY', 'WARN', `DKIM selector ${selector} has a ${info.bits}-bit RSA key; 2048 bits is the current minimum recommendation.`, `${name}: ${label}`,
      'Rotate to a 2048-bit key under a new selector.', selector);
  }
  if (info.testing) {
    return result('DKIM_KEY', 'INFO', `DKIM selector ${selector}: ${label}; in testing mode some receivers ignore failures and successes alike.`, `${name}: ${label}`,
      'Remove t=y once signing works.', selector);
  }
  return result('DKIM_KEY', 'OK', `DKIM selector ${selector}: ${label} OK.`, `${name}: ${label}`, '', selector);
}

export async function dkimChecks(ctx: CheckContext, domain: string, asked: string[]): Promise<CheckResult[]> {
  const probe = [...new Set([...asked, ...ctx.settings.dkimSelectors.map((s) => s.toLowerCase()), ...COMMON_SELECTORS])];
  const [outcomes, base] = await Promise.all([
    Promise.all(probe.map(async (sel) => ({ sel, outcome: await lookup<string[]>(ctx.resolver, `${sel}._domainkey.${domain}`, 'TXT') }))),
    lookup<string[]>(ctx.resolver, `_domainkey.${domain}`, 'TXT'),
  ]);
  const results: CheckResult[] = [];
  const found: string[] = [];
  const failed: string[] = [];
  for (const { sel, outcome } of outcomes) {
    const isAsked = asked.includes(sel);
    if (outcome.status === 'error') {
      failed.push(sel);
      if (isAsked) results.push(result('DKIM_KEY', 'UNKNOWN', `Could not read DKIM selector ${sel}: ${outcome.text}.`, `${sel}._domainkey.${domain}: ${outcome.text}`, 'Run the check again later.', sel));
      continue;
    }
    const records = txtStrings(outcome).filter((t) => /(^|;)\s*(v=DKIM1|p=|k=)/i.test(t));
    if (!records.length) {
      if (isAsked) {
        results.push(result('DKIM_KEY', 'CRIT', `No DKIM key at ${sel}._domainkey.${domain}: signatures with selector ${sel} fail (dkim=permerror, no key).`,
          `${sel}._domainkey.${domain}: ${outcome.status === 'ok' ? 'TXT without a DKIM key' : outcome.status.toUpperCase()}`,
          'Publish the public key your mail platform shows for this selector (TXT, or the CNAME it asks for).', sel));
      }
      continue;
    }
    found.push(sel);
    results.push(keyResult(sel, domain, records[0]!, isAsked));
  }
  const hint = base.status === 'nxdomain' ? `; _domainkey.${domain} is NXDOMAIN, so no selector exists at all` : '';
  if (found.length) {
    results.push(result('DKIM_SELECTORS', 'OK', `DKIM key(s) found: ${found.join(', ')}.`, `probed: ${probe.join(', ')}`));
  } else if (failed.length === probe.length) {
    results.push(result('DKIM_SELECTORS', 'UNKNOWN', 'Could not probe any DKIM selector (DNS did not answer).', `probed: ${probe.join(', ')}`, 'Run the check again later.'));
  } else {
    results.push(result('DKIM_SELECTORS', asked.length ? 'INFO' : 'WARN', `No DKIM key found at ${probe.slice(0, 6).join('/')}/…${hint} (try --dkim <selector>).`,
      `probed: ${probe.join(', ')}${failed.length ? `; no answer for ${failed.join(', ')}` : ''}${hint}`,
      'Look up the selector in the s= tag of a DKIM-Signature header of a sent message, then run the check with --dkim <selector>.'));
  }
  return results;
}
