/**
 * What the Teams face trusts: only activities from Microsoft Teams and from
 * the configured tenant run anything, and a file is fetched only from
 * Microsoft's file hosts (no arbitrary URL, no redirect elsewhere).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAllowedFileUrl } from '../../src/adapters/teams/file-attachments.js';
import { messageActivity, startFakeConnector, type FakeConnector } from './fake-connector.js';
import { startTeamsBot, type TeamsBot } from './teams-bot.js';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Teams: who the bot listens to', () => {
  let connector: FakeConnector;
  let bot: TeamsBot;
  before(async () => {
    connector = await startFakeConnector();
    bot = await startTeamsBot({ teams: { allowUnauthenticated: true, tenantId: 'tenant-1' } });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  it('ignores an activity from another channel than msteams', async () => {
    const res = await bot.post({ ...messageActivity(connector.serviceUrl, { id: 'x-1', conversationId: 'a:webchat-1', text: 'help' }), channelId: 'webchat' });
    assert.ok(res.status < 300);
    await settle(400);
    assert.equal(connector.messagesTo('a:webchat-1').length, 0, 'no answer to a non-Teams channel');
  });

  it('ignores an activity from another tenant, answers our own', async () => {
    const foreign = messageActivity(connector.serviceUrl, { id: 'x-2', conversationId: 'a:foreign-1', text: 'help' });
    await bot.post({ ...foreign, conversation: { id: 'a:foreign-1', conversationType: 'personal', tenantId: 'tenant-2' }, channelData: { tenant: { id: 'tenant-2' } } });
    await bot.post(messageActivity(connector.serviceUrl, { id: 'x-3', conversationId: 'a:own-1', text: 'help' }));
    await connector.waitFor(() => connector.messagesTo('a:own-1')[0]);
    assert.equal(connector.messagesTo('a:foreign-1').length, 0, 'no answer to another tenant');
  });

  it('does not fetch a file offered from a host that is not Microsoft\'s', async () => {
    await bot.post(messageActivity(connector.serviceUrl, {
      id: 'x-4',
      conversationId: 'a:file-1',
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'bounce.eml', content: { downloadUrl: 'https://attacker.example/bounce.eml', fileType: 'eml' } }],
    }));
    const reply = await connector.waitFor(() => connector.messagesTo('a:file-1')[0]);
    assert.match(JSON.stringify(reply.body), /could not|konnte|tidak dapat/i);
  });
});

describe('Teams file URLs', () => {
  it('takes https on SharePoint, OneDrive and Graph; refuses anything else', () => {
    for (const ok of ['https://contoso.sharepoint.com/personal/a/b.eml', 'https://contoso-my.sharepoint.com/x', 'https://graph.microsoft.com/v1.0/x', 'https://contoso.sharepoint.us/x']) {
      assert.ok(isAllowedFileUrl(new URL(ok), false), ok);
    }
    for (const bad of ['http://contoso.sharepoint.com/x', 'https://sharepoint.com.attacker.example/x', 'https://attacker.example/x', 'https://169.254.169.254/latest', 'https://user:pw@contoso.sharepoint.com/x', 'http://127.0.0.1:8080/x']) {
      assert.equal(isAllowedFileUrl(new URL(bad), false), false, bad);
    }
    assert.ok(isAllowedFileUrl(new URL('http://127.0.0.1:8080/x'), true), 'loopback only when the test flag allows it');
  });
});
