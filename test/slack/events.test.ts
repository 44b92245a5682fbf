/**
 * Events API through the real HTTP receiver: DMs, @mentions (and the
 * app_mention + message.im double delivery), channel auto-explain, files
 * shared with the bot, and retries answered once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainConfidence } from '../../src/adapters/chat/explain-confidence.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { eventBody, signedPost } from './signed-request.js';
import { startSlackBot, type SlackBot } from './slack-bot.js';

const JSON_TYPE = 'application/json';
const CONFIDENT_BOUNCE = 'host mail.example.com[192.0.2.1] said: 421 Refused. You have no reverse DNS entry.';
const MEDIUM_BOUNCE = '452 4.2.2 Mailbox full';
const LOW_BOUNCE = '550 5.7.1 Message rejected';
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('Slack events over HTTP', () => {
  let fake: FakeSlack;
  let bot: SlackBot;
  before(async () => {
    fake = await startFakeSlack();
    bot = await startSlackBot(fake, { slack: { autoExplain: { CBOUNCES: { minConfidence: 'high' }, CMEDIUM: { minConfidence: 'medium' } } } });
  });
  after(async () => {
    await bot.close();
    await fake.close();
  });

  const postsTo = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);

  it('explains any text pasted in a DM', async () => {
    const res = await signedPost(bot.endpoint, eventBody('Ev-dm-1', { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: CONFIDENT_BOUNCE, ts: '1.1' }), JSON_TYPE);
    assert.equal(res.status, 200);
    const post = await fake.waitFor(() => postsTo('D1')[0]);
    assert.match(JSON.stringify(post.params.blocks), /reverse DNS/);
    assert.equal(post.params.thread_ts, undefined);
  });

  it('runs a command typed in a DM', async () => {
    await signedPost(bot.endpoint, eventBody('Ev-dm-2', { type: 'message', channel_type: 'im', channel: 'D2', user: 'U1', text: 'catalog --source spamdyke', ts: '1.2' }), JSON_TYPE);
    const post = await fake.waitFor(() => postsTo('D2')[0]);
    assert.match(String(post.params.text), /catalogue entries/);
  });

  it('answers a retried event once (same event_id, X-Slack-Retry-Num)', async () => {
    const body = eventBody('Ev-retry-1', { type: 'message', channel_type: 'im', channel: 'D3', user: 'U1', text: 'help', ts: '1.3' });
    assert.equal((await signedPost(bot.endpoint, body, JSON_TYPE)).status, 200);
    const retry = await signedPost(bot.endpoint, body, JSON_TYPE, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    assert.equal(retry.status, 200, 'a retry is acknowledged so Slack stops retrying');
    await fake.waitFor(() => postsTo('D3')[0]);
    await settle();
    assert.equal(postsTo('D3').length, 1);
  });

  it('answers an @mention in a channel in a thread, and leaves DM mentions to the DM path', async () => {
    await signedPost(bot.endpoint, eventBody('Ev-mention-1', { type: 'app_mention', channel: 'C5', user: 'U1', text: '<@UBOT> catalog --source spamdyke', ts: '5.1' }), JSON_TYPE);
    // Slack also sends the channel message event for the same post; it must not be answered twice.
    await signedPost(bot.endpoint, eventBody('Ev-mention-1b', { type: 'message', channel_type: 'channel', channel: 'C5', user: 'U1', text: '<@UBOT> catalog --source spamdyke', ts: '5.1' }), JSON_TYPE);
    const post = await fake.waitFor(() => postsTo('C5')[0]);
    assert.equal(post.params.thread_ts, '5.1');
    assert.match(String(post.params.text), /catalogue entries/);

    await signedPost(bot.endpoint, eventBody('Ev-mention-2', { type: 'app_mention', channel: 'D6', channel_type: 'im', user: 'U1', text: '<@UBOT> help', ts: '6.1' }), JSON_TYPE);
    await signedPost(bot.endpoint, eventBody('Ev-mention-2b', { type: 'message', channel: 'D6', channel_type: 'im', user: 'U1', text: '<@UBOT> help', ts: '6.1' }), JSON_TYPE);
    await fake.waitFor(() => postsTo('D6')[0]);
    await settle();
    assert.equal(postsTo('C5').length, 1);
    assert.equal(postsTo('D6').length, 1, 'a mention in a DM is answered once');
  });

  it('explains a bounce in an auto-explain channel in a thread only when confident enough', async () => {
    // Preconditions, read from the explainer itself so the test follows the catalogue.
    const confidence = async (text: string) => {
      const reply = await bot.services.router.dispatch('explain', { platform: 'slack', actor: { id: 'slack:U1' }, lang: 'en', args: [], text, attachments: [] }, bot.services);
      return explainConfidence(reply.data);
    };
    assert.equal(await confidence(CONFIDENT_BOUNCE), 'high');
    assert.equal(await confidence(MEDIUM_BOUNCE), 'medium');
    assert.equal(await confidence(LOW_BOUNCE), 'low');

    await signedPost(bot.endpoint, eventBody('Ev-chan-1', { type: 'message', channel_type: 'channel', channel: 'CBOUNCES', user: 'U1', text: 'lunch at noon?', ts: '7.1' }), JSON_TYPE);
    await signedPost(bot.endpoint, eventBody('Ev-chan-2', { type: 'message', channel_type: 'channel', channel: 'CBOUNCES', user: 'U1', text: MEDIUM_BOUNCE, ts: '7.2' }), JSON_TYPE);
    await signedPost(bot.endpoint, eventBody('Ev-chan-3', { type: 'message', channel_type: 'channel', channel: 'CBOUNCES', user: 'U1', text: CONFIDENT_BOUNCE, ts: '7.3' }), JSON_TYPE);
    const post = await fake.waitFor(() => postsTo('CBOUNCES')[0]);
    assert.equal(post.params.thread_ts, '7.3');
    await settle();
    assert.equal(postsTo('CBOUNCES').length, 1, 'chatter and a medium-confidence match are not answered where high is required');

    await signedPost(bot.endpoint, eventBody('Ev-chan-4', { type: 'message', channel_type: 'channel', channel: 'CMEDIUM', user: 'U1', text: LOW_BOUNCE, ts: '8.1' }), JSON_TYPE);
    await signedPost(bot.endpoint, eventBody('Ev-chan-5', { type: 'message', channel_type: 'channel', channel: 'CMEDIUM', user: 'U1', text: MEDIUM_BOUNCE, ts: '8.2' }), JSON_TYPE);
    const medium = await fake.waitFor(() => postsTo('CMEDIUM')[0]);
    assert.equal(medium.params.thread_ts, '8.2');
    await settle();
    assert.equal(postsTo('CMEDIUM').length, 1);
  });

  it('stays silent in channels where auto-explain is off (the default)', async () => {
    await signedPost(bot.endpoint, eventBody('Ev-off-1', { type: 'message', channel_type: 'channel', channel: 'COTHER', user: 'U1', text: CONFIDENT_BOUNCE, ts: '9.1' }), JSON_TYPE);
    await settle();
    assert.equal(postsTo('COTHER').length, 0);
  });

  it('downloads a shared .eml with the bot token and explains it', async () => {
    const eml = [
      'From: MAILER-DAEMON@mx.example.net',
      'To: alice@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: text/plain',
      '',
      'This is the mail system at host mx.example.net.',
      '',
      '<bob@example.org>: host mail.example.org[192.0.2.1] said: 421 Refused. You have no',
      '    reverse DNS entry. (in reply to RCPT TO command)',
      '',
    ].join('\r\n');
    fake.files.set('bounce.eml', eml);
    await signedPost(
      bot.endpoint,
      eventBody('Ev-file-1', {
        type: 'message',
        subtype: 'file_share',
        channel_type: 'im',
        channel: 'D7',
        user: 'U1',
        text: '',
        ts: '10.1',
        files: [{ id: 'F1', name: 'bounce.eml', mimetype: 'message/rfc822', filetype: 'email', size: eml.length, url_private_download: `${fake.url}/files/bounce.eml` }],
      }),
      JSON_TYPE,
    );
    const post = await fake.waitFor(() => postsTo('D7')[0]);
    assert.deepEqual(fake.downloads.map((d) => d.authorization), ['Bearer xoxb-test-token']);
    assert.match(JSON.stringify(post.params.blocks), /reverse DNS/);
  });

  it('never sends the bot token to a host that is not Slack, and says why a file was not read', async () => {
    const downloadsBefore = fake.downloads.length;
    await signedPost(
      bot.endpoint,
      eventBody('Ev-file-2', {
        type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D8', user: 'U1', text: '', ts: '11.1',
        files: [{ id: 'F2', name: 'bounce.eml', size: 10, url_private_download: 'http://127.0.0.2:1/steal.eml' }],
      }),
      JSON_TYPE,
    );
    const post = await fake.waitFor(() => postsTo('D8')[0]);
    assert.match(String(post.params.text), /could not be downloaded/);
    await signedPost(
      bot.endpoint,
      eventBody('Ev-file-3', {
        type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D9', user: 'U1', text: '', ts: '12.1',
        files: [{ id: 'F3', name: 'photo.jpg', mimetype: 'image/jpeg', size: 10, url_private_download: `${fake.url}/files/photo.jpg` }],
      }),
      JSON_TYPE,
    );
    const refused = await fake.waitFor(() => postsTo('D9')[0]);
    assert.match(String(refused.params.text), /\.eml and \.txt/);
    assert.equal(fake.downloads.length, downloadsBefore);
  });
});
