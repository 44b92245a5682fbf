/**
 * Lines longer than a read chunk (1 MiB): each is counted once, the lines
 * after it still are, and the checkpoint lands exactly at the end — whatever
 * the chunk boundaries. (Cost grows with the line's length, not its square:
 * the partial line is kept in pieces and joined once.)
 */
import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingestContext } from '../../src/logs/context.js';
import { ingestFile, readCheckpoint } from '../../src/logs/ingest-file.js';
import { makeServices, tempDir } from './helpers.js';

const REJECT = 'Mar  3 10:00:00 mx7 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[198.51.100.3]: 554 5.7.1 Service unavailable; Client host [198.51.100.3] blocked using zen.spamhaus.org; from=<a@spam.example> to=<b@example.com> proto=ESMTP helo=<x>';

describe('long lines', () => {
  it('counts around a 2.5 MiB line and checkpoints at the end of the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'maillog');
    const huge = `Mar  3 10:00:01 mx7 postfix/cleanup[2]: 4AB12: warning: header Subject: ${'x'.repeat(2.5 * 1024 * 1024)}`;
    writeFileSync(file, [REJECT, huge, REJECT, huge, REJECT, ''].join('\n'));
    const services = makeServices();
    const stats = await ingestFile(ingestContext(services), file, { format: 'auto' });
    assert.equal(stats.lines, 5);
    assert.equal(stats.events, 3, 'the three rejections around the huge lines are counted');
    assert.equal(stats.byReason['blocked:zen.spamhaus.org'], 3);
    const info = statSync(file);
    assert.equal((await readCheckpoint(services.store, info.dev, info.ino))?.offset, info.size);
  });

  it('a last line without a newline is counted once the file is read to its end', async () => {
    const dir = tempDir();
    const file = join(dir, 'maillog');
    writeFileSync(file, `${REJECT}\n${REJECT}`);
    const stats = await ingestFile(ingestContext(makeServices()), file, { format: 'auto' });
    assert.equal(stats.events, 2);
  });
});
