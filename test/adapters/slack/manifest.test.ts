/** The Slack app manifest is made from the registry and the pack: it and the listeners cannot drift, and it names no subject of its own. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackCommandNames } from '../../../adapters/pipeline/command.js';
import { loadRegistry } from '../../../adapters/pipeline/registry.js';
import { packWords } from '../../../adapters/pipeline/words.js';
import { shortcutCallbackId, slackCommandName } from '../../../adapters/slack/deps.js';
import { SCOPES, slackManifest } from '../../../adapters/slack/manifest.js';
import { loadConfig } from '../../../src/config.js';
import { Engine } from '../../../src/core/engine.js';
import { cleanEnv, runEntry } from '../../helpers/run.js';
import { knowledge } from './bot.js';

const registry = await loadRegistry();
const defaults = slackCommandName({ commands: {} });
const manifestFor = (engine: Engine, options = {}) => slackManifest(registry, packWords(engine), defaults, options);
const MIN_PACK = 'test/fixtures/pack-min';

describe('the Slack app manifest', () => {
  it('declares every slash command the bot listens for, under the names the configuration gives them', () => {
    const names = slackCommandNames(registry);
    expect(names).toEqual(expect.arrayContaining(['ask', 'check', 'sources', 'crosscheck']));
    expect(manifestFor(knowledge()).features.slash_commands.map((c) => c.command)).toEqual(names.map((n) => `/${n}`));

    const config = loadConfig({ SLACK_ASK_COMMAND: '/cc-ask' }, { slackCommands: names });
    const renamed = slackManifest(
      registry,
      packWords(knowledge()),
      slackCommandName({ commands: config.slackCommands }),
    );
    expect(renamed.features.slash_commands.map((c) => c.command)).toContain('/cc-ask');
    expect(renamed.features.slash_commands.map((c) => c.command)).not.toContain('/ask');
  });

  it('declares each message command as a message shortcut with the callback id the bot listens for', () => {
    const manifest = manifestFor(knowledge());
    const shortcuts = registry.on('slack').filter((c) => c.kind === 'message');
    expect(shortcuts.map((c) => c.name)).toContain('Check claims');
    expect(manifest.features.shortcuts).toEqual(
      shortcuts.map((c) =>
        expect.objectContaining({ name: c.name, type: 'message', callback_id: shortcutCallbackId(c) }),
      ),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('subscribes to app_mention with Socket Mode on, or points everything at one URL in HTTP mode', () => {
    const socket = manifestFor(knowledge());
    expect(socket.settings.event_subscriptions.bot_events).toEqual(['app_mention']);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    const http = manifestFor(knowledge(), { httpUrl: 'https://bot.example.org/' });
    expect(http.settings.socket_mode_enabled).toBe(false);
    const url = 'https://bot.example.org/slack/events';
    expect(http.settings.event_subscriptions).toMatchObject({ request_url: url });
    expect(http.settings.interactivity).toMatchObject({ request_url: url });
    for (const c of http.features.slash_commands) expect(c.url).toBe(url);
  });

  it('in HTTP mode, gives the OAuth redirect URL and the events that end an installation', () => {
    const http = manifestFor(knowledge(), { httpUrl: 'https://bot.example.org' });
    expect(http.oauth_config.redirect_urls).toEqual(['https://bot.example.org/slack/oauth_redirect']);
    expect(http.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'app_uninstalled', 'tokens_revoked']);
    expect(manifestFor(knowledge()).oauth_config).not.toHaveProperty('redirect_urls');
  });

  it('asks for exactly the scopes the bot uses', () => {
    expect(manifestFor(knowledge()).oauth_config.scopes.bot.sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'usergroups:read', 'users:read'].sort(),
    );
    expect(Object.keys(SCOPES).sort()).toEqual(manifestFor(knowledge()).oauth_config.scopes.bot.sort());
  });

  it('describes the bot in the words of the pack it serves, and of no other', () => {
    const own = JSON.stringify(manifestFor(knowledge()));
    const other = JSON.stringify(manifestFor(Engine.fromDir(MIN_PACK)));
    const subject = knowledge().pack.meta.name;
    expect(own).toContain(subject);
    expect(own).toContain(knowledge().pack.meta.examples!.question);
    expect(other).toContain('Minimal test pack');
    expect(other).not.toContain(subject);
  });

  it('is printed as YAML by `npm run slack:manifest`', async () => {
    const r = await runEntry('adapters/slack/manifest-cli.ts', ['--knowledge', MIN_PACK], {
      env: cleanEnv({ DOTENV_CONFIG_PATH: '/nonexistent/.env' }),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Slack app manifest/);
    expect(parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(manifestFor(Engine.fromDir(MIN_PACK)))));
    const help = await runEntry('adapters/slack/manifest-cli.ts', ['--help'], { env: cleanEnv() });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: /);
  });
});
