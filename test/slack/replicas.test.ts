/**
 * Two bot replicas sharing one real Redis: Slack retries the same event to
 * both (as a load balancer would spread them); exactly one answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshRedisStore, redisSkip, testPrefix } from '../helpers/redis.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { eventBody, signedPost } from './signed-request.js';
import { startSlackBot, type SlackBot } from './slack-bot.js';

const skip = await redisSkip();

describe('Slack retries across two replicas on one Redis', { skip }, () => {
  let fake: FakeSlack;
  let replicas: SlackBot[] = [];
  before(async () => {
    fake = await startFakeSlack();
    const prefix = testPrefix();
    replicas = [await startSlackBot(fake, { store: freshRedisStore(prefix) }), await startSlackBot(fake, { store: freshRedisStore(prefix) })];
  });
  after(async () => {
    for (const replica of replicas) await replica.close();
    await fake.close();
  });

  it('answers an event delivered to both replicas exactly once', async () => {
    for (let n = 0; n < 5; n++) {
      const channel = `DREP${n}`;
      const body = eventBody(`Ev-replica-${n}`, { type: 'message', channel_type: 'im', channel, user: 'U1', text: 'help', ts: `${n}.1` });
      const [a, b] = await Promise.all([
        signedPost(replicas[0]!.endpoint, body, 'application/json'),
        signedPost(replicas[1]!.endpoint, body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
      ]);
      assert.equal(a.status, 200);
      assert.equal(b.status, 200);
    }
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 5);
    await new Promise((r) => setTimeout(r, 200));
    const posts = fake.callsTo('chat.postMessage').map((c) => c.params.channel);
    assert.deepEqual([...posts].sort(), ['DREP0', 'DREP1', 'DREP2', 'DREP3', 'DREP4']);
  });
});
