/**
 * Requests as Slack sends them: slash commands form-encoded, interactivity as a
 * `payload=` form field, events as JSON, each signed with the v0 scheme (HMAC-SHA256 of
 * `v0:<timestamp>:<raw body>` keyed with the signing secret).
 */
import { createHmac, randomUUID } from 'node:crypto';

export const SIGNING_SECRET = 'stand-in-signing-secret-8f742231b10e';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Leave out the signature headers entirely. */
  unsigned?: boolean;
  /** Send this signature instead of the right one. */
  signature?: string;
  /** More headers, e.g. X-Slack-Retry-Num on a retry. */
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  body: string;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (!options.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] =
      options.signature ?? slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body);
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

export interface Who {
  user?: string;
  channel?: string;
  team?: string;
}

/** A slash command body; `responseUrl` is where Bolt's respond() will post. */
export function slashCommandBody(command: string, text: string, responseUrl: string, who: Who = {}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: who.team ?? 'T1',
    team_domain: 'test',
    channel_id: who.channel ?? 'C1',
    channel_name: 'general',
    user_id: who.user ?? 'U1',
    user_name: 'someone',
    command,
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger-${randomUUID()}`,
  }).toString();
}

export interface ShortcutMessage {
  text: string;
  ts?: string;
  thread_ts?: string;
}

/** The `message_action` payload of a message shortcut, form-encoded as `payload=`. */
export function messageShortcutBody(
  callbackId: string,
  message: ShortcutMessage,
  responseUrl: string,
  who: Who = {},
): string {
  const payload = {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000100.000001',
    team: { id: who.team ?? 'T1', domain: 'test' },
    user: { id: who.user ?? 'U1', username: 'someone', name: 'someone', team_id: who.team ?? 'T1' },
    channel: { id: who.channel ?? 'C1', name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: `trigger-${randomUUID()}`,
    response_url: responseUrl,
    message_ts: message.ts ?? '1700000050.000100',
    message: {
      type: 'message',
      user: 'U9',
      text: message.text,
      ts: message.ts ?? '1700000050.000100',
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface Mention {
  text: string;
  ts?: string;
  thread_ts?: string;
}

/** An Events API `event_callback` carrying an app_mention. */
export function appMentionBody(mention: Mention, who: Who = {}): { body: string; eventId: string; ts: string } {
  const ts = mention.ts ?? `1700000200.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: who.team ?? 'T1',
    api_app_id: 'A1',
    event: {
      type: 'app_mention',
      user: who.user ?? 'U1',
      text: mention.text,
      ts,
      channel: who.channel ?? 'C1',
      event_ts: ts,
      ...(mention.thread_ts ? { thread_ts: mention.thread_ts } : {}),
    },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000200,
    authorizations: [
      { enterprise_id: null, team_id: who.team ?? 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: '4-eyJldCI6ImFwcF9tZW50aW9uIn0',
  });
  return { body, eventId, ts };
}

/** A `block_actions` payload: a click on a button of a message the bot sent, form-encoded as `payload=`. */
export function blockActionsBody(
  actionId: string,
  responseUrl: string,
  who: Who = {},
  message: { ts?: string; ephemeral?: boolean } = {},
): string {
  const user = who.user ?? 'U1';
  const payload = {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: who.team ?? 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: message.ts ?? '1700000300.000100',
      channel_id: who.channel ?? 'C1',
      is_ephemeral: message.ephemeral ?? false,
    },
    trigger_id: `trigger-${randomUUID()}`,
    team: { id: who.team ?? 'T1', domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: who.channel ?? 'C1', name: 'general' },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'a button' },
        value: 'v',
        type: 'button',
        action_ts: '1700000301.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * A `view_submission` payload: a modal the bot opened, submitted with `values` (block id = action id = field).
 * Each modal has its own view id, as on Slack; the same `viewId` again is the same modal submitted again.
 */
export function viewSubmissionBody(
  callbackId: string,
  values: Record<string, string>,
  privateMetadata: string,
  who: Who = {},
  viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`,
): string {
  const user = who.user ?? 'U1';
  const state = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      field,
      { [field]: { type: 'plain_text_input', value: value === '' ? null : value } },
    ]),
  );
  const payload = {
    type: 'view_submission',
    team: { id: who.team ?? 'T1', domain: 'test' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: who.team ?? 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${randomUUID()}`,
    view: {
      id: viewId,
      team_id: who.team ?? 'T1',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values: state },
      hash: '1700000400.abc',
      title: { type: 'plain_text', text: 'a form' },
      blocks: [],
      app_id: 'A1',
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An event that concerns the whole workspace (app_uninstalled, tokens_revoked), as the Events API sends it. */
export function workspaceEventBody(event: Record<string, unknown> & { type: string }, team: string): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A1',
    event: { event_ts: '1700000300.000100', ...event },
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: 1700000300,
    authorizations: [
      { enterprise_id: null, team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
  });
}
