/** Events API subscriptions: app_mention, and with OAuth the two that end an installation (see the manifest). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { appMentionCallback } from './app-mention.js';
import { uninstalledCallback } from './uninstalled.js';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', appMentionCallback(deps));
  if (deps.installations) {
    const forget = uninstalledCallback(deps.installations, deps.logger);
    app.event('app_uninstalled', forget);
    app.event('tokens_revoked', forget);
  }
}
