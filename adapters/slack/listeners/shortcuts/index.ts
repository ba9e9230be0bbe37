/** Message shortcuts; the callback id is the one in manifest.yaml. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { checkClaimsCallback } from './check-claims.js';

export const CHECK_CLAIMS_CALLBACK_ID = 'check_claims';

export function register(app: App, deps: SlackDeps): void {
  app.shortcut({ type: 'message_action', callback_id: CHECK_CLAIMS_CALLBACK_ID }, checkClaimsCallback(deps));
}
