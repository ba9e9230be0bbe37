/** Plain-text pieces every renderer shows the same way: a source's byline, the community mark and verdict labels. */
import type { Citation, VerdictLabel } from '../../src/core/model.js';

/** "Arif Rafiq, “Pakistan: Russia's New Best Friend?” (forum thread), post 1, 2015-09-27", and the community mark if any. */
export function byline(c: Citation): string {
  const community = communityNote(c);
  return community ? `${sourceByline(c)} · ${community}` : sourceByline(c);
}

/** Who said it, where and when, without the community mark. */
export function sourceByline(c: Citation): string {
  const s = c.source;
  const parts = [s.author ?? s.publisher ?? 'unknown author', `“${s.title}”`];
  if (s.post !== null) parts.push(`post ${s.post}`);
  parts.push(s.date ?? 'undated');
  return parts.join(', ');
}

/** "community-added, approved by Mo on 2025-01-02" for facts added through review; null for the pack's own. */
export function communityNote(c: Citation): string | null {
  return c.community
    ? `community-added, approved by ${c.community.approvedBy} on ${c.community.approvedAt.slice(0, 10)}`
    : null;
}

/** What kind of statement a citation is, said plainly for opinion, proposal and forum claims. */
export const KIND_LABEL: Record<Citation['kind'], string> = {
  report: 'reported',
  opinion: 'opinion',
  proposal: 'proposal',
  forum_claim: 'unverified forum claim',
};

export const VERDICT_LABEL: Record<VerdictLabel, { emoji: string; title: string }> = {
  supported: { emoji: '✅', title: 'Supported' },
  contradicted: { emoji: '❌', title: 'Contradicted' },
  disputed: { emoji: '⚠️', title: 'Disputed' },
  unverified: { emoji: '❔', title: 'Unverified' },
};
