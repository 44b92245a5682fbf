/** Runs the real CLI, in-process with captured streams or as its own process, with an isolated data folder. */
import { spawn } from 'node:child_process';
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

/**
 * The real entry point in a child process: the real logger writes to the real stderr, and worker
 * threads are real threads. `entry` is a built script run by plain node (bin/postmaster.js); by
 * default the sources' src/cli.ts runs through tsx. `env` is laid over a minimal environment.
 */
export function cliProcess(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; entry?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, POSTMASTER_DATA_DIR: tempDir('pm-cli-'), NO_COLOR: '1', ...options.env };
    const entry = options.entry ? [options.entry] : ['--import', 'tsx', 'src/cli.ts'];
    const child = spawn(process.execPath, [...entry, ...argv], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.stdin ?? '');
  });
}
