/**
 * Explains many files at the terminal as a pipeline: reading threads read
 * and parse files (read-worker.ts) while the main thread classifies them
 * against the catalogue, in order. Parsing is about two thirds of the work:
 * with cores to spare two readers can keep the main thread busy (more would
 * only wait); on two cores one reader is the default, as a second was slower.
 *
 * All threads claim files from one shared counter. The main thread parses a
 * file itself when no reader has claimed it yet (at the start, while the
 * readers boot), when the reader that claimed it is gone, and instead of
 * waiting for a reader: then it claims the next file and keeps it for its
 * turn. (That last step only paid once the caller kept V8's optimising
 * compiler to the one loop worth it: before, every thread's compiler competed
 * for the two cores.)
 *
 * Answers come one per file, in order, as each is ready (the caller prints
 * each before the next is explained: nothing is held). null means that file
 * failed (unreadable, too large), and the caller explains it again in-process
 * so that its error reads exactly as it does for one file. Ending the
 * iteration early stops the readers.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type { Classifier } from '../classify.js';
import type { ExplainedInput, ExplainOptions } from '../explain.js';
import type { ParsedInput } from '../parse/index.js';
import { takeBootedReader } from './early-reader.js';
import { CONSUMED, NEXT, OWNERS, parseFile, POSTED, STOP, type ReaderJob } from './pipeline-state.js';
import { startWorker } from './start-worker.js';

interface Reader {
  worker: Worker;
  port: MessagePort;
}

/** `loadClassifier` is called once the readers are starting: loading it overlaps with their start. */
export async function* explainFiles(paths: string[], loadClassifier: () => Promise<Classifier>, options: ExplainOptions & { readers: number }): AsyncGenerator<ExplainedInput | null, void, undefined> {
  const shared = new Int32Array(new SharedArrayBuffer((OWNERS + paths.length) * 4));
  const readers: Reader[] = Array.from({ length: options.readers }, (_, reader) => {
    const { port1, port2 } = new MessageChannel();
    const job: ReaderJob = { paths, maxBytes: options.maxBytes, state: shared.buffer as SharedArrayBuffer, port: port2, reader };
    // The thread the process booted at its start, if it did (early-reader.ts), is the first reader.
    let worker = reader === 0 ? takeBootedReader() : undefined;
    if (worker) worker.postMessage(job, [port2]);
    else worker = startWorker('read-worker', job, [port2]);
    worker.unref();
    // A reader that fails to start or dies only means the main thread parses more itself.
    worker.on('error', () => undefined);
    return { worker, port: port1 };
  });
  // The explainer and the catalogue load while the readers start.
  const loading = Promise.all([import('../explain.js'), loadClassifier()]);
  const arrived = new Map<number, ParsedInput | null>();

  const parseHere = (index: number) => parseFile(paths[index]!, options.maxBytes);
  /** File `index`, which a reader claimed: parses later files meanwhile, and waits (blocking) when none are left. */
  const fromReader = async (index: number): Promise<ParsedInput | null> => {
    for (;;) {
      if (arrived.has(index)) {
        const parsed = arrived.get(index)!;
        arrived.delete(index);
        return parsed;
      }
      const posted = Atomics.load(shared, POSTED);
      let received = false;
      for (const { port } of readers) {
        for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
          const { index: at, parsed } = m.message as { index: number; parsed: ParsedInput | null };
          arrived.set(at, parsed);
          received = true;
        }
      }
      if (received) continue;
      // Claimed but not marked yet (a reader between its two steps), or marked by a reader that is gone.
      const owner = Atomics.load(shared, OWNERS + index);
      if (owner > 0 && readers[owner - 1]!.worker.threadId === -1) return parseHere(index);
      if (readers.every((r) => r.worker.threadId === -1)) return parseHere(index);
      // Rather than wait, parse the next file nobody has claimed, and keep it for its turn.
      const ahead = Atomics.add(shared, NEXT, 1);
      if (ahead < paths.length) {
        arrived.set(ahead, await parseHere(ahead));
        continue;
      }
      Atomics.wait(shared, POSTED, posted, 50);
    }
  };

  try {
    const [{ explainParsed }, classifier] = await loading;
    for (let index = 0; index < paths.length; index++) {
      // Claimed here when no reader has got to it yet.
      const mine = Atomics.compareExchange(shared, NEXT, index, index + 1) === index;
      const parsed = mine ? await parseHere(index) : await fromReader(index);
      const answer = parsed ? explainParsed(parsed, classifier, options) : null;
      Atomics.store(shared, CONSUMED, index + 1);
      Atomics.notify(shared, CONSUMED);
      yield answer;
    }
  } finally {
    Atomics.store(shared, STOP, 1);
    Atomics.notify(shared, CONSUMED);
    for (const { worker, port } of readers) {
      port.close();
      void worker.terminate();
    }
  }
}
