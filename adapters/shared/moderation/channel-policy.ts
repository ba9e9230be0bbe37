/**
 * What a channel's setting means for a reply: answer in the open, only to the asker, or not
 * at all; and how long a user waits between requests there. Both platforms ask this before
 * every command, so the setting a moderator made applies the same everywhere.
 *
 *   const policy = channelPolicy(moderation, 'slack:T1', 'slack', 'C1', { mode: 'public', cooldownSeconds: 5 });
 *   visibility(policy, { askedPrivately: false, reply })   // 'public' | 'ephemeral' | 'off'
 */
import type { Moderation } from '../../../src/moderation/index.js';
import type { ChannelMode } from '../../../src/store/index.js';
import { isPrivateKind, type Reply } from '../../pipeline/reply.js';

export interface ChannelPolicy {
  mode: ChannelMode;
  cooldownSeconds: number;
}

export type Visibility = 'public' | 'ephemeral' | 'off';

/** The channel's stored setting (in its tenant) with the adapter's defaults filled in; the defaults alone without a store. */
export function channelPolicy(
  moderation: Moderation | undefined,
  tenant: string | undefined,
  platform: string,
  channel: string | null,
  defaults: ChannelPolicy,
): ChannelPolicy {
  if (!moderation || !tenant || !channel) return defaults;
  const c = moderation.channel(tenant, platform, channel, defaults);
  return { mode: c.mode, cooldownSeconds: c.cooldownSeconds };
}

/**
 * Who sees a reply. Notices (cooldown, empty input, errors), reports, review lists and
 * forms only concern the asker; an asker may always choose privacy; a channel set to
 * ephemeral makes every reply private.
 */
export function visibility(policy: ChannelPolicy, request: { askedPrivately?: boolean; reply?: Reply }): Visibility {
  if (policy.mode === 'off') return 'off';
  if (policy.mode === 'ephemeral' || request.askedPrivately || (request.reply && isPrivateKind(request.reply))) {
    return 'ephemeral';
  }
  return 'public';
}
