/**
 * Names node:dns (c-ares) will not ask about, and answers it cannot read.
 *
 * DNS carries any octet in a label, and SPF records name hosts such as
 * `foo:bar/baz.example.com` or macro results with '%' or spaces (RFC 7208
 * §7.1); c-ares refuses those (EBADNAME), and rejects a whole TXT answer
 * when one record holds no string at all (EBADRESP). Both are asked again
 * over our own wire client. A name DNS cannot carry at all (an empty label,
 * a label over 63 octets, more than 253 characters) cannot exist: it is
 * NXDOMAIN, never "try again later".
 */
import { ipaddr } from '../core/ipaddr.js';
import { createRawQuery, readName, type RawAnswer } from './raw-dns.js';
import { dnsError, errorCode, type DnsAnswer, type DnsQuery } from './resolver.js';

const TYPES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SPF: 99 };
const RCODES: Record<number, string> = { 1: 'EFORMERR', 2: 'ESERVFAIL', 3: 'ENOTFOUND', 4: 'ENOTIMP', 5: 'EREFUSED' };

/** Whether a DNS message can carry the name: labels of 1-63 octets, 253 characters at most. */
export function isWireName(name: string): boolean {
  const bare = name.replace(/\.$/, '');
  if (!bare || bare.length > 253) return false;
  return bare.split('.').every((label) => label.length >= 1 && Buffer.byteLength(label, 'latin1') <= 63);
}

/** Records of one type from a raw answer, shaped like node:dns returns them. */
export function recordsFromWire(answer: RawAnswer, rrtype: string): unknown[] {
  const type = TYPES[rrtype];
  const message = answer.message ?? Buffer.alloc(0);
  const out: unknown[] = [];
  for (const rr of answer.answers) {
    if (rr.type !== type) continue;
    const at = rr.offset ?? 0;
    switch (rrtype) {
      case 'A':
      case 'AAAA':
        out.push(ipaddr.fromByteArray([...rr.data]).toString());
        break;
      case 'MX':
        out.push({ priority: rr.data.readUInt16BE(0), exchange: readName(message, at + 2) });
        break;
      case 'TXT':
      case 'SPF': {
        const strings: string[] = [];
        for (let i = 0; i < rr.data.length; i += 1 + rr.data[i]!) strings.push(rr.data.toString('latin1', i + 1, i + 1 + rr.data[i]!));
        out.push(strings);
        break;
      }
      default:
        out.push(readName(message, at));
    }
  }
  return out;
}

/** Wraps the c-ares query: impossible names are NXDOMAIN, refused names and unreadable answers go over the wire. */
export function withWireFallback(query: DnsQuery, server: string | undefined, timeoutMs: number): DnsQuery {
  const raw = server ? createRawQuery(server, timeoutMs) : undefined;
  return async (name, rrtype) => {
    if (!isWireName(name)) throw dnsError('ENOTFOUND', name);
    try {
      return await query(name, rrtype);
    } catch (error) {
      const code = errorCode(error);
      const type = TYPES[rrtype.toUpperCase()];
      if (!raw || !type || (code !== 'EBADNAME' && code !== 'EBADRESP')) throw error;
      const answer = await raw(name, type);
      if (answer.truncated) throw dnsError('EBADRESP', name);
      if (answer.rcode !== 0) throw dnsError(RCODES[answer.rcode] ?? `ERCODE${answer.rcode}`, name);
      const records = recordsFromWire(answer, rrtype.toUpperCase());
      if (!records.length) throw dnsError('ENODATA', name);
      return { records } satisfies DnsAnswer;
    }
  };
}
