/**
 * Explains a large input on a worker thread. A chat server answers every
 * person from one event loop; a 10 MB upload explained in-process would hold
 * it for a second or more (Slack's 3 s acks, Teams' turns, /healthz all
 * wait). Small inputs — nearly all — stay on the fast in-process path (the
 * threshold is the explain command's: starting a worker costs ~0.2 s).
 */
import { BotError } from '../../core/errors.js';
import type { Lang } from '../../core/lang.js';
import type { ExplainedInput } from '../explain.js';
import { startWorker } from './start-worker.js';

type Answer = { ok: true; explained: ExplainedInput } | { ok: false; error: { message: string; code?: string; userMessage?: string } };

export function explainOffThread(bytes: Buffer, options: { lang: Lang; maxBytes: number; name: string }): Promise<ExplainedInput> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('explain-worker', { bytes, ...options });
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
