/**
 * A reading thread of explain-files.ts: reads and parses files (no catalogue
 * here) while the main thread classifies, staying at most a window ahead of
 * it. Each file it claims is marked with its number in the shared owners and
 * posted as { index, parsed } — parsed is null when it failed; the main
 * thread then explains that file again itself.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { CONSUMED, NEXT, OWNERS, parseFile, POSTED, STOP, WINDOW } from './pipeline-state.js';

const { paths, maxBytes, state, port, reader } = workerData as { paths: string[]; maxBytes: number; state: SharedArrayBuffer; port: MessagePort; reader: number };
const shared = new Int32Array(state);

// No top-level await: under tsx (tests) a worker's .ts file may be compiled as CommonJS.
void (async () => {
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
})();
