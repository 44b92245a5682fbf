/**
 * A worker thread that explains one large input and exits (explain-off-thread.ts):
 * it loads the catalogue (the build's snapshot) and a classifier of its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../../catalog/catalog.js';
import type { Lang } from '../../core/lang.js';
import { createClassifier } from '../classifier-index.js';
import { explainInput } from '../explain.js';

const { bytes, lang, maxBytes, name } = workerData as { bytes: Uint8Array; lang: Lang; maxBytes: number; name: string };

// No top-level await: under tsx (tests) a worker's .ts file may be compiled as CommonJS.
void (async () => {
  try {
    const explained = await explainInput(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), createClassifier(loadCatalog()), { lang, maxBytes, name });
    parentPort!.postMessage({ ok: true, explained });
  } catch (error) {
    const e = error as Error & { code?: string; userMessage?: string };
    parentPort!.postMessage({ ok: false, error: { message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.userMessage ? { userMessage: e.userMessage } : {}) } });
  }
})();
