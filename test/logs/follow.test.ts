/** --follow through rotation: rename (logrotate's default) and copytruncate. */
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingestContext } from '../../src/logs/context.js';
import { followFile } from '../../src/logs/ingest-file.js';
import { makeServices, storedTotals, tempDir, total } from './helpers.js';

let n = 0;
/** One distinct RBL reject line (distinct IPs, so nothing is deduplicated by accident). */
function reject(minute = 0): string {
  n++;
  const ip = `198.51.100.${n % 250}`;
  return `Mar  3 10:${String(minute).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[${ip}]: 554 5.7.1 Service unavailable; Client host [${ip}] blocked using zen.spamhaus.org; from=<a${n}@spam.example> to=<anna@example.com> proto=ESMTP helo=<x>\n`;
}
const noise = 'Mar  3 10:00:00 mx1 postfix/qmgr[2]: ABCDEF1234: removed\n';

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('follow', () => {
  it('tails a file through rename rotation and copytruncate without losing or repeating lines', async () => {
    const dir = tempDir();
    const path = join(dir, 'maillog');
    writeFileSync(path, reject() + noise + reject() + reject());
    const services = makeServices({ now: () => Date.UTC(2026, 5, 1) });
    const controller = new AbortController();
    const counted = async () => total(await storedTotals(services.store));
    const running = followFile(ingestContext(services), path, { format: 'auto', signal: controller.signal, pollMs: 15 });
    try {
      await until(async () => (await counted()) === 3, 'the first 3 rejects');

      appendFileSync(path, reject() + 'Mar  3 10:00:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 half a li');
      await until(async () => (await counted()) === 4, 'an appended reject');
      appendFileSync(path, 'ne blocked using bl.spamcop.net; from=<a@b.example> to=<c@example.com> proto=ESMTP helo=<h>\n');
      await until(async () => (await counted()) === 5, 'a line completed by a later write');

      // logrotate (rename): the old file gets a last line, then a new file appears under the name.
      renameSync(path, `${path}.1`);
      appendFileSync(`${path}.1`, reject());
      writeFileSync(path, reject(5) + reject(5));
      await until(async () => (await counted()) === 8, 'the rotated and the new file');

      // copytruncate: the content is copied away and the file cut to zero, then written again.
      appendFileSync(path, reject(6));
      await until(async () => (await counted()) === 9, 'one more line before the truncation');
      copyFileSync(path, `${path}.2`);
      truncateSync(path, 0);
      appendFileSync(path, reject(7) + noise + reject(7));
      await until(async () => (await counted()) === 11, 'lines after the truncation');
    } finally {
      controller.abort();
    }
    const stats = await running;
    assert.equal(stats.events, 11);
    assert.equal(await counted(), 11, 'nothing counted twice');
    const totals = await storedTotals(services.store);
    assert.deepEqual(totals, { 'blocked:zen.spamhaus.org': 10, 'blocked:bl.spamcop.net': 1 });
  });

  it('detects a truncation even when the new content is already longer than the old offset', async () => {
    const dir = tempDir();
    const path = join(dir, 'maillog');
    writeFileSync(path, reject());
    const services = makeServices({ now: () => Date.UTC(2026, 5, 1) });
    const controller = new AbortController();
    const running = followFile(ingestContext(services), path, { format: 'auto', signal: controller.signal, pollMs: 40 });
    try {
      await until(async () => total(await storedTotals(services.store)) === 1, 'the first line');
      // Rewritten in one go between two looks: size alone cannot tell, the first line's fingerprint can.
      writeFileSync(path, reject(9) + reject(9) + reject(9));
      await until(async () => total(await storedTotals(services.store)) === 4, 'the rewritten file');
    } finally {
      controller.abort();
    }
    await running;
    assert.equal(total(await storedTotals(services.store)), 4);
  });
});
