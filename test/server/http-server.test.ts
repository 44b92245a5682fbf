/** The one HTTP server: health, readiness, metrics, the route() hook for features, and errors as JSON. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/server/metrics.js';

describe('HTTP server', () => {
  let server: HttpServer;
  let base = '';
  let storeUp = true;
  before(async () => {
    server = createHttpServer({ logger: pino({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }) });
    server.addReadinessCheck('store', async () => {
      if (!storeUp) throw new Error('store unreachable');
    });
    server.route('get', '/media/:token', (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`token ${req.params.token}`);
    });
    server.route('post', '/boom', () => {
      throw new Error('secret detail');
    });
    server.metrics.observeCommand('slack', 'help', 0.02, false);
    server.metrics.observeCommand('teams', 'check', 1.5, true);
    const address = await server.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${address.port}`;
  });
  after(() => server.close());

  it('answers /healthz and /readyz, and /readyz says which dependency is down', async () => {
    assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' });
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
    storeUp = false;
    const down = await fetch(`${base}/readyz`);
    assert.equal(down.status, 503);
    assert.deepEqual(await down.json(), { status: 'unavailable', checks: { store: 'store unreachable' } });
    storeUp = true;
  });

  it('exposes requests, latency and errors by command in Prometheus format', async () => {
    const res = await fetch(`${base}/metrics`);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    const body = await res.text();
    assert.match(body, /postmaster_requests_total\{platform="slack",command="help"\} 1/);
    assert.match(body, /postmaster_errors_total\{platform="teams",command="check"\} 1/);
    assert.match(body, /postmaster_request_duration_seconds_bucket\{le="2.5",platform="teams",command="check"\} 1/);
  });

  it('serves routes mounted through route(), and refuses new routes once listening', async () => {
    assert.equal(await (await fetch(`${base}/media/abc`)).text(), 'token abc');
    assert.throws(() => server.route('get', '/late', () => {}), /after the server started/);
  });

  it('turns unknown paths and failing handlers into JSON without internals', async () => {
    const missing = await fetch(`${base}/nope`);
    assert.equal(missing.status, 404);
    assert.match((await missing.json() as { error: string }).error, /No route for GET \/nope/);
    const failed = await fetch(`${base}/boom`, { method: 'POST' });
    assert.equal(failed.status, 500);
    assert.doesNotMatch(await failed.text(), /secret detail/);
  });
});
