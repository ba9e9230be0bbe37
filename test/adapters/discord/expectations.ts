/** Assertions shared by the render and end-to-end tests: Discord's limits and mention safety. */
import { expect } from 'vitest';
import { LIMITS, totalSize } from '../../../adapters/discord/limits.js';
import type { DiscordReplyPayload } from '../../../adapters/discord/payload.js';

/** A mention Discord would render: @everyone, @here, users, roles, channels. */
export const RAW_MENTION = /@(everyone|here)|<@[!&]?\d+>|<#\d+>/;

/** Every limit Discord enforces on a message, and no mention allowed. */
export function expectWithinLimits(payload: DiscordReplyPayload): void {
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  expect((payload.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  for (const e of payload.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  expect(totalSize(payload.embeds)).toBeLessThanOrEqual(LIMITS.total);
}
