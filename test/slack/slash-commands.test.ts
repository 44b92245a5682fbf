/**
 * Slash commands through the real HTTP receiver: signed requests, ack, then
 * the answer at the response_url (a local fake), the RespondError fallback to
 * chat.postEphemeral, and refused signatures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SLASH_COMMANDS } from '../../src/adapters/slack/slash-commands.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { sign, signedPost, slashBody } from './signed-request.js';
import { startSlackBot, type SlackBot } from './slack-bot.js';

const FORM = 'application/x-www-form-urlencoded';

describe('Slack slash commands over HTTP', () => {
  let fake: FakeSlack;
  let bot: SlackBot;
  before(async () => {
    fake = await startFakeSlack();
    bot = await startSlackBot(fake);
  });
  after(async () => {
    await bot.close();
    await fake.close();
  });

  const answerAt = (path: string) => fake.waitFor(() => fake.responses.find((r) => r.path === path));

  it('acks /postmaster help at once and answers the help table through respond()', async () => {
    const body = slashBody({ command: '/postmaster', text: 'help', responseUrl: `${fake.url}/respond/help` });
    const res = await signedPost(bot.endpoint, body, FORM);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    const answer = await answerAt('/respond/help');
    assert.equal(answer.body.response_type, 'ephemeral');
    const blocks = JSON.stringify(answer.body.blocks);
    assert.match(blocks, /explain \(\/bounce\)/);
    assert.match(String(answer.body.text), /postmaster/);
  });

  it('explains a bounce pasted after /bounce, escaped and with follow-up buttons', async () => {
    const pasted = 'host mail.example.com[192.0.2.1] said: 421 Refused. You have no reverse DNS entry. &lt;!channel&gt;';
    const body = slashBody({ command: '/bounce', text: pasted, responseUrl: `${fake.url}/respond/bounce` });
    assert.equal((await signedPost(bot.endpoint, body, FORM)).status, 200);
    const answer = await answerAt('/respond/bounce');
    const blocks = answer.body.blocks as Array<{ type: string; text?: { text: string } }>;
    assert.equal(blocks[0]?.type, 'header');
    assert.match(blocks[0]!.text!.text, /reverse DNS/);
    const json = JSON.stringify(blocks);
    assert.doesNotMatch(json.replace(/"type":"header".*?\}/, ''), /<!channel>/, 'data must never carry a live <!channel>');
    assert.ok(blocks.some((b) => b.type === 'actions'), 'the explanation offers buttons');
  });

  it('answers /bounce with nothing by saying how to use it', async () => {
    const body = slashBody({ command: '/bounce', text: '  ', responseUrl: `${fake.url}/respond/empty` });
    await signedPost(bot.endpoint, body, FORM);
    const answer = await answerAt('/respond/empty');
    assert.match(String(answer.body.text), /Paste the bounce after the command/);
  });

  it('routes every mapped slash command to its router command', async () => {
    for (const slash of SLASH_COMMANDS.filter((s) => s.command && s.command !== 'explain')) {
      const path = `/respond/route${slash.slash.replace('/', '-')}`;
      await signedPost(bot.endpoint, slashBody({ command: slash.slash, text: '--help', responseUrl: `${fake.url}${path}` }), FORM);
      const answer = await answerAt(path);
      const known = bot.services.router.find(slash.command!);
      if (known) assert.match(JSON.stringify(answer.body.blocks), new RegExp(`Usage: ${known.name}`), `${slash.slash} shows help for ${known.name}`);
      else assert.match(String(answer.body.text), /There is no command/);
    }
  });

  it('falls back to chat.postEphemeral when the response_url fails', async () => {
    fake.failingResponsePaths.add('/respond/expired');
    const body = slashBody({ command: '/postmaster', text: 'help', responseUrl: `${fake.url}/respond/expired`, user: 'U9', channel: 'C9' });
    await signedPost(bot.endpoint, body, FORM);
    const call = await fake.waitFor(() => fake.callsTo('chat.postEphemeral').find((c) => c.params.user === 'U9'));
    assert.equal(call.params.channel, 'C9');
    assert.equal(call.authorization, 'Bearer xoxb-test-token');
    assert.ok(Array.isArray(call.params.blocks));
  });

  it('refuses a bad signature and a stale timestamp without running anything', async () => {
    const before = fake.responses.length;
    const body = slashBody({ command: '/postmaster', text: 'help', responseUrl: `${fake.url}/respond/forged` });
    const forged = await signedPost(bot.endpoint, body, FORM, { signature: sign(body, Math.floor(Date.now() / 1000), 'wrong-secret') });
    assert.equal(forged.status, 401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await signedPost(bot.endpoint, body, FORM, { timestamp: old, signature: sign(body, old) });
    assert.equal(stale.status, 401);
    const unsigned = await fetch(bot.endpoint, { method: 'POST', headers: { 'content-type': FORM }, body });
    assert.equal(unsigned.status, 401);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(fake.responses.length, before);
    assert.ok(!fake.responses.some((r) => r.path === '/respond/forged'));
  });

  it('serves health, readiness and metrics on the same server', async () => {
    assert.equal((await fetch(`${bot.base}/healthz`)).status, 200);
    const ready = await fetch(`${bot.base}/readyz`);
    assert.equal(ready.status, 200);
    const metrics = await (await fetch(`${bot.base}/metrics`)).text();
    assert.match(metrics, /postmaster_requests_total\{platform="slack",command="help"\} \d+/);
    assert.match(metrics, /postmaster_request_duration_seconds_bucket\{le="[^"]+",platform="slack",command="help"\}/);
    assert.match(metrics, /postmaster_ack_duration_seconds_count\{platform="slack"\} \d+/);
  });
});
