/**
 * manifest/slack.yaml (Socket Mode) and manifest/slack-http.yaml (HTTP) are
 * valid app manifests — checked against a schema of the manifest fields we use,
 * with Slack's documented limits — and agree with the code: the same slash
 * commands as the one mapping, the shortcut's callback_id, and the scopes and
 * events the listeners need.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { EXPLAIN_SHORTCUT } from '../../src/adapters/slack/listen-interactions.js';
import { SLASH_COMMANDS } from '../../src/adapters/slack/slash-commands.js';

const MANIFEST_DIR = join(import.meta.dirname, '..', '..', 'manifest');

/** Slack app manifest fields (api.slack.com/reference/manifests), limits as documented. */
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['_metadata', 'display_information', 'features', 'oauth_config', 'settings'],
  properties: {
    _metadata: { type: 'object', required: ['major_version'], properties: { major_version: { enum: [1, 2] }, minor_version: { type: 'integer' } } },
    display_information: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 35 },
        description: { type: 'string', maxLength: 140 },
        long_description: { type: 'string', minLength: 174, maxLength: 4000 },
        background_color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
      },
    },
    features: {
      type: 'object',
      additionalProperties: false,
      properties: {
        app_home: {
          type: 'object',
          additionalProperties: false,
          properties: { home_tab_enabled: { type: 'boolean' }, messages_tab_enabled: { type: 'boolean' }, messages_tab_read_only_enabled: { type: 'boolean' } },
        },
        bot_user: {
          type: 'object',
          additionalProperties: false,
          required: ['display_name'],
          properties: { display_name: { type: 'string', minLength: 1, maxLength: 80, pattern: '^[a-z0-9._-]+$' }, always_online: { type: 'boolean' } },
        },
        slash_commands: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['command', 'description'],
            properties: {
              command: { type: 'string', pattern: '^/[a-z0-9_-]{1,31}$' },
              description: { type: 'string', minLength: 1, maxLength: 2000 },
              usage_hint: { type: 'string', maxLength: 1000 },
              should_escape: { type: 'boolean' },
              url: { type: 'string', pattern: '^https://' },
            },
          },
        },
        shortcuts: {
          type: 'array',
          maxItems: 10,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'type', 'callback_id', 'description'],
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 24 },
              type: { enum: ['message', 'global'] },
              callback_id: { type: 'string', minLength: 1, maxLength: 255 },
              description: { type: 'string', minLength: 1, maxLength: 150 },
            },
          },
        },
      },
    },
    oauth_config: {
      type: 'object',
      additionalProperties: false,
      properties: { scopes: { type: 'object', additionalProperties: false, properties: { bot: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[a-z_]+(\\.[a-z_]+)?(:[a-z_.]+)*$' } } } } },
    },
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        event_subscriptions: {
          type: 'object',
          additionalProperties: false,
          properties: { request_url: { type: 'string', pattern: '^https://' }, bot_events: { type: 'array', uniqueItems: true, maxItems: 100, items: { type: 'string' } } },
        },
        interactivity: {
          type: 'object',
          additionalProperties: false,
          required: ['is_enabled'],
          properties: { is_enabled: { type: 'boolean' }, request_url: { type: 'string', pattern: '^https://' }, message_menu_options_url: { type: 'string' } },
        },
        org_deploy_enabled: { type: 'boolean' },
        socket_mode_enabled: { type: 'boolean' },
        token_rotation_enabled: { type: 'boolean' },
      },
    },
  },
};

interface SlackManifest {
  features: { slash_commands: Array<{ command: string; description: string; usage_hint?: string; url?: string }>; shortcuts: Array<{ callback_id: string; type: string }>; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string } };
}

function load(name: string): SlackManifest {
  return parse(readFileSync(join(MANIFEST_DIR, name), 'utf8')) as SlackManifest;
}

describe('Slack app manifests', () => {
  const validate = new Ajv.default({ allErrors: true }).compile(SCHEMA);

  for (const name of ['slack.yaml', 'slack-http.yaml']) {
    it(`${name} is a valid manifest that matches the code`, () => {
      const manifest = load(name);
      assert.ok(validate(manifest), JSON.stringify(validate.errors));
      assert.deepEqual(
        manifest.features.slash_commands.map((c) => [c.command, c.description, c.usage_hint]),
        SLASH_COMMANDS.map((c) => [c.slash, c.description, c.usageHint]),
        'the manifest lists exactly the slash commands of slash-commands.ts',
      );
      assert.deepEqual(manifest.features.shortcuts.map((s) => [s.type, s.callback_id]), [['message', EXPLAIN_SHORTCUT]]);
      for (const scope of ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'channels:history', 'files:read', 'files:write', 'usergroups:read']) {
        assert.ok(manifest.oauth_config.scopes.bot.includes(scope), `scope ${scope}`);
      }
      for (const event of ['app_mention', 'message.im', 'message.channels']) assert.ok(manifest.settings.event_subscriptions.bot_events.includes(event), `event ${event}`);
      assert.equal(manifest.settings.interactivity.is_enabled, true);
      assert.equal(manifest.features.app_home.messages_tab_enabled, true);
      assert.equal(manifest.features.app_home.messages_tab_read_only_enabled, false, 'people must be able to DM the bot');
    });
  }

  it('slack.yaml uses Socket Mode and names no URL; slack-http.yaml points everything at /slack/events', () => {
    const socket = load('slack.yaml');
    assert.equal(socket.settings.socket_mode_enabled, true);
    assert.doesNotMatch(JSON.stringify(socket), /https?:\/\//);
    const http = load('slack-http.yaml');
    assert.equal(http.settings.socket_mode_enabled, false);
    const urls = [...http.features.slash_commands.map((c) => c.url), http.settings.event_subscriptions.request_url, http.settings.interactivity.request_url];
    assert.ok(urls.every((u) => u === 'https://postmaster.example.net/slack/events'), JSON.stringify(urls));
  });
});
