/** /topics: what the pack covers, topic by topic and area by area, with the topics where sources disagree marked. */
import type { Engine } from '../../src/core/engine.js';
import type { Scope } from '../../src/core/model.js';
import { defineCommand } from '../pipeline/command.js';

export interface TopicSummary {
  id: string;
  name: string;
  area: string;
  /** How many facts are about it, community-added ones included. */
  facts: number;
  /** What the sources disagree on, for a disputed topic; null where they agree. */
  disagreement: string | null;
}

/** The topics of one area of the pack, in the pack's order. */
export interface TopicArea {
  area: string;
  topics: TopicSummary[];
}

declare module '../pipeline/reply.js' {
  interface ReplyKinds {
    topics: { areas: TopicArea[] };
  }
}

/** The pack's topics by area, each with its fact count and, if disputed, the disagreement. */
export function topicAreas(engine: Engine, scope: Scope = {}): TopicArea[] {
  const facts = new Map<string, number>();
  for (const c of engine.facts(scope)) facts.set(c.topic, (facts.get(c.topic) ?? 0) + 1);
  const areas = new Map<string, TopicSummary[]>();
  for (const t of engine.pack.topics.values()) {
    const summary = {
      id: t.id,
      name: t.name,
      area: t.area,
      facts: facts.get(t.id) ?? 0,
      disagreement: t.disagreement?.summary ?? null,
    };
    areas.set(t.area, [...(areas.get(t.area) ?? []), summary]);
  }
  return [...areas].map(([area, topics]) => ({ area, topics }));
}

export const command = defineCommand({
  name: 'topics',
  kind: 'slash',
  surfaces: ['discord', 'slack', 'console', 'cli'],
  description: (w) => `The topics I answer about ${w.subject}, the disputed ones marked`,
  details: 'by area, with how many facts each has; ⚠ marks a topic where sources disagree, saying on what',
  // Listing topics runs no search.
  cooldown: false,
  run: (_input, { engine, scope }) => ({ kind: 'topics', areas: topicAreas(engine, scope) }),
});
