/** Every slash command of the registry that Slack offers, under the name this workspace gave it. */
import type { App } from '@slack/bolt';
import { slackCommandName, type SlackDeps } from '../../deps.js';
import { slashCommandCallback } from './slash-command.js';

export function register(app: App, deps: SlackDeps): void {
  const name = slackCommandName(deps.config);
  for (const command of deps.pipeline.registry.on('slack')) {
    if (command.kind === 'slash') app.command(name(command.name), slashCommandCallback(deps, command));
  }
}
