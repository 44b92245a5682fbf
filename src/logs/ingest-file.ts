/**
 * Reads log files into the counts, resumably and idempotently.
 *
 * A file is known by its identity (device + inode) and a fingerprint of its
 * first line (so a reused inode is not mistaken for the old file). The byte
 * offset after the last counted line is written in the SAME store batch (one
 * MULTI / one SQLite transaction) as the counts of the lines before it: after
 * a crash the store holds either both or neither, so a rerun continues exactly
 * where the last flush ended — no line lost, none counted twice.
 *
 * `.gz` files (recognised by their magic bytes) are read through zlib; their
 * offset counts decompressed bytes. Standard input and uploads have no
 * identity and are counted without a checkpoint.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { BatchOp, Store } from '../store/store.js';
import type { LineClassifier } from './classify-line.js';
import { CountBuffer, DAY, type CountLayout } from './counts.js';
import { LineSink, type SinkOptions, type SinkStats } from './sink.js';
import type { LogFormat, RejectEvent } from './types.js';

export interface IngestContext {
  store: Store;
  classifier: LineClassifier;
  layout: CountLayout;
  /** Zone of classic syslog and Exim stamps. */
  timeZone: string;
  /** Server name when neither --server nor the line names one. */
  fallbackServer: string;
  /** Lines between flushes. */
  flushLines: number;
  now: () => number;
  /** Called for each event (tests, live alerting); optional. */
  onEvent?: (event: RejectEvent) => void;
}

export interface SourceOptions {
  format: LogFormat | 'auto';
  server?: string;
}

export interface Checkpoint {
  offset: number;
  /** sha1 of the file's first line (at most 256 bytes); empty while the file has none. */
  fp: string;
  path: string;
}

const FP_BYTES = 256;
const CHECKPOINT_TTL = 60 * DAY;
const CHUNK = 1 << 20;

/** Whether a marker occurs in [start, end); `next` holds each marker's next position and is advanced. */
function hasMarker(buf: Buffer, markers: Buffer[], next: number[], start: number, end: number): boolean {
  let found = false;
  for (let i = 0; i < markers.length; i++) {
    let at = next[i]!;
    if (at >= 0 && at < start) at = next[i] = buf.indexOf(markers[i]!, start);
    if (at >= start && at < end) found = true;
  }
  return found;
}

export const checkpointKey = (dev: number | bigint, ino: number | bigint) => `ingest:ckpt:${dev}:${ino}`;

export async function readCheckpoint(store: Store, dev: number | bigint, ino: number | bigint): Promise<Checkpoint | null> {
  const raw = await store.get(checkpointKey(dev, ino));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Checkpoint;
    return typeof parsed.offset === 'number' && typeof parsed.fp === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

function sinkFor(ctx: IngestContext, options: SourceOptions, reference: number): LineSink {
  const sinkOptions: SinkOptions = {
    format: options.format,
    ...(options.server ? { server: options.server } : {}),
    fallbackServer: ctx.fallbackServer,
    reference,
    timeZone: ctx.timeZone,
  };
  return new LineSink(ctx.classifier, new CountBuffer(ctx.layout), sinkOptions, ctx.onEvent);
}

/** Fingerprint of a head of bytes: its first complete line, capped. */
export function fingerprint(head: Buffer): string {
  const nl = head.indexOf(10);
  if (nl < 0 && head.length < FP_BYTES) return '';
  const line = head.subarray(0, nl < 0 ? FP_BYTES : Math.min(nl + 1, FP_BYTES));
  return createHash('sha1').update(line).digest('hex');
}

async function readHead(handle: FileHandle): Promise<Buffer> {
  const buf = Buffer.alloc(FP_BYTES);
  const { bytesRead } = await handle.read(buf, 0, FP_BYTES, 0);
  return buf.subarray(0, bytesRead);
}

function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Counts lines of a buffer (stdin, an upload); no checkpoint. gzip is unpacked. */
export interface BufferOptions extends SourceOptions {
  maxBytes?: number;
  /**
   * Written in the same batch as the counts, which then go in one batch (no
   * intermediate flush): a marker that this body was counted cannot exist
   * without its counts, nor the counts without the marker.
   */
  withCounts?: BatchOp[];
}

export async function ingestBuffer(ctx: IngestContext, data: Buffer, options: BufferOptions): Promise<SinkStats> {
  const body = isGzip(data) ? gunzipSync(data, options.maxBytes ? { maxOutputLength: options.maxBytes } : {}) : data;
  const sink = sinkFor(ctx, options, ctx.now());
  const atomic = Boolean(options.withCounts?.length);
  let start = 0;
  for (;;) {
    const nl = body.indexOf(10, start);
    const end = nl < 0 ? body.length : nl;
    if (end > start) sink.line(body.toString('utf8', start, end));
    if (nl < 0) break;
    start = nl + 1;
    if (!atomic && sink.counts.size >= ctx.flushLines) await ctx.store.batch(sink.counts.take());
  }
  await ctx.store.batch([...sink.counts.take(), ...(options.withCounts ?? [])]);
  return sink.stats;
}

/**
 * Reads one file from its checkpoint to the end and flushes. With `drainPartial`
 * a last line without a newline is counted too (the file is complete).
 */
export class FileReader {
  private offset = 0;
  private fp = '';
  /**
   * The unfinished last line, as copied pieces (the read buffers are reused). Joined once, when its
   * newline arrives: a line longer than a chunk costs its length, not its length squared, and a
   * chunk is never copied just to prepend a few bytes.
   */
  private pendingParts: Buffer[] = [];
  private pendingLength = 0;
  private flushed = -1;
  readonly sink: LineSink;

  private constructor(
    private readonly ctx: IngestContext,
    readonly path: string,
    private readonly handle: FileHandle,
    readonly dev: number,
    readonly ino: number,
    readonly gzip: boolean,
    options: SourceOptions,
    reference: number,
  ) {
    this.sink = sinkFor(ctx, options, reference);
  }

  static async open(ctx: IngestContext, path: string, options: SourceOptions): Promise<FileReader> {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTFILE' });
      const head = await readHead(handle);
      const reader = new FileReader(ctx, path, handle, info.dev, info.ino, isGzip(head), options, Math.min(info.mtimeMs, ctx.now()));
      await reader.resume(head);
      return reader;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Position from the checkpoint, unless the file is a different one now. */
  private async resume(head: Buffer): Promise<void> {
    const saved = await readCheckpoint(this.ctx.store, this.dev, this.ino);
    this.fp = this.gzip ? '' : fingerprint(head);
    if (!saved) return;
    const size = (await this.handle.stat()).size;
    const sameStart = saved.fp === '' || this.gzip || saved.fp === this.fp;
    if (sameStart && (this.gzip || saved.offset <= size)) {
      this.offset = saved.offset;
      if (this.gzip) this.fp = saved.fp;
    }
  }

  get position(): number {
    return this.offset;
  }

  get stats(): SinkStats {
    return this.sink.stats;
  }

  /** Whether the file at this handle was truncated or rewritten (copytruncate) since it was read. */
  async truncated(): Promise<boolean> {
    if (this.gzip) return false;
    const size = (await this.handle.stat()).size;
    if (size < this.offset + this.pendingLength) return true;
    if (this.fp === '') return false;
    return fingerprint(await readHead(this.handle)) !== this.fp;
  }

  /** Starts over at byte 0 (after a copytruncate); lines not yet read before the truncation are lost. */
  restart(): void {
    this.offset = 0;
    this.pendingParts = [];
    this.pendingLength = 0;
    this.fp = '';
  }

  /** Reads what was appended, counting complete lines; flushes every `flushLines`. */
  async readToEnd(drainPartial: boolean): Promise<void> {
    if (this.gzip) return this.readGzip(drainPartial);
    // Two buffers: the next chunk is read while the current one is parsed.
    const buffers = [Buffer.alloc(CHUNK), Buffer.alloc(CHUNK)];
    let position = this.offset + this.pendingLength;
    let turn = 0;
    let reading = this.handle.read(buffers[0]!, 0, CHUNK, position);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      position += bytesRead;
      turn ^= 1;
      reading = this.handle.read(buffers[turn]!, 0, CHUNK, position);
      await this.consume(buffer.subarray(0, bytesRead));
    }
    if (this.fp === '' && this.offset > 0) this.fp = fingerprint(await readHead(this.handle));
    if (drainPartial) await this.drainPending();
    await this.flush();
  }

  private async readGzip(drainPartial: boolean): Promise<void> {
    let skip = this.offset;
    this.offset = 0;
    const stream = createReadStream('', { fd: this.handle.fd, start: 0, autoClose: false }).pipe(createGunzip());
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let data = chunk;
      if (skip > 0) {
        const cut = Math.min(skip, data.length);
        skip -= cut;
        this.offset += cut;
        data = data.subarray(cut);
        if (data.length === 0) continue;
      }
      if (this.fp === '') this.fp = 'gzip';
      await this.consume(data);
    }
    if (drainPartial) await this.drainPending();
    await this.flush();
  }

  private async consume(data: Buffer): Promise<void> {
    let buf = data;
    if (this.pendingLength > 0) {
      const nl = data.indexOf(10);
      if (nl < 0) {
        this.keepPending(data);
        return;
      }
      // The line begun in an earlier chunk ends here: joined once, counted, and the rest goes on.
      const line = Buffer.concat([...this.pendingParts, data.subarray(0, nl)]);
      this.sink.line(line.toString('utf8'));
      this.offset += this.pendingLength + nl + 1;
      this.pendingParts = [];
      this.pendingLength = 0;
      buf = data.subarray(nl + 1);
    }
    let start = 0;
    const markers = this.sink.markers;
    const next = markers ? markers.map((m) => buf.indexOf(m, 0)) : null;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      if (markers && next && !hasMarker(buf, markers, next, start, nl)) {
        this.sink.otherLine(buf, start, nl);
      } else {
        this.sink.line(buf.toString('utf8', start, nl));
      }
      start = nl + 1;
      if (this.sink.counts.size >= this.ctx.flushLines) {
        this.offset += start;
        buf = buf.subarray(start);
        start = 0;
        if (next) for (let i = 0; i < next.length; i++) next[i] = buf.indexOf(markers![i]!, 0);
        await this.flush();
      }
    }
    this.offset += start;
    if (start < buf.length) this.keepPending(buf.subarray(start));
  }

  private keepPending(piece: Buffer): void {
    this.pendingParts.push(Buffer.from(piece));
    this.pendingLength += piece.length;
  }

  private async drainPending(): Promise<void> {
    if (this.pendingLength === 0) return;
    this.sink.line(Buffer.concat(this.pendingParts).toString('utf8'));
    this.offset += this.pendingLength;
    this.pendingParts = [];
    this.pendingLength = 0;
  }

  /** Writes the counts and the checkpoint together. */
  async flush(): Promise<void> {
    if (this.offset === this.flushed && this.sink.counts.size === 0) return;
    const ops = this.sink.counts.take();
    const checkpoint: Checkpoint = { offset: this.offset, fp: this.fp, path: this.path };
    ops.push({ op: 'set', key: checkpointKey(this.dev, this.ino), value: JSON.stringify(checkpoint), ttlMs: CHECKPOINT_TTL });
    await this.ctx.store.batch(ops);
    this.flushed = this.offset;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** Ingests a whole file once (from its checkpoint). */
export async function ingestFile(ctx: IngestContext, path: string, options: SourceOptions): Promise<SinkStats> {
  const reader = await FileReader.open(ctx, path, options);
  try {
    await reader.readToEnd(true);
    return reader.stats;
  } finally {
    await reader.close();
  }
}

export interface FollowOptions extends SourceOptions {
  signal: AbortSignal;
  /** How often the file is looked at; counted lines are flushed at each look. */
  pollMs?: number;
  onStats?: (stats: SinkStats) => void;
}

/**
 * Tails a file through rotation until `signal` aborts. Rename rotation: the
 * old file is read to its end, then the new one from its start. Copytruncate:
 * a file that shrank or whose first line changed is read again from byte 0.
 */
export async function followFile(ctx: IngestContext, path: string, options: FollowOptions): Promise<SinkStats> {
  const pollMs = options.pollMs ?? 500;
  const total: SinkStats = { format: null, lines: 0, events: 0, skipped: 0, byReason: {} };
  let reader: FileReader | null = await FileReader.open(ctx, path, options);
  const fold = (r: FileReader) => {
    const s = r.stats;
    total.format ??= s.format;
    total.lines += s.lines;
    total.events += s.events;
    total.skipped += s.skipped;
    for (const [k, v] of Object.entries(s.byReason)) total.byReason[k] = (total.byReason[k] ?? 0) + v;
  };
  try {
    while (!options.signal.aborted) {
      if (!reader) {
        reader = await FileReader.open(ctx, path, options).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        });
      }
      if (reader) {
        if (await reader.truncated()) reader.restart();
        reader.sink.setReference(ctx.now());
        await reader.readToEnd(false);
        const current = await stat(path).catch(() => null);
        if (!current || current.ino !== reader.ino || current.dev !== reader.dev) {
          // Rotated away by rename: finish the old file, then go on with the new one.
          await reader.readToEnd(true);
          fold(reader);
          await reader.close();
          reader = null;
          continue;
        }
        options.onStats?.(mergeStats(total, reader.stats));
      }
      await sleep(pollMs, options.signal);
    }
  } finally {
    if (reader) {
      await reader.flush();
      fold(reader);
      await reader.close();
    }
  }
  return total;
}

function mergeStats(a: SinkStats, b: SinkStats): SinkStats {
  const byReason = { ...a.byReason };
  for (const [k, v] of Object.entries(b.byReason)) byReason[k] = (byReason[k] ?? 0) + v;
  return { format: a.format ?? b.format, lines: a.lines + b.lines, events: a.events + b.events, skipped: a.skipped + b.skipped, byReason };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
