/**
 * bin/postmaster.js runs the build's bundle (scripts/bundle.mjs) only while it is current: the
 * bundle answers exactly like the program it was made from, and a changed input makes bin fall
 * back to dist/cli.js rather than run stale code.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { cli, cliProcess } from '../helpers/cli.js';
import { corpusFiles, corpusSkip } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/postmaster.js');
const dir = tempDir('pm-bundle-');
after(() => rmSync(dir, { recursive: true, force: true }));

/** A checkout's bin/postmaster.js as its own process. */
const run = (bin: string, args: string[], logLevel = 'silent') => cliProcess(args, { entry: bin, env: { LOG_LEVEL: logLevel } });

describe('the bundled CLI', () => {
  const built = existsSync(join(ROOT, 'dist/bundle/inputs.json'));
  if (!built) assert.equal(process.env.CI, undefined, 'CI builds dist/ (npm ci runs the build): the bundle must exist');
  const skip = built ? corpusSkip() : 'SKIPPED: no build in dist/ (npm run build makes one)';
  if (!built) console.warn(`\n*** ${skip} ***\n`);

  it('explains files exactly as the sources do, also with its bundled reading thread', { skip }, async () => {
    // 200 files or more: read and parsed on the bundle's own reading thread (dist/bundle/read-worker.cjs), streamed.
    const files = corpusFiles();
    assert.ok(files.length >= 200);
    assert.ok(existsSync(join(ROOT, 'dist/bundle/read-worker.cjs')));
    const bundled = await run(BIN, ['explain', '--json', ...files], 'debug');
    const sources = await cli(['explain', '--json', ...files]);
    assert.equal(bundled.code, 0, bundled.stderr);
    // The bundle's entry booted that thread before loading the rest (early-reader.ts).
    assert.match(bundled.stderr, /reading and parsing on other threads \(the first booted as the process started\)/);
    assert.equal(bundled.stdout, sources.stdout);
  });

  it('falls back to dist/cli.js when a bundled module changed since the build', async () => {
    // A miniature checkout: bin, a "bundle" and a "program" that say which one ran.
    const root = join(dir, 'checkout');
    mkdirSync(join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'dist/bundle'), { recursive: true });
    cpSync(BIN, join(root, 'bin/postmaster.js'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
    writeFileSync(join(root, 'dist/cli.js'), "console.log('program');\n");
    writeFileSync(join(root, 'dist/bundle/cli.js'), "console.log('bundle');\n");
    const input = join(root, 'dist/cli.js');
    const record = (size: number) => {
      const { mtimeMs } = statSync(input);
      writeFileSync(join(root, 'dist/bundle/inputs.json'), JSON.stringify([{ file: 'dist/cli.js', size, mtimeMs }]));
    };
    record(statSync(input).size);
    assert.equal((await run(join(root, 'bin/postmaster.js'), [])).stdout, 'bundle\n');
    record(statSync(input).size + 1);
    assert.equal((await run(join(root, 'bin/postmaster.js'), [])).stdout, 'program\n');
    rmSync(join(root, 'dist/bundle/inputs.json'));
    assert.equal((await run(join(root, 'bin/postmaster.js'), [])).stdout, 'program\n');
  });
});
