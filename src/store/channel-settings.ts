/**
 * What a channel setting may hold, defined once for the configuration, the store, the
 * moderators' commands and every adapter.
 */

/** public: answers in the open; ephemeral: only the asker sees them; off: no answers here. */
export const CHANNEL_MODES = ['public', 'ephemeral', 'off'] as const;
export type ChannelMode = (typeof CHANNEL_MODES)[number];

export const isChannelMode = (value: unknown): value is ChannelMode => CHANNEL_MODES.includes(value as ChannelMode);

/** Seconds one person waits between requests: COOLDOWN_SECONDS and a channel's own setting. */
export const COOLDOWN_RANGE = { min: 0, max: 3600 } as const;

export const isCooldown = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= COOLDOWN_RANGE.min && (value as number) <= COOLDOWN_RANGE.max;
