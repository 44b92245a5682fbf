/**
 * What the tests read that the repository ships: the Sisimai corpus
 * (test/corpus/sisimai, BSD-2-Clause) and the synthetic Postfix log generator
 * (tools/gen-postfix-log.py, needs python3). Nothing outside the checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emlFiles } from '../../scripts/lib/eml-files.js';

export const CORPUS = fileURLToPath(new URL('../corpus/sisimai/', import.meta.url));
export const GENERATOR = fileURLToPath(new URL('../../tools/gen-postfix-log.py', import.meta.url));

/** A `skip` value: false when `ok`; a visible notice otherwise; a failure under CI=true. */
function needs(ok: boolean, what: string): false | string {
  if (ok) return false;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${what}; CI must provide it.`);
  const notice = `SKIPPED: ${what}`;
  console.warn(`\n*** ${notice} ***\n`);
  return notice;
}

export function corpusSkip(): false | string {
  return needs(existsSync(`${CORPUS}upstream-v5-expected.jsonl`), `the Sisimai corpus is missing at ${CORPUS}`);
}

let python: boolean | undefined;
export function generatorSkip(): false | string {
  python ??= spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
  return needs(python && existsSync(GENERATOR), python ? `the log generator is missing at ${GENERATOR}` : 'python3 is not installed (the log generator needs it)');
}

/** Every .eml file under `dir` (the corpus by default), in a stable order. */
export function corpusFiles(dir = CORPUS): string[] {
  return emlFiles(dir);
}
