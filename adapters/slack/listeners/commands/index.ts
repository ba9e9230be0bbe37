/** Slash commands, under the names the workspace configured (the manifest uses the defaults). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { crosscheckCallback } from './crosscheck.js';
import { slashCommandCallback } from './slash-command.js';

export function register(app: App, deps: SlackDeps): void {
  const { commands } = deps.config;
  app.command(commands.ask, slashCommandCallback(deps, 'ask'));
  app.command(commands.check, slashCommandCallback(deps, 'check'));
  app.command(commands.sources, slashCommandCallback(deps, 'sources'));
  app.command(commands.crosscheck, crosscheckCallback(deps));
}
