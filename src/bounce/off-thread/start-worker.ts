/**
 * Starts one of this folder's workers. The build runs the compiled .js;
 * tests run the sources, so there the worker registers tsx first.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';

const FROM_SOURCES = import.meta.url.endsWith('.ts');
/** `true` in the bundle only (scripts/bundle.mjs defines it): there the workers below are one file each. */
declare const __POSTMASTER_BUNDLE__: boolean | undefined;
const BUNDLED_WORKERS = typeof __POSTMASTER_BUNDLE__ === 'undefined' ? new Set<string>() : new Set(['read-worker']);

/** `name` is the worker module's name without extension, beside this file. */
export function startWorker(name: string, workerData: unknown, transferList: TransferListItem[] = []): Worker {
  if (BUNDLED_WORKERS.has(name)) return new Worker(new URL(`../../bundle/${name}.cjs`, import.meta.url), { workerData, transferList });
  const url = new URL(`./${name}${FROM_SOURCES ? '.ts' : '.js'}`, import.meta.url);
  if (!FROM_SOURCES) return new Worker(url, { workerData, transferList });
  // Both of tsx's hooks, as `--import tsx` does: the catalogue's YAML compiler is loaded with require().
  const bootstrap = `Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => { esm.register(); cjs.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, transferList });
}
