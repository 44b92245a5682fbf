/**
 * Where lines go: detect the format (once per source), parse, classify, turn
 * the rejection into an event and add it to the in-process counts. Knows
 * nothing about files or the store.
 */
import { LogClock } from './clock.js';
import type { LineClassifier } from './classify-line.js';
import type { CountBuffer } from './counts.js';
import { detectFormat, parserFor, type LineParser } from './detect.js';
import type { LogFormat, RawReject, RejectEvent } from './types.js';

export interface SinkOptions {
  /** `auto` detects from the first recognisable line. */
  format: LogFormat | 'auto';
  /** Server name for every event; otherwise the syslog host, then `fallbackServer`. */
  server?: string;
  fallbackServer: string;
  /** Reference time for the year of classic syslog stamps (file mtime or now). */
  reference: number;
  timeZone: string;
}

export interface SinkStats {
  format: LogFormat | null;
  lines: number;
  events: number;
  /** Lines that could not be read as the format at all (no stamp, malformed reject). */
  skipped: number;
  byReason: Record<string, number>;
}

export class LineSink {
  readonly stats: SinkStats;
  private parse: LineParser | null = null;
  private clock: LogClock;
  private readonly onEvent: ((event: RejectEvent) => void) | undefined;

  constructor(
    private readonly classifier: LineClassifier,
    readonly counts: CountBuffer,
    private readonly options: SinkOptions,
    onEvent?: (event: RejectEvent) => void,
  ) {
    this.clock = new LogClock(options.reference, options.timeZone);
    this.stats = { format: options.format === 'auto' ? null : options.format, lines: 0, events: 0, skipped: 0, byReason: {} };
    if (options.format !== 'auto') this.parse = parserFor(options.format, this.clock);
    this.onEvent = onEvent;
  }

  /** Moves the year-inference reference forward (a long --follow crosses New Year). */
  setReference(reference: number): void {
    if (Math.abs(reference - this.clock.reference) < 3_600_000) return;
    this.clock = new LogClock(reference, this.options.timeZone);
    if (this.stats.format) this.parse = parserFor(this.stats.format, this.clock);
  }

  /**
   * Byte strings a rejection line of the detected format must contain; a line
   * without any of them is counted without being decoded (most lines are not
   * rejections). Null until the format is known.
   */
  get markers(): Buffer[] | null {
    return this.stats.format ? MARKERS[this.stats.format] : null;
  }

  /** Counts a line that holds no marker: readable or not, it is no rejection. */
  otherLine(buf: Buffer, start: number, end: number): void {
    if (end === start) return;
    this.stats.lines++;
    if (this.stats.format !== 'exim' && !syslogBytes(buf, start)) this.stats.skipped++;
  }

  line(line: string): void {
    if (line.length === 0) return;
    this.stats.lines++;
    if (line.length > 64 * 1024 || line.includes('\0')) {
      this.stats.skipped++;
      return;
    }
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (!this.parse) {
      const format = detectFormat(line);
      if (!format) return; // not yet known: neither an event nor unreadable
      this.stats.format = format;
      this.parse = parserFor(format, this.clock);
    }
    const result = this.parse(line);
    if (result === 'other') return;
    if (result === 'skip') {
      this.stats.skipped++;
      return;
    }
    const event = this.toEvent(result);
    this.counts.add(event);
    this.stats.events++;
    this.stats.byReason[event.key] = (this.stats.byReason[event.key] ?? 0) + 1;
    this.onEvent?.(event);
  }

  private toEvent(raw: RawReject): RejectEvent {
    const c = this.classifier.classify(raw);
    const inbound = raw.direction === 'in';
    const recipientDomain = domainOf(raw.to);
    return {
      time: raw.time,
      server: this.options.server ?? raw.host ?? this.options.fallbackServer,
      entry: c.entry,
      reason: c.reason,
      detail: c.detail,
      key: c.key,
      direction: raw.direction,
      ip: inbound ? raw.ip : undefined,
      senderDomain: domainOf(raw.from),
      recipientDomain,
      recipient: recipientDomain && inbound ? raw.to!.toLowerCase() : undefined,
      code: raw.logCode ?? (raw.replyCode ? (raw.enhancedCode ? `${raw.replyCode} ${raw.enhancedCode}` : raw.replyCode) : undefined),
    };
  }
}

const MARKERS: Record<LogFormat, Buffer[]> = {
  postfix: [Buffer.from('reject: '), Buffer.from('status=bounced')],
  exim: [Buffer.from('rejected '), Buffer.from(' ** ')],
  spamdyke: [Buffer.from(' origin_ip: ')],
};

/** looksLikeSyslog on bytes. */
function syslogBytes(buf: Buffer, at: number): boolean {
  const c = buf[at]!;
  if (c === 60) return true;
  if (c >= 65 && c <= 90) return buf[at + 3] === 32 && buf[at + 9] === 58;
  if (c >= 48 && c <= 57) return buf[at + 4] === 45 && buf[at + 10] === 84;
  return false;
}

function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  if (at < 0 || at === address.length - 1) return undefined;
  return address.slice(at + 1).toLowerCase();
}
