/** Every message command of the registry that Slack offers, as a message shortcut (see `npm run slack:manifest`). */
import type { App } from '@slack/bolt';
import { shortcutCallbackId, type SlackDeps } from '../../deps.js';
import { messageShortcutCallback } from './message-shortcut.js';

export function register(app: App, deps: SlackDeps): void {
  for (const command of deps.pipeline.registry.on('slack')) {
    if (command.kind !== 'message') continue;
    app.shortcut(
      { type: 'message_action', callback_id: shortcutCallbackId(command) },
      messageShortcutCallback(deps, command),
    );
  }
}
