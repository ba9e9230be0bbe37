/**
 * The community a request belongs to, its tenant: a Discord guild or a Slack workspace, and
 * each direct message a tenant of its own. Records, votes, proposals, channel settings and
 * approved facts are all kept per tenant, and one community never sees another's.
 *
 *   tenantOf('discord', { guild: '123', channel: '456' })             // 'discord:123'
 *   tenantOf('slack', { guild: 'T1', channel: 'D9', dm: true })       // 'slack:dm:D9'
 */
import type { Scope } from '../../../src/core/model.js';

/** Where it happens: guild or team, and channel; `dm` for a direct message. */
export interface Place {
  guild: string | null;
  channel: string | null;
  /** A direct message: its own tenant, where nobody moderates. */
  dm?: boolean;
}

/** The place's tenant; undefined where there is none (the console, the CLI). */
export function tenantOf(platform: string, place: Place): string | undefined {
  if (place.dm || !place.guild) return place.channel ? `${platform}:dm:${place.channel}` : undefined;
  return `${platform}:${place.guild}`;
}

/** A direct message's tenant: proposals are refused there, since nobody could review them. */
export const isDirectMessage = (tenant: string): boolean => /^[^:]+:dm:/.test(tenant);

/** What the engine is asked with: the place's tenant, whose community facts it may cite. */
export function scopeOf(platform: string, place: Place): Scope {
  const tenant = tenantOf(platform, place);
  return tenant ? { tenant } : {};
}
