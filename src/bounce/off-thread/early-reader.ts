/**
 * Boots a batch's reading thread as the process starts. A worker spends ~0.1 s in Node's own
 * bootstrap before it runs a line of ours; booted while the CLI loads its modules, configuration
 * and catalogue, it is ready when the batch starts instead of that much later (measured with the
 * corpus x5 on two cores: the second core was idle for the first ~0.2 s).
 *
 * The process entry (src/cli.ts) decides from the raw arguments, before anything else loads, so
 * only a likely batch pays for a thread. The explain command still decides for itself: it takes
 * the booted thread (explain-files.ts) or leaves it, and one left is ended unused.
 */
import type { Worker } from 'node:worker_threads';

/** Files from which the terminal reads and parses on other threads: fewer are done before a thread has started. */
export const PARALLEL_FILES = 200;

let booted: Worker | undefined;

/**
 * Whether `argv` (the process's arguments after the script) looks like `explain` of many files:
 * a guess that costs at most an idle thread when wrong. Option values count as files here; the
 * threshold is too large for that to matter.
 */
export function looksLikeBatch(argv: readonly string[]): boolean {
  let at = 0;
  while (argv[at]?.startsWith('--config')) at += argv[at]!.includes('=') ? 1 : 2;
  if (argv[at] !== 'explain' && argv[at] !== 'bounce') return false;
  let files = 0;
  for (let i = at + 1; i < argv.length; i++) {
    const arg = argv[i]!;
    // Standard input or a stored explanation: not a batch of files.
    if (arg === '-' || arg.startsWith('--ref')) return false;
    if (!arg.startsWith('-')) files++;
  }
  return files >= PARALLEL_FILES;
}

/** Starts the reading thread when `argv` looks like a batch and a second core is there to run it. */
export async function bootReaderFor(argv: readonly string[]): Promise<void> {
  if (booted || !looksLikeBatch(argv)) return;
  const [{ availableParallelism }, { startWorker }] = await Promise.all([import('node:os'), import('./start-worker.js')]);
  if (availableParallelism() < 2) return;
  // No job yet: the thread waits for one (read-worker.ts), which takeBootedReader's caller posts.
  const worker = startWorker('read-worker', null);
  worker.unref();
  // A thread that fails to boot only means the batch starts one of its own, or parses on the main thread.
  worker.on('error', () => undefined);
  booted = worker;
}

/** Whether a reading thread was booted and is waiting for its job. */
export function readerBooted(): boolean {
  return booted !== undefined;
}

/** The booted reading thread, once: the caller posts it its job. */
export function takeBootedReader(): Worker | undefined {
  const worker = booted;
  booted = undefined;
  return worker;
}

/** Ends a booted thread nobody took (the command was not a batch after all). */
export function endUnusedReader(): void {
  void takeBootedReader()?.terminate();
}
