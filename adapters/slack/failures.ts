/** What to tell a user when answering failed: a fix they can make, or a plain apology. */
import { webApi } from '@slack/bolt';
import { SOMETHING_WENT_WRONG } from '../pipeline/texts.js';

export const NOT_IN_CHANNEL =
  "I can't post in this conversation. Invite me first (`/invite @crosscheck`), then try again.";
export const RATE_LIMITED = 'Slack is limiting how fast I can post right now. Please try again in a minute.';

/** Slack's own error code (invalid_auth, not_in_channel, …) or the error message. */
export function slackReason(error: unknown): string {
  const e = error as { data?: { error?: string }; message?: string };
  return e?.data?.error ?? e?.message ?? String(error);
}

export function explainFailure(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string } };
  if (e?.code === webApi.ErrorCode.RateLimitedError) return RATE_LIMITED;
  if (e?.code === webApi.ErrorCode.PlatformError) {
    const reason = e.data?.error;
    if (reason === 'ratelimited') return RATE_LIMITED;
    if (reason === 'not_in_channel' || reason === 'channel_not_found') return NOT_IN_CHANNEL;
  }
  return SOMETHING_WENT_WRONG;
}
