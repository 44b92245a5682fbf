/**
 * Explains a large input on a worker thread. A chat server answers every
 * person from one event loop; a 10 MB upload explained in-process would hold
 * it for a second or more (Slack's 3 s acks, Teams' turns, /healthz all
 * wait). Small inputs — nearly all — stay on the fast in-process path (the
 * threshold is the explain command's: starting a worker costs ~0.2 s).
 */
import { Worker } from 'node:worker_threads';
import { BotError } from '../../core/errors.js';
import type { Lang } from '../../core/lang.js';
import type { ExplainedInput } from '../explain.js';

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(`./explain-worker${FROM_SOURCES ? '.ts' : '.js'}`, import.meta.url);

/** The build runs the compiled worker; tests run the sources, so the worker registers tsx first. */
function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCES) return new Worker(WORKER, { workerData });
  // Both of tsx's hooks, as `--import tsx` does: the catalogue's YAML compiler is loaded with require().
  const bootstrap = `Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => { esm.register(); cjs.register(); return import(${JSON.stringify(WORKER.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

type Answer = { ok: true; explained: ExplainedInput } | { ok: false; error: { message: string; code?: string; userMessage?: string } };

export function explainOffThread(bytes: Buffer, options: { lang: Lang; maxBytes: number; name: string }): Promise<ExplainedInput> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ bytes, ...options });
    worker.once('message', (answer: Answer) => {
      if (answer.ok) resolve(answer.explained);
      else if (answer.error.code && answer.error.userMessage) reject(new BotError(answer.error.code as BotError['code'], answer.error.userMessage));
      else reject(new Error(answer.error.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the explain worker stopped (exit ${code})`));
    });
  });
}
