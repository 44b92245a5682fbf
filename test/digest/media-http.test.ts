/** The chart URL store for Teams (GET /media/:token) and the HTTP ingest logic (POST /ingest). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleIngestHttp, tokenMatches } from '../../src/digest/http-ingest.js';
import { mediaHandler, mediaUrl, storeMedia } from '../../src/digest/media.js';
import { makeServices, storedTotals, total } from '../logs/helpers.js';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const LINE = 'Mar  3 10:00:00 mx7 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[198.51.100.3]: 554 5.7.1 Service unavailable; Client host [198.51.100.3] blocked using zen.spamhaus.org; from=<a@spam.example> to=<b@example.com> proto=ESMTP helo=<x>';

describe('media', () => {
  it('serves stored PNG bytes under an unguessable token until they expire', async () => {
    const { store } = makeServices();
    const serve = mediaHandler(store);
    const token = await storeMedia(store, png, 60_000);
    assert.match(token, /^[A-Za-z0-9_-]{22}$/, '128 random bits, url-safe');
    assert.notEqual(await storeMedia(store, png, 60_000), token);
    const ok = await serve(token);
    assert.equal(ok.status, 200);
    assert.equal(ok.contentType, 'image/png');
    assert.deepEqual(ok.body, png);
    assert.equal(mediaUrl('https://bot.example.net/', token), `https://bot.example.net/media/${token}`);
    for (const bad of ['', '../../etc/passwd', 'x'.repeat(22) + 'y', token.slice(0, 21), `${token}%00`]) {
      assert.equal((await serve(bad)).status, 404, bad);
    }
    const short = await storeMedia(store, png, 30);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal((await serve(short)).status, 404, 'expired');
  });
});

describe('http ingest', () => {
  it('refuses everything while no token is configured', async () => {
    const services = makeServices();
    const res = await handleIngestHttp(services, { authorization: 'Bearer anything-at-all-here', body: Buffer.from(LINE) });
    assert.equal(res.status, 403);
  });

  it('checks the shared token and counts the posted lines', async () => {
    const token = 'a-long-shared-secret-123';
    const services = makeServices({ config: { ingest: { token } } });
    for (const authorization of [undefined, '', 'Bearer', `Bearer ${token}x`, `Basic ${token}`, 'Bearer short']) {
      const res = await handleIngestHttp(services, { authorization, body: Buffer.from(LINE) });
      assert.equal(res.status, 401, String(authorization));
    }
    assert.equal(total(await storedTotals(services.store)), 0, 'nothing counted without the token');
    const res = await handleIngestHttp(services, { authorization: `Bearer ${token}`, body: Buffer.from(`${LINE}\n${LINE}\n`) });
    assert.equal(res.status, 200);
    assert.equal(res.body.events, 2);
    assert.deepEqual(await storedTotals(services.store, 'mx7'), { 'blocked:zen.spamhaus.org': 2 });
    const badFormat = await handleIngestHttp(services, { authorization: `Bearer ${token}`, body: Buffer.from(LINE), format: 'qmail' });
    assert.equal(badFormat.status, 400);
    const badServer = await handleIngestHttp(services, { authorization: `Bearer ${token}`, body: Buffer.from(LINE), server: 'mx 1;' });
    assert.equal(badServer.status, 400);
  });

  it('counts a retried batch once, by its Idempotency-Key or by its content', async () => {
    const token = 'a-long-shared-secret-123';
    const services = makeServices({ config: { ingest: { token } } });
    const post = (body: string, idempotencyKey?: string) =>
      handleIngestHttp(services, { authorization: `Bearer ${token}`, body: Buffer.from(body), ...(idempotencyKey ? { idempotencyKey } : {}) });
    assert.equal((await post(`${LINE}\n`)).body.events, 1);
    const retry = await post(`${LINE}\n`);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.duplicate, true);
    assert.equal((await post(`${LINE}\n`, 'batch-0001')).body.events, 1, 'a named batch is its own');
    assert.equal((await post(`${LINE}\n${LINE}\n`, 'batch-0001')).body.duplicate, true, 'the key decides, not the body');
    const bothAtOnce = await Promise.all([post(`${LINE}\n`, 'batch-0002'), post(`${LINE}\n`, 'batch-0002')]);
    assert.equal(bothAtOnce.filter((r) => r.status === 200 && r.body.events === 1).length, 1, 'two copies at once count once');
    assert.deepEqual(await storedTotals(services.store, 'mx7'), { 'blocked:zen.spamhaus.org': 3 });
    assert.equal((await post('x', 'bad key with spaces')).status, 400);
  });

  it('refuses bodies over the limit', async () => {
    const token = 'a-long-shared-secret-123';
    const services = makeServices({ config: { ingest: { token, maxBodyBytes: 100 } } });
    const res = await handleIngestHttp(services, { authorization: `Bearer ${token}`, body: Buffer.from(`${LINE}\n${LINE}\n`) });
    assert.equal(res.status, 413);
  });

  it('compares tokens of any length without throwing', () => {
    assert.equal(tokenMatches('abc', 'abc'), true);
    assert.equal(tokenMatches('abc', 'abcd'), false);
    assert.equal(tokenMatches('', 'abcd'), false);
  });
});
