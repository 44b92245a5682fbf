/**
 * A tiny DNS client over UDP for what node:dns cannot tell: the AD
 * (authenticated data) bit of a validating resolver and TLSA records. Used by
 * DNSSEC_DANE only; it asks the same configured server as every other query.
 */
import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { isIP } from 'node:net';
import { dnsError } from './resolver.js';

export interface RawAnswer {
  rcode: number;
  /** The resolver validated the answer with DNSSEC. */
  ad: boolean;
  /** The answer did not fit in UDP (TC). */
  truncated?: boolean;
  /** `offset`: where the rdata starts in `message`, for names compressed with pointers. */
  answers: Array<{ type: number; data: Buffer; offset?: number }>;
  /** The whole response. */
  message?: Buffer;
}

/** One question; `timeoutMs` overrides the client's default (the time left in the budget). */
export type RawQuery = (name: string, type: number, timeoutMs?: number) => Promise<RawAnswer>;

export const TYPE_TLSA = 52;
export const TYPE_SOA = 6;

function encodeName(name: string): Buffer {
  // latin1: a label may hold any octet (SPF names can carry ':', '%', spaces …).
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean).map((p) => Buffer.from(p, 'latin1'));
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), p])), Buffer.from([0])]);
}

function buildQuery(id: number, name: string, type: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100 | 0x0020, 2); // RD, AD (ask the resolver to report validation, RFC 6840 §5.7)
  header.writeUInt16BE(1, 4); // QDCOUNT
  header.writeUInt16BE(1, 10); // ARCOUNT: the EDNS OPT record
  const question = Buffer.alloc(4);
  question.writeUInt16BE(type, 0);
  question.writeUInt16BE(1, 2);
  // OPT: root name, type 41, UDP size 1232, extended rcode 0, version 0, DO bit.
  const opt = Buffer.from([0, 0, 41, 0x04, 0xd0, 0, 0, 0x80, 0, 0, 0]);
  return Buffer.concat([header, encodeName(name), question, opt]);
}

function skipName(buf: Buffer, offset: number): number {
  let at = offset;
  for (let guard = 0; guard < 128; guard++) {
    const len = buf[at];
    if (len === undefined) throw new Error('truncated name');
    if (len === 0) return at + 1;
    if ((len & 0xc0) === 0xc0) return at + 2;
    at += len + 1;
  }
  throw new Error('name too long');
}

export function parseResponse(buf: Buffer): RawAnswer & { id: number } {
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  let at = 12;
  for (let i = 0; i < qd; i++) at = skipName(buf, at) + 4;
  const answers: RawAnswer['answers'] = [];
  for (let i = 0; i < an; i++) {
    at = skipName(buf, at);
    const type = buf.readUInt16BE(at);
    const rdlen = buf.readUInt16BE(at + 8);
    answers.push({ type, data: buf.subarray(at + 10, at + 10 + rdlen), offset: at + 10 });
    at += 10 + rdlen;
  }
  return { id, rcode: flags & 0x0f, ad: (flags & 0x0020) !== 0, truncated: (flags & 0x0200) !== 0, answers, message: buf };
}

/** A (possibly compressed) name at `offset` of a message, without the trailing dot. */
export function readName(message: Buffer, offset: number): string {
  const labels: string[] = [];
  let at = offset;
  for (let guard = 0; guard < 128; guard++) {
    const len = message[at];
    if (len === undefined) throw new Error('truncated name');
    if (len === 0) return labels.join('.');
    if ((len & 0xc0) === 0xc0) {
      at = ((len & 0x3f) << 8) | message[at + 1]!;
      continue;
    }
    labels.push(message.toString('latin1', at + 1, at + 1 + len));
    at += len + 1;
  }
  throw new Error('name too long');
}

/** `HOST:PORT` → [host, port]. */
function splitServer(server: string): [string, number] {
  const v6 = /^\[(.*)\](?::(\d+))?$/.exec(server);
  if (v6) return [v6[1]!, Number(v6[2] ?? 53)];
  if (isIP(server) === 6) return [server, 53];
  const [host, port] = server.split(':');
  return [host!, Number(port ?? 53)];
}

export function createRawQuery(server: string, timeoutMs: number): RawQuery {
  const [host, port] = splitServer(server);
  return (name, type, limitMs = timeoutMs) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const socket = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
      const id = randomInt(0, 0xffff);
      let finished = false;
      const done = (error?: Error, answer?: RawAnswer) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        socket.close();
        if (error) reject(error);
        else resolve(answer!);
      };
      const timer = setTimeout(() => done(dnsError('ETIMEOUT', name)), Math.max(1, Math.min(timeoutMs, limitMs)));
      socket.on('error', (error) => done(error));
      socket.on('message', (msg) => {
        try {
          const parsed = parseResponse(msg);
          if (parsed.id === id) done(undefined, parsed);
        } catch (error) {
          done(error as Error);
        }
      });
      // A connected socket hears ICMP "port unreachable" as ECONNREFUSED instead of waiting for the timeout.
      socket.connect(port, host, () => socket.send(buildQuery(id, name, type)));
    });
}
