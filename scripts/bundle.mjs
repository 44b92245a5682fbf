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

const inputs = await Promise.all(
  Object.keys(result.metafile.inputs).map(async (file) => {
    const info = await stat(resolve(root, file));
    return { file: relative(root, resolve(root, file)), size: info.size, mtimeMs: info.mtimeMs };
  }),
);
await writeFile(resolve(outdir, 'inputs.json'), JSON.stringify(inputs));
console.log(`bundle: ${inputs.length} modules → ${relative(root, outdir)}/`);
