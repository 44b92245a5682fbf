/**
 * `npm run bench:ingest` — our ingest against pflogsumm on the same generated
 * 1 M-line Postfix log, in the same run: lines/s and reject totals side by side.
 *
 *   target: ≥ 5× pflogsumm's lines/s, and the same number of rejects (and bounces).
 *
 * pflogsumm is installed with apt-get when it is missing and we may; otherwise
 * its column is skipped with a notice. Options: --lines N (default 1000000),
 * --runs N (default 3), --keep (keep the temp folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadCatalog } from '../src/catalog/catalog.js';
import { parseConfig } from '../src/config/load.js';
import { ingestContext } from '../src/logs/context.js';
import { ingestFile } from '../src/logs/ingest-file.js';
import type { SinkStats } from '../src/logs/sink.js';
import { EmbeddedStore } from '../src/store/embedded-store.js';
import { RedisStore } from '../src/store/redis-store.js';
import type { Store } from '../src/store/store.js';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean' } } });
const LINES = Number(values.lines);
const RUNS = Number(values.runs);
const GENERATOR = new URL('../tools/gen-postfix-log.py', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pm-bench-ingest-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function findPflogsumm(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v pflogsumm'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log('pflogsumm is missing: apt-get install -y pflogsumm …');
    const install = spawnSync('apt-get', ['install', '-y', '-q', 'pflogsumm'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (install.status !== 0) spawnSync('sh', ['-c', 'apt-get update -q >/dev/null && apt-get install -y -q pflogsumm'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const again = spawnSync('sh', ['-c', 'command -v pflogsumm'], { encoding: 'utf8' });
    if (again.status === 0 && again.stdout.trim()) return again.stdout.trim();
  }
  return null;
}

function ourTotals(stats: SinkStats): { rejected: number; bounced: number } {
  let rejected = 0;
  let bounced = 0;
  for (const [key, n] of Object.entries(stats.byReason)) key.startsWith('out.') ? (bounced += n) : (rejected += n);
  return { rejected, bounced };
}

async function ourRun(file: string, makeStore: () => Promise<Store>): Promise<{ ms: number; cpuMs: number; stats: SinkStats }> {
  const store = await makeStore();
  const services = {
    config: parseConfig({ dataDir: dir, log: { level: 'silent' } }),
    logger: pino({ level: 'silent' }),
    store,
    catalog: loadCatalog(),
    now: Date.now,
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const stats = await ingestFile(ingestContext(services), file, { format: 'auto' });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await store.close();
  return { ms, cpuMs: (used.user + used.system) / 1000, stats };
}

async function redisReachable(url: string): Promise<boolean> {
  const probe = new RedisStore({ url, keyPrefix: 'pmbench-probe:', connectTimeoutMs: 800 });
  probe.redis.on('error', () => {});
  try {
    return (await Promise.race([probe.redis.ping(), new Promise((r) => setTimeout(() => r('timeout'), 1000))])) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.redis.disconnect();
  }
}

async function main(): Promise<void> {
  console.log(`Generating ${fmt(LINES)} lines with ${GENERATOR} …`);
  const file = join(dir, 'maillog');
  writeFileSync(file, execFileSync('python3', [GENERATOR, '--lines', String(LINES)], { maxBuffer: 1024 * 1024 * 1024 }));
  const size = statSync(file).size;
  const lines = Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  console.log(`${file}: ${fmt(lines)} lines, ${(size / 1e6).toFixed(1)} MB\n`);

  // Wall time is what a person waits; CPU time (user + system) is steadier on a busy machine.
  const rows: Array<{ name: string; ms: number; cpuMs: number | null; rejected: number | null; bounced: number | null }> = [];
  const timeBin = spawnSync('sh', ['-c', 'command -v /usr/bin/time'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : null;

  const pflogsumm = findPflogsumm();
  let pf: { ms: number; cpuMs: number | null; rejected: number; bounced: number } | null = null;
  if (!pflogsumm) {
    console.log('NOTICE: pflogsumm is not installed and cannot be installed here; its column is skipped.\n');
  } else {
    const times: number[] = [];
    const cpus: number[] = [];
    let out = '';
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const run = timeBin
        ? spawnSync(timeBin, ['-f', 'CPU %U %S', pflogsumm, file], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })
        : spawnSync(pflogsumm, [file], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
      times.push(performance.now() - started);
      const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
      if (cpu) cpus.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
      out = run.stdout;
    }
    const grab = (label: string) => Number(new RegExp(`^\\s*(\\d+)\\s+${label}\\b`, 'm').exec(out)?.[1] ?? NaN);
    pf = { ms: median(times), cpuMs: cpus.length ? median(cpus) : null, rejected: grab('rejected'), bounced: grab('bounced') };
    rows.push({ name: `pflogsumm ${pflogsumm}`, ...pf });
  }

  const embeddedTimes: number[] = [];
  const embeddedCpu: number[] = [];
  let stats: SinkStats | null = null;
  for (let i = 0; i < RUNS; i++) {
    const runDir = mkdtempSync(join(dir, 'store-'));
    const r = await ourRun(file, async () => new EmbeddedStore({ file: join(runDir, 'postmaster.db') }));
    embeddedTimes.push(r.ms);
    embeddedCpu.push(r.cpuMs);
    stats = r.stats;
  }
  const ours = ourTotals(stats!);
  rows.push({ name: 'postmaster ingest (engine, embedded SQLite store)', ms: median(embeddedTimes), cpuMs: median(embeddedCpu), ...ours });

  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisReachable(redisUrl)) {
    const times: number[] = [];
    const cpus: number[] = [];
    let redisStats: SinkStats | null = null;
    for (let i = 0; i < RUNS; i++) {
      const prefix = `pmbench:${process.pid}:${i}:`;
      const r = await ourRun(file, async () => new RedisStore({ url: redisUrl, keyPrefix: prefix }));
      times.push(r.ms);
      cpus.push(r.cpuMs);
      redisStats = r.stats;
      const cleanup = new RedisStore({ url: redisUrl, keyPrefix: prefix });
      for (const k of await cleanup.keys('')) await cleanup.del(k);
      await cleanup.close();
    }
    rows.push({ name: 'postmaster ingest (engine, Redis store; Redis CPU not counted)', ms: median(times), cpuMs: median(cpus), ...ourTotals(redisStats!) });
  } else {
    console.log(`NOTICE: Redis not reachable at ${redisUrl}; the Redis row is skipped.`);
  }

  // The whole CLI process: start-up (tsx, every command's modules), catalogue, ingest, exit.
  const cliTimes: number[] = [];
  let cliTotals: { rejected: number; bounced: number } | null = null;
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(join(dir, 'cli-'));
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', file, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, POSTMASTER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', REDIS_URL: '' },
    });
    cliTimes.push(performance.now() - started);
    if (run.status === 0) cliTotals = ourTotals(JSON.parse(run.stdout) as SinkStats);
    else console.log(`NOTICE: the CLI run failed (${run.status}): ${run.stderr.split('\n')[0]}`);
  }
  if (cliTotals) rows.push({ name: 'postmaster ingest FILE --json (whole CLI process, tsx)', ms: median(cliTimes), cpuMs: null, ...cliTotals });

  console.log(`median of ${RUNS} runs on the same file (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs):\n`);
  console.log(`${'run'.padEnd(62)} ${'wall s'.padStart(7)} ${'lines/s'.padStart(10)} ${'×pflog'.padStart(7)} ${'CPU s'.padStart(6)} ${'×pflog'.padStart(7)} ${'rejected'.padStart(9)} ${'bounced'.padStart(8)}`);
  for (const r of rows) {
    const lps = lines / (r.ms / 1000);
    const wallX = pf ? `${(pf.ms / r.ms).toFixed(1)}×` : '—';
    const cpuX = pf?.cpuMs && r.cpuMs ? `${(pf.cpuMs / r.cpuMs).toFixed(1)}×` : '—';
    const cpu = r.cpuMs ? (r.cpuMs / 1000).toFixed(2) : '—';
    console.log(`${r.name.padEnd(62)} ${(r.ms / 1000).toFixed(2).padStart(7)} ${fmt(lps).padStart(10)} ${wallX.padStart(7)} ${cpu.padStart(6)} ${cpuX.padStart(7)} ${String(r.rejected).padStart(9)} ${String(r.bounced).padStart(8)}`);
  }
  if (pf) {
    const engine = rows.find((r) => r.name.includes('embedded'))!;
    const wall = pf.ms / engine.ms;
    const cpu = pf.cpuMs && engine.cpuMs ? pf.cpuMs / engine.cpuMs : null;
    const equal = engine.rejected === pf.rejected && engine.bounced === pf.bounced;
    console.log(`\ntarget ≥ 5× pflogsumm's lines/s (engine, embedded store): wall ${wall.toFixed(1)}×${cpu ? `, CPU ${cpu.toFixed(1)}×` : ''} → ${wall >= 5 ? 'MET' : 'NOT MET'} (wall)`);
    console.log(`totals equal (rejected ${engine.rejected} vs ${pf.rejected}, bounced ${engine.bounced} vs ${pf.bounced}): ${equal ? 'YES' : 'NO'}`);
    process.exitCode = equal ? 0 : 1;
  }
}

try {
  await main();
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
