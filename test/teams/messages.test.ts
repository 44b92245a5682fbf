/**
 * Real Bot Framework activities POSTed to /api/messages (authentication off:
 * test configuration), replies received by a local fake connector: 1:1 and
 * channel messages, mentions stripped, card buttons, .eml files, proactive
 * posts through stored conversation references, and late answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BotError } from '../../src/core/errors.js';
import { messageActivity, startFakeConnector, type ConnectorCall, type FakeConnector } from './fake-connector.js';
import { startTeamsBot, type TeamsBot } from './teams-bot.js';

const BOUNCE = 'host mail.example.com[192.0.2.1] said: 421 Refused. You have no reverse DNS entry.';

interface Card {
  version: string;
  body: Array<Record<string, unknown>>;
  actions?: Array<{ type: string; title: string; data?: { pmCommand?: string }; card?: Card }>;
}

function cardOf(call: ConnectorCall): Card {
  const attachments = call.body.attachments as Array<{ contentType: string; content: Card }>;
  assert.equal(attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachments[0]!.content;
}

describe('Teams messages through CloudAdapter', () => {
  let connector: FakeConnector;
  let bot: TeamsBot;
  before(async () => {
    connector = await startFakeConnector();
    bot = await startTeamsBot();
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  it('answers a 1:1 message with an Adaptive Card 1.5 reply to that activity', async () => {
    const res = await bot.post(messageActivity(connector.serviceUrl, { id: 'act-1', conversationId: 'a:personal-1', text: 'catalog --source spamdyke' }));
    assert.equal(res.status, 200);
    const reply = await connector.waitFor(() => connector.messagesTo('a:personal-1')[0]);
    assert.equal(reply.path, '/v3/conversations/a%3Apersonal-1/activities/act-1');
    const card = cardOf(reply);
    assert.equal(card.version, '1.5');
    assert.match(JSON.stringify(card.body), /catalogue entries/);
    assert.ok(!reply.authorization, 'no token is sent when authentication is off');
  });

  it('answers in the language of the Teams client', async () => {
    await bot.post({ ...messageActivity(connector.serviceUrl, { id: 'act-de', conversationId: 'a:personal-de', text: 'help' }), locale: 'de-DE' });
    const reply = await connector.waitFor(() => connector.messagesTo('a:personal-de')[0]);
    assert.match(JSON.stringify(cardOf(reply).body), /was er tut/);
  });

  it('strips the @mention in a channel and runs the command', async () => {
    await bot.post(messageActivity(connector.serviceUrl, {
      id: 'act-2',
      conversationId: '19:channel@thread.tacv2;messageid=1',
      conversationType: 'channel',
      text: '<at>postmaster</at> help',
      entities: [{ type: 'mention', text: '<at>postmaster</at>', mentioned: { id: '28:bot-id', name: 'postmaster' } }],
    }));
    const reply = await connector.waitFor(() => connector.messagesTo('19:channel@thread.tacv2;messageid=1')[0]);
    assert.match(JSON.stringify(cardOf(reply).body), /Lists the commands/);
  });

  it('explains a pasted bounce and runs a card button (Action.Submit) in another language', async () => {
    await bot.post(messageActivity(connector.serviceUrl, { id: 'act-3', conversationId: 'a:personal-3', text: BOUNCE }));
    const reply = await connector.waitFor(() => connector.messagesTo('a:personal-3')[0]);
    const card = cardOf(reply);
    assert.match(JSON.stringify(card.body), /reverse DNS/);
    const submits = (card.actions ?? []).filter((a) => a.type === 'Action.Submit');
    const german = submits.find((a) => /--lang de/.test(a.data?.pmCommand ?? ''));
    assert.ok(german, `a switch-language button among ${submits.map((a) => a.data?.pmCommand).join(' | ')}`);
    // Teams delivers Action.Submit as a message whose value is the button's data, with no text.
    await bot.post(messageActivity(connector.serviceUrl, { id: 'act-3b', conversationId: 'a:personal-3', value: german.data, aadObjectId: '00000000-0000-0000-0000-0000000000b2' }));
    const answer = await connector.waitFor(() => connector.messagesTo('a:personal-3')[1]);
    assert.notEqual(JSON.stringify(cardOf(answer).body), JSON.stringify(card.body));
  });

  it('downloads an .eml sent as a file and explains it', async () => {
    connector.files.set('bounce.eml', `From: MAILER-DAEMON@mx.example.net\r\nSubject: Undelivered\r\n\r\n<bob@example.org>: ${BOUNCE}\r\n`);
    await bot.post(messageActivity(connector.serviceUrl, {
      id: 'act-4',
      conversationId: 'a:personal-4',
      text: '',
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'bounce.eml', content: { downloadUrl: `${connector.serviceUrl}files/bounce.eml`, uniqueId: 'f1', fileType: 'eml' } }],
    }));
    const reply = await connector.waitFor(() => connector.messagesTo('a:personal-4')[0]);
    assert.deepEqual(connector.downloads, ['bounce.eml']);
    assert.match(JSON.stringify(cardOf(reply).body), /reverse DNS/);
  });

  it('posts proactively through the stored conversation reference, and drops a reference Teams refuses', async () => {
    assert.ok((await bot.faces.teams!.references.list()).includes('a:personal-1'));
    const poster = bot.faces.posters.find((p) => p.platform === 'teams')!;
    await poster.post('a:personal-1', { severity: 'info', title: 'Daily digest', parts: [{ kind: 'text', content: ['12 rejections'] }] });
    // CloudAdapter posts a proactive message as a new activity in the conversation, not as a reply to act-1.
    const proactive = await connector.waitFor(() => connector.messagesTo('a:personal-1').find((c) => /Daily digest/.test(JSON.stringify(c.body))));
    assert.ok(!proactive.path.endsWith('/act-1'));
    assert.match(JSON.stringify(cardOf(proactive).body), /Daily digest/);

    connector.forbidden.add('a:personal-4');
    await assert.rejects(poster.post('a:personal-4', { severity: 'info', parts: [] }), (error: unknown) => error instanceof BotError && /removed/.test(error.userMessage));
    assert.ok(!(await bot.faces.teams!.references.list()).includes('a:personal-4'));
    await assert.rejects(poster.post('a:nowhere', { severity: 'info', parts: [] }), /no conversation reference/);
  });

  it('delivers a proactive post once after Teams throttles it (the connector client honours Retry-After)', async () => {
    connector.failFirst.set('a:personal-3', [429]);
    const poster = bot.faces.posters.find((p) => p.platform === 'teams')!;
    await poster.post('a:personal-3', { severity: 'info', title: 'Spike alert', parts: [] });
    const attempts = connector.messagesTo('a:personal-3').filter((c) => /Spike alert/.test(JSON.stringify(c.body)));
    assert.equal(attempts.length, 2, 'one throttled attempt, then the delivered one');
    assert.deepEqual(connector.failFirst.get('a:personal-3'), []);
  });
});

describe('Teams answers that take longer than the turn budget', () => {
  let connector: FakeConnector;
  let bot: TeamsBot;
  before(async () => {
    connector = await startFakeConnector();
    bot = await startTeamsBot({ replyBudgetMs: 50 });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  it('says it is working, ends the turn, and posts the card proactively', async () => {
    connector.files.set('slow.eml', `Subject: x\r\n\r\n${BOUNCE}\r\n`);
    connector.fileDelayMs.set('slow.eml', 400);
    const res = await bot.post(messageActivity(connector.serviceUrl, {
      id: 'act-slow',
      conversationId: 'a:slow',
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'slow.eml', content: { downloadUrl: `${connector.serviceUrl}files/slow.eml`, fileType: 'eml' } }],
    }));
    assert.equal(res.status, 200);
    const messages = await connector.waitFor(() => (connector.messagesTo('a:slow').length >= 2 ? connector.messagesTo('a:slow') : false));
    assert.match(String(messages[0]!.body.text), /Working on it/);
    assert.ok(!messages[1]!.path.endsWith('/act-slow'), 'the late card is a proactive post, not the turn reply');
    assert.match(JSON.stringify(cardOf(messages[1]!).body), /reverse DNS/);
  });
});
