/**
 * A reading thread of explain-files.ts: reads and parses files (no catalogue
 * here) while the main thread classifies, staying at most a window ahead of
 * it. Each file it claims is marked with its number in the shared owners and
 * posted as { index, parsed } — parsed is null when it failed; the main
 * thread then explains that file again itself.
 *
 * Its job comes as its workerData, or, for a thread booted before the batch
 * was known (early-reader.ts), as its first message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CONSUMED, NEXT, OWNERS, parseFile, POSTED, STOP, WINDOW, type ReaderJob } from './pipeline-state.js';

// No top-level await: under tsx (tests) a worker's .ts file may be compiled as CommonJS.
if (workerData) void read(workerData as ReaderJob);
else parentPort!.once('message', (job: ReaderJob) => void read(job));

async function read({ paths, maxBytes, state, port, reader }: ReaderJob): Promise<void> {
  const shared = new Int32Array(state);
  for (;;) {
    for (let consumed = Atomics.load(shared, CONSUMED); Atomics.load(shared, NEXT) - consumed >= WINDOW; consumed = Atomics.load(shared, CONSUMED)) {
      if (Atomics.load(shared, STOP)) break;
      Atomics.wait(shared, CONSUMED, consumed, 100);
    }
    if (Atomics.load(shared, STOP)) break;
    const index = Atomics.add(shared, NEXT, 1);
    if (index >= paths.length) break;
    Atomics.store(shared, OWNERS + index, reader + 1);
    port.postMessage({ index, parsed: await parseFile(paths[index]!, maxBytes) });
    Atomics.add(shared, POSTED, 1);
    Atomics.notify(shared, POSTED);
  }
  port.close();
}
