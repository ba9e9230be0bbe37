/**
 * Posting to a response_url after a modal closes. A view submission has no response_url of
 * its own, so the one of the command or button that opened the modal travels in the
 * view's private_metadata (set by this bot, returned by Slack on a signed request).
 */
import type { SlackMessage } from './blocks.js';

export interface ViewMetadata {
  /** Where to tell the user what became of the form. */
  responseUrl?: string;
  /** The channel the form was opened from: with the workspace, the community it belongs to. */
  channel?: string;
}

export function encodeMetadata(m: ViewMetadata): string {
  return JSON.stringify(m);
}

export function decodeMetadata(raw: string | undefined): ViewMetadata {
  try {
    const m = JSON.parse(raw ?? '{}') as ViewMetadata;
    return {
      ...(typeof m.responseUrl === 'string' ? { responseUrl: m.responseUrl } : {}),
      ...(typeof m.channel === 'string' ? { channel: m.channel } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * Shows `message` to the user alone, as a new message or in place of the one the URL
 * belongs to (the review list), as Bolt's respond() would.
 */
export async function postToResponseUrl(url: string, message: SlackMessage, replace = false): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: replace, ...message }),
  });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
