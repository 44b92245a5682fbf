/**
 * The message shortcut, buttons on an explanation, and user-group lookups for
 * the access policy — all through signed requests to the real receiver.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { payloadBody, signedPost, slashBody } from './signed-request.js';
import { startSlackBot, type SlackBot } from './slack-bot.js';

const FORM = 'application/x-www-form-urlencoded';
const BOUNCE = 'host mail.example.com[192.0.2.1] said: 421 Refused. You have no reverse DNS entry.';

interface Button {
  type: 'button';
  action_id: string;
  value: string;
  text: { text: string };
}

function buttonsOf(blocks: unknown): Button[] {
  return (blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

function click(button: Button, user: string, responseUrl: string): string {
  return payloadBody({
    type: 'block_actions',
    team: { id: 'T1', domain: 'example' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
    trigger_id: '1.2.3',
    channel: { id: 'C1', name: 'support' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', text: { type: 'plain_text', text: button.text.text }, value: button.value, action_ts: '1.2' }],
  });
}

describe('Slack shortcut, buttons and user groups', () => {
  let fake: FakeSlack;
  let bot: SlackBot;
  before(async () => {
    fake = await startFakeSlack();
    fake.userGroups.set('S1', ['U1']);
    bot = await startSlackBot(fake, { access: { roles: { auditors: { members: ['slack-group:S1'], grants: ['audit.read'] } } } });
  });
  after(async () => {
    await bot.close();
    await fake.close();
  });

  const answerAt = (path: string) => fake.waitFor(() => fake.responses.find((r) => r.path === path));

  it('explains the message a shortcut was used on', async () => {
    const res = await signedPost(bot.endpoint, payloadBody({
      type: 'message_action',
      callback_id: 'explain_bounce',
      trigger_id: '1.2.3',
      response_url: `${fake.url}/respond/shortcut`,
      team: { id: 'T1' },
      user: { id: 'U1', name: 'alice' },
      channel: { id: 'C1', name: 'support' },
      message: { type: 'message', user: 'U2', ts: '1.1', text: BOUNCE.replace('[192.0.2.1]', '[<http://192.0.2.1|192.0.2.1>]') },
      message_ts: '1.1',
      action_ts: '1.2',
      token: 'legacy-verification-token',
    }), FORM);
    assert.equal(res.status, 200);
    const answer = await answerAt('/respond/shortcut');
    assert.equal(answer.body.response_type, 'ephemeral');
    assert.match(JSON.stringify(answer.body.blocks), /reverse DNS/);
  });

  it('runs a button\'s command as the person who clicked, in the language the button asks for', async () => {
    await signedPost(bot.endpoint, slashBody({ command: '/bounce', text: BOUNCE, responseUrl: `${fake.url}/respond/explained` }), FORM);
    const explained = await answerAt('/respond/explained');
    const buttons = buttonsOf(explained.body.blocks);
    assert.ok(buttons.length >= 2, 'an explanation offers follow-up buttons');
    for (const button of buttons) {
      assert.ok(button.value.length <= 2000 && button.text.text.length <= 75);
      assert.match(button.action_id, /^pm_action:/);
    }
    const indonesian = buttons.find((b) => /--lang id/.test(b.value));
    assert.ok(indonesian, `a switch-language button exists among ${buttons.map((b) => b.value).join(' | ')}`);
    await signedPost(bot.endpoint, click(indonesian, 'U2', `${fake.url}/respond/lang`), FORM);
    const answer = await answerAt('/respond/lang');
    const shown = JSON.stringify(answer.body.blocks);
    assert.match(shown, /reverse DNS|PTR/);
    assert.notEqual(shown, JSON.stringify(explained.body.blocks), 'the answer is the Indonesian explanation, not a copy');
  });

  it('says a button has expired when its stored command is gone', async () => {
    const stale: Button = { type: 'button', action_id: 'pm_action:0:x', value: 'ref:doesnotexist', text: { text: 'Old' } };
    await signedPost(bot.endpoint, click(stale, 'U1', `${fake.url}/respond/stale`), FORM);
    const answer = await answerAt('/respond/stale');
    assert.match(String(answer.body.text), /expired/);
  });

  it('fills actor groups from the policy\'s user groups, cached between requests', async () => {
    await signedPost(bot.endpoint, slashBody({ command: '/audit', text: '', responseUrl: `${fake.url}/respond/audit1`, user: 'U1' }), FORM);
    await signedPost(bot.endpoint, slashBody({ command: '/audit', text: '', responseUrl: `${fake.url}/respond/audit2`, user: 'U2' }), FORM);
    const member = await answerAt('/respond/audit1');
    const outsider = await answerAt('/respond/audit2');
    assert.match(String(member.body.text), /audit records/);
    assert.doesNotMatch(String(outsider.body.text), /audit records/, 'U2 is in no group the policy names');
    const lookups = fake.callsTo('usergroups.users.list');
    assert.equal(lookups.length, 1, 'the group list is cached in the store');
    assert.equal(lookups[0]!.params.usergroup, 'S1');
  });

  it('checks the clicking person\'s rights, never the button\'s', async () => {
    const audit: Button = { type: 'button', action_id: 'pm_action:0:audit', value: 'audit --since 1h', text: { text: 'Audit' } };
    await signedPost(bot.endpoint, click(audit, 'U2', `${fake.url}/respond/click-outsider`), FORM);
    await signedPost(bot.endpoint, click(audit, 'U1', `${fake.url}/respond/click-member`), FORM);
    assert.doesNotMatch(String((await answerAt('/respond/click-outsider')).body.text), /audit records/);
    assert.match(String((await answerAt('/respond/click-member')).body.text), /audit records/);
  });
});
