#!/usr/bin/env node
/**
 * The last build step: bundles the compiled CLI (dist/cli.js and what it
 * imports) into dist/bundle/, one file per lazily loaded part. A terminal
 * command then loads a few files instead of ~60 modules, each resolved,
 * read and compiled on its own (~20 ms of every start).
 *
 * dist/ stays the program; the bundle is only a faster way to load it:
 * - every `import.meta.url` keeps meaning the module's own place in dist/,
 *   so snapshots, the command manifest, workers and lazy require()s resolve
 *   exactly as without the bundle;
 * - inputs.json records each bundled file's size and mtime: bin/postmaster.js
 *   falls back to dist/cli.js when any changed since (a `tsc` without this
 *   step never runs stale code).
 *
 * The reading thread of a batch of files (read-worker.js) is bundled too, as
 * one CommonJS file: a worker then starts without Node's ES module loader and
 * a dozen module files (~20 ms sooner in a batch on two cores). Only bundled
 * code knows it (the define below), so dist/ never starts a stale worker.
 */
import { build } from 'esbuild';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'dist/bundle');
await rm(outdir, { recursive: true, force: true });

const result = await build({
  entryPoints: [resolve(root, 'dist/cli.js')],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  packages: 'external',
  metafile: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __POSTMASTER_BUNDLE__: 'true' },
  plugins: [
    {
      name: 'keep-module-urls',
      setup(b) {
        b.onLoad({ filter: /\.js$/ }, async (args) => {
          const url = JSON.stringify(relative(outdir, args.path));
          const text = (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', `new URL(${url}, import.meta.url).href`);
          return { contents: text, loader: 'js', resolveDir: resolve(args.path, '..') };
        });
      },
    },
  ],
});

// CommonJS has no import.meta: a worker module that needs its own location cannot be bundled this way.
const workers = await build({
  entryPoints: [resolve(root, 'dist/bounce/off-thread/read-worker.js')],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: resolve(outdir, 'read-worker.cjs'),
  packages: 'external',
  metafile: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
});

const inputs = await Promise.all(
  [...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(workers.metafile.inputs)])].map(async (file) => {
    const info = await stat(resolve(root, file));
    return { file: relative(root, resolve(root, file)), size: info.size, mtimeMs: info.mtimeMs };
  }),
);
await writeFile(resolve(outdir, 'inputs.json'), JSON.stringify(inputs));
console.log(`bundle: ${inputs.length} modules → ${relative(root, outdir)}/`);
