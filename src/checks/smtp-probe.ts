/**
 * A minimal SMTP conversation for the opt-in checks: banner, EHLO, STARTTLS
 * (certificate checked but not required, so "TLS failed" and "certificate
 * invalid" are told apart), optionally MAIL FROM:<> / RCPT TO, then QUIT.
 * Never sends DATA.
 */
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface SmtpReply {
  code: number;
  text: string;
}

export interface SmtpProbe {
  connected: boolean;
  connectError?: string;
  banner?: SmtpReply;
  ehlo?: SmtpReply;
  starttls?: 'offered' | 'not-offered';
  tls?: { ok: boolean; error?: string; authorized?: boolean; authorizationError?: string; validTo?: string; protocol?: string };
  rcpt?: SmtpReply;
  /** Milliseconds from connect to the banner. */
  bannerMs?: number;
  error?: string;
}

class LineReader {
  private buffer = '';
  private waiting: Array<(reply: SmtpReply | Error) => void> = [];
  private replies: Array<SmtpReply | Error> = [];
  private lines: string[] = [];

  constructor(private socket: Socket | TLSSocket) {
    this.attach(socket);
  }

  attach(socket: Socket | TLSSocket): void {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.feed(chunk));
    socket.on('error', (error) => this.push(error));
    socket.on('close', () => this.push(new Error('connection closed')));
  }

  detach(): void {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length > 64 * 1024) return this.push(new Error('reply too long'));
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      this.lines.push(line);
      const m = /^(\d{3})([ -])(.*)$/.exec(line);
      if (!m) return this.push(new Error(`not an SMTP reply: ${line.slice(0, 80)}`));
      if (m[2] === ' ') {
        const text = this.lines.map((l) => l.slice(4)).join('\n');
        this.lines = [];
        this.push({ code: Number(m[1]), text });
      }
    }
  }

  private push(reply: SmtpReply | Error): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(reply);
    else this.replies.push(reply);
  }

  next(): Promise<SmtpReply> {
    const ready = this.replies.shift();
    if (ready) return ready instanceof Error ? Promise.reject(ready) : Promise.resolve(ready);
    return new Promise((resolve, reject) => this.waiting.push((r) => (r instanceof Error ? reject(r) : resolve(r))));
  }
}

export interface ProbeOptions {
  host: string;
  port: number;
  /** Certificate name to verify (the MX host name). */
  servername?: string;
  helo: string;
  timeoutMs: number;
  /** RCPT TO this address after MAIL FROM:<>; then QUIT before DATA. */
  rcpt?: string;
}

export async function probeSmtp(options: ProbeOptions): Promise<SmtpProbe> {
  const probe: SmtpProbe = { connected: false };
  const started = Date.now();
  let socket: Socket | TLSSocket;
  try {
    socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: options.host, port: options.port });
      s.setTimeout(options.timeoutMs, () => s.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    probe.connectError = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return probe;
  }
  probe.connected = true;
  const overall = setTimeout(() => socket.destroy(new Error(`conversation longer than ${options.timeoutMs} ms`)), options.timeoutMs);
  const reader = new LineReader(socket);
  const send = (line: string) => {
    socket.write(`${line}\r\n`);
    return reader.next();
  };
  try {
    probe.banner = await reader.next();
    probe.bannerMs = Date.now() - started;
    if (probe.banner.code !== 220) return probe;
    probe.ehlo = await send(`EHLO ${options.helo}`);
    probe.starttls = /^STARTTLS\b/im.test(probe.ehlo.text) ? 'offered' : 'not-offered';
    if (probe.starttls === 'offered') {
      const go = await send('STARTTLS');
      if (go.code !== 220) {
        probe.tls = { ok: false, error: `STARTTLS answered ${go.code} ${go.text}` };
      } else {
        reader.detach();
        const plain = socket;
        try {
          const secure = await new Promise<TLSSocket>((resolve, reject) => {
            const t = tlsConnect({ socket: plain as Socket, servername: options.servername ?? options.host, rejectUnauthorized: false });
            t.once('secureConnect', () => resolve(t));
            t.once('error', reject);
          });
          const cert = secure.getPeerCertificate();
          probe.tls = {
            ok: true, authorized: secure.authorized,
            ...(secure.authorizationError ? { authorizationError: String(secure.authorizationError) } : {}),
            ...(cert?.valid_to ? { validTo: cert.valid_to } : {}),
            ...(secure.getProtocol() ? { protocol: secure.getProtocol()! } : {}),
          };
          socket = secure;
          reader.attach(secure);
          await send(`EHLO ${options.helo}`);
        } catch (error) {
          probe.tls = { ok: false, error: (error as Error).message };
          return probe;
        }
      }
    }
    if (options.rcpt) {
      const from = await send('MAIL FROM:<>');
      probe.rcpt = from.code >= 300 ? from : await send(`RCPT TO:<${options.rcpt}>`);
    }
    await send('QUIT').catch(() => undefined);
  } catch (error) {
    probe.error = (error as Error).message;
  } finally {
    clearTimeout(overall);
    socket.destroy();
  }
  return probe;
}
