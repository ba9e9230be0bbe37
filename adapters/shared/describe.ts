/** Plain-text pieces every renderer shows the same way: a source's byline and verdict labels. */
import type { Citation, VerdictLabel } from '../../src/core/model.js';

/** "Arif Rafiq, “Pakistan: Russia's New Best Friend?” (forum thread), post 1, 2015-09-27" */
export function byline(c: Citation): string {
  const s = c.source;
  const parts = [s.author ?? 'unknown author', `“${s.title}”`];
  if (s.post !== null) parts.push(`post ${s.post}`);
  parts.push(s.date ?? 'undated');
  const community = c.community ? ` · community-added, approved by ${c.community.approvedBy} on ${c.community.approvedAt.slice(0, 10)}` : '';
  return `${parts.join(', ')}${community}`;
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
