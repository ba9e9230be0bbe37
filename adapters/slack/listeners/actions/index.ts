/** Block actions: every button the bot puts in its messages carries an id from adapters/shared/moderation/ids.ts. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ID_PATTERN } from '../../../shared/moderation/ids.js';
import type { SlackDeps } from '../../deps.js';
import { moderationButtonCallback } from './moderation-buttons.js';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ID_PATTERN },
    moderationButtonCallback(deps),
  );
}
