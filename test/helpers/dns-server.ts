/**
 * An in-process DNS server on 127.0.0.1 (UDP and TCP on the same port; dns2
 * builds the answers), serving a zone given as data, answering like a
 * recursive resolver would.
 *
 * Zone format: name → record sets, plus `$` controls:
 *   'example.test': { MX: [{ exchange: 'mx.example.test', priority: 10 }], TXT: [['v=spf1 ', '-all']] }
 *   'broken.test': { $rcode: 'SERVFAIL' }        // or 'REFUSED', 'NXDOMAIN'
 *   'slow.test': { $silent: true }               // never answers (the client times out)
 *   'half.test': { $silentUnless: ['TXT'], TXT: [...] }  // answers TXT, times out for every other type
 *   'old.test': { SPF: ['v=spf1 -all'] }         // type 99 (SPF), encoded like TXT
 *   '*.wild.test': { A: ['127.0.0.2'] }          // any name below wild.test
 *   'x.test': { $ttl: 5, A: [...] }              // TTL of every answer (default 300)
 * An unknown name is NXDOMAIN, unless a longer known name sits below it (an
 * empty non-terminal), which is NODATA, as real servers answer. A known name
 * without the asked type is NODATA. A CNAME is followed like a recursive
 * resolver does. `$silent`/`$rcode` on a suffix key `*.zone` cover a whole zone.
 */
import { createSocket } from 'node:dgram';
import dns2 from 'dns2';

const { Packet } = dns2;
// dns2's typings omit RCODE and want Resource instances; the wire format takes plain objects.
const RCODE = (Packet as unknown as { RCODE: Record<string, number> }).RCODE;

export interface MxData { exchange: string; priority: number }
export interface SoaData {
  primary: string; admin: string; serial: number; refresh: number; retry: number; expiration: number; minimum: number;
}
/** TLSA rdata fields (usage, selector, matching type, hex data). */
export interface TlsaData { usage: number; selector: number; matchingType: number; data: string }

export interface NodeData {
  A?: string[];
  AAAA?: string[];
  /**
   * Each record is one string or several character-strings (multi-string TXT;
   * an empty list is a record without any string). Characters up to U+00FF go
   * on the wire as single bytes, so a fixture can hold non-ASCII octets.
   */
  TXT?: Array<string | string[]>;
  /** Type 99 (SPF, obsolete since RFC 7208), same format as TXT. */
  SPF?: Array<string | string[]>;
  MX?: MxData[];
  NS?: string[];
  PTR?: string[];
  CNAME?: string;
  SOA?: SoaData;
  TLSA?: TlsaData[];
  $ttl?: number;
  $rcode?: 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  $silent?: boolean;
  /** Never answers questions of any type but these (a server that times out on, say, type SPF). */
  $silentUnless?: string[];
  /** Sets the AD (authenticated data) bit on answers for this name. */
  $ad?: boolean;
}

export type Zone = Record<string, NodeData>;

export interface DnsServer {
  port: number;
  /** `127.0.0.1:PORT`, for a Resolver's setServers or --resolver. */
  address: string;
  /** Every question received, `NAME TYPE`, in order (lower case names). */
  queries: string[];
  /** Replaces the zone being served. */
  setZone(zone: Zone): void;
  close(): Promise<void>;
}

const TLSA_TYPE = 52;
const TYPE_NAME = new Map<number, string>(Object.entries(Packet.TYPE).map(([k, v]) => [v as number, k]));
TYPE_NAME.set(TLSA_TYPE, 'TLSA');

function findNode(zone: Zone, name: string): NodeData | undefined {
  if (zone[name]) return zone[name];
  const labels = name.split('.');
  for (let i = 1; i < labels.length; i++) {
    const wild = zone[`*.${labels.slice(i).join('.')}`];
    if (wild) return wild;
  }
  return undefined;
}

/** Every proper suffix of a known name: those names exist (empty non-terminals) and answer NODATA. */
function nonTerminals(zone: Zone): Set<string> {
  const out = new Set<string>();
  for (const key of Object.keys(zone)) {
    if (key.startsWith('*.')) continue;
    const labels = key.split('.');
    for (let i = 1; i < labels.length; i++) out.add(labels.slice(i).join('.'));
  }
  return out;
}

function rdata(type: string, value: unknown): Record<string, unknown> {
  switch (type) {
    case 'A':
    case 'AAAA':
      return { address: value };
    case 'TXT':
    case 'SPF': {
      // A character-string holds at most 255 bytes: split longer ones, as zone-file tools do.
      const strings = (Array.isArray(value) ? value : [value]) as string[];
      const bytes = (s: string) => Buffer.from(s, /^[\x00-\xff]*$/.test(s) ? 'latin1' : 'utf8');
      return { data: strings.flatMap((s) => (s.length ? s.match(/[\s\S]{1,255}/g)!.map(bytes) : [Buffer.alloc(0)])) };
    }
    case 'MX':
      return { exchange: (value as MxData).exchange, priority: (value as MxData).priority };
    case 'NS':
      return { ns: value };
    case 'PTR':
    case 'CNAME':
      return { domain: value };
    case 'SOA':
      return { ...(value as SoaData) };
    case 'TLSA': {
      const t = value as TlsaData;
      return { data: Buffer.concat([Buffer.from([t.usage, t.selector, t.matchingType]), Buffer.from(t.data, 'hex')]) };
    }
    default:
      throw new Error(`dns-server fixture: type ${type} is not supported`);
  }
}

/** Answers one question from the zone; null means stay silent. */
function answer(zone: Zone, parents: Set<string>, request: InstanceType<typeof Packet>): InstanceType<typeof Packet> | null {
  const response = Packet.createResponseFromRequest(request);
  response.header.ra = 1;
  const header = response.header as typeof response.header & { ad: number };
  header.ad = 0;
  response.header.z = 0;
  const question = request.questions[0];
  if (!question) return response;
  const asked = TYPE_NAME.get(question.type) ?? String(question.type);
  let name = question.name.toLowerCase().replace(/\.$/, '');
  for (let hops = 0; hops < 8; hops++) {
    const node = findNode(zone, name);
    if (node?.$silent) return null;
    if (node?.$silentUnless && !node.$silentUnless.includes(asked)) return null;
    if (node?.$rcode) {
      response.header.rcode = RCODE[node.$rcode]!;
      return response;
    }
    if (!node) {
      if (response.answers.length === 0 && !parents.has(name)) response.header.rcode = RCODE.NXDOMAIN!;
      return response;
    }
    const ttl = node.$ttl ?? 300;
    header.ad = node.$ad ? 1 : 0;
    if (node.CNAME && asked !== 'CNAME') {
      response.answers.push({ name, type: Packet.TYPE.CNAME, class: Packet.CLASS.IN, ttl, domain: node.CNAME } as never);
      name = node.CNAME.toLowerCase();
      continue;
    }
    const values = (node as Record<string, unknown>)[asked];
    const list = asked === 'CNAME' || asked === 'SOA' ? (values === undefined ? [] : [values]) : ((values as unknown[]) ?? []);
    for (const value of list) {
      response.answers.push({ name, type: question.type, class: Packet.CLASS.IN, ttl, ...rdata(asked, value) } as never);
    }
    return response;
  }
  response.header.rcode = RCODE.SERVFAIL!;
  return response;
}

/** The question of a raw query: id, name, type, and where the question ends. */
function readQuestion(msg: Buffer): { id: number; name: string; type: number; end: number; edns: boolean } | undefined {
  if (msg.length < 17) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < msg.length && msg[at] !== 0) {
    const len = msg[at]!;
    if (len > 63) return undefined;
    labels.push(msg.toString('latin1', at + 1, at + 1 + len));
    at += len + 1;
  }
  if (at + 5 > msg.length) return undefined;
  return { id: msg.readUInt16BE(0), name: labels.join('.'), type: msg.readUInt16BE(at + 1), end: at + 5, edns: msg.readUInt16BE(10) > 0 };
}

/**
 * Starts the server on 127.0.0.1 with an ephemeral port (UDP and TCP share it).
 * UDP is answered by our own loop: dns2 builds each distinct answer once and it
 * is replayed with the query's id, so benchmarks measure the checks, not dns2.
 */
export async function startDnsServer(initial: Zone = {}): Promise<DnsServer> {
  let zone = initial;
  let parents = nonTerminals(initial);
  let built = new Map<string, Buffer | null>();
  const queries: string[] = [];
  const handle = (request: InstanceType<typeof Packet>, send: (r: InstanceType<typeof Packet>) => void) => {
    const q = request.questions[0];
    if (q) queries.push(`${q.name.toLowerCase()} ${TYPE_NAME.get(q.type) ?? q.type}`);
    const response = answer(zone, parents, request);
    if (response) send(response);
  };

  const udp = createSocket('udp4');
  udp.on('message', (msg, peer) => {
    const q = readQuestion(msg);
    if (!q) return;
    const name = q.name.toLowerCase();
    queries.push(`${name} ${TYPE_NAME.get(q.type) ?? q.type}`);
    const key = `${name}|${q.type}`;
    let wire = built.get(key);
    if (wire === undefined) {
      const request = new Packet();
      request.header = new Packet.Header({ id: 0, rd: 1 } as never);
      request.questions = [{ name, type: q.type, class: Packet.CLASS.IN } as never];
      wire = answer(zone, parents, request)?.toBuffer() ?? null;
      built.set(key, wire);
    }
    if (wire === null) return; // a silent name: the client times out
    let reply = Buffer.from(wire);
    if (reply.length > (q.edns ? 1232 : 512)) {
      // Too big for UDP: header and question only, TC set; the client retries over TCP.
      reply = Buffer.concat([reply.subarray(0, 12), msg.subarray(12, q.end)]);
      reply.writeUInt16BE(reply.readUInt16BE(2) | 0x0200, 2);
      reply.writeUInt16BE(1, 4);
      reply.fill(0, 6, 12);
    }
    reply.writeUInt16BE(q.id, 0);
    udp.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const port = udp.address().port;
  try {
    // Benchmarks fire thousands of queries at once: a bigger buffer keeps the kernel from dropping them.
    udp.setRecvBufferSize(4 * 1024 * 1024);
  } catch {
    /* capped by net.core.rmem_max; the default still works for tests */
  }
  // TCP on the same port through dns2, for answers that do not fit in UDP.
  const tcp = dns2.createServer({ tcp: true, handle } as never);
  await tcp.listen({ tcp: { port, address: '127.0.0.1' } } as never).catch(() => undefined);
  return {
    port,
    address: `127.0.0.1:${port}`,
    queries,
    setZone(next) {
      zone = next;
      parents = nonTerminals(next);
      built = new Map();
    },
    async close() {
      await Promise.allSettled([new Promise<void>((resolve) => udp.close(() => resolve())), tcp.close()]);
    },
  };
}
