/**
 * `explain [FILE...|-] [--lang en|id|de] [--json]` — what a bounce means, who
 * must act and what to do. In chat: /bounce <pasted text> or an attached .eml.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import type { Classifier } from '../bounce/classify.js';
import { PARALLEL_FILES, readerBooted } from '../bounce/off-thread/early-reader.js';
import type { ExplainedInput } from '../bounce/explain.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Command } from '../core/command.js';
import { BotError, UsageError } from '../core/errors.js';
import { fill, t, type Lang } from '../core/lang.js';
import type { Reply, RowsOutcome } from '../core/reply.js';
import type { Request } from '../core/request.js';
import { explanationJson, explanationReply, type NamedExplanation } from './explain-reply.js';
import { NOTES } from './explain-text.js';
import { fileErrorReason } from './file-errors.js';

const REF_TTL_MS = 24 * 60 * 60 * 1000;
/** Faces where one person waits for one answer (no event loop shared with others). */
const TERMINAL = new Set(['cli', 'console']);
/** Kept here, not imported from the worker module, so explain does not load it for small inputs. */
const OFF_THREAD_BYTES = 256 * 1024;
const classifiers = new WeakMap<Catalog, Classifier>();

/** One classifier per catalogue: building it compiles every pattern once. The explainer loads with it, not with every command. */
async function classifierFor(catalog: Catalog): Promise<Classifier> {
  let classifier = classifiers.get(catalog);
  if (!classifier) {
    const { createClassifier } = await import('../bounce/classifier-index.js');
    classifier = createClassifier(catalog);
    classifiers.set(catalog, classifier);
  }
  return classifier;
}

/** The pasted text after any leading options (chat keeps the raw text; options were parsed from the tokens). */
function pastedText(request: Request): string {
  return request.text.replace(/^\s*(?:(?:--lang(?:=|\s+)\S+|--json|--fields|--ref(?:=|\s+)\S+)\s*)+/, '');
}

async function readBytes(name: string, read: () => Promise<Buffer>, lang: Lang): Promise<Buffer> {
  try {
    return await read();
  } catch (error) {
    const why = fileErrorReason(error, lang) ?? String((error as Error).message);
    throw new UsageError(fill(t(NOTES.unreadable!, lang), { file: name, why }));
  }
}

/**
 * A batch of files is a short process, and on few cores V8's optimising compiler costs it more than
 * it saves: it compiles hundreds of functions that each run briefly, on the very cores the batch
 * needs (traced: over a second of CPU for the corpus x5). Only the Aho–Corasick search, the one
 * loop over every character of every text, is worth it; the byte loops that also needed it now
 * run inside the engine (parse/input.ts). Measured on 2 cores against the whole compiler without
 * inlining: 721 files 606 → 524 ms, 3,605 1.29 → 0.99 s, 7,210 1.77 → 1.55 s, 14,420 2.85 → 2.77 s
 * (more do not fit on a command line). Process-wide, so only for a one-shot command at the
 * terminal (never the console or a chat server), before the reading threads start; a Node that
 * refuses the flag simply runs as before.
 */
async function optimiseOnlyTheSearch(): Promise<void> {
  try {
    const [v8, { AhoCorasick }] = await Promise.all([import('node:v8'), import('../bounce/aho-corasick.js')]);
    v8.setFlagsFromString(`--turbo-filter=${AhoCorasick.prototype.search.name}`);
  } catch {
    /* flags frozen in this Node: nothing changes */
  }
}

interface Input {
  name: string;
  path?: string;
  read: () => Promise<Buffer>;
}

/** An input's explanation (with its bytes when read here), or the sentence that says why it has none. */
type Answer = { input: Input; explained: ExplainedInput; bytes?: Buffer } | { input: Input; error: string };

interface ExplainContext {
  request: Request;
  lang: Lang;
  maxBytes: number;
  /** limits.explainWorkers: reading threads for a batch (default: the spare cores, at most 2). */
  workers: number | undefined;
  logger: Logger;
  classifier: () => Promise<Classifier>;
}

/** Many files named at the terminal: read and parsed on other threads, and with --json printed as they come. */
function isBatch(request: Request, inputs: Input[]): boolean {
  return request.platform === 'cli' && inputs.length >= PARALLEL_FILES && inputs.every((i) => i.path !== undefined);
}

/** A batch's answers from the reading threads, in order (null: that file failed there); none without a thread. */
async function startBatch(inputs: Input[], context: ExplainContext): Promise<AsyncGenerator<ExplainedInput | null, void, undefined> | undefined> {
  const readers = context.workers ?? Math.min(2, availableParallelism() - 1);
  await optimiseOnlyTheSearch();
  if (readers < 1) return undefined;
  context.logger.debug({ files: inputs.length, readers }, `explain: reading and parsing on other threads${readerBooted() ? ' (the first booted as the process started)' : ''}`);
  const { explainFiles } = await import('../bounce/off-thread/explain-files.js');
  return explainFiles(inputs.map((i) => i.path!), context.classifier, { lang: context.lang, maxBytes: context.maxBytes, readers });
}

/**
 * Each input's answer, in order, as it is ready. A batch of files comes from the reading threads;
 * the rest, and a file that failed there, are read and explained here one by one, so that an error
 * reads exactly as it does for one file.
 */
async function* explainEach(inputs: Input[], context: ExplainContext): AsyncGenerator<Answer, void, undefined> {
  const batch = isBatch(context.request, inputs) ? await startBatch(inputs, context) : undefined;
  try {
    for (const input of inputs) {
      const early = batch ? (await batch.next()).value : undefined;
      yield early ? { input, explained: early } : await explainOne(input, context, inputs.length > 1);
    }
  } finally {
    await batch?.return();
  }
}

/** One input read and explained on this thread (a large chat upload on a worker): `many` when others were given too. */
async function explainOne(input: Input, context: ExplainContext, many: boolean): Promise<Answer> {
  const { request, lang, maxBytes } = context;
  let bytes: Buffer;
  try {
    bytes = await readBytes(input.name, input.read, lang);
  } catch (error) {
    // An unreadable file does not hide the others' answers; the exit code still says something was wrong.
    if (error instanceof UsageError && many) return { input, error: error.userMessage };
    throw error;
  }
  try {
    const options = { lang, maxBytes, name: input.name === '-' ? 'The input' : input.name };
    // On a chat server a large upload is explained on a worker thread: everyone else keeps being answered.
    const offThread = !TERMINAL.has(request.platform) && bytes.length >= OFF_THREAD_BYTES;
    const explained = offThread
      ? await (await import('../bounce/off-thread/explain-off-thread.js')).explainOffThread(bytes, options)
      : await (await import('../bounce/explain.js')).explainInput(bytes, await context.classifier(), options);
    return { input, explained, bytes };
  } catch (error) {
    if (error instanceof BotError && error.code === 'input_too_large') {
      // Nor does one too large to read.
      if (many) return { input, error: error.userMessage };
      throw new UsageError(error.userMessage);
    }
    throw error;
  }
}

/**
 * `explain --json` of a batch as JSON Lines printed as they come (Reply.rows): a row is dropped once
 * printed, where holding them all until the last cost the collector ~0.1 s of the corpus x5 and
 * printing them all at the end kept the other threads idle.
 */
async function* jsonRows(answers: AsyncGenerator<Answer, void, undefined>): AsyncGenerator<unknown, RowsOutcome, undefined> {
  const errors: string[] = [];
  let rows = 0;
  for await (const answer of answers) {
    if ('error' in answer) {
      errors.push(answer.error);
      continue;
    }
    rows++;
    yield explanationJson(answer.input.name, answer.explained);
  }
  // Nothing explained: one refusal, as without streaming.
  if (rows === 0) throw new UsageError(errors.join(' '));
  return { errors, exitCode: errors.length ? 2 : 0 };
}

export const explainCommand: Command = {
  name: 'explain',
  aliases: ['bounce'],
  slash: '/bounce',
  summary: {
    en: 'Explains a bounce: what happened, whether it is temporary, who must act and what to do.',
    id: 'Menjelaskan bounce: apa yang terjadi, apakah sementara, siapa yang harus bertindak dan apa yang perlu dilakukan.',
    de: 'Erklärt einen Bounce: was passiert ist, ob es vorübergehend ist, wer handeln muss und was zu tun ist.',
  },
  usage: 'explain [FILE...|-] [--lang en|id|de] [--json]   (chat: /bounce <pasted bounce>)',
  options: { ref: { type: 'string' }, fields: { type: 'boolean' } },
  rawText: true,
  fileArgs: true,
  async run({ request, args, flags, lang, services }): Promise<Reply> {
    // The catalogue loads when first needed: many files start their reading threads first.
    const { store, config } = services;
    const classifier = () => classifierFor(services.catalog);
    const maxBytes = config.limits.maxInputBytes;
    const inputs: Input[] = [];

    if (typeof flags.ref === 'string') {
      if (!/^[0-9a-f]{16}$/.test(flags.ref)) throw new UsageError(`"${flags.ref}" is not an explanation reference; press the button again or paste the bounce.`);
      const stored = await store.get(`explain:ref:${flags.ref}`);
      if (stored === null) throw new UsageError(t(NOTES.expiredRef!, lang));
      inputs.push({ name: '-', read: async () => Buffer.from(stored, 'utf8') });
    } else if (request.platform === 'cli') {
      for (const attachment of request.attachments) {
        inputs.push({ name: attachment.path ?? attachment.name, ...(attachment.path ? { path: attachment.path } : {}), read: () => attachment.read() });
      }
      if ((args.length === 0 || args.includes('-')) && request.stdin) inputs.push({ name: '-', read: request.stdin });
    } else {
      for (const attachment of request.attachments) inputs.push({ name: attachment.name, read: () => attachment.read() });
      const pasted = pastedText(request);
      if (pasted.trim()) inputs.push({ name: '-', read: async () => Buffer.from(pasted, 'utf8') });
    }
    if (inputs.length === 0) throw new UsageError(t(NOTES.usage!, lang));

    const answers = explainEach(inputs, { request, lang, maxBytes, workers: config.limits.explainWorkers, logger: services.logger, classifier });
    if (flags.json === true && isBatch(request, inputs)) return { severity: 'info', parts: [], jsonLines: true, rows: jsonRows(answers) };

    const explained: NamedExplanation[] = [];
    const errors: string[] = [];
    let ref: string | undefined = typeof flags.ref === 'string' ? flags.ref : undefined;
    for await (const answer of answers) {
      if ('error' in answer) {
        errors.push(answer.error);
        continue;
      }
      const { input, bytes } = answer;
      explained.push({ name: input.name, explained: answer.explained });
      // Chat buttons (other language, all fields) re-run the explanation from a stored copy, never from the button.
      if (!ref && bytes && request.platform !== 'cli' && bytes.length <= 256 * 1024) {
        const id = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
        // Best effort: with the state store down the explanation still comes, without those buttons.
        const stored = await store.set(`explain:ref:${id}`, bytes.toString('utf8'), { ttlMs: REF_TTL_MS }).then(() => true, () => false);
        if (stored) ref = id;
      }
    }
    if (explained.length === 0) throw new UsageError(errors.join(' '));
    const reply = explanationReply(explained, services.catalog, lang, { ...(ref && inputs.length === 1 ? { ref } : {}), showAll: flags.fields === true, dataOnly: flags.json === true });
    if (errors.length === 0) return reply;
    return { ...reply, errors, exitCode: 2, parts: [...reply.parts, ...errors.map((e) => ({ kind: 'context' as const, content: [e] }))] };
  },
};
