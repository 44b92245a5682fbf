#!/usr/bin/env node
/** Process entry point: runs the CLI with the real process streams. */
import { runCli } from './adapters/console/cli.js';

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
