/** View submissions: every modal the bot opens has a callback id from adapters/shared/moderation/ids.ts. */
import type { App } from '@slack/bolt';
import { ID_PATTERN } from '../../../shared/moderation/ids.js';
import type { SlackDeps } from '../../deps.js';
import { formSubmissionCallback } from './form-submissions.js';

export function register(app: App, deps: SlackDeps): void {
  app.view({ type: 'view_submission', callback_id: ID_PATTERN }, formSubmissionCallback(deps));
}
