/** The app manifest and the code agree: one source of truth for names, events and scopes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECK_CLAIMS_CALLBACK_ID } from '../../../adapters/slack/listeners/shortcuts/index.js';
import { loadConfig } from '../../../src/config.js';

interface Manifest {
  features: {
    slash_commands: { command: string; should_escape: boolean }[];
    shortcuts: { type: string; callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL('../../../adapters/slack/manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

describe('adapters/slack/manifest.yaml', () => {
  it('declares the default command names the bot listens under', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: 'xapp-x' });
    const { ask, check, sources, crosscheck } = config.slack!.commands;
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(
      [ask, check, sources, crosscheck].sort(),
    );
  });

  it('declares the "Check claims" message shortcut with the callback id the bot listens for', () => {
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: CHECK_CLAIMS_CALLBACK_ID }),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('subscribes to app_mention with Socket Mode on', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for exactly the scopes the bot uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'usergroups:read',
      'users:read',
    ]);
  });
});
