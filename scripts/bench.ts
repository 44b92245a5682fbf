/**
 * npm run bench — the explainer's speed, measured against the anchor:
 * files/s over the whole Sisimai corpus, and Perl's Sisimai on the same files
 * in the same run (when `libsisimai-perl` is installed), with the ratio; p50/p99
 * per message and per single pasted line. Medians of several rounds; the two
 * alternate round by round so drift on a shared machine hits both alike. It
 * measures the compiled build in dist/ — what `npm start` runs.
 *
 *   npm run bench [-- --rounds 5 --corpus test/corpus/sisimai]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { emlFiles } from './lib/eml-files.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, corpus: { type: 'string', default: resolve('test/corpus/sisimai') } },
});
const rounds = Math.max(1, Number(values.rounds));

const files = emlFiles(values.corpus!);
if (files.length === 0) {
  console.error(`bench: no .eml files under ${values.corpus}`);
  process.exit(2);
}
const inputs = files.map((f) => readFileSync(f));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// The production build (npm run bench builds it first); the types come from the sources.
const { Classifier } = (await import(resolve('dist/bounce/classify.js'))) as typeof import('../src/bounce/classify.js');
const { explainInput } = (await import(resolve('dist/bounce/explain.js'))) as typeof import('../src/bounce/explain.js');
const { loadCatalog } = (await import(resolve('dist/catalog/catalog.js'))) as typeof import('../src/catalog/catalog.js');
const classifier = new Classifier(loadCatalog());
const options = { lang: 'en' as const, maxBytes: 50 * 1024 * 1024 };
// Warm-up: JIT and the catalogue's compiled patterns.
for (const input of inputs.slice(0, 50)) await explainInput(input, classifier, options);

const hasSisimai = spawnSync('perl', ['-MSisimai', '-e', 'print $Sisimai::VERSION'], { encoding: 'utf8' });
const sisimaiVersion = hasSisimai.status === 0 ? hasSisimai.stdout.trim() : null;

const oursFilesPerSecond: number[] = [];
const sisimaiFilesPerSecond: number[] = [];
let perMessage: number[] = [];
for (let round = 0; round < rounds; round++) {
  const times: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    const t0 = performance.now();
    await explainInput(input, classifier, options);
    times.push(performance.now() - t0);
  }
  oursFilesPerSecond.push(files.length / ((performance.now() - started) / 1000));
  if (round === Math.floor(rounds / 2)) perMessage = times;
  if (sisimaiVersion) {
    const out = execFileSync('perl', [resolve('scripts/bench/sisimai-files.pl')], { input: files.join('\n'), encoding: 'utf8', maxBuffer: 1 << 24 });
    const [count, seconds] = out.trim().split(' ').map(Number);
    sisimaiFilesPerSecond.push(count! / seconds!);
  }
}

// Single pasted lines: the diagnostic lines of the corpus's own expectations.
const lines = readFileSync(join(values.corpus!, 'expected.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { diagnosticcode?: string }).diagnosticcode ?? '')
  .filter((l) => l.length > 10);
const perLine: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const line of lines) {
    const t0 = performance.now();
    await explainInput(line, classifier, options);
    perLine.push(performance.now() - t0);
  }
}
const sisimai = sisimaiVersion ? { filesPerSecond: median(sisimaiFilesPerSecond), version: sisimaiVersion } : null;

const ours = median(oursFilesPerSecond);
console.log(`corpus: ${files.length} files (${values.corpus}), ${rounds} rounds, medians`);
console.log(`postmaster explainer: ${ours.toFixed(0)} files/s`);
console.log(`  per message: p50 ${percentile(perMessage, 50).toFixed(3)} ms, p99 ${percentile(perMessage, 99).toFixed(3)} ms (target p99 < 5 ms)`);
console.log(`  per pasted line (${lines.length} lines): p50 ${percentile(perLine, 50).toFixed(3)} ms, p99 ${percentile(perLine, 99).toFixed(3)} ms (target p99 < 1 ms)`);
if (sisimai) {
  console.log(`Sisimai ${sisimai.version} (Perl, same files, same run): ${sisimai.filesPerSecond.toFixed(0)} files/s`);
  console.log(`ratio: ${(ours / sisimai.filesPerSecond).toFixed(2)}× Sisimai (target ≥ 3×)`);
} else {
  console.log('Sisimai (Perl) is not installed, so there is no reference figure: apt-get install libsisimai-perl');
}
