/** File ingest: totals against the generator, gzip, idempotent resume, crash safety, the CLI summary. */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingestContext } from '../../src/logs/context.js';
import { checkpointKey, ingestFile, readCheckpoint } from '../../src/logs/ingest-file.js';
import { cli } from '../helpers/cli.js';
import { generate, generatorSkip, makeServices, storedTotals, tempDir } from './helpers.js';

/** Rejections the way pflogsumm counts them, straight from the text: smtpd/postscreen/cleanup `reject:` lines. */
function grepCounts(file: string): { rejects: number; bounced: number } {
  let rejects = 0;
  let bounced = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/ postfix\/[\w/]+\[\d+\]: (?:NOQUEUE|[0-9A-F]+): (?:reject|milter-reject): /.test(line)) rejects++;
    if (/ postfix\/smtp\[\d+\]: [0-9A-F]+: .*status=bounced /.test(line)) bounced++;
  }
  return { rejects, bounced };
}

describe('ingest', { skip: generatorSkip() }, () => {
  const dir = tempDir();
  const file = generate(dir, ['--lines', '20000', '--days', '2', '--seed', '7', '--start', '2026-03-02']);

  it('counts every rejection of a generated log, classified, with none unreadable', async () => {
    const services = makeServices();
    const stats = await ingestFile(ingestContext(services), file, { format: 'auto' });
    const expected = grepCounts(file);
    assert.equal(stats.format, 'postfix');
    assert.equal(stats.skipped, 0);
    const inbound = Object.entries(stats.byReason).filter(([k]) => !k.startsWith('out.')).reduce((a, [, v]) => a + v, 0);
    assert.equal(inbound, expected.rejects);
    assert.equal(stats.events - inbound, expected.bounced);
    assert.ok(stats.byReason['blocked:zen.spamhaus.org']! > 0, 'RBL rejects keep their zone');
    assert.deepEqual(await storedTotals(services.store), stats.byReason, 'the store holds exactly what was counted');
    const servers = await services.store.hgetall('rej:servers');
    assert.deepEqual(Object.keys(servers), ['mx1']);
    const ips = await services.store.keys('rejtop:ip:mx1:');
    assert.ok(ips.length > 0, 'hourly top-offender sets exist');
    assert.ok((await services.store.ttl((await services.store.keys('rej:mx1:'))[0]!))! > 14 * 86_400_000, 'hour buckets live 15 days');
  });

  it('reads .gz files (by their magic bytes) to the same counts', async () => {
    const gz = join(dir, 'maillog.1.gz');
    writeFileSync(gz, gzipSync(readFileSync(file)));
    const plain = makeServices();
    const zipped = makeServices();
    const a = await ingestFile(ingestContext(plain), file, { format: 'auto' });
    const b = await ingestFile(ingestContext(zipped), gz, { format: 'auto' });
    assert.deepEqual(b, a);
    const again = await ingestFile(ingestContext(zipped), gz, { format: 'auto' });
    assert.equal(again.events, 0, 'a second run of the same .gz counts nothing');
  });

  it('is idempotent: a second run counts nothing, an append counts only the new lines', async () => {
    const copy = join(dir, 'growing.log');
    const lines = readFileSync(file, 'utf8').split('\n');
    const half = Math.floor(lines.length / 2);
    writeFileSync(copy, lines.slice(0, half).join('\n') + '\n');
    const services = makeServices({ config: { ingest: { flushEvents: 100 } } });
    const ctx = ingestContext(services);
    const first = await ingestFile(ctx, copy, { format: 'auto' });
    const second = await ingestFile(ctx, copy, { format: 'auto' });
    assert.equal(second.lines, 0);
    assert.equal(second.events, 0);
    appendFileSync(copy, lines.slice(half).join('\n'));
    const third = await ingestFile(ctx, copy, { format: 'auto' });
    assert.equal(first.lines + third.lines, lines.filter(Boolean).length);
    const whole = makeServices();
    await ingestFile(ingestContext(whole), file, { format: 'auto' });
    assert.deepEqual(await storedTotals(services.store), await storedTotals(whole.store));
    const info = statSync(copy);
    const checkpoint = await readCheckpoint(services.store, info.dev, info.ino);
    assert.equal(checkpoint?.offset, info.size);
  });

  it('starts over when the inode now holds a different file', async () => {
    const path = join(dir, 'reused.log');
    writeFileSync(path, readFileSync(file, 'utf8').split('\n').slice(0, 200).join('\n') + '\n');
    const services = makeServices();
    const ctx = ingestContext(services);
    await ingestFile(ctx, path, { format: 'auto' });
    const info = statSync(path);
    // Same inode, different first line: a checkpoint from another file must not be trusted.
    await services.store.set(checkpointKey(info.dev, info.ino), JSON.stringify({ offset: 10, fp: 'not-this-file', path }));
    const again = await ingestFile(ctx, path, { format: 'auto' });
    assert.equal(again.lines, 200);
  });

  it('prints the --json summary through the CLI, reads stdin, and explains bad input', async () => {
    const run = await cli(['ingest', file, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(summary), ['format', 'lines', 'events', 'skipped', 'byReason']);
    assert.equal(summary.format, 'postfix');
    const piped = await cli(['ingest', '-', '--server', 'edge1', '--json'], { stdin: readFileSync(file, 'utf8').split('\n').slice(0, 500).join('\n') });
    assert.equal(piped.code, 0, piped.stderr);
    assert.ok((JSON.parse(piped.stdout) as { events: number }).events > 0);
    const missing = await cli(['ingest', join(dir, 'nope.log')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*nope\.log: no such file/);
    const badFormat = await cli(['ingest', file, '--format', 'sendmail']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /format "sendmail" is not known/);
    const none = await cli(['ingest']);
    assert.equal(none.code, 2);
  });
});
