/** Events API subscriptions: only app_mention (see manifest.yaml). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { appMentionCallback } from './app-mention.js';

export function register(app: App, deps: SlackDeps): void {
  app.event('app_mention', appMentionCallback(deps));
}
