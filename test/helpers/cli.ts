/** Runs the real CLI in-process with captured streams and an isolated data folder. */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/adapters/console/cli.js';
import { tempDir } from './temp.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Readable & { isTTY?: boolean };
  if (options.tty) {
    stdin.isTTY = true;
    (stdout as PassThrough & { isTTY?: boolean }).isTTY = true;
  }
  const env = { POSTMASTER_DATA_DIR: tempDir('pm-cli-'), LOG_LEVEL: 'silent', NO_COLOR: '1', ...options.env };
  const code = await runCli(argv, { stdin, stdout, stderr, env });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
