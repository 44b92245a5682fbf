/** The Slack ChatPoster: a digest posted to a channel, its chart uploaded into the post's thread. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { SlackChatPoster } from '../../src/adapters/slack/chat-poster.js';
import { webApi } from '@slack/bolt';
import { BotError } from '../../src/core/errors.js';
import { EmbeddedStore } from '../../src/store/embedded-store.js';
import { BOT_TOKEN, startFakeSlack, type FakeSlack } from './fake-slack.js';

describe('Slack ChatPoster', () => {
  let fake: FakeSlack;
  const store = new EmbeddedStore({ file: ':memory:' });
  before(async () => {
    fake = await startFakeSlack();
  });
  after(async () => {
    await store.close();
    await fake.close();
  });

  it('posts the blocks, then uploads the chart with files.uploadV2 into the thread', async () => {
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const poster = new SlackChatPoster(client, store, pino({ level: 'silent' }));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await poster.post('slack:CDIGEST', {
      severity: 'info',
      title: 'Rejections today',
      parts: [{ kind: 'text', content: ['412 rejections, 2 spikes'] }, { kind: 'image', alt: 'Rejections per hour', png }],
    });
    const post = fake.callsTo('chat.postMessage')[0]!;
    assert.equal(post.params.channel, 'CDIGEST');
    assert.match(JSON.stringify(post.params.blocks), /412 rejections/);
    const urlCall = await fake.waitFor(() => fake.callsTo('files.getUploadURLExternal')[0]);
    assert.equal(Number(urlCall.params.length), png.length);
    await fake.waitFor(() => fake.uploads[0]);
    const complete = await fake.waitFor(() => fake.callsTo('files.completeUploadExternal')[0]);
    assert.equal(complete.params.channel_id, 'CDIGEST');
    assert.match(String(complete.params.thread_ts), /^\d+\.000100$/, 'the chart goes into the thread of the post (the ts chat.postMessage returned)');
  });

  it('throws a BotError naming the channel when Slack refuses the post', async () => {
    const client = new webApi.WebClient('xoxb-revoked', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const poster = new SlackChatPoster(client, store, pino({ level: 'silent' }));
    await assert.rejects(poster.post('CGONE', { severity: 'info', parts: [] }), (error: unknown) => error instanceof BotError && /CGONE: invalid_auth/.test(error.userMessage));
  });
});
