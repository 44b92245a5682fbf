/**
 * npm run bench:chat — Slack's 3-second rule under load: N concurrent signed
 * slash commands (default 50) against the real HTTP receiver, answered
 * through a local fake of the Slack API. Reports the ack latency (HTTP
 * response to the signed request) p50/p99/max and the time until each answer
 * reached its response_url, and checks every command was answered exactly once.
 * Target: ack p99 < 300 ms. Exit 1 when missed.
 *
 *   npm run bench:chat [-- --concurrency 50 --rounds 3 --warmup 1 --command /bounce --redis]
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { parseConfig } from '../src/config/load.js';
import { createServices } from '../src/main.js';
import { startChatFaces } from '../src/server/chat-faces.js';
import { EmbeddedStore } from '../src/store/embedded-store.js';
import { RedisStore } from '../src/store/redis-store.js';
import { BOT_TOKEN, startFakeSlack } from '../test/slack/fake-slack.js';
import { SIGNING_SECRET, signedPost, slashBody } from '../test/slack/signed-request.js';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    command: { type: 'string', default: '/bounce' },
    redis: { type: 'boolean', default: false },
    warmup: { type: 'string', default: '1' },
  },
});
const concurrency = Math.max(1, Number(values.concurrency));
const rounds = Math.max(1, Number(values.rounds));
const warmupRounds = Math.max(0, Number(values.warmup));
const TEXTS: Record<string, string> = {
  '/bounce': 'host mail.example.com[192.0.2.1] said: 550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
  '/postmaster': 'help',
};
const text = TEXTS[values.command!] ?? '--help';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The bot under test runs in its own process, as in production; this process is Slack. */
async function serveBot(apiUrl: string, redis: boolean): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-bench-chat-'));
  const config = parseConfig({ dataDir, log: { level: 'silent' }, slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl } });
  const store = redis
    ? new RedisStore({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: `pmbench:${process.pid}:` })
    : new EmbeddedStore({ file: join(dataDir, 'state.db') });
  const services = await createServices(config, { store, logger: pino({ level: 'silent' }) });
  const faces = await startChatFaces(services, { port: 0, host: '127.0.0.1', slackRetries: 0 });
  process.send!({ port: faces.address.port, store: store.kind });
  process.once('disconnect', async () => {
    await faces.stop();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

if (process.env.BENCH_CHAT_API_URL) {
  await serveBot(process.env.BENCH_CHAT_API_URL, values.redis!);
} else {
  await runBench();
}

async function runBench(): Promise<void> {
const fake = await startFakeSlack();
const child = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
  execArgv: ['--import', 'tsx', ...(process.env.BENCH_CHAT_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CHAT_PROFILE}`] : [])],
  env: { ...process.env, BENCH_CHAT_API_URL: fake.apiUrl },
});
const { port, store: storeKind } = await new Promise<{ port: number; store: string }>((resolve, reject) => {
  child.once('message', (m) => resolve(m as { port: number; store: string }));
  child.once('exit', (code) => reject(new Error(`bot process exited with ${code}`)));
});
const endpoint = `http://127.0.0.1:${port}/slack/events`;

const acks: number[] = [];
const answers: number[] = [];
let failures = 0;
try {
  // One warm-up command (Bolt's first auth.test, catalogue compile).
  await signedPost(endpoint, slashBody({ command: values.command!, text, responseUrl: `${fake.url}/respond/warmup` }), 'application/x-www-form-urlencoded');
  await fake.waitFor(() => fake.responses.find((r) => r.path === '/respond/warmup'), 10_000);

  // Warm-up rounds (not counted): a long-running bot has its code optimised and its connections open.
  for (let round = 0; round < warmupRounds; round++) {
    const paths = await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const path = `/respond/warmup-${round}-${i}`;
        await (await signedPost(endpoint, slashBody({ command: values.command!, text, responseUrl: `${fake.url}${path}` }), 'application/x-www-form-urlencoded')).arrayBuffer();
        return path;
      }),
    );
    await fake.waitFor(() => paths.every((p) => fake.responses.some((x) => x.path === p)), 30_000);
  }

  for (let round = 0; round < rounds; round++) {
    const started = new Map<string, number>();
    const results = await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const path = `/respond/r${round}-${i}`;
        const body = slashBody({ command: values.command!, text, responseUrl: `${fake.url}${path}`, user: `U${i}` });
        const t0 = performance.now();
        started.set(path, Date.now());
        const res = await signedPost(endpoint, body, 'application/x-www-form-urlencoded');
        await res.arrayBuffer();
        return { path, status: res.status, ack: performance.now() - t0 };
      }),
    );
    for (const r of results) {
      if (r.status !== 200) failures++;
      acks.push(r.ack);
    }
    const roundAcks = results.map((r) => r.ack).sort((a, b) => a - b);
    console.log(`  round ${round + 1}: ack p50 ${ms(percentile(roundAcks, 50))}  p99 ${ms(percentile(roundAcks, 99))}`);
    const paths = results.map((r) => r.path);
    await fake.waitFor(() => paths.every((p) => fake.responses.some((x) => x.path === p)), 30_000);
    for (const path of paths) {
      const answer = fake.responses.find((x) => x.path === path)!;
      answers.push(answer.at - started.get(path)!);
    }
  }
  // Late duplicates would arrive now.
  await new Promise((r) => setTimeout(r, 500));
} finally {
  child.disconnect();
  await new Promise((r) => child.once('exit', r));
  await fake.close();
}

const counts = new Map<string, number>();
for (const r of fake.responses) if (!r.path.startsWith('/respond/warmup')) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
const expected = concurrency * rounds;
const exactlyOnce = counts.size === expected && [...counts.values()].every((n) => n === 1);
acks.sort((a, b) => a - b);
answers.sort((a, b) => a - b);
const p99 = percentile(acks, 99);

console.log(`bench:chat — ${rounds} rounds × ${concurrency} concurrent ${values.command} commands after ${warmupRounds} warm-up round(s), store ${storeKind}, Node ${process.version}`);
console.log(`  ack (signed request → HTTP 200): p50 ${ms(percentile(acks, 50))}  p99 ${ms(p99)}  max ${ms(acks.at(-1)!)}`);
console.log(`  answer (request → response_url): p50 ${ms(percentile(answers, 50))}  p99 ${ms(percentile(answers, 99))}  max ${ms(answers.at(-1)!)}`);
console.log(`  answered exactly once: ${exactlyOnce ? 'yes' : 'NO'} (${counts.size}/${expected} commands, ${fake.responses.filter((r) => !r.path.startsWith('/respond/warmup')).length} answers, ${failures} non-200 acks)`);
console.log(`  target ack p99 < 300 ms: ${p99 < 300 ? 'met' : 'MISSED'}`);
process.exitCode = p99 < 300 && exactlyOnce && failures === 0 ? 0 : 1;
}
