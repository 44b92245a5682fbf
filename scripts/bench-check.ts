/**
 * npm run bench:check — figures for the `check` command, all against an
 * in-process DNS server on 127.0.0.1 (nothing leaves the machine):
 *  (a) a full domain check while one zone never answers: elapsed (target < 2.5 s)
 *      and that the silent part comes back UNKNOWN;
 *  (b) 100 domains checked at once: checks per second (cold cache, then warm).
 * Production defaults (2 s per query, 2300 ms budget). Medians over several runs.
 * The DNS server runs in a child process, so its CPU time is not counted as ours.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpus, loadavg } from 'node:os';
import { parseConfig } from '../src/config/load.js';
import { createCheckRun } from '../src/checks/setup.js';
import { runCheck, type CheckOutcome } from '../src/checks/run-check.js';
import { parseTarget } from '../src/checks/target.js';
import { EmbeddedStore } from '../src/store/embedded-store.js';
import { startDnsServer, type Zone } from '../test/helpers/dns-server.js';
import { goodZone } from '../test/checks/fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The healthy fixture domain copied under another name (d7.test, with its own MX IPs). */
function domainZone(name: string, n: number): Zone {
  const octet = String(10 + (n % 200));
  const text = JSON.stringify(goodZone())
    .replaceAll('good.test', name)
    .replaceAll('45.67.89.10', `45.68.${octet}.10`).replaceAll('10.89.67.45', `10.${octet}.68.45`)
    .replaceAll('45.67.89.11', `45.68.${octet}.11`).replaceAll('11.89.67.45', `11.${octet}.68.45`);
  return JSON.parse(text) as Zone;
}

const configs = new Map<string, ReturnType<typeof parseConfig>>();

async function checkOnce(server: string, store: EmbeddedStore, domain: string, totalBudget?: string): Promise<CheckOutcome> {
  const key = `${server} ${totalBudget ?? ''}`;
  const config = configs.get(key) ?? parseConfig({ checks: { resolvers: [server], ...(totalBudget ? { totalBudget } : {}) } });
  configs.set(key, config);
  const run = createCheckRun(config.checks, store, { fetchMtaSts: async () => ({ status: 200, contentType: 'text/plain', body: `version: STSv1\nmode: enforce\nmx: *.${domain}\nmax_age: 86400\n` }) });
  return runCheck({ target: parseTarget(domain), dkim: [] }, run);
}

/** Starts the fixture server for a scenario in a child process; resolves with its address. */
async function serveInChild(scenario: string): Promise<{ address: string; queries: () => Promise<number>; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--serve', scenario], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const address = await next();
  return {
    address,
    queries: async () => {
      child.stdin!.write('count\n');
      return Number(await next());
    },
    stop: () => child.kill(),
  };
}

function scenarioZone(scenario: string): Zone {
  if (scenario === 'silent-dnsbl') return { ...goodZone(), '*.b.barracudacentral.org': { $silent: true } };
  if (scenario === 'silent-dmarc') return { ...goodZone(), '_dmarc.good.test': { $silent: true } };
  const zone: Zone = {};
  for (let i = 0; i < 100; i++) Object.assign(zone, domainZone(`d${i + 1}.test`, i));
  return zone;
}

async function scenarioA(label: string, scenario: string): Promise<void> {
  const server = await serveInChild(scenario);
  const elapsed: number[] = [];
  let unknown: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const store = new EmbeddedStore({ file: ':memory:' });
    const started = performance.now();
    const out = await checkOnce(server.address, store, 'good.test');
    elapsed.push(performance.now() - started);
    unknown = out.results.filter((r) => r.severity === 'UNKNOWN').map((r) => `${r.code}${r.subject ? ` [${r.subject}]` : ''}`);
    await store.close();
  }
  server.stop();
  const ms = median(elapsed);
  console.log(`(a) ${label}: median ${ms.toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...elapsed).toFixed(0)}, max ${Math.max(...elapsed).toFixed(0)}) — ${ms < 2500 ? 'under' : 'OVER'} the 2.5 s target`);
  console.log(`    UNKNOWN results: ${unknown.join(', ') || 'none'}`);
}

async function scenarioB(totalBudget?: string): Promise<void> {
  const domains = Array.from({ length: 100 }, (_, i) => `d${i + 1}.test`);
  const server = await serveInChild('many');
  const cold: number[] = [];
  const warm: number[] = [];
  const unknown: number[] = [];
  let queries = 0;
  for (let i = 0; i < RUNS; i++) {
    const store = new EmbeddedStore({ file: ':memory:' });
    const before = await server.queries();
    let started = performance.now();
    const outs = await Promise.all(domains.map((d) => checkOnce(server.address, store, d, totalBudget)));
    cold.push(100 / ((performance.now() - started) / 1000));
    queries = (await server.queries()) - before;
    unknown.push(outs.reduce((n, o) => n + o.results.filter((r) => r.severity === 'UNKNOWN').length, 0));
    started = performance.now();
    await Promise.all(domains.map((d) => checkOnce(server.address, store, d, totalBudget)));
    warm.push(100 / ((performance.now() - started) / 1000));
    await store.close();
  }
  server.stop();
  console.log(`(b) 100 domains at once, budget ${totalBudget ?? '2300ms (default)'}, cold cache: median ${median(cold).toFixed(1)} checks/s`
    + ` (${queries} DNS queries per round; UNKNOWN results per round: ${unknown.join(', ')})`);
  console.log(`    the same 100 again, answers from the store cache: median ${median(warm).toFixed(1)} checks/s`);
}

if (process.argv[2] === '--serve') {
  const server = await startDnsServer(scenarioZone(process.argv[3] ?? ''));
  console.log(server.address);
  createInterface({ input: process.stdin }).on('line', () => console.log(server.queries.length)).on('close', () => void server.close());
} else {
  console.log(`Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}; ${RUNS} runs each`);
  await scenarioA('one DNSBL zone (b.barracudacentral.org) never answers', 'silent-dnsbl');
  await scenarioA('the domain\'s _dmarc zone never answers', 'silent-dmarc');
  console.log(`    (${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} when (b) started; the DNS server runs in a child process on the same CPUs)`);
  await scenarioB();
  await scenarioB('10s');
}
