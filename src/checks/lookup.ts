/** One DNS question, its outcome classified: records, NXDOMAIN, NODATA, or a failure we cannot judge. */
import { renderMsg, type Msg } from './message.js';
import { dnsErrorReason, errorCode, type Resolver } from './resolver.js';

export type Outcome<T> =
  | { status: 'ok'; records: T[] }
  | { status: 'nxdomain' }
  | { status: 'nodata' }
  /** Timeout, SERVFAIL, refused …: the answer is unknown, never "missing". */
  | { status: 'error'; code: string; text: string; reason: Msg };

export interface MxRecord {
  exchange: string;
  priority: number;
}

export async function lookup<T = string>(resolver: Resolver, name: string, rrtype: string): Promise<Outcome<T>> {
  try {
    const records = (await resolver(name, rrtype)) as T[];
    return records.length ? { status: 'ok', records } : { status: 'nodata' };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOTFOUND') return { status: 'nxdomain' };
    if (code === 'ENODATA') return { status: 'nodata' };
    const reason = dnsErrorReason(error);
    return { status: 'error', code, text: renderMsg(reason, 'en'), reason };
  }
}

/** TXT records as whole strings (character-strings joined, as RFC 7208 §3.3 says). */
export function txtStrings(outcome: Outcome<string[] | string>): string[] {
  if (outcome.status !== 'ok') return [];
  return outcome.records.map((r) => (Array.isArray(r) ? r.join('') : r));
}

export function recordsOf<T>(outcome: Outcome<T>): T[] {
  return outcome.status === 'ok' ? outcome.records : [];
}

/** Evidence text for an outcome that has no records. */
export function outcomeText(outcome: Outcome<unknown>): string {
  switch (outcome.status) {
    case 'ok': return `${outcome.records.length} record(s)`;
    case 'nxdomain': return 'NXDOMAIN';
    case 'nodata': return 'no record (NODATA)';
    case 'error': return outcome.text;
  }
}

/** Both address families of a host; an error in one family is kept apart from "none". */
export async function addressesOf(resolver: Resolver, host: string): Promise<{ addresses: string[]; error?: string; errorReason?: Msg }> {
  const [a, aaaa] = await Promise.all([lookup<string>(resolver, host, 'A'), lookup<string>(resolver, host, 'AAAA')]);
  const addresses = [...recordsOf(a), ...recordsOf(aaaa)];
  const failed = [a, aaaa].find((o) => o.status === 'error');
  return failed && failed.status === 'error' ? { addresses, error: failed.text, errorReason: failed.reason } : { addresses };
}
