#!/usr/bin/env node
/** Process entry point: runs the CLI with the real process streams. */
import { bootReaderFor, endUnusedReader } from './bounce/off-thread/early-reader.js';

// A batch of files gets its reading thread booting now, while the rest loads (early-reader.ts).
await bootReaderFor(process.argv.slice(2));
const { runCli } = await import('./adapters/console/cli.js');
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
endUnusedReader();
// Everything has been answered and closed: exit once the output is out rather than wait while
// Node tears down heaps and threads nobody will use again (~20 ms of every command here).
await Promise.all([process.stdout, process.stderr].map(drained));
process.exit(code);

/** Resolves when nothing written to `stream` is still waiting (also when it broke or closed). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.writableLength === 0 || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('drain', resolve);
    stream.once('close', resolve);
    stream.once('error', resolve);
  });
}
