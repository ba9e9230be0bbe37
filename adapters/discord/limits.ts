/**
 * Discord's hard limits for a message. A payload over any of them is refused whole, so the
 * renderer first fits by dropping citations (adapters/shared/fit.ts) and `withinLimits`
 * guarantees the rest as a last resort.
 */
import { shorten } from './markdown.js';
import type { DiscordEmbed } from './payload.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  /** Characters across all embeds of one message: titles, descriptions, field names and values. */
  total: 6000,
} as const;

export function embedSize(e: DiscordEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export function totalSize(embeds: DiscordEmbed[]): number {
  return embeds.reduce((n, e) => n + embedSize(e), 0);
}

/** Every per-embed limit holds and the embed is at most `budget` characters. */
export function embedFits(e: DiscordEmbed, budget: number = LIMITS.total): boolean {
  return (
    (e.title?.length ?? 0) <= LIMITS.title &&
    (e.description?.length ?? 0) <= LIMITS.description &&
    e.fields.length <= LIMITS.fields &&
    e.fields.every((f) => f.name.length <= LIMITS.fieldName && f.value.length <= LIMITS.fieldValue) &&
    embedSize(e) <= budget
  );
}

/**
 * Enforces every limit whatever the layout produced. Only reached when one citation or
 * disagreement is itself too big: strings are shortened, then trailing fields dropped whole.
 */
export function withinLimits(embeds: DiscordEmbed[]): DiscordEmbed[] {
  const out = embeds.slice(0, LIMITS.embeds).map((e) => ({
    ...e,
    ...(e.title !== undefined ? { title: shorten(e.title, LIMITS.title) } : {}),
    ...(e.description !== undefined ? { description: shorten(e.description, LIMITS.description) } : {}),
    fields: e.fields
      .slice(0, LIMITS.fields)
      .map((f) => ({ ...f, name: shorten(f.name, LIMITS.fieldName), value: shorten(f.value, LIMITS.fieldValue) })),
  }));
  while (totalSize(out) > LIMITS.total) {
    const last = [...out].reverse().find((e) => e.fields.length > 0);
    if (!last) break;
    last.fields.pop();
  }
  // Only descriptions are left: share the total between them.
  if (totalSize(out) > LIMITS.total) {
    const share = Math.floor(LIMITS.total / out.length);
    for (const e of out) {
      if (e.description !== undefined)
        e.description = shorten(e.description, Math.max(1, share - (e.title?.length ?? 0)));
    }
  }
  return out;
}
